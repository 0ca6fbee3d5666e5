import { useQuery } from "@tanstack/react-query";
import { myFollowUps } from "../../../ipc/engagement";
import { engagementKeys } from "../utils/queryKeys";

/** The most a queue shows at once; more than that is a backlog to work through, not to scroll. */
export const QUEUE_LIMIT = 200;

/** The signed-in user's open follow-ups, soonest due first. */
export function useMyFollowUps() {
  const query = { limit: QUEUE_LIMIT };
  return useQuery({
    queryKey: engagementKeys.myFollowUps(query),
    queryFn: ({ signal }) => myFollowUps(query, { signal }),
    refetchInterval: 60_000,
  });
}
