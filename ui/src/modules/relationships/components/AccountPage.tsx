import { Anchor, Badge, Box, Group, Skeleton, Stack, Tabs, Text, Title } from "@mantine/core";
import { IconArrowLeft, IconHierarchy2, IconMapPin, IconMessages, IconRoute, IconTopologyStar3, IconUsers } from "@tabler/icons-react";
import { useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import type { Interaction } from "../../../ipc/bindings";
import { LogInteractionModal } from "../../engagement/components/LogInteractionModal";
import { TimelineCard } from "../../engagement/components/TimelineCard";
import { ErrorState } from "../../shell/components/ErrorState";
import { useAccountMap } from "../hooks/useAccountMap";
import { NetworkView } from "../network/NetworkView";
import { FlowsPanel } from "./FlowsPanel";
import { OrgChartPanel } from "./OrgChartPanel";
import { PeopleSitesPanel } from "./PeopleSitesPanel";

type AccountTab = "chart" | "network" | "people" | "flows" | "timeline";
const TABS: AccountTab[] = ["chart", "network", "people", "flows", "timeline"];

function isTab(value: string | null): value is AccountTab {
  return TABS.includes(value as AccountTab);
}

/**
 * One account: its org chart, its network across accounts, its sites and people, its
 * communication flows and its history.
 */
export function AccountPage() {
  const { id = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const requested = params.get("tab");
  const tab: AccountTab = isTab(requested) ? requested : "chart";
  const map = useAccountMap(id);
  const [editing, setEditing] = useState<Interaction | null>(null);
  const navigate = useNavigate();

  const back = (
    <Anchor component={Link} to="/accounts" size="sm" c="dimmed">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} />
        All accounts
      </Group>
    </Anchor>
  );

  if (map.isPending) {
    return (
      <Stack gap="md" p="lg" aria-busy="true" aria-label="Loading the account">
        {back}
        <Skeleton height={32} width="40%" />
        <Skeleton height={420} />
      </Stack>
    );
  }
  if (map.isError) {
    return (
      <Stack gap="md" p="lg">
        {back}
        <ErrorState error={map.error} onRetry={() => void map.refetch()} testId="account-error" />
      </Stack>
    );
  }
  const account = map.data;
  const visible = account.people.filter((person) => !person.placeholder).length;
  const overdueFlows = account.flows.filter((flow) => flow.overdue).length;

  return (
    <Stack gap="md" p="lg" h="100%" data-testid="account-page" data-account-id={account.accountId}>
      {back}
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Title order={2} lineClamp={1} title={account.accountName} data-testid="account-name">
          {account.accountName}
        </Title>
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          <Badge variant="light" tt="none" leftSection={<IconMapPin size={12} />}>
            {account.sites.length} {account.sites.length === 1 ? "site" : "sites"}
          </Badge>
          <Badge variant="light" tt="none" leftSection={<IconUsers size={12} />}>
            {visible} {visible === 1 ? "person" : "people"}
          </Badge>
          {account.mayEdit ? null : (
            <Badge variant="outline" color="gray" tt="none">
              Read only
            </Badge>
          )}
        </Group>
      </Group>
      <Tabs
        value={tab}
        onChange={(next) => setParams(next && next !== "chart" ? { tab: next } : {}, { replace: true })}
        keepMounted={false}
        style={{ flex: 1, display: "flex", flexDirection: "column", minHeight: 0 }}
      >
        <Tabs.List>
          <Tabs.Tab value="chart" leftSection={<IconHierarchy2 size={16} />} data-testid="account-tab-chart">
            Org chart
          </Tabs.Tab>
          <Tabs.Tab value="network" leftSection={<IconTopologyStar3 size={16} />} data-testid="account-tab-network">
            Network
          </Tabs.Tab>
          <Tabs.Tab value="people" leftSection={<IconUsers size={16} />} data-testid="account-tab-people">
            Sites and people
          </Tabs.Tab>
          <Tabs.Tab
            value="flows"
            leftSection={<IconRoute size={16} />}
            rightSection={
              overdueFlows > 0 ? (
                <Badge size="xs" color="orange" variant="light" title="Flows whose rhythm was not kept">
                  {overdueFlows} overdue
                </Badge>
              ) : null
            }
            data-testid="account-tab-flows"
          >
            Communication flows
          </Tabs.Tab>
          <Tabs.Tab value="timeline" leftSection={<IconMessages size={16} />} data-testid="account-tab-timeline">
            Timeline
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="chart" pt="md" style={{ flex: 1, minHeight: 0 }}>
          <OrgChartPanel account={account} />
        </Tabs.Panel>
        <Tabs.Panel value="network" pt="md">
          <NetworkView
            source={{ kind: "account", id: account.accountId }}
            height="calc(100vh - 370px)"
            onOpenPerson={(personId) => void navigate(`/contacts/${personId}`)}
          />
        </Tabs.Panel>
        <Tabs.Panel value="people" pt="md">
          <PeopleSitesPanel account={account} />
        </Tabs.Panel>
        <Tabs.Panel value="flows" pt="md">
          <FlowsPanel account={account} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline" pt="md">
          <Box maw={900}>
            <TimelineCard source={{ kind: "account", id: account.accountId }} onEdit={setEditing} />
          </Box>
          <Text size="xs" c="dimmed" mt="xs">
            Interactions with anyone at this account's sites. Log new ones from a person's page.
          </Text>
        </Tabs.Panel>
      </Tabs>
      {editing && editing.contacts.length > 0 ? (
        <LogInteractionModal contact={editing.contacts[0]} editing={editing} onClose={() => setEditing(null)} />
      ) : null}
    </Stack>
  );
}
