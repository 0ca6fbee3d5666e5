import type { ContactFilter, ContactSort, ContactStatus, ContactType, SortColumn, SortDirection } from "../../../ipc/bindings";
import type { ContactListState } from "../types/contactList";
import { contactStatusLabels, contactTypeLabels } from "./labels";

export const DEFAULT_SORT: ContactSort = { column: "name", direction: "asc" };

export const EMPTY_FILTER: ContactFilter = { contactType: null, territoryId: null, status: null, unassigned: false };

const SORT_COLUMNS: readonly SortColumn[] = ["name", "company", "job_title", "contact_type", "status", "updated_at", "reference"];

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

const CONTACT_TYPES = Object.keys(contactTypeLabels) as ContactType[];
const CONTACT_STATUSES = Object.keys(contactStatusLabels) as ContactStatus[];

/** Reads the list state from URL search params, ignoring anything malformed. */
export function parseListParams(params: URLSearchParams): ContactListState {
  const search = params.get("q")?.trim() || null;
  const column = oneOf(params.get("sort"), SORT_COLUMNS) ?? DEFAULT_SORT.column;
  const direction: SortDirection = params.get("dir") === "desc" ? "desc" : "asc";
  return {
    search,
    filter: {
      contactType: oneOf(params.get("type"), CONTACT_TYPES),
      territoryId: params.get("territory") || null,
      status: oneOf(params.get("status"), CONTACT_STATUSES),
      unassigned: params.get("unassigned") === "1",
    },
    sort: { column, direction },
  };
}

/** The inverse of parseListParams; defaults are left out to keep URLs short. */
export function toListParams(state: ContactListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.search) params.set("q", state.search);
  if (state.filter.contactType) params.set("type", state.filter.contactType);
  if (state.filter.territoryId) params.set("territory", state.filter.territoryId);
  if (state.filter.status) params.set("status", state.filter.status);
  if (state.filter.unassigned) params.set("unassigned", "1");
  if (state.sort.column !== DEFAULT_SORT.column || state.sort.direction !== DEFAULT_SORT.direction) {
    params.set("sort", state.sort.column);
    params.set("dir", state.sort.direction);
  }
  return params;
}

export function hasActiveFilter(filter: ContactFilter): boolean {
  return filter.contactType !== null || filter.territoryId !== null || filter.status !== null || filter.unassigned === true;
}
