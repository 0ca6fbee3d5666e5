import { useQuery } from "@tanstack/react-query";
import { overdueFollowUps } from "../../../ipc/engagement";
import { engagementKeys } from "../utils/queryKeys";
import { QUEUE_LIMIT } from "./useMyFollowUps";

/** Everyone's overdue follow-ups on contacts in the user's territories (the managers' queue). */
export function useOverdueFollowUps(enabled: boolean) {
  const query = { limit: QUEUE_LIMIT };
  return useQuery({
    queryKey: engagementKeys.overdueFollowUps(query),
    queryFn: ({ signal }) => overdueFollowUps(query, { signal }),
    enabled,
  });
}
