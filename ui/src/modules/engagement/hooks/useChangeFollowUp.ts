import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FollowUpChange } from "../../../ipc/bindings";
import { changeFollowUp, reassignFollowUp } from "../../../ipc/engagement";
import { invalidateEngagement } from "../utils/invalidateEngagement";

export type FollowUpEdit = { id: string; change: FollowUpChange } | { id: string; reassignTo: string };

/** Complete, reopen, cancel or reassign a follow-up. */
export function useChangeFollowUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (edit: FollowUpEdit) =>
      "change" in edit ? changeFollowUp(edit.id, edit.change) : reassignFollowUp(edit.id, edit.reassignTo),
    onSuccess: () => invalidateEngagement(queryClient),
  });
}
