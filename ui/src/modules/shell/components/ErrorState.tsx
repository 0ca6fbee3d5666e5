import { Button } from "@mantine/core";
import { IconAlertTriangle, IconRefresh } from "@tabler/icons-react";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { StatePanel } from "./StatePanel";

export type ErrorStateProps = {
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
  testId?: string;
};

export function ErrorState({ error, onRetry, retrying = false, testId }: ErrorStateProps) {
  const { title, message } = formatIpcError(error);
  return (
    <StatePanel
      icon={<IconAlertTriangle size={24} />}
      color="red"
      title={title}
      testId={testId}
      actions={
        onRetry ? (
          <Button variant="light" leftSection={<IconRefresh size={16} />} onClick={onRetry} loading={retrying}>
            Retry
          </Button>
        ) : null
      }
    >
      {message}
    </StatePanel>
  );
}
