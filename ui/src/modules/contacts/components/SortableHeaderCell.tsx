import { Tooltip } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconArrowsSort } from "@tabler/icons-react";
import type { ContactSort, SortColumn } from "../../../ipc/bindings";
import type { ColumnDef } from "../types/contactList";
import classes from "./ContactsTable.module.css";

export type SortableHeaderCellProps = {
  column: ColumnDef;
  sort: ContactSort;
  /** True while searching: results come ordered by match quality. */
  sortDisabled: boolean;
  onSort: (column: SortColumn) => void;
};

export function SortableHeaderCell({ column, sort, sortDisabled, onSort }: SortableHeaderCellProps) {
  const sortColumn = column.sortColumn;
  if (sortColumn === null) {
    return (
      <div role="columnheader" className={classes.headerCell}>
        {column.label}
      </div>
    );
  }

  if (sortDisabled) {
    return (
      <div role="columnheader" className={classes.headerCell}>
        <Tooltip label="Search results are ordered by best match. Clear the search to sort." multiline w={220}>
          <span tabIndex={-1}>{column.label}</span>
        </Tooltip>
      </div>
    );
  }

  const active = sort.column === sortColumn;
  const ariaSort = active ? (sort.direction === "asc" ? "ascending" : "descending") : "none";
  let icon = <IconArrowsSort size={12} stroke={1.8} opacity={0.5} />;
  if (active) icon = sort.direction === "asc" ? <IconArrowUp size={12} stroke={2} /> : <IconArrowDown size={12} stroke={2} />;

  return (
    <div role="columnheader" aria-sort={ariaSort} className={classes.headerCell}>
      <button
        type="button"
        className={classes.sortButton}
        data-active={active || undefined}
        onClick={() => onSort(sortColumn)}
        title={`Sort by ${column.label.toLowerCase()}`}
      >
        {column.label}
        {icon}
      </button>
    </div>
  );
}
