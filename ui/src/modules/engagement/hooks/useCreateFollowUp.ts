import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FollowUpInput } from "../../../ipc/bindings";
import { createFollowUp } from "../../../ipc/engagement";
import { invalidateEngagement } from "../utils/invalidateEngagement";

export function useCreateFollowUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: FollowUpInput) => createFollowUp(input),
    onSuccess: () => invalidateEngagement(queryClient),
  });
}
