import { Button, Group, Menu } from "@mantine/core";
import {
  IconArchive,
  IconChevronDown,
  IconEraser,
  IconFileDownload,
  IconPencil,
  IconPlayerPlay,
  IconRosetteDiscountCheck,
  IconStar,
  IconUserOff,
  type Icon,
} from "@tabler/icons-react";
import { Link } from "react-router";
import type { ContactAction, ContactPermissions } from "./contactActions";

export type ContactActionsMenuProps = {
  contactId: string;
  permissions: ContactPermissions;
  onAction(action: ContactAction): void;
};

const ITEMS: Record<ContactAction, { label: string; icon: Icon; color?: string }> = {
  verify: { label: "Verify details…", icon: IconRosetteDiscountCheck },
  primary: { label: "Set as primary contact…", icon: IconStar },
  deactivate: { label: "Deactivate…", icon: IconUserOff },
  archive: { label: "Archive…", icon: IconArchive },
  reactivate: { label: "Reactivate…", icon: IconPlayerPlay },
  export: { label: "Export personal data…", icon: IconFileDownload },
  erase: { label: "Erase personal data…", icon: IconEraser, color: "red" },
};

const GROUPS: { label: string; actions: ContactAction[] }[] = [
  { label: "Details", actions: ["verify", "primary"] },
  { label: "Status", actions: ["deactivate", "archive", "reactivate"] },
  { label: "Privacy requests", actions: ["export", "erase"] },
];

/** Edit, and a menu of what else the user's role allows on this contact (arrow keys move, Enter picks). */
export function ContactActionsMenu({ contactId, permissions, onAction }: ContactActionsMenuProps) {
  const groups = GROUPS.map((group) => ({
    ...group,
    actions: group.actions.filter((action) => permissions.actions.includes(action)),
  })).filter((group) => group.actions.length > 0);

  return (
    <Group gap="xs" wrap="nowrap">
      {permissions.edit ? (
        <Button
          component={Link}
          to={`/contacts/${encodeURIComponent(contactId)}/edit`}
          variant="default"
          leftSection={<IconPencil size={16} />}
          data-testid="contact-edit"
        >
          Edit
        </Button>
      ) : null}
      {groups.length > 0 ? (
        <Menu position="bottom-end" shadow="md" width={250} withinPortal>
          <Menu.Target>
            <Button rightSection={<IconChevronDown size={16} />} data-testid="contact-actions">
              Actions
            </Button>
          </Menu.Target>
          <Menu.Dropdown data-testid="contact-actions-menu">
            {groups.map((group, index) => (
              <div key={group.label}>
                {index > 0 ? <Menu.Divider /> : null}
                <Menu.Label>{group.label}</Menu.Label>
                {group.actions.map((action) => {
                  const item = ITEMS[action];
                  return (
                    <Menu.Item
                      key={action}
                      color={item.color}
                      leftSection={<item.icon size={16} stroke={1.6} />}
                      onClick={() => onAction(action)}
                      data-testid={`action-${action}`}
                    >
                      {item.label}
                    </Menu.Item>
                  );
                })}
              </div>
            ))}
          </Menu.Dropdown>
        </Menu>
      ) : null}
    </Group>
  );
}
