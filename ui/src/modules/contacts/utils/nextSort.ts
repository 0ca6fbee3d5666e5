import type { ContactSort, SortColumn } from "../../../ipc/bindings";

/** Columns whose natural first order is newest/largest first. */
const DESCENDING_FIRST: readonly SortColumn[] = ["updated_at"];

/** Clicking the sorted column flips its direction; another column starts in its natural order. */
export function nextSort(current: ContactSort, column: SortColumn): ContactSort {
  if (current.column === column) {
    return { column, direction: current.direction === "asc" ? "desc" : "asc" };
  }
  return { column, direction: DESCENDING_FIRST.includes(column) ? "desc" : "asc" };
}
