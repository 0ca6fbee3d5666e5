import { useMutation, useQueryClient } from "@tanstack/react-query";
import { restoreAccess } from "../../../ipc/session";
import { setAppInfo } from "../utils/sessionCache";

export function useRestoreAccess() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (recoveryKey: string) => restoreAccess(recoveryKey),
    onSuccess: (info) => setAppInfo(client, info),
  });
}
