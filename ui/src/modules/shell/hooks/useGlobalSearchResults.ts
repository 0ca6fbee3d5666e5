import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ContactListQuery } from "../../../ipc/bindings";
import { listContacts } from "../../../ipc/contacts";
import { queryKeys } from "../../../ipc/queryKeys";

export const GLOBAL_SEARCH_LIMIT = 10;

/** Best matches for the global search box; idle while the text is blank. */
export function useGlobalSearchResults(text: string) {
  const search = text.trim();
  const query: Omit<ContactListQuery, "cursor"> = {
    search,
    filter: { contactType: null, territoryId: null, status: null, unassigned: false },
    sort: { column: "name", direction: "asc" },
    limit: GLOBAL_SEARCH_LIMIT,
  };
  return useQuery({
    queryKey: queryKeys.listContacts(query),
    queryFn: ({ signal }) => listContacts({ ...query, cursor: null }, { signal }),
    enabled: search.length > 0,
    placeholderData: keepPreviousData,
  });
}
