import { useCallback, useState } from "react";
import type { ContactRow } from "../../../ipc/bindings";
import {
  clearLoaded,
  loadedState,
  NO_SELECTION,
  selectAllMatching,
  selectLoaded,
  toggle,
  toggleRange,
  type ListSelection,
} from "./selection";

/**
 * The list's selection. It belongs to one list (`listKey`: its search, filter and sort): when the
 * query changes the selection is empty, without an effect or a stale frame. Rows scrolled out of
 * the virtualised table stay selected: the selection holds ids, never rendered rows.
 */
export function useListSelection(listKey: string, rows: readonly ContactRow[]) {
  const [stored, setStored] = useState<{ key: string; selection: ListSelection }>({
    key: listKey,
    selection: NO_SELECTION,
  });
  const selection = stored.key === listKey ? stored.selection : NO_SELECTION;

  const change = useCallback(
    (next: (current: ListSelection) => ListSelection) =>
      setStored((current) => ({
        key: listKey,
        selection: next(current.key === listKey ? current.selection : NO_SELECTION),
      })),
    [listKey],
  );

  const loaded = loadedState(selection, rows);
  return {
    selection,
    loaded,
    toggle: (id: string, range: boolean) =>
      change((current) => (range ? toggleRange(current, rows, id) : toggle(current, id))),
    toggleLoaded: () => change((current) => (loadedState(current, rows) === "all" ? clearLoaded(current, rows) : selectLoaded(current, rows))),
    selectLoaded: () => change((current) => selectLoaded(current, rows)),
    selectAllMatching: () => change(() => selectAllMatching()),
    clear: () => change(() => NO_SELECTION),
  };
}
