import { useMutation, useQueryClient } from "@tanstack/react-query";
import { deleteInteraction } from "../../../ipc/engagement";
import { invalidateEngagement } from "../utils/invalidateEngagement";

export function useDeleteInteraction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteInteraction(id),
    onSuccess: () => invalidateEngagement(queryClient),
  });
}
