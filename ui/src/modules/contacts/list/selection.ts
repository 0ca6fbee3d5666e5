//! Which rows of the contact list are selected. Either chosen ids, or "everything this list
//! matches" minus the rows unticked afterwards; the latter never needs the rows to be loaded.
import type { BulkSelection, ContactCountQuery, ContactRow } from "../../../ipc/bindings";

export type ListSelection =
  | { kind: "ids"; ids: ReadonlySet<string>; anchor: string | null }
  | { kind: "all"; except: ReadonlySet<string>; anchor: string | null };

export const NO_SELECTION: ListSelection = { kind: "ids", ids: new Set(), anchor: null };

/** How the header checkbox looks for the rows loaded so far. */
export type LoadedState = "none" | "some" | "all";

export function isSelected(selection: ListSelection, id: string): boolean {
  return selection.kind === "ids" ? selection.ids.has(id) : !selection.except.has(id);
}

/** The number of selected contacts; `total` is the list's count (null while unknown). */
export function selectedCount(selection: ListSelection, total: number | null): number | null {
  if (selection.kind === "ids") return selection.ids.size;
  return total === null ? null : Math.max(total - selection.except.size, 0);
}

export function isEmpty(selection: ListSelection, total: number | null): boolean {
  return selectedCount(selection, total) === 0;
}

function setAll(selection: ListSelection, ids: readonly string[], value: boolean, anchor: string | null): ListSelection {
  if (selection.kind === "ids") {
    const next = new Set(selection.ids);
    for (const id of ids) {
      if (value) next.add(id);
      else next.delete(id);
    }
    return { kind: "ids", ids: next, anchor };
  }
  const except = new Set(selection.except);
  for (const id of ids) {
    if (value) except.delete(id);
    else except.add(id);
  }
  return { kind: "all", except, anchor };
}

/** A click on one row's checkbox (or Ctrl/Cmd+click, or Space): flips that row. */
export function toggle(selection: ListSelection, id: string): ListSelection {
  return setAll(selection, [id], !isSelected(selection, id), id);
}

/**
 * Shift+click: every row from the last clicked one to this one takes the state this row gets
 * (ticked when it was unticked), as in a mail client. Without an anchor it is a plain toggle.
 */
export function toggleRange(selection: ListSelection, rows: readonly ContactRow[], id: string): ListSelection {
  const to = rows.findIndex((row) => row.id === id);
  const from = selection.anchor === null ? -1 : rows.findIndex((row) => row.id === selection.anchor);
  if (to < 0 || from < 0) return toggle(selection, id);
  const value = !isSelected(selection, id);
  const [start, end] = from <= to ? [from, to] : [to, from];
  const ids = rows.slice(start, end + 1).map((row) => row.id);
  // The anchor stays where the range started, so a second Shift+click re-draws from there.
  return setAll(selection, ids, value, selection.anchor);
}

export function loadedState(selection: ListSelection, rows: readonly ContactRow[]): LoadedState {
  let ticked = 0;
  for (const row of rows) if (isSelected(selection, row.id)) ticked += 1;
  if (ticked === 0) return "none";
  return ticked === rows.length ? "all" : "some";
}

/** Ctrl/Cmd+A or the header checkbox: every loaded row. */
export function selectLoaded(selection: ListSelection, rows: readonly ContactRow[]): ListSelection {
  return setAll(selection, rows.map((row) => row.id), true, selection.anchor);
}

/** The header checkbox when everything loaded is ticked: clears the selection. */
export function clearLoaded(selection: ListSelection, rows: readonly ContactRow[]): ListSelection {
  if (selection.kind === "all") return NO_SELECTION;
  return setAll(selection, rows.map((row) => row.id), false, selection.anchor);
}

export function selectAllMatching(): ListSelection {
  return { kind: "all", except: new Set(), anchor: null };
}

/** What the core acts on. */
export function toBulkSelection(selection: ListSelection, query: ContactCountQuery): BulkSelection {
  if (selection.kind === "ids") return { kind: "ids", ids: [...selection.ids] };
  return { kind: "query", query, except: [...selection.except] };
}
