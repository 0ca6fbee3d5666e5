import { useMutation, useQueryClient } from "@tanstack/react-query";
import { removeCadence, setCadence } from "../../../ipc/engagement";
import { invalidateEngagement } from "../utils/invalidateEngagement";

/** Sets the contact's cadence to every `everyDays` days, or removes it when `everyDays` is null. */
export function useSetCadence(contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (everyDays: number | null) => {
      if (everyDays === null) {
        await removeCadence(contactId);
        return null;
      }
      return setCadence(contactId, { everyDays, owner: null });
    },
    onSuccess: () => invalidateEngagement(queryClient),
  });
}
