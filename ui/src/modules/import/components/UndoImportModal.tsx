import { Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { UndoReport } from "../../../ipc/bindings";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { ConfirmModal } from "../../admin/components/ConfirmModal";
import { useUndoImport } from "../hooks/useUndoImport";
import { undoConsequence, undoneMessage } from "../utils/counts";
import { importQueue } from "../utils/importQueue";

export type UndoImportModalProps = {
  importId: string;
  fileName: string;
  /** Contacts the import created and updated. */
  created: number;
  updated: number;
  onClose: () => void;
};

/** Asks before undoing a whole import, saying exactly what will change. */
export function UndoImportModal({ importId, fileName, created, updated, onClose }: UndoImportModalProps) {
  const undo = useUndoImport();
  const confirm = () =>
    undo.mutate(importId, {
      onSuccess: (report: UndoReport) => {
        // A file still on the queue from this import can be checked and imported again.
        const queued = importQueue.getState().files.find((file) => file.outcome?.importId === importId);
        if (queued) importQueue.setUndone(queued.grant.id);
        notifications.show({ color: "teal", title: "Import undone", message: undoneMessage(report) });
        onClose();
      },
    });
  return (
    <ConfirmModal
      title="Undo this import?"
      confirmLabel="Undo import"
      pending={undo.isPending}
      error={undo.isError ? formatIpcError(undo.error).message : null}
      onConfirm={confirm}
      onCancel={onClose}
      testId="undo-import-modal"
      confirmTestId="undo-import-confirm"
    >
      <Text size="sm" style={{ overflowWrap: "anywhere" }}>
        Import of <strong>{fileName}</strong>.
      </Text>
      <Text size="sm" data-testid="undo-import-consequence">
        {undoConsequence(created, updated)}
      </Text>
      <Text size="sm" c="dimmed">
        The undo is recorded in the audit trail and cannot itself be undone.
      </Text>
    </ConfirmModal>
  );
}
