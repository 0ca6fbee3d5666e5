import { formatDateTime } from "../../contacts/utils/formatDateTime";

/** The words a user reads for each field a merge chooses between (the core's wire names). */
export const mergeFieldLabels: Record<string, string> = {
  salutation: "Salutation",
  firstName: "First name",
  middleName: "Middle name",
  lastName: "Last name",
  preferredName: "Preferred name",
  suffix: "Suffix",
  jobTitle: "Job title",
  department: "Department",
  employeeId: "Employee ID",
  contactType: "Contact type",
  authorityLevel: "Authority level",
  authorityScope: "Authority scope",
  approvalLimit: "Approval limit",
  birthday: "Birthday",
  websites: "Websites",
  notes: "Notes",
  photo: "Photo",
  preferredMethod: "Preferred method",
  preferredTimes: "Preferred times",
  timeZone: "Time zone",
  language: "Language",
  lifecycleStage: "Lifecycle stage",
  priority: "Priority",
  owner: "Owner",
  specialInstructions: "Special instructions",
  status: "Status",
  verification: "Verification",
  approval: "Approval",
};

export function mergeFieldLabel(field: string): string {
  return mergeFieldLabels[field] ?? field;
}

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
  return text.replaceAll("_", " ");
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
  if (["contactType", "lifecycleStage", "priority", "preferredMethod", "authorityLevel"].includes(field)) {
    return value.replaceAll("_", " ");
  }
  return value;
}
