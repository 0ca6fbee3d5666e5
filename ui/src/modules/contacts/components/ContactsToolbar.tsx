import { Badge, Button, Chip, CloseButton, Group, Select, TextInput, Tooltip, type ComboboxData } from "@mantine/core";
import { IconFilterOff, IconSearch } from "@tabler/icons-react";
import { useMemo, type KeyboardEvent } from "react";
import type { ContactFilter, ContactStatus, ContactType, LifecycleStage, TerritoryOption } from "../../../ipc/bindings";
import { describeChange } from "../utils/changeFilter";
import { contactStatusLabels, contactTypeLabels, lifecycleStageLabels } from "../utils/labels";

export type ContactsToolbarProps = {
  searchText: string;
  onSearchTextChange: (text: string) => void;
  /** Enter: search now instead of waiting for the debounce. */
  onSearchSubmit: () => void;
  /** ArrowDown in the search box: continue in the table. */
  onSearchLeaveDown: () => void;
  filter: ContactFilter;
  onFilterChange: (filter: ContactFilter) => void;
  territories: TerritoryOption[] | undefined;
  territoriesLoading: boolean;
  narrowed: boolean;
  onClearAll: () => void;
  /** Site administrators can list the contacts that belong to no site yet. */
  canShowUnassigned: boolean;
};

const typeOptions: ComboboxData = (Object.keys(contactTypeLabels) as ContactType[]).map((value) => ({
  value,
  label: contactTypeLabels[value],
}));

const statusOptions: ComboboxData = (Object.keys(contactStatusLabels) as ContactStatus[]).map((value) => ({
  value,
  label: contactStatusLabels[value],
}));

const stageOptions: ComboboxData = (Object.keys(lifecycleStageLabels) as LifecycleStage[]).map((value) => ({
  value,
  label: lifecycleStageLabels[value],
}));

function groupTerritories(territories: TerritoryOption[]): ComboboxData {
  const byRegion = new Map<string, { value: string; label: string }[]>();
  for (const territory of territories) {
    const items = byRegion.get(territory.regionName) ?? [];
    items.push({ value: territory.id, label: territory.name });
    byRegion.set(territory.regionName, items);
  }
  return [...byRegion.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, items]) => ({ group, items: items.sort((a, b) => a.label.localeCompare(b.label)) }));
}

export function ContactsToolbar({
  searchText,
  onSearchTextChange,
  onSearchSubmit,
  onSearchLeaveDown,
  filter,
  onFilterChange,
  territories,
  territoriesLoading,
  narrowed,
  onClearAll,
  canShowUnassigned,
}: ContactsToolbarProps) {
  const territoryOptions = useMemo(() => groupTerritories(territories ?? []), [territories]);

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      onSearchLeaveDown();
    } else if (event.key === "Enter") {
      onSearchSubmit();
    } else if (event.key === "Escape" && searchText) {
      event.preventDefault();
      onSearchTextChange("");
    }
  };

  return (
    <Group gap="sm" wrap="wrap" align="flex-end">
      <TextInput
        flex="1 1 280px"
        miw={240}
        value={searchText}
        onChange={(event) => onSearchTextChange(event.currentTarget.value)}
        onKeyDown={onSearchKeyDown}
        placeholder="Search name, email, phone, company…"
        aria-label="Search contacts"
        leftSection={<IconSearch size={16} stroke={1.6} />}
        rightSection={
          searchText ? (
            <CloseButton size="sm" aria-label="Clear search" onClick={() => onSearchTextChange("")} />
          ) : null
        }
        data-testid="contact-search"
        autoComplete="off"
        spellCheck={false}
      />
      <Select
        w={150}
        aria-label="Contact type"
        placeholder="All types"
        data={typeOptions}
        value={filter.contactType}
        onChange={(value) => onFilterChange({ ...filter, contactType: value as ContactType | null })}
        clearable
        allowDeselect
        data-testid="filter-type"
      />
      <Select
        w={200}
        aria-label="Territory"
        placeholder={territoriesLoading ? "Loading territories…" : "All territories"}
        data={territoryOptions}
        value={filter.territoryId}
        onChange={(value) => onFilterChange({ ...filter, territoryId: value })}
        clearable
        searchable
        nothingFoundMessage="No territory with that name"
        disabled={territoriesLoading && !territories}
        data-testid="filter-territory"
      />
      <Select
        w={140}
        aria-label="Status"
        placeholder="All statuses"
        data={statusOptions}
        value={filter.status}
        onChange={(value) => onFilterChange({ ...filter, status: value as ContactStatus | null })}
        clearable
        allowDeselect
        data-testid="filter-status"
      />
      <Select
        w={170}
        aria-label="Lifecycle stage"
        placeholder="All stages"
        data={stageOptions}
        value={filter.lifecycleStage ?? null}
        onChange={(value) => onFilterChange({ ...filter, lifecycleStage: value as LifecycleStage | null })}
        clearable
        allowDeselect
        data-testid="filter-stage"
      />
      {filter.changed ? (
        <Badge
          size="lg"
          variant="light"
          mb={4}
          data-testid="filter-changed"
          rightSection={
            <CloseButton
              size="xs"
              aria-label="Remove this filter"
              onClick={() => onFilterChange({ ...filter, changed: null })}
            />
          }
        >
          {describeChange(filter.changed)}
        </Badge>
      ) : null}
      {canShowUnassigned ? (
        <Tooltip label="Contacts with no site yet: only site administrators see them">
          <Chip
            checked={filter.unassigned === true}
            onChange={(checked) => onFilterChange({ ...filter, unassigned: checked })}
            variant="outline"
            size="md"
            mb={2}
            data-testid="filter-unassigned"
          >
            Unassigned (no site)
          </Chip>
        </Tooltip>
      ) : null}
      {narrowed ? (
        <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={16} />} onClick={onClearAll}>
          Clear all
        </Button>
      ) : null}
    </Group>
  );
}
