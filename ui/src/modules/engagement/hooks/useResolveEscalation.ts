import { useMutation, useQueryClient } from "@tanstack/react-query";
import { resolveEscalation } from "../../../ipc/engagement";
import { invalidateEngagement } from "../utils/invalidateEngagement";

export function useResolveEscalation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => resolveEscalation(id),
    onSuccess: () => invalidateEngagement(queryClient),
  });
}
