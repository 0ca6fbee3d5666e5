import { Alert, Button, Group, Loader, NavLink, ScrollArea, Select, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconCheck, IconFileTypeCsv, IconFileTypePdf, IconRefresh } from "@tabler/icons-react";
import { useMemo } from "react";
import { useSearchParams } from "react-router";
import type { ReportFormat, ReportKind, ReportRequest } from "../../../ipc/bindings";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { ErrorState } from "../../shell/components/ErrorState";
import { useReport } from "../hooks/useReport";
import { useReportExport } from "../hooks/useReportExport";
import { isReportKind, periodOptions, reportKindInfo, reportKinds } from "../utils/reportKinds";
import { ReportView } from "./ReportView";

function ReportSkeleton() {
  return (
    <Stack gap="md" data-testid="report-loading" aria-busy>
      <Skeleton h={48} w="50%" />
      <Group grow>
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} h={76} radius="md" />
        ))}
      </Group>
      <Skeleton h={260} radius="md" />
    </Stack>
  );
}

/**
 * Reports: choose one on the left (and its month or quarter), read it on the right, export it as
 * CSV or PDF. The choice lives in the URL, so a report can be reopened from history.
 */
export function ReportsPage() {
  const [params, setParams] = useSearchParams();
  const kindParam = params.get("kind");
  const kind: ReportKind = isReportKind(kindParam) ? kindParam : "monthly";
  const info = reportKindInfo(kind);
  const options = useMemo(() => periodOptions(kind, new Date()), [kind]);
  const periodParam = params.get("period");
  const period = info.period && options.some((o) => o.value === periodParam) ? periodParam : (options[0]?.value ?? null);
  const request: ReportRequest = { kind, period };
  const query = useReport(request);
  const exporting = useReportExport();

  const choose = (next: ReportKind) => {
    exporting.reset();
    setParams({ kind: next });
  };
  const choosePeriod = (value: string | null) => {
    exporting.reset();
    setParams(value ? { kind, period: value } : { kind });
  };
  const exportAs = (format: ReportFormat) => exporting.mutate({ request, format });
  const report = query.data;
  const showing = report && report.kind === kind;

  return (
    <Group align="stretch" gap={0} wrap="nowrap" h="100%" data-testid="reports-page">
      <Stack gap={4} p="md" w={280} style={{ flexShrink: 0, borderRight: "1px solid var(--mantine-color-default-border)" }}>
        <Title order={2} mb="sm">
          Reports
        </Title>
        {reportKinds.map((k) => (
          <NavLink
            key={k.kind}
            active={k.kind === kind}
            label={k.label}
            description={k.description}
            onClick={() => choose(k.kind)}
            data-testid={`report-kind-${k.kind}`}
            styles={{ description: { whiteSpace: "normal" } }}
            style={{ borderRadius: "var(--mantine-radius-sm)" }}
          />
        ))}
      </Stack>
      <ScrollArea style={{ flex: 1 }} type="auto">
        <Stack gap="md" p="md" maw={1400}>
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Group gap="sm">
              {info.period ? (
                <Select
                  aria-label={info.period === "month" ? "Month" : "Quarter"}
                  data={options}
                  value={period}
                  onChange={choosePeriod}
                  allowDeselect={false}
                  w={200}
                  data-testid="report-period"
                />
              ) : (
                <Text size="sm" c="dimmed">
                  As things stand now
                </Text>
              )}
              <Button
                variant="subtle"
                leftSection={query.isFetching ? <Loader size={14} /> : <IconRefresh size={16} />}
                onClick={() => void query.refetch()}
                disabled={query.isFetching}
                data-testid="report-refresh"
              >
                Count again
              </Button>
            </Group>
            <Group gap="xs">
              <Button
                variant="default"
                leftSection={<IconFileTypeCsv size={16} />}
                onClick={() => exportAs("csv")}
                loading={exporting.isPending && exporting.variables?.format === "csv"}
                disabled={!showing || exporting.isPending}
                data-testid="report-export-csv"
              >
                Export CSV
              </Button>
              <Button
                leftSection={<IconFileTypePdf size={16} />}
                onClick={() => exportAs("pdf")}
                loading={exporting.isPending && exporting.variables?.format === "pdf"}
                disabled={!showing || exporting.isPending}
                data-testid="report-export-pdf"
              >
                Export PDF
              </Button>
            </Group>
          </Group>
          {exporting.isSuccess && exporting.data ? (
            <Alert
              color="teal"
              icon={<IconCheck size={18} />}
              withCloseButton
              onClose={() => exporting.reset()}
              data-testid="report-exported"
              data-path={exporting.data.path}
            >
              Saved to {exporting.data.path}
            </Alert>
          ) : null}
          {exporting.isError ? (
            <Alert
              color="red"
              title={formatIpcError(exporting.error).title}
              withCloseButton
              onClose={() => exporting.reset()}
              data-testid="report-export-error"
            >
              {formatIpcError(exporting.error).message}
            </Alert>
          ) : null}
          {query.isError ? (
            <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} testId="report-error" />
          ) : showing ? (
            <div style={{ opacity: query.isPlaceholderData ? 0.5 : 1, transition: "opacity 120ms" }}>
              <ReportView report={report} />
            </div>
          ) : (
            <ReportSkeleton />
          )}
        </Stack>
      </ScrollArea>
    </Group>
  );
}
