import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconArrowBackUp, IconCircleCheck, IconUsers } from "@tabler/icons-react";
import { useNavigate } from "react-router";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { formatCount } from "../../contacts/utils/formatCount";
import { JobModal } from "../../shell/components/JobModal";
import { JobProgress } from "../../shell/components/JobProgress";
import { JobStopped } from "../../shell/components/JobStopped";
import type { RunStep } from "../types/runStep";
import { countOf, undoneMessage } from "../utils/counts";
import { OutcomeCounts } from "./OutcomeCounts";

export type RunImportModalProps = {
  state: Exclude<RunStep, { step: "idle" }>;
  fileName: string | null;
  cancelError: unknown;
  onCancel: () => void;
  onUndo: () => void;
  onClose: () => void;
};

/** 0–100 for the progress bar; null until the core has reported. */
function percent(records: number | undefined, total: number): number | null {
  if (records === undefined || total <= 0) return null;
  return Math.min(100, Math.round((records / total) * 100));
}

/** One import from its progress to its outcome, with Cancel while it runs and Undo after. */
export function RunImportModal({ state, fileName, cancelError, onCancel, onUndo, onClose }: RunImportModalProps) {
  const navigate = useNavigate();
  const name = fileName ?? "the file";
  let title: string;
  let body;

  switch (state.step) {
    case "running":
      title = "Importing…";
      body = (
        <JobProgress
          testIdPrefix="import"
          label="Import progress"
          percent={percent(state.progress?.records, state.total)}
          striped={state.cancelling}
          description={`Importing ${name}. All of it is stored together, or nothing if you cancel.`}
          status={
            state.cancelling
              ? "Cancelling… nothing is being stored."
              : state.progress
                ? `${formatCount(state.progress.records)} of ${countOf(state.total, "record")} checked, ${formatCount(state.progress.stored)} stored`
                : "Starting…"
          }
          cancelling={state.cancelling}
          cancelError={cancelError}
          onCancel={onCancel}
        />
      );
      break;
    case "done": {
      const { outcome, undo } = state;
      title = outcome.refused ? "Not imported" : "Import finished";
      body = (
        <Stack gap="sm" data-testid="import-result">
          {outcome.refused ? (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} title="The file was refused">
              {outcome.refused.message} Nothing was stored.
            </Alert>
          ) : (
            <>
              <Alert color="teal" variant="light" icon={<IconCircleCheck size={16} />}>
                <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                  {name}: {countOf(outcome.records, "record")} read.
                </Text>
              </Alert>
              <OutcomeCounts outcome={outcome} />
              {outcome.rejected > 0 ? (
                <Text size="xs" c="dimmed">
                  Rejected records were not stored; the preview lists why.
                </Text>
              ) : null}
            </>
          )}
          {undo.state === "undone" ? (
            <Alert color="gray" variant="light" icon={<IconArrowBackUp size={16} />} data-testid="import-undone">
              Import undone: {undoneMessage(undo.report)}
            </Alert>
          ) : null}
          {undo.state === "failed" ? (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} role="alert">
              The import could not be undone: {formatIpcError(undo.error).message}
            </Alert>
          ) : null}
          <Group justify="space-between" mt="xs">
            {outcome.importId && undo.state !== "undone" ? (
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconArrowBackUp size={16} />}
                onClick={onUndo}
                loading={undo.state === "undoing"}
                data-testid="import-undo-now"
              >
                Undo this import
              </Button>
            ) : (
              <span />
            )}
            <Group gap="sm">
              <Button variant="default" onClick={onClose} data-testid="import-close">
                Close
              </Button>
              {outcome.refused ? null : (
                <Button
                  leftSection={<IconUsers size={16} />}
                  onClick={() => {
                    onClose();
                    void navigate("/contacts");
                  }}
                  disabled={undo.state === "undoing"}
                  data-autofocus
                  data-testid="import-show-contacts"
                >
                  Show contacts
                </Button>
              )}
            </Group>
          </Group>
        </Stack>
      );
      break;
    }
    case "cancelled":
    case "failed":
      title = state.step === "cancelled" ? "Import cancelled" : "Not imported";
      body = (
        <JobStopped
          stop={state}
          testIdPrefix="import"
          cancelledText="Import cancelled: nothing was stored."
          untouchedText="Nothing was stored."
          onClose={onClose}
        />
      );
      break;
  }

  return (
    <JobModal
      busy={state.step === "running"}
      onClose={onClose}
      title={title}
      centered
      size="lg"
      data-testid="import-modal"
      data-step={state.step}
    >
      {body}
    </JobModal>
  );
}
