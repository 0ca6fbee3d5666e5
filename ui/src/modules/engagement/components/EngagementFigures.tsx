import { Badge, Group, Paper, SimpleGrid, Skeleton, Text, Tooltip } from "@mantine/core";
import type { ReactNode } from "react";
import { formatDateTime } from "../../contacts/utils/formatDateTime";
import { RelativeTime } from "../../shell/components/RelativeTime";
import { useContactMetrics } from "../hooks/useContactMetrics";

export type EngagementFiguresProps = {
  contactId: string;
};

function Figure({ label, children, hint }: { label: string; children: ReactNode; hint?: string }) {
  return (
    <Paper withBorder p="xs" radius="md" miw={0}>
      <Text size="xs" c="dimmed" truncate="end">
        {label}
      </Text>
      <Tooltip label={hint} disabled={!hint} multiline w={260}>
        <Text fw={600} size="lg" truncate="end">
          {children}
        </Text>
      </Tooltip>
    </Paper>
  );
}

function percent(rate: number | null): string {
  return rate === null ? "–" : `${Math.round(rate * 100)} %`;
}

/** Last contact, touchpoints and response rate, and whether the contact is marked non-responsive. */
export function EngagementFigures({ contactId }: EngagementFiguresProps) {
  const metrics = useContactMetrics(contactId);
  if (metrics.isPending) {
    return (
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" aria-busy="true" aria-label="Loading engagement figures">
        {[0, 1, 2, 3].map((cell) => (
          <Skeleton key={cell} height={56} radius="md" />
        ))}
      </SimpleGrid>
    );
  }
  if (metrics.isError) {
    return (
      <Text size="sm" c="dimmed" data-testid="figures-error">
        Engagement figures are unavailable right now.
      </Text>
    );
  }
  const m = metrics.data;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="engagement-figures">
      <Figure label="Last contact">
        {m.lastContactAt ? <RelativeTime iso={m.lastContactAt} /> : "Never"}
      </Figure>
      <Figure label="Touchpoints" hint="Interactions other than notes">
        <span data-testid="figure-touchpoints">{m.touchpoints}</span>
      </Figure>
      <Figure
        label="Response rate"
        hint={`${m.attempts} outbound attempt${m.attempts === 1 ? "" : "s"} (emails, texts, calls and meetings that did not reach them); the share that got an answer.`}
      >
        {percent(m.responseRate)}
      </Figure>
      <Paper withBorder p="xs" radius="md" miw={0}>
        <Text size="xs" c="dimmed">
          Responsiveness
        </Text>
        <Group gap={6} mt={4}>
          {m.nonResponsive > 0 ? (
            <Badge color="red" variant="light" tt="none" data-testid="non-responsive-badge">
              Non-responsive
            </Badge>
          ) : (
            <Badge color="teal" variant="light" tt="none">
              Responsive
            </Badge>
          )}
        </Group>
        {m.lastContactAt ? (
          <Text size="xs" c="dimmed" mt={2} truncate="end" title={formatDateTime(m.lastContactAt)}>
            {m.medianResponseMinutes !== null ? `Answers in ~${Math.round(m.medianResponseMinutes / 60)} h` : null}
          </Text>
        ) : null}
      </Paper>
    </SimpleGrid>
  );
}
