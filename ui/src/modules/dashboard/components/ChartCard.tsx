import { Anchor, Box, Card, ColorSwatch, Group, ScrollArea, Stack, Table, Text, Title } from "@mantine/core";
import { BarChart, DonutChart } from "@mantine/charts";
import { Link, useNavigate } from "react-router";
import type { ContactFilter } from "../../../ipc/bindings";
import { formatCount } from "../../contacts/utils/formatCount";
import { contactsHref, filterParams } from "../utils/links";

/** One segment or bar, and the contact list it opens. */
export type ChartRow = {
  key: string;
  label: string;
  count: number;
  filter: Partial<ContactFilter>;
  color: string;
};

export type ChartCardProps = {
  title: string;
  rows: ChartRow[];
  kind: "donut" | "bar";
  testId: string;
  /** Shown instead of the chart when every count is zero. */
  empty: string;
};

/**
 * A chart of contact counts with a table of the same figures under it. A click on a segment, a
 * bar or a row of the table opens the contact list filtered to it; the table is also what
 * keyboards and screen readers use.
 */
export function ChartCard({ title, rows, kind, testId, empty }: ChartCardProps) {
  const navigate = useNavigate();
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const open = (index: number) => {
    const row = rows[index];
    if (row) void navigate(contactsHref(row.filter));
  };
  const data = rows.map((row) => ({ name: row.label, value: row.count, color: row.color }));
  return (
    <Card withBorder radius="md" padding="md" data-testid={testId} h="100%">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {title}
        </Title>
        {total === 0 ? (
          <Text c="dimmed" size="sm" py="md">
            {empty}
          </Text>
        ) : kind === "donut" ? (
          <Box style={{ cursor: "pointer" }} aria-hidden>
            <DonutChart
              data={data.filter((d) => d.value > 0)}
              size={160}
              thickness={26}
              mx="auto"
              withTooltip
              tooltipDataSource="segment"
              chartLabel={formatCount(total)}
              pieProps={{
                onClick: (_: unknown, index: number) => {
                  const shown = rows.filter((row) => row.count > 0);
                  const row = shown[index];
                  if (row) void navigate(contactsHref(row.filter));
                },
              }}
            />
          </Box>
        ) : (
          <Box style={{ cursor: "pointer" }} aria-hidden>
            <BarChart
              h={Math.max(160, Math.min(rows.length, 30) * 26)}
              data={rows.map((row) => ({ label: row.label, count: row.count }))}
              dataKey="label"
              orientation="vertical"
              yAxisProps={{ width: 130 }}
              series={[{ name: "count", label: "Contacts", color: rows[0]?.color ?? "blue.6" }]}
              gridAxis="none"
              withTooltip
              barProps={{ onClick: (_: unknown, index: number) => open(index) }}
            />
          </Box>
        )}
        <ScrollArea.Autosize mah={260} type="auto">
          <Table verticalSpacing={4} fz="sm">
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.key}>
                  <Table.Td>
                    <Group gap={8} wrap="nowrap">
                      <ColorSwatch color={`var(--mantine-color-${row.color.replace(".", "-")})`} size={10} />
                      <Anchor
                        component={Link}
                        to={contactsHref(row.filter)}
                        data-testid="dashboard-link"
                        data-filter={filterParams(row.filter)}
                        data-count={row.count}
                      >
                        {row.label}
                      </Anchor>
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {formatCount(row.count)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      </Stack>
    </Card>
  );
}
