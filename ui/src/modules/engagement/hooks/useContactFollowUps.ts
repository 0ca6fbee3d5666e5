import { useQuery } from "@tanstack/react-query";
import { contactFollowUps } from "../../../ipc/engagement";
import { engagementKeys } from "../utils/queryKeys";

export function useContactFollowUps(contactId: string) {
  return useQuery({
    queryKey: engagementKeys.contactFollowUps(contactId),
    queryFn: ({ signal }) => contactFollowUps(contactId, { signal }),
  });
}
