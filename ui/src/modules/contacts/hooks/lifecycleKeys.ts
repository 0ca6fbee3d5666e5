//! Query keys of the lifecycle commands, named after the commands like those in `src/ipc/queryKeys.ts`.
import type { QueryClient } from "@tanstack/react-query";

export const lifecycleKeys = {
  getContactPolicy: () => ["getContactPolicy"] as const,
  listErasureDue: () => ["listErasureDue"] as const,
  searchSites: (query: string) => ["searchSites", query] as const,
};

/**
 * After a change to a contact: its page, every other contact page (setting a primary contact
 * changes the previous one too), the history, the list, the counts, the erasure list, and what
 * counts contacts elsewhere (the verification queues, the dashboard, reports).
 * Contact pages not on screen are dropped rather than marked stale, so opening one never shows
 * what it was before the change (say, a primary contact who just stepped down) while it reloads.
 */
export function refreshContacts(queryClient: QueryClient): Promise<void[]> {
  for (const name of ["getContact", "contactHistory"]) {
    queryClient.removeQueries({ queryKey: [name], type: "inactive" });
  }
  return Promise.all(
    ["getContact", "contactHistory", "listContacts", "countContacts", "listErasureDue", "review-queue", "dashboard", "report"].map((name) =>
      queryClient.invalidateQueries({ queryKey: [name] }),
    ),
  );
}
