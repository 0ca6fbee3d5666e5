import type { UserProfile } from "../../../ipc/bindings";
import { useAppInfo } from "../../shell/hooks/useAppInfo";

/** The signed-in user, or null on the start screens. */
export function useSessionUser(): UserProfile | null {
  const { data } = useAppInfo();
  return data?.session?.user ?? null;
}
