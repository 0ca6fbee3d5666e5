import { Stack, Text } from "@mantine/core";
import { IconChecklist } from "@tabler/icons-react";
import { useMyFollowUps } from "../hooks/useMyFollowUps";
import { FOLLOW_UP_GROUPS, followUpGroupLabels, groupFollowUps } from "../utils/groupFollowUps";
import { FollowUpList } from "./FollowUpList";
import { QueueCard } from "./QueueCard";

const groupColors = { overdue: "red", due: "orange", upcoming: "dimmed" } as const;

/** The user's own open follow-ups: overdue, due today, upcoming. */
export function MyFollowUps() {
  const followUps = useMyFollowUps();
  const items = followUps.data?.items ?? [];
  const groups = groupFollowUps(items);
  return (
    <QueueCard
      title="My follow-ups"
      icon={<IconChecklist size={16} />}
      count={items.length}
      color={groups.overdue.length ? "red" : "blue"}
      pending={followUps.isPending}
      error={followUps.error}
      isEmpty={items.length === 0}
      empty="No open follow-ups. Follow-ups you create from an interaction's next steps appear here."
      testId="my-follow-ups"
    >
      <Stack gap="md">
        {FOLLOW_UP_GROUPS.filter((group) => groups[group].length > 0).map((group) => (
          <Stack gap={6} key={group} data-testid={`follow-ups-${group}`}>
            <Text size="xs" fw={700} tt="uppercase" c={groupColors[group]}>
              {followUpGroupLabels[group]} · {groups[group].length}
            </Text>
            <FollowUpList items={groups[group]} showContact />
          </Stack>
        ))}
      </Stack>
    </QueueCard>
  );
}
