import { canAdminister } from "../../session/utils/permissions";
import { useAppInfo } from "../../shell/hooks/useAppInfo";

/**
 * Whether the signed-in user administers the site. Only hides what the role cannot use: the core
 * refuses it anyway. `pending` is true until the application status has loaded.
 */
export function useIsSiteAdmin(): { isAdmin: boolean; pending: boolean } {
  const info = useAppInfo();
  return { isAdmin: canAdminister(info.data?.session?.user), pending: info.isPending };
}
