import { useQuery } from "@tanstack/react-query";
import type { ContactCountQuery } from "../../../ipc/bindings";
import { countContacts } from "../../../ipc/contacts";
import { queryKeys } from "../../../ipc/queryKeys";

/** No search and no filter: the core limits the count to the signed-in user's scope. */
export const VISIBLE_CONTACTS_QUERY: ContactCountQuery = {
  search: null,
  filter: { contactType: null, territoryId: null, status: null, unassigned: false },
};

export function useVisibleContactCount() {
  return useQuery({
    queryKey: queryKeys.countContacts(VISIBLE_CONTACTS_QUERY),
    queryFn: ({ signal }) => countContacts(VISIBLE_CONTACTS_QUERY, { signal }),
  });
}
