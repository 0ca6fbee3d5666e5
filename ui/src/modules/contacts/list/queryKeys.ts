//! TanStack Query keys of the list's saved views and bulk actions, named after their commands like
//! those in `src/ipc/queryKeys.ts`.
import type { BulkSelection } from "../../../ipc/bindings";

export const listQueryKeys = {
  listSavedViews: () => ["listSavedViews"] as const,
  listOwners: () => ["listOwners"] as const,
  searchSites: (query: string) => ["searchSites", query] as const,
  countBulkSelection: (selection: BulkSelection) => ["countBulkSelection", selection] as const,
};
