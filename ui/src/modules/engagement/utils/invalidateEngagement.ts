import type { QueryClient } from "@tanstack/react-query";
import { ENGAGEMENT_QUERIES } from "./queryKeys";

/**
 * One logged call resets a cadence, may close an escalation and changes the figures and the nav
 * badge, so every engagement list is refreshed rather than guessing which ones moved.
 */
export function invalidateEngagement(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (query) => ENGAGEMENT_QUERIES.has(String(query.queryKey[0])),
  });
}
