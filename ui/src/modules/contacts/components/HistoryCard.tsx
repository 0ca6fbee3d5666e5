import { Button, Group, Skeleton, Stack, Table, Text } from "@mantine/core";
import { IconArrowRight, IconHistory, IconRefresh } from "@tabler/icons-react";
import { useState } from "react";
import type { FieldChange } from "../../../ipc/bindings";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { humanise } from "../../admin/utils/auditSummary";
import { formatCount } from "../utils/formatCount";
import { RelativeTime } from "../../shell/components/RelativeTime";
import { useContactHistory } from "../hooks/useContactHistory";
import { DetailCard } from "./DetailCard";

export type HistoryCardProps = {
  contactId: string;
};

/** Enough to see what changed lately without pushing the rest of the page away. */
const FIRST_SHOWN = 10;

/** A list of names arrives as JSON ('["Canal Street HQ"]'): shown as the names, an empty list as empty. */
function readable(value: string | null): string | null {
  if (value === null || !value.startsWith("[")) return value;
  try {
    const parsed: unknown = JSON.parse(value);
    if (Array.isArray(parsed) && parsed.every((item) => typeof item === "string")) {
      return parsed.length === 0 ? null : parsed.join(", ");
    }
  } catch {
    // Not JSON after all: shown as it is.
  }
  return value;
}

function Value({ value: raw, strike = false }: { value: string | null; strike?: boolean }) {
  const value = readable(raw);
  if (value === null || value === "") {
    return (
      <Text span size="sm" c="dimmed" fs="italic">
        empty
      </Text>
    );
  }
  return (
    <Text span size="sm" td={strike ? "line-through" : undefined} c={strike ? "dimmed" : undefined} title={value} lineClamp={2}>
      {value}
    </Text>
  );
}

function HistoryTable({ changes }: { changes: FieldChange[] }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table fz="sm" verticalSpacing={6} data-testid="history-table" style={{ tableLayout: "fixed" }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="20%">Field</Table.Th>
            <Table.Th>Change</Table.Th>
            <Table.Th w={140}>By</Table.Th>
            <Table.Th w={130}>When</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changes.map((change, index) => (
            <Table.Tr key={`${change.at}-${change.field}-${index}`} data-testid="history-row">
              <Table.Td>
                <Text size="sm" fw={500} truncate="end" title={humanise(change.field)}>
                  {humanise(change.field)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <Value value={change.before} strike={change.after !== null} />
                  <IconArrowRight size={14} style={{ flexShrink: 0, marginTop: 3 }} aria-label="changed to" />
                  <Value value={change.after} />
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace" truncate="end" title={change.username}>
                  {change.username}
                </Text>
              </Table.Td>
              <Table.Td>
                <RelativeTime iso={change.at} size="sm" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The contact's field history from the audit trail, newest first. */
export function HistoryCard({ contactId }: HistoryCardProps) {
  const history = useContactHistory(contactId);
  const [showAll, setShowAll] = useState(false);

  let body;
  if (history.isPending) {
    body = (
      <Stack gap={8} aria-busy="true" aria-label="Loading history" data-testid="history-loading">
        {[0, 1, 2].map((row) => (
          <Skeleton key={row} height={12} width={`${90 - row * 15}%`} />
        ))}
      </Stack>
    );
  } else if (history.isError) {
    body = (
      <Group justify="space-between" wrap="nowrap" data-testid="history-error">
        <Text size="sm" c="red">
          {formatIpcError(history.error).message}
        </Text>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconRefresh size={14} />}
          onClick={() => void history.refetch()}
          loading={history.isRefetching}
        >
          Retry
        </Button>
      </Group>
    );
  } else if (history.data.length === 0) {
    body = (
      <Text size="sm" c="dimmed" data-testid="history-empty">
        No changes recorded yet.
      </Text>
    );
  } else {
    const shown = showAll ? history.data : history.data.slice(0, FIRST_SHOWN);
    body = (
      <Stack gap="xs">
        <HistoryTable changes={shown} />
        {history.data.length > FIRST_SHOWN ? (
          <Group>
            <Button size="xs" variant="subtle" onClick={() => setShowAll((v) => !v)}>
              {showAll ? "Show the latest only" : `Show all ${formatCount(history.data.length)} changes`}
            </Button>
          </Group>
        ) : null}
      </Stack>
    );
  }

  return (
    <DetailCard title="History" icon={<IconHistory size={16} />} testId="card-history">
      {body}
    </DetailCard>
  );
}
