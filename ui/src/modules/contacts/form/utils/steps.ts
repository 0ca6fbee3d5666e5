//! The wizard's five steps and which step each of the core's field paths belongs to, so a
//! problem blocks the step that shows its field and the review can link back to it.

import type { FormField } from "./formValues";

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

/**
 * Every top-level form field by the group of the screen that shows it, in screen order: the
 * wizard's steps and the edit page's sections are both drawn from this one table.
 */
export const FIELD_GROUPS = {
  type: ["contactType", "contactTypeOther"],
  basic: [
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
  ],
  more: ["birthday", "websites"],
  preferences: ["preferredMethod", "preferredTimes", "timeZone", "language", "channelPreferences", "specialInstructions", "notes"],
  sites: ["sites"],
  approval: ["approvalSource", "approvalDate"],
} satisfies Record<string, FormField[]>;

/** The wizard step of each group; the approval fields are on the review. */
const STEP_OF_GROUP: Record<keyof typeof FIELD_GROUPS, WizardStep> = {
  type: "type",
  basic: "basic",
  more: "basic",
  preferences: "preferences",
  sites: "sites",
  approval: "review",
};

/** The top-level field of a path: "emails.0.address" → "emails". */
export function rootField(path: string): string {
  return path.split(".")[0] ?? path;
}

/** The step that shows the field at `path`; anything unknown (approval, general problems) is reviewed last. */
export function stepOfField(path: string): WizardStep {
  const root = rootField(path);
  for (const [group, fields] of Object.entries(FIELD_GROUPS) as [keyof typeof FIELD_GROUPS, string[]][]) {
    if (fields.includes(root)) return STEP_OF_GROUP[group];
  }
  return "review";
}

export function stepIndex(step: WizardStep): number {
  return WIZARD_STEPS.indexOf(step);
}
