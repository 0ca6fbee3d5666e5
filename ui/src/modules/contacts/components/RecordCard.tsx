import { ActionIcon, CopyButton, Group, Text, Tooltip } from "@mantine/core";
import { IconCheck, IconCopy, IconDatabase } from "@tabler/icons-react";
import type { ContactDetail } from "../../../ipc/bindings";
import { formatDateTime } from "../utils/formatDateTime";
import { contactStatusLabels } from "../utils/labels";
import { DetailCard } from "./DetailCard";
import { FieldList } from "./FieldList";

export type RecordCardProps = {
  contact: ContactDetail;
};

export function RecordCard({ contact }: RecordCardProps) {
  return (
    <DetailCard title="Record" icon={<IconDatabase size={16} />} testId="card-record">
      <FieldList
        items={[
          { label: "Owner", value: contact.owner },
          { label: "Status", value: contactStatusLabels[contact.status] },
          { label: "Status reason", value: contact.statusReason },
          { label: "Created", value: formatDateTime(contact.createdAt) },
          { label: "Updated", value: formatDateTime(contact.updatedAt) },
          { label: "Version", value: String(contact.version) },
          {
            label: "Record ID",
            value: (
              <Group gap={4} wrap="nowrap">
                <Text size="sm" ff="monospace" truncate>
                  {contact.id}
                </Text>
                <CopyButton value={contact.id}>
                  {({ copied, copy }) => (
                    <Tooltip label={copied ? "Copied" : "Copy record ID"}>
                      <ActionIcon variant="subtle" color="gray" size="sm" onClick={copy} aria-label="Copy record ID">
                        {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                      </ActionIcon>
                    </Tooltip>
                  )}
                </CopyButton>
              </Group>
            ),
          },
        ]}
      />
    </DetailCard>
  );
}
