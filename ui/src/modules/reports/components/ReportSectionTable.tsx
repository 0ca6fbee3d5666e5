import { Card, ScrollArea, Stack, Table, Text, Title } from "@mantine/core";
import type { ReportSection } from "../../../ipc/bindings";

/** Rows beyond which a table scrolls in a frame of its own. */
const LONG_TABLE = 30;

/** One of a report's tables: numeric columns right-aligned, its note under the title. */
export function ReportSectionTable({ section }: { section: ReportSection }) {
  return (
    <Card withBorder radius="md" padding="md" data-testid="report-section" data-title={section.title}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {section.title}
        </Title>
        {section.note ? (
          <Text size="sm" c="dimmed">
            {section.note}
          </Text>
        ) : null}
        {section.rows.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="report-section-empty">
            Nothing to list.
          </Text>
        ) : (
          // A long list scrolls in its own frame with its header kept; a short table is the page's.
          <ScrollArea.Autosize mah={section.rows.length > LONG_TABLE ? 560 : undefined} type="auto">
            <Table striped highlightOnHover stickyHeader withTableBorder={false} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  {section.columns.map((column) => (
                    <Table.Th key={column.label} ta={column.numeric ? "right" : "left"} style={{ whiteSpace: "nowrap" }}>
                      {column.label}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {section.rows.map((row, r) => (
                  <Table.Tr key={r} data-testid="report-row">
                    {row.map((cell, c) => {
                      const numeric = section.columns[c]?.numeric ?? false;
                      return (
                        <Table.Td
                          key={c}
                          ta={numeric ? "right" : "left"}
                          style={{
                            fontVariantNumeric: numeric ? "tabular-nums" : undefined,
                            whiteSpace: numeric ? "nowrap" : undefined,
                            maxWidth: numeric ? undefined : 320,
                            overflowWrap: "anywhere",
                          }}
                        >
                          {cell}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        )}
      </Stack>
    </Card>
  );
}
