import { Alert, Button, Group, Stack } from "@mantine/core";
import { IconAlertTriangle, IconInfoCircle } from "@tabler/icons-react";
import { formatIpcError } from "../../../ipc/formatIpcError";

/** How a job ended without its result: the user cancelled it, or the core refused or failed it. */
export type JobStop = { step: "cancelled" } | { step: "failed"; error: unknown };

export type JobStoppedProps = {
  stop: JobStop;
  /** Names the test ids: `<prefix>-cancelled`, `<prefix>-failed`, `<prefix>-close`. */
  testIdPrefix: string;
  /** The whole message after a cancel, e.g. "Import cancelled: nothing was stored." */
  cancelledText: string;
  /** Said after the error's own message, so the user knows nothing was half done, e.g. "Nothing was stored." */
  untouchedText: string;
  /** Offers Back (to the job's form) when given. */
  onBack?: () => void;
  onClose: () => void;
};

/** A job that stopped before its result, with what that left unchanged and a way out. */
export function JobStopped({ stop, testIdPrefix, cancelledText, untouchedText, onBack, onClose }: JobStoppedProps) {
  let alert;
  if (stop.step === "cancelled") {
    alert = (
      <Alert color="gray" variant="light" icon={<IconInfoCircle size={16} />} data-testid={`${testIdPrefix}-cancelled`}>
        {cancelledText}
      </Alert>
    );
  } else {
    const problem = formatIpcError(stop.error);
    alert = (
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertTriangle size={16} />}
        title={problem.title}
        role="alert"
        data-testid={`${testIdPrefix}-failed`}
      >
        {problem.message} {untouchedText}
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      {alert}
      <Group justify="flex-end" gap="sm">
        {onBack ? (
          <Button variant="default" onClick={onBack}>
            Back
          </Button>
        ) : null}
        <Button onClick={onClose} data-autofocus data-testid={`${testIdPrefix}-close`}>
          Close
        </Button>
      </Group>
    </Stack>
  );
}
