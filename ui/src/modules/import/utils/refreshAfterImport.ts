import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "../../../ipc/queryKeys";
import { refreshContacts } from "../../contacts/hooks/lifecycleKeys";

/** An import or an undo changed contacts: the list, counts and contact pages, and the history. */
export function refreshAfterImport(queryClient: QueryClient): Promise<unknown> {
  return Promise.all([
    refreshContacts(queryClient),
    queryClient.invalidateQueries({ queryKey: queryKeys.listImports() }),
  ]);
}
