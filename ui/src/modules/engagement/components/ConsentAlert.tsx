import { Alert, Checkbox, List, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import type { ConsentWarning } from "../../../ipc/bindings";
import { consentChannelLabels } from "../utils/labels";

export type ConsentAlertProps = {
  warnings: ConsentWarning[];
  acknowledged: boolean;
  onAcknowledge(acknowledged: boolean): void;
  error?: string;
};

/** Shown before saving: who has not agreed to be contacted this way, and a tick to log it anyway. */
export function ConsentAlert({ warnings, acknowledged, onAcknowledge, error }: ConsentAlertProps) {
  if (warnings.length === 0) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title="No consent for this channel"
      data-testid="consent-warning"
    >
      <Stack gap="xs">
        <List size="sm" spacing={2}>
          {warnings.map((warning) => (
            <List.Item key={`${warning.contact.id}-${warning.channel}`}>
              <Text span size="sm" fw={500} style={{ overflowWrap: "anywhere" }}>
                {warning.contact.displayName}
              </Text>{" "}
              has not consented to {consentChannelLabels[warning.channel]}.
            </List.Item>
          ))}
        </List>
        <Checkbox
          label="I know, log it anyway (recorded in the audit trail)"
          checked={acknowledged}
          onChange={(event) => onAcknowledge(event.currentTarget.checked)}
          error={error}
          data-testid="consent-acknowledge"
        />
      </Stack>
    </Alert>
  );
}
