import { Box, Grid, Group, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconAlarm, IconAlertTriangle, IconListCheck, IconUserExclamation } from "@tabler/icons-react";
import type { Role } from "../../../ipc/bindings";
import { VerificationQueues } from "../../queues/components/VerificationQueues";
import { useSessionUser } from "../../session/hooks/useSessionUser";
import { useEscalationQueue } from "../hooks/useEscalationQueue";
import { useNonResponsiveContacts } from "../hooks/useNonResponsiveContacts";
import { useOverdueFollowUps } from "../hooks/useOverdueFollowUps";
import { CadencesDue } from "./CadencesDue";
import { EscalationList } from "./EscalationList";
import { FollowUpList } from "./FollowUpList";
import { MyFollowUps } from "./MyFollowUps";
import { QueueCard } from "./QueueCard";

/** Roles that look after other people's contacts and so see the territory queues. */
const MANAGERS: Role[] = ["site_admin", "regional_manager", "territory_manager"];

function MyEscalations() {
  const queue = useEscalationQueue();
  const items = queue.data ?? [];
  return (
    <QueueCard
      title="Escalated to me"
      icon={<IconAlertTriangle size={16} />}
      count={items.length}
      color="red"
      pending={queue.isPending}
      error={queue.error}
      isEmpty={items.length === 0}
      empty="No non-responsive contact is waiting for you."
      testId="my-escalations"
    >
      <EscalationList items={items} resolvable />
    </QueueCard>
  );
}

function TerritoryQueues() {
  const overdue = useOverdueFollowUps(true);
  const silent = useNonResponsiveContacts(true);
  const overdueItems = overdue.data?.items ?? [];
  const silentItems = silent.data ?? [];
  return (
    <Stack gap="sm" data-testid="territory-queues">
      <Title order={3} size="h5" c="dimmed" tt="uppercase">
        In my territories
      </Title>
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <QueueCard
            title="Overdue follow-ups (everyone)"
            icon={<IconAlarm size={16} />}
            count={overdueItems.length}
            color="red"
            pending={overdue.isPending}
            error={overdue.error}
            isEmpty={overdueItems.length === 0}
            empty="Nothing overdue in your territories."
            testId="territory-overdue"
          >
            <FollowUpList items={overdueItems} showContact />
          </QueueCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <QueueCard
            title="Non-responsive contacts"
            icon={<IconUserExclamation size={16} />}
            count={silentItems.length}
            color="orange"
            pending={silent.isPending}
            error={silent.error}
            isEmpty={silentItems.length === 0}
            empty="Every contact in your territories answers."
            testId="non-responsive"
          >
            <EscalationList items={silentItems} resolvable={false} />
          </QueueCard>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** What the signed-in user should do next: follow-ups, people to get in touch with, escalations. */
export function MyWorkPage() {
  const user = useSessionUser();
  const manager = user !== null && MANAGERS.includes(user.role);
  return (
    <Box flex={1} mih={0} style={{ overflow: "auto" }} data-testid="my-work">
      <Box p="md" maw={1280} mx="auto">
        <Stack gap="md">
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon size={32} radius="md" variant="light" aria-hidden>
              <IconListCheck size={18} stroke={1.6} />
            </ThemeIcon>
            <Stack gap={0} miw={0}>
              <Title order={2}>My work</Title>
              <Text size="sm" c="dimmed">
                Reminders also appear as desktop notifications when they fall due.
              </Text>
            </Stack>
          </Group>
          <Grid gutter="md">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <MyFollowUps />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Stack gap="md">
                <MyEscalations />
                <CadencesDue />
              </Stack>
            </Grid.Col>
          </Grid>
          {manager ? <TerritoryQueues /> : null}
          <VerificationQueues />
        </Stack>
      </Box>
    </Box>
  );
}
