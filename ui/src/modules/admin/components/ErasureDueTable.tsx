import { Anchor, Button, Table, Text } from "@mantine/core";
import { IconEraser } from "@tabler/icons-react";
import { Link } from "react-router";
import type { ErasureCandidate } from "../../../ipc/bindings";
import { formatDate, formatDateTime } from "../../contacts/utils/formatDateTime";
import { RelativeTime } from "../../shell/components/RelativeTime";

export type ErasureDueTableProps = {
  candidates: ErasureCandidate[];
  onErase: (candidate: ErasureCandidate) => void;
};

export function ErasureDueTable({ candidates, onErase }: ErasureDueTableProps) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing={8} fz="sm" highlightOnHover data-testid="erasure-due-table" style={{ tableLayout: "fixed" }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={120}>Reference</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th w={150}>Archived</Table.Th>
            <Table.Th w={190}>Due for erasure since</Table.Th>
            <Table.Th w={120} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {candidates.map((candidate) => (
            <Table.Tr key={candidate.id} data-testid="erasure-due-row" data-contact-id={candidate.id}>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {candidate.reference}
                </Text>
              </Table.Td>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/contacts/${encodeURIComponent(candidate.id)}`}
                  size="sm"
                  display="block"
                  style={{ overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}
                  title={candidate.displayName}
                >
                  {candidate.displayName}
                </Anchor>
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <span title={formatDateTime(candidate.archivedAt)}>{formatDate(candidate.archivedAt)}</span>
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                {formatDate(candidate.dueSince)}{" "}
                <Text span size="xs" c="dimmed">
                  (<RelativeTime iso={candidate.dueSince} />)
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Button
                  size="xs"
                  variant="light"
                  color="red"
                  leftSection={<IconEraser size={14} />}
                  onClick={() => onErase(candidate)}
                  aria-label={`Erase ${candidate.displayName}`}
                  data-testid="erasure-due-erase"
                >
                  Erase…
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
