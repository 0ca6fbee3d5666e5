import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { listContacts } from "../../../ipc/contacts";
import { queryKeys, type ContactListKey } from "../../../ipc/queryKeys";
import type { ContactListState } from "../types/contactList";
import { PAGE_SIZE } from "../utils/columns";

/**
 * Pages of the contact list. The key holds search, filter and sort, so an answer for older text
 * lands in its own cache entry and never replaces what is on screen for the newer text.
 */
export function useContactList(state: ContactListState) {
  const key: ContactListKey = { search: state.search, filter: state.filter, sort: state.sort, limit: PAGE_SIZE };
  return useInfiniteQuery({
    queryKey: queryKeys.listContacts(key),
    queryFn: ({ pageParam, signal }) => listContacts({ ...key, cursor: pageParam }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    placeholderData: keepPreviousData,
  });
}
