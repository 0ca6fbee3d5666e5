import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Interaction, InteractionInput, LoggedInteraction } from "../../../ipc/bindings";
import { logInteraction, updateInteraction } from "../../../ipc/engagement";
import { invalidateEngagement } from "../utils/invalidateEngagement";

export type SaveInteraction = { input: InteractionInput; editing: Interaction | null };

/** Logs a new interaction, or saves an edit of `editing` (optimistic locking by its version). */
export function useSaveInteraction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ input, editing }: SaveInteraction): Promise<LoggedInteraction> => {
      if (!editing) return logInteraction(input);
      const interaction = await updateInteraction(editing.id, editing.version, input);
      return { interaction, followUp: null, acknowledged: [] };
    },
    onSuccess: () => invalidateEngagement(queryClient),
  });
}
