//! Names of the fields whose change needs a justification, as a person reads them.

const FIELD_WORDS: Record<string, string> = {
  contactType: "contact type",
  contactTypeOther: "contact type (other)",
  authorityLevel: "authority level",
  authorityScope: "authority scope",
  approvalLimit: "approval limit",
  sites: "sites and roles",
  primary: "primary contact",
};

/** "approvalLimit" → "approval limit"; unknown wire names are split at their capitals. */
export function fieldInWords(field: string): string {
  return FIELD_WORDS[field] ?? field.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_.]/g, " ").toLowerCase();
}

/** ["contactType", "approvalLimit", "sites"] → "contact type, approval limit and sites and roles". */
export function fieldsInWords(fields: string[]): string {
  const words = [...new Set(fields.map(fieldInWords))];
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** Today's calendar date in the user's time zone, as "YYYY-MM-DD". */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
