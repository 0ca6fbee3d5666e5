//! Audit summaries are JSON objects of non-personal facts (ids, counts, field names, reasons);
//! the audit screen shows them as short "label: value" parts instead of raw JSON.
import type { Role } from "../../../ipc/bindings";
import { formatCount } from "../../contacts/utils/formatCount";
import { formatBytes } from "./formatBytes";
import { roleLabels } from "../../session/utils/roleLabels";

export type SummaryPart = { label: string; value: string };

const KEY_LABELS: Record<string, string> = {
  regionIds: "Regions",
  territoryIds: "Territories",
  regionId: "Region",
  territoryId: "Territory",
  previousTerritoryId: "Moved from territory",
  accountId: "Account",
  fields: "Fields",
  maxFailedSignIns: "Failed sign-ins before lockout",
  lockoutMinutes: "Lockout minutes",
  idleLockMinutes: "Idle lock minutes",
  username: "User name",
  displayName: "Full name",
  attempted: "Attempted",
  from: "From",
  by: "By",
  bytes: "Size",
  file: "File",
};

/** "sign_in_failed" → "Sign in failed", "displayName" → "Display name". */
export function humanise(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Who or what an event is about reads first; the list of changed fields last. Others keep their order. */
const FIRST = ["username", "displayName", "name", "code", "role"];

function rank(key: string): number {
  if (key === "fields") return FIRST.length + 1;
  const index = FIRST.indexOf(key);
  return index === -1 ? FIRST.length : index;
}

function labelFor(key: string): string {
  return KEY_LABELS[key] ?? humanise(key);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === "" ||
    (Array.isArray(value) && value.length === 0) ||
    (isRecord(value) && Object.keys(value).length === 0)
  );
}

function text(key: string, value: unknown): string {
  if (value === null || value === undefined) return "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return key === "bytes" ? formatBytes(value) : formatCount(value);
  if (typeof value === "string") {
    if (key === "role" && value in roleLabels) return roleLabels[value as Role];
    // Ids are shown as "#12" so they are not mistaken for counts.
    if (/Ids?$/.test(key) && /^\d+$/.test(value)) return `#${value}`;
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((item) => text(key.replace(/s$/, ""), item)).join(", ");
  }
  return JSON.stringify(value);
}

function isChange(value: unknown): value is { before: unknown; after: unknown } {
  return isRecord(value) && "before" in value && "after" in value && Object.keys(value).length === 2;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function changePart(key: string, before: unknown, after: unknown): SummaryPart {
  return { label: labelFor(key), value: `${text(key, before)} → ${text(key, after)}` };
}

/** The readable parts of an event's summary; unparsable text is shown as it is. */
export function describeSummary(summary: string): SummaryPart[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(summary);
  } catch {
    return summary.trim() ? [{ label: "", value: summary }] : [];
  }
  if (!isRecord(parsed)) return isEmpty(parsed) ? [] : [{ label: "", value: text("", parsed) }];

  // {"before": {...}, "after": {...}}: list what changed.
  if (isChange(parsed) && isRecord(parsed.before) && isRecord(parsed.after)) {
    const before = parsed.before;
    const after = parsed.after;
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.filter((key) => !same(before[key], after[key])).map((key) => changePart(key, before[key], after[key]));
  }

  const parts: SummaryPart[] = [];
  for (const [key, value] of Object.entries(parsed).sort(([a], [b]) => rank(a) - rank(b))) {
    if (isChange(value)) {
      if (!same(value.before, value.after)) parts.push(changePart(key, value.before, value.after));
    } else if (!isEmpty(value)) {
      parts.push({ label: labelFor(key), value: text(key, value) });
    }
  }
  return parts;
}

/** Events that changed a person's values name the fields in their summary. */
export function namesChangedFields(summary: string): boolean {
  try {
    const parsed: unknown = JSON.parse(summary);
    return isRecord(parsed) && Array.isArray(parsed.fields) && parsed.fields.length > 0;
  } catch {
    return false;
  }
}
