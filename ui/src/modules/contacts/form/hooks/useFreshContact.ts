import { useQuery } from "@tanstack/react-query";
import { getContact } from "../../../../ipc/contacts";
import { queryKeys } from "../../../../ipc/queryKeys";

/**
 * The contact as stored now. An edit starts from it and names its version, so a copy cached a
 * while ago (saved since in another window) would only lead to a conflict: it is read again on
 * opening. Shares the detail page's cache entry, which the save then updates.
 */
export function useFreshContact(id: string) {
  const query = useQuery({
    queryKey: queryKeys.getContact(id),
    queryFn: ({ signal }) => getContact(id, { signal }),
    refetchOnMount: "always",
  });
  return { ...query, fresh: query.isFetchedAfterMount && !query.isFetching };
}
