import { Alert, Avatar, Button, Group, Modal, PasswordInput, Stack, Text } from "@mantine/core";
import { spotlight } from "@mantine/spotlight";
import { IconAlertCircle, IconLock, IconLogout } from "@tabler/icons-react";
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import type { UserProfile } from "../../../ipc/bindings";
import { isIpcError } from "../../../ipc/client";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { useSignOut } from "../hooks/useSignOut";
import { useUnlockSession } from "../hooks/useUnlockSession";
import { roleLabels } from "../utils/roleLabels";
import { RapportLogo } from "./RapportLogo";
import layout from "./StartLayout.module.css";

export type LockOverlayProps = {
  user: UserProfile;
  /** The account got locked by wrong passwords: the core ended the session. */
  onAccountLocked: (message: string) => void;
};

/**
 * Covers the whole window while the session is locked. The app stays mounted underneath, so
 * anything typed but not saved is still there after unlocking; nothing of it shows meanwhile.
 */
export function LockOverlay({ user, onAccountLocked }: LockOverlayProps) {
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const unlock = useUnlockSession();
  const signOut = useSignOut();

  useEffect(() => {
    spotlight.close();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (unlock.isPending) return;
    if (!password) {
      setError("Enter your password.");
      return;
    }
    setError(null);
    unlock.mutate(password, {
      onError: (failure) => {
        setPassword("");
        if (isIpcError(failure) && failure.code === "account_locked") {
          onAccountLocked(failure.message);
          return;
        }
        setError(
          isIpcError(failure) && failure.code === "sign_in_refused"
            ? "That is not your password."
            : formatIpcError(failure).message,
        );
        passwordRef.current?.focus();
      },
    });
  };

  // Ctrl+K (global search) and other app shortcuts must not reach the locked app.
  const stopShortcuts = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) event.stopPropagation();
  };

  return (
    <Modal.Root
      opened
      onClose={() => {}}
      fullScreen
      closeOnEscape={false}
      closeOnClickOutside={false}
      trapFocus
      returnFocus
      zIndex={1000}
      transitionProps={{ duration: 0 }}
    >
      <Modal.Content className={layout.backdrop} data-testid="lock-overlay" onKeyDown={stopShortcuts}>
        <Modal.Body h="100%" p="md">
          <Stack h="100%" align="center" justify="center" gap="lg">
            <form onSubmit={submit} noValidate style={{ width: "100%", maxWidth: 380 }}>
              <Stack gap="lg" align="stretch">
                <Stack gap="xs" align="center">
                  <RapportLogo size={48} />
                  <Group gap={6} wrap="nowrap">
                    <IconLock size={20} aria-hidden />
                    <Modal.Title component="h1" fz="h3" fw={650} c="var(--mantine-color-text)">
                      Rapport is locked
                    </Modal.Title>
                  </Group>
                  <Text size="sm" c="dimmed" ta="center">
                    Enter your password to continue where you left off.
                  </Text>
                </Stack>
                <Group gap="sm" wrap="nowrap" justify="center" miw={0}>
                  <Avatar color="initials" name={user.displayName} radius="xl" aria-hidden />
                  <Stack gap={0} miw={0}>
                    <Text fw={600} truncate="end" data-testid="lock-user">
                      {user.displayName}
                    </Text>
                    <Text size="xs" c="dimmed" truncate="end">
                      {user.username} · {roleLabels[user.role]}
                    </Text>
                  </Stack>
                </Group>
                <PasswordInput
                  ref={passwordRef}
                  label="Password"
                  autoComplete="current-password"
                  data-autofocus
                  value={password}
                  onChange={(event) => {
                    setPassword(event.currentTarget.value);
                    setError(null);
                  }}
                  error={error}
                  data-testid="lock-password"
                />
                <Button type="submit" fullWidth loading={unlock.isPending} data-testid="lock-unlock">
                  Unlock
                </Button>
                {signOut.isError ? (
                  <Alert color="red" icon={<IconAlertCircle size={18} />}>
                    {formatIpcError(signOut.error).message}
                  </Alert>
                ) : null}
                <Group justify="center">
                  <Button
                    variant="subtle"
                    color="gray"
                    size="compact-sm"
                    leftSection={<IconLogout size={14} />}
                    onClick={() => signOut.mutate()}
                    loading={signOut.isPending}
                    data-testid="lock-sign-out"
                  >
                    Sign out instead
                  </Button>
                </Group>
              </Stack>
            </form>
          </Stack>
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
