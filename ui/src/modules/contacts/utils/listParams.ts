import type {
  ChangeFilter,
  ChangeKind,
  ContactFilter,
  ContactSort,
  ContactStatus,
  ContactType,
  LifecycleStage,
  SortColumn,
  SortDirection,
} from "../../../ipc/bindings";
import type { ContactListState } from "../types/contactList";
import { contactStatusLabels, contactTypeLabels, lifecycleStageLabels } from "./labels";

export const DEFAULT_SORT: ContactSort = { column: "name", direction: "asc" };

export const EMPTY_FILTER: ContactFilter = { contactType: null, territoryId: null, status: null, unassigned: false };

const SORT_COLUMNS: readonly SortColumn[] = ["name", "company", "job_title", "contact_type", "status", "updated_at", "reference"];

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

const CONTACT_TYPES = Object.keys(contactTypeLabels) as ContactType[];
const CONTACT_STATUSES = Object.keys(contactStatusLabels) as ContactStatus[];
const LIFECYCLE_STAGES = Object.keys(lifecycleStageLabels) as LifecycleStage[];
const CHANGE_KINDS: readonly ChangeKind[] = ["created", "updated", "deactivated"];

/** `changed=created&since=2026-11-01T00:00:00.000Z`: contacts created (changed, deactivated) since then. */
function parseChange(params: URLSearchParams): ChangeFilter | null {
  const kind = oneOf(params.get("changed"), CHANGE_KINDS);
  const since = params.get("since");
  if (!kind || !since || Number.isNaN(Date.parse(since))) return null;
  return { kind, since: new Date(since).toISOString() };
}

/** Reads the list state from URL search params, ignoring anything malformed. */
export function parseListParams(params: URLSearchParams): ContactListState {
  const search = params.get("q")?.trim() || null;
  const column = oneOf(params.get("sort"), SORT_COLUMNS) ?? DEFAULT_SORT.column;
  const direction: SortDirection = params.get("dir") === "desc" ? "desc" : "asc";
  const filter: ContactFilter = {
    contactType: oneOf(params.get("type"), CONTACT_TYPES),
    territoryId: params.get("territory") || null,
    status: oneOf(params.get("status"), CONTACT_STATUSES),
    unassigned: params.get("unassigned") === "1",
  };
  // The newer filters appear only when set, so a plain list's filter keeps its old shape.
  const lifecycleStage = oneOf(params.get("stage"), LIFECYCLE_STAGES);
  if (lifecycleStage) filter.lifecycleStage = lifecycleStage;
  const changed = parseChange(params);
  if (changed) filter.changed = changed;
  return {
    search,
    filter,
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
  if (state.filter.lifecycleStage) params.set("stage", state.filter.lifecycleStage);
  if (state.filter.changed) {
    params.set("changed", state.filter.changed.kind);
    params.set("since", state.filter.changed.since);
  }
  if (state.sort.column !== DEFAULT_SORT.column || state.sort.direction !== DEFAULT_SORT.direction) {
    params.set("sort", state.sort.column);
    params.set("dir", state.sort.direction);
  }
  return params;
}

export function hasActiveFilter(filter: ContactFilter): boolean {
  return (
    filter.contactType !== null ||
    filter.territoryId !== null ||
    filter.status !== null ||
    filter.unassigned === true ||
    (filter.lifecycleStage ?? null) !== null ||
    (filter.changed ?? null) !== null
  );
}
