import type { Icon } from "@tabler/icons-react";

export type NavSlug = "dashboard" | "work" | "contacts" | "relationships" | "import" | "duplicates" | "reports" | "admin";

export type NavGroup = "work" | "data" | "settings";

export type NavItem = {
  slug: NavSlug;
  label: string;
  path: string;
  icon: Icon;
  group: NavGroup;
};
