import { Button, Card, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconUserPlus, IconUsers } from "@tabler/icons-react";
import { useState } from "react";
import type { UserSummary } from "../../../ipc/bindings";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { ErrorState } from "../../shell/components/ErrorState";
import { StatePanel } from "../../shell/components/StatePanel";
import { useResetUserTotp } from "../hooks/useResetUserTotp";
import { useUnlockUser } from "../hooks/useUnlockUser";
import { useUsers } from "../hooks/useUsers";
import { ConfirmModal } from "./ConfirmModal";
import { ResetPasswordModal } from "./ResetPasswordModal";
import { SectionHeader } from "./SectionHeader";
import { TableSkeleton } from "./TableSkeleton";
import { UserFormModal } from "./UserFormModal";
import { UsersTable } from "./UsersTable";

type Dialog =
  | { kind: "create" }
  | { kind: "edit"; user: UserSummary }
  | { kind: "password"; user: UserSummary }
  | { kind: "totp"; user: UserSummary };

export function UsersPanel() {
  const users = useUsers();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const resetTotp = useResetUserTotp();
  const unlock = useUnlockUser();
  const close = () => {
    setDialog(null);
    resetTotp.reset();
  };

  const onUnlock = (user: UserSummary) =>
    unlock.mutate(user.id, {
      onSuccess: () =>
        notifications.show({ color: "teal", title: "User unlocked", message: `${user.displayName} can sign in again.` }),
      onError: (error) =>
        notifications.show({ color: "red", title: "Could not unlock", message: formatIpcError(error).message }),
    });

  let body;
  if (users.isPending) {
    body = <TableSkeleton label="Loading users" columns={7} testId="users-loading" />;
  } else if (users.isError) {
    body = (
      <Card>
        <ErrorState error={users.error} onRetry={() => void users.refetch()} retrying={users.isRefetching} testId="users-error" />
      </Card>
    );
  } else if (users.data.length === 0) {
    body = (
      <Card>
        <StatePanel icon={<IconUsers size={24} />} title="No users yet" testId="users-empty">
          Add the people who work with Rapport and choose what each of them reaches.
        </StatePanel>
      </Card>
    );
  } else {
    body = (
      <Card p={0}>
        <UsersTable
          users={users.data}
          onEdit={(user) => setDialog({ kind: "edit", user })}
          onResetPassword={(user) => setDialog({ kind: "password", user })}
          onResetTotp={(user) => setDialog({ kind: "totp", user })}
          onUnlock={onUnlock}
          unlockingId={unlock.isPending ? (unlock.variables ?? null) : null}
        />
      </Card>
    );
  }

  return (
    <Stack gap="md" data-testid="admin-users">
      <SectionHeader
        title="Users"
        description="Who can sign in, with which role, and which regions or territories they reach."
        actions={
          <Button leftSection={<IconUserPlus size={16} />} onClick={() => setDialog({ kind: "create" })} data-testid="user-new">
            New user
          </Button>
        }
      />
      {body}
      {dialog?.kind === "create" ? <UserFormModal user={null} onClose={close} /> : null}
      {dialog?.kind === "edit" ? <UserFormModal user={dialog.user} onClose={close} /> : null}
      {dialog?.kind === "password" ? <ResetPasswordModal user={dialog.user} onClose={close} /> : null}
      {dialog?.kind === "totp" ? (
        <ConfirmModal
          title={`Reset the authenticator of ${dialog.user.displayName}?`}
          confirmLabel="Reset authenticator"
          pending={resetTotp.isPending}
          error={resetTotp.isError ? formatIpcError(resetTotp.error).message : null}
          onCancel={close}
          onConfirm={() =>
            resetTotp.mutate(dialog.user.id, {
              onSuccess: () => {
                notifications.show({
                  color: "teal",
                  title: "Authenticator reset",
                  message: `${dialog.user.displayName} signs in with the password alone until they set up a new authenticator.`,
                });
                close();
              },
            })
          }
          testId="reset-totp-confirm"
        >
          <Text size="sm">
            The authenticator app and the recovery codes of {dialog.user.displayName} stop working. Do this when the
            phone is lost; they can set up a new one after signing in with their password.
          </Text>
        </ConfirmModal>
      ) : null}
    </Stack>
  );
}
