import { ActionIcon, Badge, Group, Menu, Table, Text, Tooltip, VisuallyHidden } from "@mantine/core";
import {
  IconDots,
  IconKey,
  IconLockOpen,
  IconPencil,
  IconShieldCheck,
  IconShieldOff,
  IconShieldX,
} from "@tabler/icons-react";
import type { UserSummary } from "../../../ipc/bindings";
import { RelativeTime } from "../../shell/components/RelativeTime";
import { roleLabels } from "../../session/utils/roleLabels";
import { userScopeText } from "../utils/userScope";
import { UserStatusBadge } from "./UserStatusBadge";

export type UsersTableProps = {
  users: UserSummary[];
  onEdit: (user: UserSummary) => void;
  onResetPassword: (user: UserSummary) => void;
  onResetTotp: (user: UserSummary) => void;
  onUnlock: (user: UserSummary) => void;
  /** The user being unlocked, while the request runs. */
  unlockingId: string | null;
};

export function UsersTable({ users, onEdit, onResetPassword, onResetTotp, onUnlock, unlockingId }: UsersTableProps) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing={8} fz="sm" highlightOnHover data-testid="users-table" style={{ tableLayout: "fixed" }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="22%">Name</Table.Th>
            <Table.Th w="16%">Role</Table.Th>
            <Table.Th>Scope</Table.Th>
            <Table.Th w={144}>Status</Table.Th>
            <Table.Th w={112}>Authenticator</Table.Th>
            <Table.Th w={112}>Last sign-in</Table.Th>
            <Table.Th w={80}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => {
            const scope = userScopeText(user);
            return (
              <Table.Tr key={user.id} data-testid="user-row" data-username={user.username}>
                <Table.Td>
                  <Text size="sm" fw={500} truncate="end" title={user.displayName}>
                    {user.displayName}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace" truncate="end" title={user.username}>
                    {user.username}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" truncate="end">
                    {roleLabels[user.role]}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" truncate="end" title={scope} c={user.role === "site_admin" ? "dimmed" : undefined}>
                    {scope}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <UserStatusBadge user={user} />
                </Table.Td>
                <Table.Td>
                  {user.totpEnabled ? (
                    <Badge variant="light" color="teal" tt="none" fw={500} leftSection={<IconShieldCheck size={12} />}>
                      On
                    </Badge>
                  ) : (
                    <Badge variant="default" tt="none" fw={500} leftSection={<IconShieldOff size={12} />}>
                      Off
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {user.lastSignInAt ? (
                    <RelativeTime iso={user.lastSignInAt} size="sm" />
                  ) : (
                    <Text span size="sm" c="dimmed">
                      Never
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    <Tooltip label="Edit">
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`Edit ${user.displayName}`}
                        onClick={() => onEdit(user)}
                        data-testid="user-edit"
                      >
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Menu position="bottom-end" withinPortal shadow="md">
                      <Menu.Target>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={`More actions for ${user.displayName}`}
                          data-testid="user-actions"
                        >
                          <IconDots size={16} />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item leftSection={<IconKey size={16} />} onClick={() => onResetPassword(user)}>
                          Reset password…
                        </Menu.Item>
                        <Menu.Item
                          leftSection={<IconShieldX size={16} />}
                          onClick={() => onResetTotp(user)}
                          disabled={!user.totpEnabled}
                        >
                          Reset authenticator…
                        </Menu.Item>
                        {user.lockedUntil ? (
                          <Menu.Item
                            leftSection={<IconLockOpen size={16} />}
                            onClick={() => onUnlock(user)}
                            disabled={unlockingId === user.id}
                          >
                            Unlock now
                          </Menu.Item>
                        ) : null}
                      </Menu.Dropdown>
                    </Menu>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
