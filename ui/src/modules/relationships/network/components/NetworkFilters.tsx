import { Select } from "@mantine/core";
import type { FilterOption, NetworkFilters as Filters } from "../filterNetwork";

export type NetworkFiltersProps = {
  levels: FilterOption[];
  territories: FilterOption[];
  filters: Filters;
  onChange: (filters: Filters) => void;
};

/** Level and territory pickers; each empty means "all". */
export function NetworkFilters({ levels, territories, filters, onChange }: NetworkFiltersProps) {
  return (
    <>
      <Select
        size="xs"
        w={170}
        placeholder="All levels"
        clearable
        data={levels}
        value={filters.level}
        onChange={(level) => onChange({ ...filters, level })}
        disabled={levels.length === 0}
        aria-label="Level"
        data-testid="network-level-filter"
      />
      <Select
        size="xs"
        w={200}
        placeholder="All territories"
        clearable
        searchable
        data={territories}
        value={filters.territoryId}
        onChange={(territoryId) => onChange({ ...filters, territoryId })}
        disabled={territories.length === 0}
        aria-label="Territory"
        data-testid="network-territory-filter"
      />
    </>
  );
}
