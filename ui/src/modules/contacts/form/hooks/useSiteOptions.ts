import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { searchSites } from "../ipc";
import { formQueryKeys } from "../queryKeys";

const SITE_SEARCH_DEBOUNCE_MS = 200;

/** Sites whose site, account, territory or city contains the text; those in the user's scope first. */
export function useSiteOptions(text: string) {
  const [query] = useDebouncedValue(text.trim(), SITE_SEARCH_DEBOUNCE_MS);
  return useQuery({
    queryKey: formQueryKeys.searchSites(query),
    queryFn: ({ signal }) => searchSites(query, { signal }),
    placeholderData: keepPreviousData,
  });
}
