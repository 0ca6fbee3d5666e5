import { AppShell, NavLink, ScrollArea, Stack, Text } from "@mantine/core";
import { Link, useLocation } from "react-router";
import { WorkCountBadge } from "../../engagement/components/WorkCountBadge";
import { useSessionUser } from "../../session/hooks/useSessionUser";
import { canAdminister } from "../../session/utils/permissions";
import type { NavGroup } from "../types/navItem";
import { navGroupLabels, navItems } from "../utils/navItems";

export type NavBarProps = {
  onNavigate?: () => void;
};

const GROUPS: NavGroup[] = ["work", "data", "settings"];

export function NavBar({ onNavigate }: NavBarProps) {
  const { pathname } = useLocation();
  const user = useSessionUser();
  // Only site administrators get the Administration section; the core refuses it to others anyway.
  const visible = navItems.filter((item) => item.slug !== "admin" || canAdminister(user));
  return (
    <AppShell.Section grow component={ScrollArea} p="xs">
      <nav aria-label="Sections">
        <Stack gap="md">
          {GROUPS.filter((group) => visible.some((item) => item.group === group)).map((group) => (
            <Stack gap={2} key={group}>
              <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt={4} pb={2}>
                {navGroupLabels[group]}
              </Text>
              {visible
                .filter((item) => item.group === group)
                .map((item) => (
                  <NavLink
                    key={item.slug}
                    component={Link}
                    to={item.path}
                    label={
                      <Text size="sm" inherit truncate="end" title={item.label}>
                        {item.label}
                      </Text>
                    }
                    leftSection={<item.icon size={18} stroke={1.6} />}
                    rightSection={item.slug === "work" ? <WorkCountBadge /> : null}
                    active={pathname === item.path || pathname.startsWith(`${item.path}/`)}
                    onClick={onNavigate}
                    data-testid={`nav-${item.slug}`}
                    style={{ borderRadius: "var(--mantine-radius-md)" }}
                  />
                ))}
            </Stack>
          ))}
        </Stack>
      </nav>
    </AppShell.Section>
  );
}
