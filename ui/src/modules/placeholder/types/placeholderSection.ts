import type { NavSlug } from "../../shell/types/navItem";

/** Every section except Contacts is still a "not built yet" panel. */
export type PlaceholderSection = Exclude<NavSlug, "contacts">;

export type SectionPlan = {
  /** One sentence: what the section is for. */
  summary: string;
  /** What it will let people do. */
  plans: string[];
};
