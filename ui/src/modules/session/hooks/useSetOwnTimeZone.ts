import { useMutation, useQueryClient } from "@tanstack/react-query";
import { setOwnTimeZone } from "../../../ipc/session";
import { setAppInfo } from "../utils/sessionCache";

/** Saves the user's time zone; the new app state carries it to every screen. */
export function useSetOwnTimeZone() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (timeZone: string | null) => setOwnTimeZone(timeZone),
    onSuccess: (info) => setAppInfo(client, info),
  });
}
