//! TanStack Query keys of the contact form, named after their commands like those in
//! `src/ipc/queryKeys.ts` (the list module uses the same `listOwners` and `searchSites` keys for the
//! same answers, so the two share the cache).
import type { ContactInput } from "../../../ipc/bindings";

export const formQueryKeys = {
  checkContact: (input: ContactInput, contactId: string | null) => ["checkContact", contactId, input] as const,
  searchSites: (query: string) => ["searchSites", query] as const,
  listOwners: () => ["listOwners"] as const,
  getContactPolicy: () => ["getContactPolicy"] as const,
  loadContactDraft: () => ["loadContactDraft"] as const,
};
