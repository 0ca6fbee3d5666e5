import { Select, Stack, Text, type ComboboxData } from "@mantine/core";
import { useMemo, useState } from "react";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { useTargetSites } from "../hooks/useTargetSites";
import type { ImportTarget } from "../types/importFile";
import { NO_SITE_LABEL, siteTargetLabel, targetLabel } from "../utils/siteTargetLabel";

export type SiteTargetSelectProps = {
  target: ImportTarget | null;
  /** Site administrators may also choose no site. */
  withoutSite: boolean;
  disabled: boolean;
  error?: string | null;
  onChange: (target: ImportTarget | null) => void;
};

/** The option value of "no site"; site ids are numbers, so it cannot clash. */
const NO_SITE = "\u0000none";

/** Where the new contacts go: a site searched by site, account, territory or city. */
export function SiteTargetSelect({ target, withoutSite, disabled, error, onChange }: SiteTargetSelectProps) {
  const [search, setSearch] = useState(targetLabel(target));
  // Picking an option writes its label into the box; that label is not a search.
  const typed = target && search === targetLabel(target) ? "" : search;
  const sites = useTargetSites(typed);
  const chosen = target?.kind === "site" ? target.site : null;
  const options = useMemo(() => {
    const found = sites.data ?? [];
    return chosen && !found.some((site) => site.siteId === chosen.siteId) ? [chosen, ...found] : found;
  }, [sites.data, chosen]);
  const byId = useMemo(() => new Map(options.map((site) => [site.siteId, site])), [options]);
  const data = useMemo<ComboboxData>(
    () => [
      ...(withoutSite ? [{ value: NO_SITE, label: NO_SITE_LABEL }] : []),
      ...options.map((site) => ({ value: site.siteId, label: siteTargetLabel(site), disabled: !site.inScope })),
    ],
    [options, withoutSite],
  );

  let value: string | null = null;
  if (target?.kind === "none") value = NO_SITE;
  else if (target) value = target.site.siteId;

  return (
    <Select
      label="Site for new contacts"
      description={
        withoutSite
          ? "New contacts are associated with this site. Without a site only administrators see them."
          : "New contacts are associated with this site, which must be in your area."
      }
      placeholder="Search by site, account, territory or city"
      data={data}
      value={value}
      onChange={(id) => {
        if (id === NO_SITE) onChange({ kind: "none" });
        else {
          const site = id ? byId.get(id) : undefined;
          onChange(site ? { kind: "site", site } : null);
        }
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The core already searched: show what it found.
      filter={({ options: all }) => all}
      nothingFoundMessage={sites.isFetching ? "Searching…" : "No site matches"}
      renderOption={({ option }) => {
        const site = byId.get(option.value);
        if (!site) return <Text size="sm">{option.label}</Text>;
        return (
          <Stack gap={0} miw={0}>
            <Text size="sm" truncate="end">
              {siteTargetLabel(site)}
            </Text>
            <Text size="xs" c="dimmed" truncate="end">
              {[site.city, site.region].filter(Boolean).join(" · ")}
              {site.inScope ? "" : " · outside your area"}
            </Text>
          </Stack>
        );
      }}
      error={error ?? (sites.isError ? formatIpcError(sites.error).message : undefined)}
      required={!withoutSite}
      disabled={disabled}
      allowDeselect={false}
      maxDropdownHeight={320}
      comboboxProps={{ position: "bottom-start" }}
      data-testid="import-target-site"
    />
  );
}
