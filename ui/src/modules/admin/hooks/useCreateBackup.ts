import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createBackup } from "../../../ipc/admin";
import { invalidate } from "../utils/invalidate";

export function useCreateBackup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => createBackup(),
    onSuccess: () => invalidate(queryClient, "listBackups", "listAuditEvents"),
  });
}
