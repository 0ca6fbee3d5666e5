//! The wizard's five steps and which step each of the core's field paths belongs to, so a
//! problem blocks the step that shows its field and the review can link back to it.

export const WIZARD_STEPS = ["type", "basic", "preferences", "sites", "review"] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export const stepTitles: Record<WizardStep, string> = {
  type: "Contact type",
  basic: "Basic information",
  preferences: "Preferences",
  sites: "Site association",
  review: "Review and create",
};

export const stepDescriptions: Record<WizardStep, string> = {
  type: "What kind of contact",
  basic: "Name, role, how to reach them",
  preferences: "How they like to be contacted",
  sites: "Where they work",
  review: "Check and create",
};

const TYPE_FIELDS = new Set(["contactType", "contactTypeOther"]);
const BASIC_FIELDS = new Set([
  "salutation",
  "firstName",
  "middleName",
  "lastName",
  "preferredName",
  "suffix",
  "jobTitle",
  "department",
  "authorityLevel",
  "authorityScope",
  "approvalLimit",
  "employeeId",
  "emails",
  "phones",
  "addresses",
  "lifecycleStage",
  "priority",
  "tags",
  "owner",
  "birthday",
  "websites",
]);
const PREFERENCE_FIELDS = new Set([
  "preferredMethod",
  "preferredTimes",
  "timeZone",
  "language",
  "channelPreferences",
  "specialInstructions",
  "notes",
]);

/** The top-level field of a path: "emails.0.address" → "emails". */
export function rootField(path: string): string {
  return path.split(".")[0] ?? path;
}

/** The step that shows the field at `path`; anything unknown (approval, general problems) is reviewed last. */
export function stepOfField(path: string): WizardStep {
  const root = rootField(path);
  if (TYPE_FIELDS.has(root)) return "type";
  if (BASIC_FIELDS.has(root)) return "basic";
  if (PREFERENCE_FIELDS.has(root)) return "preferences";
  if (root === "sites") return "sites";
  return "review";
}

export function stepIndex(step: WizardStep): number {
  return WIZARD_STEPS.indexOf(step);
}
