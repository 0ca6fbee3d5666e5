import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { searchSites } from "../../../ipc/contacts";
import { queryKeys } from "../../../ipc/queryKeys";

const SITE_SEARCH_DEBOUNCE_MS = 200;

/** Sites matching what is typed (site, account, territory or city), those in the user's scope first. */
export function useTargetSites(text: string) {
  const [query] = useDebouncedValue(text.trim(), SITE_SEARCH_DEBOUNCE_MS);
  return useQuery({
    queryKey: queryKeys.searchSites(query),
    queryFn: ({ signal }) => searchSites(query, { signal }),
    placeholderData: keepPreviousData,
  });
}
