import { Alert, Button, Code, Group, Radio, Stack, Text } from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import { useState } from "react";
import type { BulkSelection, ExportFormat } from "../../../ipc/bindings";
import { JobModal } from "../../shell/components/JobModal";
import { JobProgress } from "../../shell/components/JobProgress";
import { JobStopped } from "../../shell/components/JobStopped";
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
    case "running":
      body = (
        <JobProgress
          testIdPrefix="export"
          label="Export progress"
          percent={exportPercent(state.progress)}
          status={
            state.progress
              ? `${formatCount(state.progress.done)} of ${formatCount(state.progress.total)} contacts written`
              : "Waiting for the file to be chosen…"
          }
          cancelling={state.cancelling}
          onCancel={() => void cancel()}
        />
      );
      break;
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
    case "failed":
      body = (
        <JobStopped
          stop={state}
          testIdPrefix="export"
          cancelledText="Export cancelled: no file was written."
          untouchedText="No file was written."
          onBack={back}
          onClose={onClose}
        />
      );
      break;
  }

  return (
    <JobModal
      busy={state.step === "running"}
      onClose={onClose}
      title="Export contacts"
      size="lg"
      data-testid="export-modal"
    >
      {body}
    </JobModal>
  );
}
