import { useQuery } from "@tanstack/react-query";
import { engagementMetrics } from "../../../ipc/engagement";
import { engagementKeys } from "../utils/queryKeys";

export function useContactMetrics(contactId: string) {
  const of = { of: "contact", id: contactId } as const;
  return useQuery({
    queryKey: engagementKeys.engagementMetrics(of),
    queryFn: ({ signal }) => engagementMetrics(of, { signal }),
  });
}
