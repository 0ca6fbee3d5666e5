import { Box, Group, Skeleton, Stack, Tabs, ThemeIcon, Title } from "@mantine/core";
import {
  IconAddressBook,
  IconAlertTriangle,
  IconArchive,
  IconBuildingCommunity,
  IconFileImport,
  IconHierarchy2,
  IconListCheck,
  IconLock,
  IconSettings,
  IconShieldLock,
  IconUsers,
  type Icon,
} from "@tabler/icons-react";
import { Outlet, useLocation, useNavigate } from "react-router";
import { StatePanel } from "../../shell/components/StatePanel";
import { useIsSiteAdmin } from "../hooks/useIsSiteAdmin";
import type { AdminSection } from "../types/adminSection";

const SECTIONS: { value: AdminSection; label: string; icon: Icon }[] = [
  { value: "users", label: "Users", icon: IconUsers },
  { value: "organisation", label: "Organisation", icon: IconBuildingCommunity },
  { value: "security", label: "Security", icon: IconShieldLock },
  { value: "contacts", label: "Contacts", icon: IconAddressBook },
  { value: "import", label: "Import", icon: IconFileImport },
  { value: "kinds", label: "Relationship kinds", icon: IconHierarchy2 },
  { value: "escalation", label: "Escalation", icon: IconAlertTriangle },
  { value: "audit", label: "Audit trail", icon: IconListCheck },
  { value: "backups", label: "Backups", icon: IconArchive },
];

function sectionOf(pathname: string): AdminSection {
  const segment = pathname.split("/")[2];
  return SECTIONS.find((section) => section.value === segment)?.value ?? "users";
}

/** The administration area: one tab per section, each a nested route under /admin. */
export function AdminPage() {
  const { isAdmin, pending } = useIsSiteAdmin();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const section = sectionOf(pathname);

  let body;
  if (pending) {
    body = (
      <Stack gap="sm" p="md" aria-busy="true" aria-label="Loading administration">
        <Skeleton height={28} width="30%" />
        <Skeleton height={200} />
      </Stack>
    );
  } else if (!isAdmin) {
    body = (
      <StatePanel icon={<IconLock size={24} />} title="Administration is for site administrators" testId="admin-forbidden">
        Your role does not include managing users, the organisation or backups. Ask a site administrator if you need a
        change there.
      </StatePanel>
    );
  } else {
    body = (
      <Tabs
        value={section}
        onChange={(value) => {
          if (value) navigate(`/admin/${value}`);
        }}
        keepMounted={false}
        data-testid="admin-tabs"
      >
        <Tabs.List px="md">
          {SECTIONS.map((item) => (
            <Tabs.Tab
              key={item.value}
              value={item.value}
              leftSection={<item.icon size={16} stroke={1.6} />}
              data-testid={`admin-tab-${item.value}`}
            >
              {item.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value={section}>
          <Box p="md" maw={1400}>
            <Outlet />
          </Box>
        </Tabs.Panel>
      </Tabs>
    );
  }

  return (
    <Box flex={1} mih={0} style={{ overflow: "auto" }} data-testid="admin-page">
      <Group gap="sm" px="md" pt="md" pb="sm" wrap="nowrap">
        <ThemeIcon size={32} radius="md" variant="light" aria-hidden>
          <IconSettings size={18} stroke={1.6} />
        </ThemeIcon>
        <Title order={2}>Administration</Title>
      </Group>
      {body}
    </Box>
  );
}
