import { Card, Group, RingProgress, Stack, Text, Title } from "@mantine/core";
import type { DataQuality } from "../../../ipc/bindings";
import { formatCount } from "../../contacts/utils/formatCount";

function scoreColor(score: number): string {
  if (score >= 80) return "teal";
  if (score >= 50) return "yellow";
  return "red";
}

/** The share of contacts with no data-quality finding, and the findings counted. */
export function QualityCard({ quality }: { quality: DataQuality }) {
  return (
    <Card withBorder radius="md" padding="md" h="100%" data-testid="dashboard-quality">
      <Stack gap="xs">
        <Title order={3} size="h5">
          Data quality
        </Title>
        <Group wrap="nowrap" gap="md">
          <RingProgress
            size={96}
            thickness={10}
            roundCaps
            sections={[{ value: quality.score, color: scoreColor(quality.score) }]}
            label={
              <Text ta="center" fw={700} size="lg" data-testid="dashboard-quality-score">
                {quality.score}%
              </Text>
            }
          />
          <Stack gap={4}>
            <Text size="sm">
              {formatCount(quality.clean)} of {formatCount(quality.contacts)} contacts have no findings.
            </Text>
            <Text size="sm" c="dimmed">
              No email or phone: {formatCount(quality.unreachable)}
            </Text>
            <Text size="sm" c="dimmed">
              Active, not verified in {quality.verificationDays} days: {formatCount(quality.unverified)}
            </Text>
          </Stack>
        </Group>
      </Stack>
    </Card>
  );
}
