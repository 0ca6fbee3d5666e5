import { useQueries } from "@tanstack/react-query";
import type { AccountKind, ContactSite } from "../../../ipc/bindings";
import { searchSites } from "./lifecycleIpc";
import { lifecycleKeys } from "./lifecycleKeys";

/**
 * The kind of account (private or business) of each of the contact's sites, by site id. A
 * contact's sites do not carry it, so the sites are looked up by their account's name (an
 * account has a handful of sites; a site's own name, such as "Head Office", is shared by many);
 * a site not found stays unknown (undefined) and is treated as a business site.
 */
export function useSiteKinds(sites: ContactSite[], enabled: boolean): Record<string, AccountKind | undefined> {
  const names = [...new Set(sites.map((site) => site.accountName))];
  const results = useQueries({
    queries: names.map((name) => ({
      queryKey: lifecycleKeys.searchSites(name),
      queryFn: ({ signal }: { signal: AbortSignal }) => searchSites(name, { signal }),
      enabled,
      staleTime: 5 * 60_000,
    })),
  });
  const kinds: Record<string, AccountKind | undefined> = {};
  for (const result of results) {
    for (const option of result.data ?? []) kinds[option.siteId] = option.accountKind;
  }
  return Object.fromEntries(sites.map((site) => [site.siteId, kinds[site.siteId]]));
}
