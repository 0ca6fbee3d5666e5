import { Badge, Text, Timeline } from "@mantine/core";
import { IconTimeline } from "@tabler/icons-react";
import type { LifecycleChange, LifecycleStage } from "../../../ipc/bindings";
import { lifecycleStageColors } from "../utils/badgeColors";
import { formatDate, formatDateTime } from "../utils/formatDateTime";
import { lifecycleStageLabels } from "../utils/labels";
import { DetailCard } from "./DetailCard";

export type LifecycleCardProps = {
  stage: LifecycleStage;
  history: LifecycleChange[];
};

export function LifecycleCard({ stage, history }: LifecycleCardProps) {
  const newestFirst = [...history].sort((a, b) => b.changedAt.localeCompare(a.changedAt));
  return (
    <DetailCard
      title="Lifecycle"
      icon={<IconTimeline size={16} />}
      testId="card-lifecycle"
      rightSection={
        <Badge variant="outline" color={lifecycleStageColors[stage]} tt="none" fw={500}>
          {lifecycleStageLabels[stage]}
        </Badge>
      }
    >
      {newestFirst.length === 0 ? (
        <Text size="sm" c="dimmed">
          No stage changes recorded.
        </Text>
      ) : (
        <Timeline active={0} bulletSize={12} lineWidth={2}>
          {newestFirst.map((change) => (
            <Timeline.Item key={`${change.stage}-${change.changedAt}`} title={lifecycleStageLabels[change.stage]}>
              <Text size="xs" c="dimmed" title={formatDateTime(change.changedAt)}>
                {formatDate(change.changedAt)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </DetailCard>
  );
}
