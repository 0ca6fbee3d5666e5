import { Button, Card, List, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArchive, IconDatabaseExport, IconKey } from "@tabler/icons-react";
import { useState } from "react";
import type { BackupFile } from "../../../ipc/bindings";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { formatDateTime } from "../../contacts/utils/formatDateTime";
import { ErrorState } from "../../shell/components/ErrorState";
import { StatePanel } from "../../shell/components/StatePanel";
import { useBackups } from "../hooks/useBackups";
import { useCreateBackup } from "../hooks/useCreateBackup";
import { useRestoreBackup } from "../hooks/useRestoreBackup";
import { BackupsTable } from "./BackupsTable";
import { ConfirmModal } from "./ConfirmModal";
import { RecoveryKeyModal } from "./RecoveryKeyModal";
import { SectionHeader } from "./SectionHeader";
import { TableSkeleton } from "./TableSkeleton";

type Dialog = { kind: "restore"; backup: BackupFile } | { kind: "recoveryKey" };

export function BackupsPanel() {
  const backups = useBackups();
  const create = useCreateBackup();
  const restore = useRestoreBackup();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => {
    setDialog(null);
    restore.reset();
  };

  const backUpNow = () =>
    create.mutate(undefined, {
      onSuccess: (backup) =>
        notifications.show({ color: "teal", title: "Backup written", message: `${backup.name} is in the backup folder.` }),
      onError: (error) =>
        notifications.show({ color: "red", title: "The backup failed", message: formatIpcError(error).message }),
    });

  const backUpButton = (
    <Button leftSection={<IconDatabaseExport size={16} />} onClick={backUpNow} loading={create.isPending} data-testid="backup-now">
      Back up now
    </Button>
  );

  let body;
  if (backups.isPending) {
    body = <TableSkeleton label="Loading backups" columns={4} rows={4} testId="backups-loading" />;
  } else if (backups.isError) {
    body = (
      <Card>
        <ErrorState error={backups.error} onRetry={() => void backups.refetch()} retrying={backups.isRefetching} testId="backups-error" />
      </Card>
    );
  } else if (backups.data.length === 0) {
    body = (
      <Card>
        <StatePanel icon={<IconArchive size={24} />} title="No backups yet" testId="backups-empty">
          Rapport backs up once a day while it is open. Make the first one now, before a big change such as an import.
        </StatePanel>
      </Card>
    );
  } else {
    body = (
      <Card p={0}>
        <BackupsTable backups={backups.data} onRestore={(backup) => setDialog({ kind: "restore", backup })} />
      </Card>
    );
  }

  return (
    <Stack gap="md" data-testid="admin-backups">
      <SectionHeader
        title="Backups"
        description="Encrypted copies of the whole database, kept in the backups folder beside it. They open only with this database’s key or its recovery key."
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconKey size={16} />}
              onClick={() => setDialog({ kind: "recoveryKey" })}
              data-testid="recovery-key-open"
            >
              Show recovery key
            </Button>
            {backUpButton}
          </>
        }
      />
      {body}
      {dialog?.kind === "restore" ? (
        <ConfirmModal
          title="Restore this backup?"
          confirmLabel="Restore and sign everyone out"
          pending={restore.isPending}
          error={restore.isError ? formatIpcError(restore.error).message : null}
          onCancel={close}
          onConfirm={() => restore.mutate(dialog.backup.name)}
          testId="restore-confirm"
        >
          <Text size="sm">
            The database goes back to the backup <strong style={{ wordBreak: "break-all" }}>{dialog.backup.name}</strong>{" "}
            of {formatDateTime(dialog.backup.createdAt)}.
          </Text>
          <List size="sm" spacing={4}>
            <List.Item>Everyone is signed out, you too; sign in again afterwards.</List.Item>
            <List.Item>Changes made since the backup are not in the restored database.</List.Item>
            <List.Item>
              The current database is not deleted: it is kept beside the restored one (its name ends in
              “before-restore” and the time), so a restore of the wrong backup can be undone.
            </List.Item>
            <List.Item>The backup is checked (integrity and audit chain) before anything is replaced.</List.Item>
          </List>
        </ConfirmModal>
      ) : null}
      {dialog?.kind === "recoveryKey" ? <RecoveryKeyModal onClose={close} /> : null}
    </Stack>
  );
}
