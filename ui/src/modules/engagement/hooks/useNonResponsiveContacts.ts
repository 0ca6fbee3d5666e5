import { useQuery } from "@tanstack/react-query";
import { nonResponsiveContacts } from "../../../ipc/engagement";
import { engagementKeys } from "../utils/queryKeys";

/** Every open escalation in the user's scope, whoever holds it. */
export function useNonResponsiveContacts(enabled: boolean) {
  return useQuery({
    queryKey: engagementKeys.nonResponsiveContacts(null),
    queryFn: ({ signal }) => nonResponsiveContacts(null, { signal }),
    enabled,
  });
}
