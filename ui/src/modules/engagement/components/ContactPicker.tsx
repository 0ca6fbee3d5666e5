import { MultiSelect } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMemo, useState } from "react";
import { useContactSearch } from "../hooks/useContactSearch";

export type ContactPickerProps = {
  /** The contact the dialog is about: taking part already, so not offered. */
  excludeId: string;
  value: string[];
  onChange(ids: string[]): void;
  /** Names of contacts already chosen (when editing), so their chips read as names. */
  knownNames?: Record<string, string>;
  error?: string;
};

/** Other people who took part, found by name, email, phone or company as you type. */
export function ContactPicker({ excludeId, value, onChange, knownNames = {}, error }: ContactPickerProps) {
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 200);
  const found = useContactSearch(debounced);
  // Names of everyone chosen so far, so a chip keeps its label after the search moves on.
  const [chosenNames, setChosenNames] = useState<Record<string, string>>(knownNames);
  const data = useMemo(() => {
    const names: Record<string, string> = { ...chosenNames };
    for (const row of found.data?.rows ?? []) names[row.id] = row.displayName;
    const ids = new Set([...value, ...(found.data?.rows ?? []).map((row) => row.id)]);
    ids.delete(excludeId);
    return [...ids].map((id) => ({ value: id, label: names[id] ?? id }));
  }, [found.data, value, excludeId, chosenNames]);
  const choose = (ids: string[]) => {
    setChosenNames(Object.fromEntries(data.filter((option) => ids.includes(option.value)).map((o) => [o.value, o.label])));
    onChange(ids);
  };

  return (
    <MultiSelect
      label="Others who took part"
      placeholder={value.length ? undefined : "Type a name, email or company"}
      data={data}
      value={value}
      onChange={choose}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The core has filtered already; Mantine's own filter would hide matches on email or company.
      filter={({ options }) => options}
      nothingFoundMessage={debounced.trim().length >= 2 && !found.isFetching ? "Nobody found" : undefined}
      hidePickedOptions
      clearable
      error={error}
      comboboxProps={{ withinPortal: true }}
      data-testid="interaction-others"
    />
  );
}
