import { useMutation, useQueryClient } from "@tanstack/react-query";
import { unlockUser } from "../../../ipc/admin";
import { invalidate } from "../utils/invalidate";

export function useUnlockUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unlockUser(id),
    onSuccess: () => invalidate(queryClient, "listUsers"),
  });
}
