import { useQuery } from "@tanstack/react-query";
import { followUpCounts } from "../../../ipc/engagement";
import { engagementKeys } from "../utils/queryKeys";

/** Polled as often as the shell raises reminders, so the badge and the notifications agree. */
export function useFollowUpCounts(enabled = true) {
  return useQuery({
    queryKey: engagementKeys.followUpCounts(),
    queryFn: ({ signal }) => followUpCounts({ signal }),
    refetchInterval: 60_000,
    enabled,
  });
}
