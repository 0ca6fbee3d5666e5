import type { NavSlug } from "../../shell/types/navItem";

/** The sections still shown as a "not built yet" panel. */
export type PlaceholderSection = Exclude<NavSlug, "contacts" | "import" | "work" | "relationships">;

export type SectionPlan = {
  /** One sentence: what the section is for. */
  summary: string;
  /** What it will let people do. */
  plans: string[];
};
