import { notifications } from "@mantine/notifications";
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
    onSuccess: (info, name) => {
      // Announced here, not by the screen that asked: that screen is gone with the session.
      notifications.show({
        color: "teal",
        title: "Backup restored",
        message: `The database is back to ${name}. Everyone was signed out: sign in again to continue.`,
        autoClose: 10_000,
      });
      setAppInfo(queryClient, info);
      return queryClient.invalidateQueries({ queryKey: queryKeys.appInfo() });
    },
    // A refused backup leaves the database as it was, but a failure while swapping files can
    // leave it unusable or signed out: the status says which.
    onError: () => queryClient.invalidateQueries({ queryKey: queryKeys.appInfo() }),
  });
}
