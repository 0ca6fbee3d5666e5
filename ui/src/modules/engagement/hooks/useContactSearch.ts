import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { listContacts } from "../../../ipc/contacts";
import { engagementKeys } from "../utils/queryKeys";

/** Contacts whose name, email, phone or company matches, for naming other participants. */
export function useContactSearch(search: string) {
  const text = search.trim();
  return useQuery({
    queryKey: engagementKeys.contactSearch(text),
    queryFn: ({ signal }) =>
      listContacts(
        {
          search: text,
          filter: { contactType: null, territoryId: null, status: "active" },
          sort: { column: "name", direction: "asc" },
          cursor: null,
          limit: 20,
        },
        { signal },
      ),
    enabled: text.length >= 2,
    placeholderData: keepPreviousData,
  });
}
