import {
  IconAddressBook,
  IconChartBar,
  IconCopy,
  IconFileImport,
  IconHierarchy2,
  IconLayoutDashboard,
  IconListCheck,
  IconSettings,
} from "@tabler/icons-react";
import type { NavGroup, NavItem, NavSlug } from "../types/navItem";

export const navItems: NavItem[] = [
  { slug: "dashboard", label: "Dashboard", path: "/dashboard", icon: IconLayoutDashboard, group: "work" },
  { slug: "work", label: "My work", path: "/work", icon: IconListCheck, group: "work" },
  { slug: "contacts", label: "Contacts", path: "/contacts", icon: IconAddressBook, group: "work" },
  { slug: "relationships", label: "Accounts and maps", path: "/accounts", icon: IconHierarchy2, group: "work" },
  { slug: "import", label: "Import", path: "/import", icon: IconFileImport, group: "data" },
  { slug: "duplicates", label: "Duplicates", path: "/duplicates", icon: IconCopy, group: "data" },
  { slug: "reports", label: "Reports", path: "/reports", icon: IconChartBar, group: "data" },
  { slug: "admin", label: "Administration", path: "/admin", icon: IconSettings, group: "settings" },
];

export const navGroupLabels: Record<NavGroup, string> = {
  work: "Work",
  data: "Data",
  settings: "Settings",
};

export function navItem(slug: NavSlug): NavItem {
  const item = navItems.find((candidate) => candidate.slug === slug);
  if (!item) throw new Error(`unknown section ${slug}`);
  return item;
}
