import { LineChart } from "@mantine/charts";
import { Card, Stack, Text, Title } from "@mantine/core";
import type { ReportChart } from "../../../ipc/bindings";
import { formatCalendarDate } from "../../contacts/utils/formatDateTime";

/** A report's line over time (the data-quality trend); its figures are also in a table below. */
export function ReportChartCard({ chart }: { chart: ReportChart }) {
  const data = chart.points.map((p) => ({ day: formatCalendarDate(p.label), [chart.series]: p.value }));
  return (
    <Card withBorder radius="md" padding="md" data-testid="report-chart">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {chart.title}
        </Title>
        {chart.points.length < 2 ? (
          <Text size="sm" c="dimmed" data-testid="report-chart-empty">
            A snapshot is taken once a day; the line appears from the second day on.
            {chart.points.length === 1 ? ` Today's: ${chart.points[0].value}%.` : ""}
          </Text>
        ) : (
          <LineChart
            h={220}
            data={data}
            dataKey="day"
            series={[{ name: chart.series, color: "teal.6" }]}
            yAxisProps={{ domain: [0, 100] }}
            unit="%"
            curveType="monotone"
            withDots={chart.points.length <= 31}
          />
        )}
      </Stack>
    </Card>
  );
}
