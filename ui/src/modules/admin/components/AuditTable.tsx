import { Badge, Table, Text, Tooltip } from "@mantine/core";
import { IconEraser, IconLockSquareRounded } from "@tabler/icons-react";
import type { AuditEventRow } from "../../../ipc/bindings";
import { formatDateTime } from "../../contacts/utils/formatDateTime";
import { describeSummary, humanise, namesChangedFields } from "../utils/auditSummary";

export type AuditTableProps = {
  events: AuditEventRow[];
};

/** Refusals and failures stand out from the routine. */
function actionColor(action: string): string {
  if (action === "denied" || action.endsWith("_failed")) return "red";
  if (action.startsWith("restore") || action.startsWith("reset") || action === "show_recovery_key") return "orange";
  if (action === "create") return "teal";
  return "gray";
}

function ValuesMarker({ event }: { event: AuditEventRow }) {
  if (event.hasValues) {
    return (
      <Tooltip label="The values before and after this change are kept (erased if the person asks to be forgotten)">
        <Badge variant="light" color="grape" tt="none" fw={500} leftSection={<IconLockSquareRounded size={12} />}>
          Personal values
        </Badge>
      </Tooltip>
    );
  }
  if (namesChangedFields(event.summary)) {
    return (
      <Tooltip label="The values of this change were erased; the event still verifies">
        <Badge variant="default" tt="none" fw={500} leftSection={<IconEraser size={12} />}>
          Erased
        </Badge>
      </Tooltip>
    );
  }
  return null;
}

export function AuditTable({ events }: AuditTableProps) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing={6} fz="sm" striped highlightOnHover data-testid="audit-table" style={{ tableLayout: "fixed" }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={156}>Time</Table.Th>
            <Table.Th w={124}>User</Table.Th>
            <Table.Th w={156}>Action</Table.Th>
            <Table.Th w={124}>Entity</Table.Th>
            <Table.Th>Summary</Table.Th>
            <Table.Th w={132}>Values</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => {
            const parts = describeSummary(event.summary);
            const summaryText = parts.map((p) => (p.label ? `${p.label}: ${p.value}` : p.value)).join(" · ");
            const entity = `${humanise(event.entity)}${event.entityId ? ` #${event.entityId}` : ""}`;
            return (
              <Table.Tr key={event.seq} data-testid="audit-row" data-seq={event.seq}>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                    {formatDateTime(event.at)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    #{event.seq}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace" truncate="end" title={event.username}>
                    {event.username}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={actionColor(event.action)} tt="none" fw={500} maw="100%" title={humanise(event.action)}>
                    {humanise(event.action)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" truncate="end" title={entity}>
                    {entity}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {parts.length === 0 ? (
                    <Text span size="sm" c="dimmed">
                      —
                    </Text>
                  ) : (
                    <Text size="sm" lineClamp={2} title={summaryText} style={{ wordBreak: "break-word" }}>
                      {parts.map((part, index) => (
                        <span key={index}>
                          {index > 0 ? <Text span c="dimmed"> · </Text> : null}
                          {part.label ? (
                            <Text span c="dimmed">
                              {part.label}:{" "}
                            </Text>
                          ) : null}
                          {part.value}
                        </span>
                      ))}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <ValuesMarker event={event} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
