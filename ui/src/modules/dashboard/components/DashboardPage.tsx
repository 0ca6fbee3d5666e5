import { Button, Grid, Group, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import {
  IconAlarm,
  IconCalendarDue,
  IconChartPie,
  IconPencil,
  IconUserExclamation,
  IconUserOff,
  IconUserPlus,
} from "@tabler/icons-react";
import { Link } from "react-router";
import type { ChangeKind, Dashboard } from "../../../ipc/bindings";
import { formatCount } from "../../contacts/utils/formatCount";
import { contactStatusLabels, contactTypeLabels, lifecycleStageLabels } from "../../contacts/utils/labels";
import { useSessionUser } from "../../session/hooks/useSessionUser";
import { ErrorState } from "../../shell/components/ErrorState";
import { StatePanel } from "../../shell/components/StatePanel";
import { useDashboard } from "../hooks/useDashboard";
import { contactsHref, filterParams } from "../utils/links";
import { ChartCard, type ChartRow } from "./ChartCard";
import { ImportsCard } from "./ImportsCard";
import { QualityCard } from "./QualityCard";
import { StatCard } from "./StatCard";

const TYPE_COLORS = ["blue.6", "grape.6", "cyan.6", "red.6", "gray.6"];
const STATUS_COLORS: Record<string, string> = { active: "teal.6", inactive: "orange.6", archived: "gray.6" };

function typeRows(d: Dashboard): ChartRow[] {
  return d.byType.map((t, i) => ({
    key: t.value,
    label: contactTypeLabels[t.value],
    count: t.count,
    filter: { contactType: t.value },
    color: TYPE_COLORS[i % TYPE_COLORS.length],
  }));
}

function stageRows(d: Dashboard): ChartRow[] {
  // A bar chart draws its bars in one colour; the table's swatches match it.
  return d.byStage.map((t) => ({
    key: t.value,
    label: lifecycleStageLabels[t.value],
    count: t.count,
    filter: { lifecycleStage: t.value },
    color: "orange.6",
  }));
}

function statusRows(d: Dashboard): ChartRow[] {
  return d.byStatus.map((t) => ({
    key: t.value,
    label: contactStatusLabels[t.value],
    count: t.count,
    filter: { status: t.value },
    color: STATUS_COLORS[t.value] ?? "gray.6",
  }));
}

function territoryRows(d: Dashboard): ChartRow[] {
  return d.byTerritory.map((t) => ({
    key: t.territoryId,
    label: t.name,
    count: t.count,
    filter: { territoryId: t.territoryId },
    color: "indigo.6",
  }));
}

function MonthCard({ d, kind, label, icon, color }: { d: Dashboard; kind: ChangeKind; label: string; icon: React.ReactNode; color: string }) {
  const value = kind === "created" ? d.month.created : kind === "updated" ? d.month.updated : d.month.deactivated;
  const filter = { changed: { kind, since: d.month.since } };
  return (
    <StatCard label={label} value={value} icon={icon} color={color} to={contactsHref(filter)} filter={filterParams(filter)} hint="This month" />
  );
}

function DashboardSkeleton() {
  return (
    <Stack gap="md" data-testid="dashboard-loading" aria-busy>
      <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }}>
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} h={92} radius="md" />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} h={280} radius="md" />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/** The home dashboard: the user's contacts at a glance, each figure a way into the list. */
export function DashboardPage() {
  const query = useDashboard();
  const user = useSessionUser();
  const d = query.data;
  return (
    <Stack gap="md" p="md" data-testid="dashboard-page">
      <Group justify="space-between" align="baseline">
        <Title order={2}>Dashboard</Title>
        {d ? (
          <Text c="dimmed" size="sm">
            <Link
              to="/contacts"
              data-testid="dashboard-link"
              data-filter=""
              data-count={d.total}
              style={{ color: "inherit" }}
            >
              {formatCount(d.total)} {d.total === 1 ? "contact" : "contacts"}
            </Link>{" "}
            {user?.role === "site_admin" ? "in the organisation" : "in your scope"}
          </Text>
        ) : null}
      </Group>
      {query.isPending ? <DashboardSkeleton /> : null}
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} testId="dashboard-error" />
      ) : null}
      {d ? (
        <>
          <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }} data-testid="dashboard-stats">
            <MonthCard d={d} kind="created" label="New" icon={<IconUserPlus size={18} />} color="teal" />
            <MonthCard d={d} kind="updated" label="Changed" icon={<IconPencil size={18} />} color="blue" />
            <MonthCard d={d} kind="deactivated" label="Deactivated" icon={<IconUserOff size={18} />} color="orange" />
            <StatCard label="Follow-ups due" value={d.work.due} icon={<IconCalendarDue size={18} />} color="blue" to="/work" hint="Yours, today" />
            <StatCard
              label="Overdue"
              value={d.work.overdue}
              icon={<IconAlarm size={18} />}
              color="red"
              to="/work"
              hint={d.work.overdueInScope > d.work.overdue ? `${formatCount(d.work.overdueInScope)} in your scope` : "Yours"}
            />
            <StatCard
              label="Non-responsive"
              value={d.work.nonResponsive}
              icon={<IconUserExclamation size={18} />}
              color="grape"
              to="/work"
              hint="Escalated contacts"
            />
          </SimpleGrid>
          {d.total === 0 ? (
            <StatePanel
              icon={<IconChartPie size={24} />}
              title="No contacts to chart yet"
              testId="dashboard-empty"
              actions={
                <>
                  <Button component={Link} to="/contacts/new">
                    Add a contact
                  </Button>
                  <Button component={Link} to="/import" variant="light">
                    Import a file
                  </Button>
                </>
              }
            >
              The charts fill in as contacts are added or imported in your scope.
            </StatePanel>
          ) : (
            <Grid gutter="md">
              <Grid.Col span={{ base: 12, md: 6, xl: 4 }}>
                <ChartCard title="By type" rows={typeRows(d)} kind="donut" testId="dashboard-chart-type" empty="No contacts." />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6, xl: 4 }}>
                <ChartCard title="By lifecycle stage" rows={stageRows(d)} kind="bar" testId="dashboard-chart-stage" empty="No contacts." />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6, xl: 4 }}>
                <ChartCard title="By status" rows={statusRows(d)} kind="donut" testId="dashboard-chart-status" empty="No contacts." />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6, xl: 6 }}>
                <ChartCard
                  title="By territory"
                  rows={territoryRows(d)}
                  kind="bar"
                  testId="dashboard-chart-territory"
                  empty="No contact has a site in your territories yet."
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6, xl: 3 }}>
                <QualityCard quality={d.quality} />
              </Grid.Col>
              {user?.role !== "billing_admin" ? (
                <Grid.Col span={{ base: 12, md: 6, xl: 3 }}>
                  <ImportsCard imports={d.imports} />
                </Grid.Col>
              ) : null}
            </Grid>
          )}
        </>
      ) : null}
    </Stack>
  );
}
