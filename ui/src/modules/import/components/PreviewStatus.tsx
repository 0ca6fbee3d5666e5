import { Alert, Button, Card, Group, Loader, Text } from "@mantine/core";
import { IconAlertTriangle, IconBuilding, IconFileAlert, IconInfoCircle, IconRefresh } from "@tabler/icons-react";
import { formatIpcError } from "../../../ipc/formatIpcError";
import type { PreviewView } from "../types/previewView";
import { countOf } from "../utils/counts";

export type PreviewStatusProps = {
  view: PreviewView;
  siteMissing: boolean;
  onCancel: () => void;
  onRetry: () => void;
};

/** Where the check of the file stands: waiting for a site, running, stopped, failed or refused. */
export function PreviewStatus({ view, siteMissing, onCancel, onRetry }: PreviewStatusProps) {
  switch (view.status) {
    case "idle":
      return siteMissing ? (
        <Alert color="rapport" variant="light" icon={<IconBuilding size={16} />} data-testid="import-needs-site">
          Choose the site the new contacts belong to; the file is checked as soon as you have.
        </Alert>
      ) : null;
    case "checking":
      return (
        <Card py="sm" data-testid="import-checking">
          <Group justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Loader size="sm" />
              <Text size="sm" data-testid="import-checking-text">
                {view.progress ? `Checking… ${countOf(view.progress.records, "record")}` : "Checking…"}
              </Text>
            </Group>
            <Button
              variant="default"
              size="compact-sm"
              onClick={onCancel}
              loading={view.cancelling}
              data-testid="import-preview-cancel"
            >
              Cancel
            </Button>
          </Group>
        </Card>
      );
    case "cancelled":
      return (
        <Alert color="gray" variant="light" icon={<IconInfoCircle size={16} />} data-testid="import-preview-cancelled">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">The check was stopped. Nothing was stored.</Text>
            <Button variant="default" size="compact-sm" leftSection={<IconRefresh size={14} />} onClick={onRetry}>
              Check again
            </Button>
          </Group>
        </Alert>
      );
    case "failed": {
      const { title, message } = formatIpcError(view.error);
      return (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={16} />}
          title={`The file could not be checked: ${title.toLowerCase()}`}
          role="alert"
          data-testid="import-preview-error"
        >
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Text size="sm" style={{ overflowWrap: "anywhere" }}>
              {message}
            </Text>
            <Button variant="default" size="compact-sm" leftSection={<IconRefresh size={14} />} onClick={onRetry}>
              Try again
            </Button>
          </Group>
        </Alert>
      );
    }
    case "done":
      return view.preview.refused ? (
        <Alert
          color="red"
          variant="light"
          icon={<IconFileAlert size={16} />}
          title="This file cannot be imported"
          role="alert"
          data-testid="import-refused"
        >
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            {view.preview.refused.message}
          </Text>
        </Alert>
      ) : null;
  }
}
