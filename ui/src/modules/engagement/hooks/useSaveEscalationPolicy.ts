import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { EscalationPolicy } from "../../../ipc/bindings";
import { saveEscalationPolicy } from "../../../ipc/engagement";
import { invalidateEngagement } from "../utils/invalidateEngagement";
import { engagementKeys } from "../utils/queryKeys";

/** Saving runs the escalation at once, so the queues are refreshed too. */
export function useSaveEscalationPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policy: EscalationPolicy) => saveEscalationPolicy(policy),
    onSuccess: (saved) => {
      queryClient.setQueryData(engagementKeys.getEscalationPolicy(), saved);
      return invalidateEngagement(queryClient);
    },
  });
}
