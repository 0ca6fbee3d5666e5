import { Badge, Divider, Group, Stack, Text } from "@mantine/core";
import { IconSignature } from "@tabler/icons-react";
import { Fragment } from "react";
import type { ApprovalRecord } from "../../../ipc/bindings";
import { formatCalendarDate, formatDateTime } from "../utils/formatDateTime";
import { DetailCard } from "./DetailCard";
import { fieldInWords } from "./significantFields";

export type ApprovalsCardProps = {
  approvals: ApprovalRecord[];
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Significant changes (type, authority, sites, primary contact) with their justification and approval, newest first. */
export function ApprovalsCard({ approvals }: ApprovalsCardProps) {
  return (
    <DetailCard title="Approvals" icon={<IconSignature size={16} />} testId="card-approvals">
      {approvals.length === 0 ? (
        <Text size="sm" c="dimmed">
          No significant changes recorded. Changes to the contact type, authority, sites or primary contact are listed here
          with who approved them.
        </Text>
      ) : (
        <Stack gap="sm">
          {approvals.map((approval, index) => (
            <Fragment key={`${approval.recordedAt}-${index}`}>
              {index > 0 ? <Divider variant="dashed" /> : null}
              <Stack gap={4} data-testid="approval">
                <Group gap={4} wrap="wrap">
                  {approval.fields.map((field) => (
                    <Badge key={field} size="sm" variant="light" tt="none" fw={500}>
                      {capitalise(fieldInWords(field))}
                    </Badge>
                  ))}
                </Group>
                <Text size="sm" style={{ overflowWrap: "anywhere", whiteSpace: "pre-line" }}>
                  {approval.justification}
                </Text>
                <Text size="xs" c="dimmed">
                  Approved by{" "}
                  <Text span inherit fw={500} c="var(--mantine-color-text)">
                    {approval.approvedBy}
                  </Text>{" "}
                  on {formatCalendarDate(approval.approvedOn)} · recorded by {approval.recordedBy},{" "}
                  {formatDateTime(approval.recordedAt)}
                </Text>
              </Stack>
            </Fragment>
          ))}
        </Stack>
      )}
    </DetailCard>
  );
}
