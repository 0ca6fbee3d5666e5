import { Card, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { Report } from "../../../ipc/bindings";
import { formatDateTime } from "../../contacts/utils/formatDateTime";
import { ReportChartCard } from "./ReportChartCard";
import { ReportSectionTable } from "./ReportSectionTable";

/** A report as the core made it: what it covers, its key figures, its chart and its tables. */
export function ReportView({ report }: { report: Report }) {
  return (
    <Stack gap="md" data-testid="report-view" data-kind={report.kind} data-period={report.period.key}>
      <div>
        <Title order={2} size="h3" data-testid="report-title">
          {report.title}
        </Title>
        <Text c="dimmed" size="sm" data-testid="report-meta">
          {report.period.label} · {report.scope} · made {formatDateTime(report.generatedAt)} by {report.generatedBy}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 2, md: 3, xl: 6 }} data-testid="report-figures">
        {report.figures.map((figure) => (
          <Card key={figure.label} withBorder radius="md" padding="sm" data-testid="report-figure" data-label={figure.label}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600} lineClamp={2}>
              {figure.label}
            </Text>
            <Text fz={24} fw={700} lh={1.3} style={{ fontVariantNumeric: "tabular-nums" }}>
              {figure.value}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      {report.chart ? <ReportChartCard chart={report.chart} /> : null}
      {report.sections.map((section) => (
        <ReportSectionTable key={section.title} section={section} />
      ))}
    </Stack>
  );
}
