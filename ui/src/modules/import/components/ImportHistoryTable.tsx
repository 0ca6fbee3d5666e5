import { Button, Table, Text } from "@mantine/core";
import { IconArrowBackUp } from "@tabler/icons-react";
import type { ImportSummary } from "../../../ipc/bindings";
import { formatCount } from "../../contacts/utils/formatCount";
import { formatDateTime } from "../../contacts/utils/formatDateTime";
import { formatLabel } from "../utils/labels";

export type ImportHistoryTableProps = {
  imports: ImportSummary[];
  onUndo: (summary: ImportSummary) => void;
};

const NUMBERS: { key: "records" | "imported" | "updated" | "skipped" | "rejected"; label: string }[] = [
  { key: "records", label: "Records" },
  { key: "imported", label: "New" },
  { key: "updated", label: "Updated" },
  { key: "skipped", label: "Skipped" },
  { key: "rejected", label: "Rejected" },
];

const nowrap = { whiteSpace: "nowrap" } as const;

export function ImportHistoryTable({ imports, onUndo }: ImportHistoryTableProps) {
  // Two lines per import keep the table inside a 1,280 px window: when and by whom; the file,
  // its format and the site its contacts went to.
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing={8} fz="sm" highlightOnHover data-testid="import-history-table" style={{ tableLayout: "fixed" }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={160}>Imported</Table.Th>
            <Table.Th>File and site</Table.Th>
            {NUMBERS.map(({ key, label }) => (
              <Table.Th key={key} w={key === "records" ? 76 : 70} ta="right">
                {label}
              </Table.Th>
            ))}
            <Table.Th w={180}>State</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {imports.map((summary) => {
            const format = `${formatLabel(summary.format)}, ${summary.encoding}`;
            const site = summary.siteName ?? "No site (visible to administrators only)";
            return (
              <Table.Tr key={summary.id} data-testid="import-history-row" data-import-id={summary.id}>
                <Table.Td>
                  <Text size="sm" style={nowrap}>
                    {formatDateTime(summary.createdAt)}
                  </Text>
                  <Text size="xs" c="dimmed" truncate="end" title={summary.user ?? undefined}>
                    by {summary.userName ?? summary.user ?? "a removed user"}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500} truncate="end" title={summary.fileName}>
                    {summary.fileName}
                  </Text>
                  <Text size="xs" c="dimmed" truncate="end" title={`${format} · ${site}`}>
                    {format} · {site}
                  </Text>
                </Table.Td>
                {NUMBERS.map(({ key }) => (
                  <Table.Td key={key} ta="right" style={{ fontVariantNumeric: "tabular-nums" }}>
                    {formatCount(summary[key])}
                  </Table.Td>
                ))}
                <Table.Td>
                  {summary.undoneAt ? (
                    <Text size="xs" c="dimmed" title={undoneText(summary, summary.undoneAt)} data-testid="import-undone-state">
                      {undoneText(summary, summary.undoneAt)}
                    </Text>
                  ) : (
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconArrowBackUp size={14} />}
                      onClick={() => onUndo(summary)}
                      aria-label={`Undo the import of ${summary.fileName}`}
                      data-testid="undo-import"
                      data-import-id={summary.id}
                    >
                      Undo…
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function undoneText(summary: ImportSummary, undoneAt: string): string {
  return `Undone by ${summary.undoneByName ?? summary.undoneBy ?? "someone"} on ${formatDateTime(undoneAt)}`;
}

