import { useQuery } from "@tanstack/react-query";
import { listOwners } from "../../../ipc/contacts";
import { engagementKeys } from "../utils/queryKeys";

/** The users a follow-up or cadence can be given to. */
export function useOwnerChoices() {
  return useQuery({
    queryKey: engagementKeys.listOwners(),
    queryFn: ({ signal }) => listOwners({ signal }),
    staleTime: 5 * 60_000,
  });
}
