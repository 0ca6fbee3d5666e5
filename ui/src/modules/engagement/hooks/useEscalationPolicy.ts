import { useQuery } from "@tanstack/react-query";
import { getEscalationPolicy } from "../../../ipc/engagement";
import { engagementKeys } from "../utils/queryKeys";

export function useEscalationPolicy() {
  return useQuery({
    queryKey: engagementKeys.getEscalationPolicy(),
    queryFn: ({ signal }) => getEscalationPolicy({ signal }),
  });
}
