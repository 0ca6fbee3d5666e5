import type { ColumnDef } from "../types/contactList";

export const ROW_HEIGHT = 52;
export const HEADER_HEIGHT = 38;
export const PAGE_SIZE = 100;
/** Start fetching the next page when the last rendered row is this close to the end. */
export const PREFETCH_ROWS = 30;

export const columns: ColumnDef[] = [
  { id: "name", label: "Name", sortColumn: "name", track: "minmax(150px, 2fr)" },
  { id: "company", label: "Company", sortColumn: "company", track: "minmax(104px, 1.5fr)" },
  { id: "jobTitle", label: "Job title", sortColumn: "job_title", track: "minmax(96px, 1.3fr)" },
  { id: "contactType", label: "Type", sortColumn: "contact_type", track: "96px" },
  { id: "territory", label: "Territory", sortColumn: null, track: "minmax(84px, 1fr)" },
  { id: "email", label: "Email", sortColumn: null, track: "minmax(104px, 1.7fr)" },
  { id: "phone", label: "Phone", sortColumn: null, track: "minmax(128px, 1fr)" },
  { id: "status", label: "Status", sortColumn: "status", track: "84px" },
  { id: "updatedAt", label: "Updated", sortColumn: "updated_at", track: "minmax(96px, 0.8fr)" },
];

export const gridTemplateColumns = columns.map((column) => column.track).join(" ");

/** Sum of the tracks' minimums: below this width the table scrolls sideways instead of squeezing. */
export const TABLE_MIN_WIDTH = 942;
