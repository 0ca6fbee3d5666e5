//! Between a saved view's query and the list's state: defaults filled in, so a view saved before a
//! filter existed still applies, and "modified" compares like with like.
import type { ContactSort, SavedView, SortColumn, TerritoryOption, ViewQuery } from "../../../ipc/bindings";
import { describeChange } from "../utils/changeFilter";
import type { ContactListState } from "../types/contactList";
import { contactStatusLabels, contactTypeLabels, lifecycleStageLabels } from "../utils/labels";
import { DEFAULT_SORT, EMPTY_FILTER } from "../utils/listParams";

export function fromViewQuery(query: ViewQuery): ContactListState {
  const filter = { ...EMPTY_FILTER, ...query.filter };
  return {
    search: query.search?.trim() || null,
    filter: {
      contactType: filter.contactType ?? null,
      territoryId: filter.territoryId ?? null,
      status: filter.status ?? null,
      unassigned: filter.unassigned === true,
      ...(filter.lifecycleStage ? { lifecycleStage: filter.lifecycleStage } : {}),
      ...(filter.changed ? { changed: filter.changed } : {}),
    },
    sort: { ...DEFAULT_SORT, ...query.sort },
  };
}

export function toViewQuery(state: ContactListState): ViewQuery {
  return { search: state.search, filter: { ...state.filter, unassigned: state.filter.unassigned === true }, sort: state.sort };
}

/** Same rows in the same order. The sort does not count while searching: results come by match. */
export function sameListState(a: ContactListState, b: ContactListState): boolean {
  const fa = a.filter;
  const fb = b.filter;
  return (
    (a.search ?? null) === (b.search ?? null) &&
    (fa.contactType ?? null) === (fb.contactType ?? null) &&
    (fa.territoryId ?? null) === (fb.territoryId ?? null) &&
    (fa.status ?? null) === (fb.status ?? null) &&
    (fa.unassigned === true) === (fb.unassigned === true) &&
    (fa.lifecycleStage ?? null) === (fb.lifecycleStage ?? null) &&
    (fa.changed?.kind ?? null) === (fb.changed?.kind ?? null) &&
    (fa.changed?.since ?? null) === (fb.changed?.since ?? null) &&
    (a.search !== null || (a.sort.column === b.sort.column && a.sort.direction === b.sort.direction))
  );
}

/** Whether the list no longer shows what the view saved. */
export function isModified(view: SavedView, state: ContactListState): boolean {
  return !sameListState(fromViewQuery(view.query), state);
}

const SORT_LABELS: Record<SortColumn, string> = {
  name: "name",
  company: "company",
  job_title: "job title",
  contact_type: "type",
  status: "status",
  updated_at: "last update",
  reference: "reference",
};

function describeSort(sort: ContactSort): string {
  return `Sorted by ${SORT_LABELS[sort.column]}, ${sort.direction === "asc" ? "ascending" : "descending"}`;
}

/**
 * The parts of a list state in words, for the save dialog and the views menu:
 * ["Search “ann”", "Type: Billing", "Territory: Scotland", "Sorted by name, ascending"].
 */
export function describeListState(state: ContactListState, territories: readonly TerritoryOption[] | undefined): string[] {
  const parts: string[] = [];
  if (state.search) parts.push(`Search “${state.search}”`);
  if (state.filter.contactType) parts.push(`Type: ${contactTypeLabels[state.filter.contactType]}`);
  if (state.filter.territoryId) {
    const territory = territories?.find((t) => t.id === state.filter.territoryId);
    parts.push(`Territory: ${territory?.name ?? "not in your scope"}`);
  }
  if (state.filter.status) parts.push(`Status: ${contactStatusLabels[state.filter.status]}`);
  if (state.filter.unassigned) parts.push("Unassigned (no site)");
  if (state.filter.lifecycleStage) parts.push(`Stage: ${lifecycleStageLabels[state.filter.lifecycleStage]}`);
  if (state.filter.changed) parts.push(describeChange(state.filter.changed));
  if (parts.length === 0) parts.push("All contacts");
  if (!state.search) parts.push(describeSort(state.sort));
  return parts;
}
