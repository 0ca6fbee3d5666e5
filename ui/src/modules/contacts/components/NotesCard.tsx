import { Alert, Stack, Text } from "@mantine/core";
import { IconInfoCircle, IconNotes } from "@tabler/icons-react";
import type { ContactDetail } from "../../../ipc/bindings";
import { DetailCard } from "./DetailCard";

export type NotesCardProps = {
  contact: ContactDetail;
};

export function NotesCard({ contact }: NotesCardProps) {
  return (
    <DetailCard title="Notes & special instructions" icon={<IconNotes size={16} />} testId="card-notes">
      <Stack gap="sm">
        {contact.specialInstructions ? (
          <Alert variant="light" color="rapport" icon={<IconInfoCircle size={16} />} title="Special instructions" p="xs">
            <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
              {contact.specialInstructions}
            </Text>
          </Alert>
        ) : (
          <Text size="sm" c="dimmed">
            No special instructions.
          </Text>
        )}
        {contact.notes ? (
          <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
            {contact.notes}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            No notes.
          </Text>
        )}
      </Stack>
    </DetailCard>
  );
}
