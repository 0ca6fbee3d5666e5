import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ContactCountQuery } from "../../../ipc/bindings";
import { countContacts } from "../../../ipc/contacts";
import { queryKeys } from "../../../ipc/queryKeys";
import type { ContactListState } from "../types/contactList";

export function useContactCount(state: ContactListState) {
  const query: ContactCountQuery = { search: state.search, filter: state.filter };
  return useQuery({
    queryKey: queryKeys.countContacts(query),
    queryFn: ({ signal }) => countContacts(query, { signal }),
    placeholderData: keepPreviousData,
  });
}
