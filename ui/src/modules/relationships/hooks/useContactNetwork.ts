import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { contactNetwork } from "../../../ipc/relationships";
import { relationshipKeys } from "../utils/queryKeys";

/**
 * The people around a contact, `depth` steps along `kinds` (empty: all). The previous network
 * stays on screen while a new depth or kind filter loads.
 */
export function useContactNetwork(contactId: string, depth: number, kinds: string[]) {
  return useQuery({
    queryKey: relationshipKeys.contactNetwork(contactId, depth, kinds),
    queryFn: ({ signal }) => contactNetwork(contactId, depth, kinds, { signal }),
    placeholderData: keepPreviousData,
  });
}
