import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { IconArchive, IconPlayerPlay, IconUserOff } from "@tabler/icons-react";
import type { ContactDetail } from "../../../ipc/bindings";
import { contactStatusColors } from "../utils/badgeColors";
import { formatDate, formatDateTime } from "../utils/formatDateTime";

export type StatusBannerProps = {
  contact: Pick<ContactDetail, "status" | "statusReason" | "statusChangedAt">;
  /** Offered when the user may reactivate the contact. */
  onReactivate?: () => void;
};

/** Says on top of the page that a contact is inactive or archived: since when, and why. */
export function StatusBanner({ contact, onReactivate }: StatusBannerProps) {
  if (contact.status === "active") return null;
  const archived = contact.status === "archived";
  const since = contact.statusChangedAt ? (
    <>
      {" "}
      since <span title={formatDateTime(contact.statusChangedAt)}>{formatDate(contact.statusChangedAt)}</span>
    </>
  ) : null;
  return (
    <Alert
      color={contactStatusColors[contact.status]}
      variant="light"
      icon={archived ? <IconArchive size={18} /> : <IconUserOff size={18} />}
      title={
        <>
          {archived ? "Archived" : "Inactive"}
          {since}
        </>
      }
      data-testid="status-banner"
      data-status={contact.status}
    >
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={4} miw={0} flex="1 1 320px">
          <Text size="sm">
            {archived
              ? "Only site administrators can see this contact, and every opening is recorded in the audit trail."
              : "This contact is not in the active lists and holds no primary contact role. Its details and history are kept."}
          </Text>
          <Text size="sm" style={{ overflowWrap: "anywhere", whiteSpace: "pre-line" }} data-testid="status-banner-reason">
            <Text span fw={600} size="sm">
              Reason:{" "}
            </Text>
            {contact.statusReason ?? (
              <Text span c="dimmed" size="sm">
                none recorded
              </Text>
            )}
          </Text>
        </Stack>
        {onReactivate ? (
          <Button
            variant="white"
            color="teal"
            size="xs"
            leftSection={<IconPlayerPlay size={14} />}
            onClick={onReactivate}
            data-testid="status-banner-reactivate"
          >
            Reactivate
          </Button>
        ) : null}
      </Group>
    </Alert>
  );
}
