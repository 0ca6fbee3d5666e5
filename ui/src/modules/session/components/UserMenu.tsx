import { Avatar, Group, Menu, Stack, Text, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconChevronDown, IconClock, IconKey, IconLock, IconLogout, IconShieldLock } from "@tabler/icons-react";
import { useAppInfo } from "../../shell/hooks/useAppInfo";
import { computerTimeZone, zoneLabel } from "../../shell/utils/timeZone";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { useLockSession } from "../hooks/useLockSession";
import { useSessionUser } from "../hooks/useSessionUser";
import { useSignOut } from "../hooks/useSignOut";
import { roleLabels } from "../utils/roleLabels";
import { ChangePasswordModal } from "./ChangePasswordModal";
import { TimeZoneModal } from "./TimeZoneModal";
import { TotpEnrolmentModal } from "./TotpEnrolmentModal";

/** The signed-in user in the header, with what they can do about their own session. */
export function UserMenu() {
  const user = useSessionUser();
  const lock = useLockSession();
  const signOut = useSignOut();
  const [passwordOpened, password] = useDisclosure(false);
  const [totpOpened, totp] = useDisclosure(false);
  const [zoneOpened, zone] = useDisclosure(false);
  const timeZone = useAppInfo().data?.session?.timeZone ?? null;
  if (!user) return null;

  const onSignOut = () =>
    signOut.mutate(undefined, {
      onError: (error) => notifications.show({ color: "red", title: "Could not sign out", message: formatIpcError(error).message }),
    });

  return (
    <>
      {/* Every item moves the focus on (a modal, the lock, the sign-in screen): the menu must not pull it back. */}
      <Menu position="bottom-end" width={240} withinPortal shadow="md" returnFocus={false}>
        <Menu.Target>
          <UnstyledButton
            aria-label={`${user.displayName}, ${roleLabels[user.role]}: account menu`}
            data-testid="user-menu"
            style={{ borderRadius: "var(--mantine-radius-md)", padding: "2px 4px", minWidth: 0 }}
          >
            <Group gap={8} wrap="nowrap" miw={0}>
              <Avatar color="initials" name={user.displayName} radius="xl" size={30} aria-hidden />
              <Stack gap={0} miw={0} visibleFrom="md" style={{ textAlign: "left" }}>
                <Text size="sm" fw={600} lh={1.2} truncate="end" maw={150} data-testid="user-menu-name">
                  {user.displayName}
                </Text>
                <Text size="xs" c="dimmed" lh={1.2} truncate="end" maw={150}>
                  {roleLabels[user.role]}
                </Text>
              </Stack>
              <IconChevronDown size={14} stroke={1.6} color="var(--mantine-color-dimmed)" aria-hidden />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate="end">
              {user.displayName}
            </Text>
            <Text size="xs" c="dimmed" truncate="end">
              {user.username} · {roleLabels[user.role]}
            </Text>
          </Menu.Label>
          <Menu.Divider />
          <Menu.Item leftSection={<IconLock size={16} />} onClick={lock} data-testid="user-menu-lock">
            Lock now
          </Menu.Item>
          <Menu.Item leftSection={<IconKey size={16} />} onClick={password.open} data-testid="user-menu-password">
            Change password
          </Menu.Item>
          <Menu.Item leftSection={<IconShieldLock size={16} />} onClick={totp.open} data-testid="user-menu-totp">
            Set up authenticator
          </Menu.Item>
          <Menu.Item leftSection={<IconClock size={16} />} onClick={zone.open} data-testid="user-menu-time-zone">
            <Text size="sm">Time zone</Text>
            <Text size="xs" c="dimmed" truncate="end">
              {zoneLabel(timeZone ?? computerTimeZone())}
              {timeZone ? "" : " (this computer's)"}
            </Text>
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item leftSection={<IconLogout size={16} />} onClick={onSignOut} data-testid="user-menu-sign-out">
            Sign out
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={passwordOpened} onClose={password.close} />
      <TotpEnrolmentModal opened={totpOpened} onClose={totp.close} />
      <TimeZoneModal key={timeZone ?? ""} opened={zoneOpened} current={timeZone} onClose={zone.close} />
    </>
  );
}
