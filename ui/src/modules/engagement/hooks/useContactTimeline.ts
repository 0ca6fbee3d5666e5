import { useInfiniteQuery } from "@tanstack/react-query";
import { contactTimeline } from "../../../ipc/engagement";
import { engagementKeys, type TimelineFilterKey } from "../utils/queryKeys";

/** Enough entries to fill the card; "Load more" fetches the next page by the core's cursor. */
export const TIMELINE_PAGE = 25;

/** A contact's interactions, newest first, as pages. */
export function useContactTimeline(contactId: string, filters: TimelineFilterKey) {
  return useInfiniteQuery({
    queryKey: engagementKeys.contactTimeline(contactId, filters),
    queryFn: ({ pageParam, signal }) =>
      contactTimeline(contactId, { ...filters, limit: TIMELINE_PAGE, cursor: pageParam }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}
