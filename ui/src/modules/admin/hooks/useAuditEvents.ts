import { useInfiniteQuery } from "@tanstack/react-query";
import { listAuditEvents } from "../../../ipc/admin";
import { queryKeys } from "../../../ipc/queryKeys";

/** The audit trail, newest first, 100 events a page; older pages on request. */
export function useAuditEvents() {
  return useInfiniteQuery({
    queryKey: queryKeys.listAuditEvents(),
    queryFn: ({ pageParam, signal }) => listAuditEvents(pageParam, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextBefore ?? undefined,
    // New events arrive all the time (every sign-in); the first page is re-read on each visit.
    staleTime: 0,
  });
}
