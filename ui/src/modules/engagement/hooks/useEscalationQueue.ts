import { useQuery } from "@tanstack/react-query";
import { escalationQueue } from "../../../ipc/engagement";
import { engagementKeys } from "../utils/queryKeys";

/** Escalations whose latest step is the signed-in user's. */
export function useEscalationQueue() {
  return useQuery({
    queryKey: engagementKeys.escalationQueue(),
    queryFn: ({ signal }) => escalationQueue({ signal }),
  });
}
