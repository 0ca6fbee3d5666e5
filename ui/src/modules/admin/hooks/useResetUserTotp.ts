import { useMutation, useQueryClient } from "@tanstack/react-query";
import { resetUserTotp } from "../../../ipc/admin";
import { invalidate } from "../utils/invalidate";

export function useResetUserTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => resetUserTotp(id),
    onSuccess: () => invalidate(queryClient, "listUsers"),
  });
}
