import { Sparkline } from "@mantine/charts";
import { Anchor, Card, Group, RingProgress, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import type { DataQuality, QualityPoint } from "../../../ipc/bindings";
import { formatCount } from "../../contacts/utils/formatCount";
import { qualityColor } from "../../contacts/utils/qualityColor";


/** How the score moved over the snapshots shown, in points. */
function trendText(trend: QualityPoint[]): string {
  if (trend.length < 2) return "The trend starts with today's snapshot.";
  const change = trend[trend.length - 1].score - trend[0].score;
  const days = Math.round((Date.parse(trend[trend.length - 1].day) - Date.parse(trend[0].day)) / 86_400_000);
  const moved = change === 0 ? "unchanged" : `${change > 0 ? "+" : "−"}${Math.abs(change)} points`;
  return `${moved} over ${days} ${days === 1 ? "day" : "days"}`;
}

/** The share of contacts with no data-quality finding, the findings counted, and the trend. */
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
            sections={[{ value: quality.score, color: qualityColor(quality.score) }]}
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
        {quality.trend.length >= 2 ? (
          <Sparkline
            h={40}
            data={quality.trend.map((p) => p.score)}
            curveType="monotone"
            color={qualityColor(quality.score)}
            fillOpacity={0.2}
            strokeWidth={1.5}
            data-testid="dashboard-quality-trend"
          />
        ) : null}
        <Group justify="space-between" gap="xs">
          <Text size="xs" c="dimmed" data-testid="dashboard-quality-trend-text">
            {trendText(quality.trend)}
          </Text>
          <Anchor component={Link} to="/reports?kind=data_quality" size="xs" data-testid="dashboard-quality-report">
            Data quality report
          </Anchor>
        </Group>
      </Stack>
    </Card>
  );
}
