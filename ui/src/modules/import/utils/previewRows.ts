//! Which preview rows a filter shows, and what the table says about each.
import type { PreviewRow } from "../../../ipc/bindings";
import type { PreviewRowFilter } from "../types/previewRowFilter";

/** Refused, or stored with warnings. */
export function hasProblem(row: PreviewRow): boolean {
  return row.action === "reject" || row.problem !== null || row.warnings.length > 0;
}

/** Matches a stored contact, or an earlier record of the same file. */
export function isDuplicate(row: PreviewRow): boolean {
  return row.matches.length > 0 || row.sameAsRecord !== null;
}

export function filterRows(rows: PreviewRow[], filter: PreviewRowFilter): PreviewRow[] {
  switch (filter) {
    case "all":
      return rows;
    case "problems":
      return rows.filter(hasProblem);
    case "duplicates":
      return rows.filter(isDuplicate);
  }
}

const FIELD_LABELS: Record<string, string> = {
  emails: "Email",
  phones: "Phone",
  addresses: "Address",
  given_name: "Given name",
  middle_name: "Middle name",
  family_name: "Family name",
  display_name: "Display name",
  organization: "Organisation",
  department: "Department",
  job_title: "Job title",
  birthday: "Birthday",
  notes: "Notes",
  categories: "Categories",
  urls: "Web address",
};

/** The field a problem names, for people: "emails.1" is "Email 2", "job_title" is "Job title". */
export function fieldLabel(field: string): string {
  const [name, index] = field.split(".");
  const label = FIELD_LABELS[name] ?? name.replace(/_/g, " ");
  const position = Number(index);
  return Number.isInteger(position) && position > 0 ? `${label} ${position + 1}` : label;
}

/** "Email: Email address … has no dot in its domain", or the message alone when no field is to blame. */
export function problemText(row: PreviewRow): string | null {
  if (!row.problem) return null;
  return row.problem.field ? `${fieldLabel(row.problem.field)}: ${row.problem.message}` : row.problem.message;
}

/** Everything the notes cell says, as one line of plain text (its tooltip). */
export function notesText(row: PreviewRow): string {
  const parts: string[] = [];
  const problem = problemText(row);
  if (problem) parts.push(problem);
  parts.push(...row.warnings);
  if (row.matches.length > 0) {
    const names = row.matches.map((match) => `${match.name} (${match.reference})`).join(", ");
    const reasons = row.matchReasons.length > 0 ? ` on ${row.matchReasons.join(", ")}` : "";
    parts.push(`Matches ${names}${reasons}`);
  }
  if (row.sameAsRecord !== null) parts.push(`Same person as record ${row.sameAsRecord}`);
  return parts.join(" · ");
}
