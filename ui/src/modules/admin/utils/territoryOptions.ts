import type { ComboboxData } from "@mantine/core";
import type { Region } from "../../../ipc/bindings";

/** Territories grouped under their region, both in name order, for pickers. */
export function territoryOptions(regions: Region[]): ComboboxData {
  return [...regions]
    .sort((a, b) => a.name.localeCompare(b.name))
    .filter((region) => region.territories.length > 0)
    .map((region) => ({
      group: region.name,
      items: [...region.territories]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((territory) => ({ value: territory.id, label: territory.name })),
    }));
}

export function regionOptions(regions: Region[]): ComboboxData {
  return [...regions]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((region) => ({ value: region.id, label: region.name }));
}
