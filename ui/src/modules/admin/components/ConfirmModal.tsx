import { Alert, Button, Group, Modal, Stack } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import type { ReactNode } from "react";

export type ConfirmModalProps = {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Red for actions that cannot be taken back. */
  color?: string;
  pending: boolean;
  /** Why the last attempt failed. */
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
  /** The confirm button's test id. */
  confirmTestId?: string;
};

/** Asks before an action with consequences; Cancel has the focus so Enter does not confirm by accident. */
export function ConfirmModal({
  title,
  children,
  confirmLabel,
  color = "red",
  pending,
  error,
  onConfirm,
  onCancel,
  testId,
  confirmTestId = "confirm-button",
}: ConfirmModalProps) {
  return (
    <Modal opened onClose={pending ? () => {} : onCancel} title={title} centered size="md" data-testid={testId}>
      <Stack gap="md">
        {children}
        {error ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} role="alert">
            {error}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={pending} data-autofocus>
            Cancel
          </Button>
          <Button color={color} onClick={onConfirm} loading={pending} data-testid={confirmTestId}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
