import type { FollowUp } from "../../../ipc/bindings";

export type FollowUpGroup = "overdue" | "due" | "upcoming";

export const FOLLOW_UP_GROUPS: FollowUpGroup[] = ["overdue", "due", "upcoming"];

export const followUpGroupLabels: Record<FollowUpGroup, string> = {
  overdue: "Overdue",
  due: "Due today",
  upcoming: "Upcoming",
};

/**
 * The core says where each follow-up stands (its state at the time of asking), so the grouping
 * follows it rather than this computer's clock; closed ones are left out. Order is kept.
 */
export function groupFollowUps(items: FollowUp[]): Record<FollowUpGroup, FollowUp[]> {
  const groups: Record<FollowUpGroup, FollowUp[]> = { overdue: [], due: [], upcoming: [] };
  for (const item of items) {
    if (item.state === "closed") continue;
    groups[item.state].push(item);
  }
  return groups;
}
