import { useMutation, useQueryClient } from "@tanstack/react-query";
import { restoreBackup } from "../../../ipc/admin";
import { queryKeys } from "../../../ipc/queryKeys";
import { setAppInfo } from "../../session/utils/sessionCache";

/**
 * Restoring replaces the database and signs everyone out. The new status (back at sign-in)
 * replaces the old one; the start gate then unmounts the app and forgets the rows it read.
 */
export function useRestoreBackup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => restoreBackup(name),
    onSuccess: (info) => {
      setAppInfo(queryClient, info);
      return queryClient.invalidateQueries({ queryKey: queryKeys.appInfo() });
    },
  });
}
