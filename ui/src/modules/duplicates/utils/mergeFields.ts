import { fieldLabels } from "../../contacts/form/utils/describe";
import { formatDateTime } from "../../contacts/utils/formatDateTime";
import { channelLabels, contactTypeLabels, lifecycleStageLabels, priorityLabels } from "../../contacts/utils/labels";

/** Merge fields the contact form does not have under the same name. */
const mergeOnlyLabels: Record<string, string> = {
  photo: "Photo",
  status: "Status",
  verification: "Verification",
  approval: "Approval",
};

/** The words a user reads for a field a merge chooses between (the core's wire names). */
export function mergeFieldLabel(field: string): string {
  return mergeOnlyLabels[field] ?? (fieldLabels as Record<string, string>)[field] ?? field;
}

/** Fields holding one code, read through the contact labels ("Active customer"). */
const codeLabels: Record<string, Record<string, string>> = {
  contactType: contactTypeLabels,
  lifecycleStage: lifecycleStageLabels,
  priority: priorityLabels,
  preferredMethod: channelLabels,
};

function words(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(words).filter(Boolean).join(", ");
  if (typeof value === "object") {
    return Object.values(value as Record<string, unknown>)
      .map(words)
      .filter(Boolean)
      .join(" · ");
  }
  const text = String(value);
  // Timestamps (a verification's, a status change's) read as dates and times, not RFC 3339.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return formatDateTime(text);
  return code(text);
}

/** A stored code ("email_confirmation") in words; any other text as written. */
function code(text: string): string {
  return /^[a-z]+(_[a-z]+)+$/.test(text) ? text.replaceAll("_", " ") : text;
}

/**
 * A field's value as a person reads it: a field of several columns arrives as a JSON object and
 * a list as a JSON array; a photo as "1" when there is one.
 */
export function formatMergeValue(field: string, value: string | null): string | null {
  if (value === null) return null;
  if (field === "photo") return "Has a photo";
  const trimmed = value.trim();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      const text = words(JSON.parse(trimmed));
      return text || null;
    } catch {
      return value;
    }
  }
  return codeLabels[field]?.[value] ?? code(value);
}
