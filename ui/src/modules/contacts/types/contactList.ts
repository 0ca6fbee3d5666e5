import type { ContactFilter, ContactSort, SortColumn } from "../../../ipc/bindings";

/** What the contact list shows: kept in the URL so "back" from a contact restores it. */
export type ContactListState = {
  search: string | null;
  filter: ContactFilter;
  sort: ContactSort;
};

export type ColumnId =
  | "name"
  | "company"
  | "jobTitle"
  | "contactType"
  | "territory"
  | "email"
  | "phone"
  | "status"
  | "updatedAt";

export type ColumnDef = {
  id: ColumnId;
  label: string;
  /** null: the core cannot sort by this column. */
  sortColumn: SortColumn | null;
  /** CSS grid track. */
  track: string;
};

/** Router state passed to the detail page so its back link returns to the same list. */
export type ContactListLocationState = { listSearch: string };
