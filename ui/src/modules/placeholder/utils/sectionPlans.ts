import type { PlaceholderSection, SectionPlan } from "../types/placeholderSection";

/** Taken from the design's screen list, so the panels promise only what is planned. */
export const sectionPlans: Record<PlaceholderSection, SectionPlan> = {
  dashboard: {
    summary: "An overview of your contacts and the work around them.",
    plans: [
      "Counts and trends by contact type, territory and lifecycle stage",
      "A data-quality score, follow-ups due and contacts who have not responded",
      "Recent activity and the latest imports",
      "Charts that open the matching, filtered contact list",
    ],
  },
  duplicates: {
    summary: "Find people who are in the database more than once and merge them.",
    plans: [
      "Review candidate groups with a match score",
      "Merge field by field, choosing which value to keep",
      "Undo a merge",
    ],
  },
  reports: {
    summary: "Ready-made reports on the state of your contact data.",
    plans: [
      "Data quality, verification status and response rates",
      "A monthly summary",
      "Export as CSV or PDF",
    ],
  },
  admin: {
    summary: "Settings for the whole office.",
    plans: [
      "Users and roles",
      "Regions, territories, accounts and sites",
      "Retention rules",
      "Backup and restore",
    ],
  },
};
