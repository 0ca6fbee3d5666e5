import { Alert, Button, Group, Progress, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { formatIpcError } from "../../../ipc/formatIpcError";

export type JobProgressProps = {
  /** Names the test ids: `<prefix>-progress`, `<prefix>-progress-bar`, `<prefix>-progress-text`, `<prefix>-cancel`. */
  testIdPrefix: string;
  /** The progress bar's accessible name. */
  label: string;
  /** 0–100, or null until the core has reported how far it is. */
  percent: number | null;
  /** Keeps the bar striped at its percent, e.g. while the core winds a cancelled job down. */
  striped?: boolean;
  /** What is being done, above the bar. */
  description?: ReactNode;
  /** How far it is, below the bar. */
  status: ReactNode;
  cancelling: boolean;
  /** Why the last Cancel did not go through, if it did not. */
  cancelError?: unknown;
  onCancel: () => void;
};

/** A running job: its progress and a Cancel button. */
export function JobProgress({
  testIdPrefix,
  label,
  percent,
  striped = false,
  description,
  status,
  cancelling,
  cancelError,
  onCancel,
}: JobProgressProps) {
  const indeterminate = percent === null || striped;
  return (
    <Stack gap="sm" data-testid={`${testIdPrefix}-progress`}>
      {description ? (
        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
          {description}
        </Text>
      ) : null}
      <Progress
        value={percent ?? 100}
        animated={indeterminate}
        striped={indeterminate}
        size="lg"
        aria-label={label}
        data-testid={`${testIdPrefix}-progress-bar`}
      />
      <Text size="sm" c="dimmed" data-testid={`${testIdPrefix}-progress-text`}>
        {status}
      </Text>
      {cancelError ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} role="alert">
          Could not cancel: {formatIpcError(cancelError).message}
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel} loading={cancelling} data-testid={`${testIdPrefix}-cancel`}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}
