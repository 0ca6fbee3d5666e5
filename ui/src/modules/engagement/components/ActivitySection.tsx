import { Button, Grid, Group, Stack, Text, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import type { Interaction } from "../../../ipc/bindings";
import { userTimeZone, zoneLabel } from "../../shell/utils/timeZone";
import { CadenceCard } from "./CadenceCard";
import { ContactFollowUpsCard } from "./ContactFollowUpsCard";
import { EngagementFigures } from "./EngagementFigures";
import { TimelineCard } from "./TimelineCard";

export type ActivitySectionProps = {
  contactId: string;
  onLog(): void;
  onEdit(interaction: Interaction): void;
};

/** The contact's engagement: figures, timeline, follow-ups and stay-in-touch cadence. */
export function ActivitySection({ contactId, onLog, onEdit }: ActivitySectionProps) {
  return (
    <Stack gap="sm" component="section" aria-label="Activity" data-testid="activity">
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={0} miw={0}>
          <Title order={2} size="h4">
            Activity
          </Title>
          <Text size="xs" c="dimmed">
            Times are shown in {zoneLabel(userTimeZone())}, your time zone.
          </Text>
        </Stack>
        <Button leftSection={<IconPlus size={16} />} onClick={onLog} data-testid="log-interaction-open">
          Log interaction
        </Button>
      </Group>
      <EngagementFigures contactId={contactId} />
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <TimelineCard source={{ kind: "contact", id: contactId }} onLog={onLog} onEdit={onEdit} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <ContactFollowUpsCard contactId={contactId} />
            <CadenceCard contactId={contactId} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
