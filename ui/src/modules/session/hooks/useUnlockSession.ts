import { useMutation, useQueryClient } from "@tanstack/react-query";
import { unlockSession } from "../../../ipc/session";
import { refetchFailed, setAppInfo } from "../utils/sessionCache";

export function useUnlockSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => unlockSession(password),
    onSuccess: (info) => {
      setAppInfo(client, info);
      refetchFailed(client);
    },
  });
}
