import { useQuery } from "@tanstack/react-query";
import { cadenceQueue } from "../../../ipc/engagement";
import { engagementKeys } from "../utils/queryKeys";

/** The user's contacts whose stay-in-touch time has come. */
export function useCadenceQueue() {
  return useQuery({
    queryKey: engagementKeys.cadenceQueue(),
    queryFn: ({ signal }) => cadenceQueue({ signal }),
  });
}
