import { notifications } from "@mantine/notifications";
import { useMutation } from "@tanstack/react-query";
import { pickImportFiles } from "../../../ipc/imports";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { importQueue } from "../utils/importQueue";

/** The native file dialog; the chosen files join the queue (nothing happens when cancelled). */
export function usePickImportFiles() {
  return useMutation({
    mutationFn: () => pickImportFiles(),
    onSuccess: (files) => importQueue.add(files),
    onError: (error) => {
      const { title, message } = formatIpcError(error);
      notifications.show({ color: "red", title, message });
    },
  });
}
