import { useInfiniteQuery } from "@tanstack/react-query";
import { accountTimeline, contactTimeline } from "../../../ipc/engagement";
import type { TimelineSource } from "../types/timelineSource";
import { engagementKeys, type TimelineFilterKey } from "../utils/queryKeys";

/** Enough entries to fill the card; "Load more" fetches the next page by the core's cursor. */
export const TIMELINE_PAGE = 25;

/** A contact's or an account's interactions, newest first, as pages. */
export function useTimeline(source: TimelineSource, filters: TimelineFilterKey) {
  return useInfiniteQuery({
    queryKey:
      source.kind === "contact"
        ? engagementKeys.contactTimeline(source.id, filters)
        : engagementKeys.accountTimeline(source.id, filters),
    queryFn: ({ pageParam, signal }) => {
      const query = { ...filters, limit: TIMELINE_PAGE, cursor: pageParam };
      return source.kind === "contact"
        ? contactTimeline(source.id, query, { signal })
        : accountTimeline(source.id, query, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}
