import { Alert, Button, Code, Group, Modal, Progress, Radio, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle } from "@tabler/icons-react";
import { useState } from "react";
import type { BulkSelection, ExportFormat } from "../../../ipc/bindings";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { formatCount } from "../utils/formatCount";
import { contactsWord } from "../list/bulkActions";
import { EXPORT_FORMATS, exportFormatLabel, exportPercent } from "./exportFormats";
import { useExportFlow } from "./useExportFlow";

export type ExportModalProps = {
  selection: BulkSelection;
  /** How many contacts the selection covers (null when not known exactly). */
  count: number | null;
  /** "the list" or "the selection", for the sentence above the formats. */
  what: string;
  onClose: () => void;
};

/** Export of the list or the selection: the format, the save dialog, progress and the result. */
export function ExportModal({ selection, count, what, onClose }: ExportModalProps) {
  const [format, setFormat] = useState<ExportFormat>("csv");
  const { state, start, cancel, back } = useExportFlow(selection);
  const busy = state.step === "running";

  let body;
  switch (state.step) {
    case "choose":
      body = (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {count === null ? `Exports the contacts of ${what}.` : `Exports ${contactsWord(count)}: ${what}.`} Only
            contacts you can see are written.
          </Text>
          <Radio.Group
            value={format}
            onChange={(value) => setFormat(value as ExportFormat)}
            label="Format"
            data-testid="export-format"
          >
            <Stack gap="xs" mt={6}>
              {EXPORT_FORMATS.map((option) => (
                <Radio
                  key={option.value}
                  value={option.value}
                  label={option.label}
                  description={option.description}
                  data-testid={`export-format-${option.value}`}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button onClick={() => void start(format)} data-testid="export-save" data-autofocus>
              Save as…
            </Button>
          </Group>
        </Stack>
      );
      break;
    case "running": {
      const percent = exportPercent(state.progress);
      body = (
        <Stack gap="sm" data-testid="export-progress">
          <Progress
            value={percent ?? 100}
            animated={percent === null}
            striped={percent === null}
            size="lg"
            aria-label="Export progress"
          />
          <Text size="sm" c="dimmed">
            {state.progress
              ? `${formatCount(state.progress.done)} of ${formatCount(state.progress.total)} contacts written`
              : "Waiting for the file to be chosen…"}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => void cancel()} loading={state.cancelling} data-testid="export-cancel">
              Cancel
            </Button>
          </Group>
        </Stack>
      );
      break;
    }
    case "done":
      body = (
        <Stack gap="sm">
          <Alert color="teal" variant="light" icon={<IconCircleCheck size={16} />} data-testid="export-done">
            <Text size="sm">
              {formatCount(state.report.exported)} {state.report.exported === 1 ? "contact" : "contacts"} exported as{" "}
              {exportFormatLabel(state.report.format)} to
            </Text>
            <Code block mt={6} style={{ overflowWrap: "anywhere", whiteSpace: "pre-wrap" }}>
              {state.report.file}
            </Code>
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose} data-autofocus data-testid="export-close">
              Close
            </Button>
          </Group>
        </Stack>
      );
      break;
    case "cancelled":
      body = (
        <Stack gap="sm">
          <Alert color="gray" variant="light" icon={<IconInfoCircle size={16} />} data-testid="export-cancelled">
            Export cancelled: no file was written.
          </Alert>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={back}>
              Back
            </Button>
            <Button onClick={onClose} data-autofocus>
              Close
            </Button>
          </Group>
        </Stack>
      );
      break;
    case "failed": {
      const problem = formatIpcError(state.error);
      body = (
        <Stack gap="sm">
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle size={16} />}
            title={problem.title}
            role="alert"
            data-testid="export-failed"
          >
            {problem.message} No file was written.
          </Alert>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={back}>
              Back
            </Button>
            <Button onClick={onClose} data-autofocus>
              Close
            </Button>
          </Group>
        </Stack>
      );
      break;
    }
  }

  return (
    <Modal
      opened
      onClose={busy ? () => {} : onClose}
      withCloseButton={!busy}
      closeOnEscape={!busy}
      closeOnClickOutside={!busy}
      title="Export contacts"
      size="lg"
      data-testid="export-modal"
    >
      {body}
    </Modal>
  );
}
