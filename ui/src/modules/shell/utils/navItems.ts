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
  { slug: "dashboard", label: "Dashboard", path: "/dashboard", icon: IconLayoutDashboard, group: "work", built: true },
  { slug: "work", label: "My work", path: "/work", icon: IconListCheck, group: "work", built: true },
  { slug: "contacts", label: "Contacts", path: "/contacts", icon: IconAddressBook, group: "work", built: true },
  { slug: "relationships", label: "Accounts and maps", path: "/accounts", icon: IconHierarchy2, group: "work", built: true },
  { slug: "import", label: "Import", path: "/import", icon: IconFileImport, group: "data", built: true },
  { slug: "duplicates", label: "Duplicates", path: "/duplicates", icon: IconCopy, group: "data", built: true },
  { slug: "reports", label: "Reports", path: "/reports", icon: IconChartBar, group: "data", built: false },
  { slug: "admin", label: "Administration", path: "/admin", icon: IconSettings, group: "settings", built: true },
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
