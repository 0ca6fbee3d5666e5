import { useQuery } from "@tanstack/react-query";
import { getCadence } from "../../../ipc/engagement";
import { engagementKeys } from "../utils/queryKeys";

/** The contact's stay-in-touch cadence, or null when none is set. */
export function useCadence(contactId: string) {
  return useQuery({
    queryKey: engagementKeys.getCadence(contactId),
    queryFn: ({ signal }) => getCadence(contactId, { signal }),
  });
}
