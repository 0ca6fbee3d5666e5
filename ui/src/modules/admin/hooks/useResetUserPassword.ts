import { useMutation, useQueryClient } from "@tanstack/react-query";
import { resetUserPassword } from "../../../ipc/admin";
import { invalidate } from "../utils/invalidate";

export function useResetUserPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, newPassword }: { id: string; newPassword: string }) => resetUserPassword(id, newPassword),
    // A reset also ends a lockout.
    onSuccess: () => invalidate(queryClient, "listUsers"),
  });
}
