import { Badge, Tooltip } from "@mantine/core";
import { useFollowUpCounts } from "../hooks/useFollowUpCounts";

/** What is waiting in My work: follow-ups due or overdue, cadences due and escalations; red when something is late. */
export function WorkCountBadge() {
  const counts = useFollowUpCounts();
  if (!counts.data) return null;
  const { due, overdue, cadencesDue, escalations } = counts.data;
  const total = due + overdue + cadencesDue + escalations;
  if (total === 0) return null;
  const parts = [
    overdue ? `${overdue} overdue` : null,
    due ? `${due} due today` : null,
    cadencesDue ? `${cadencesDue} to get in touch with` : null,
    escalations ? `${escalations} escalated to you` : null,
  ].filter(Boolean);
  return (
    <Tooltip label={parts.join(", ")} position="right">
      <Badge
        size="sm"
        variant={overdue || escalations ? "filled" : "light"}
        color={overdue || escalations ? "red" : "blue"}
        circle={total < 10}
        data-testid="work-count"
      >
        {total > 99 ? "99+" : total}
      </Badge>
    </Tooltip>
  );
}
