import { Badge } from "@mantine/core";
import type { PreviewAction } from "../../../ipc/bindings";
import { actionColors, actionLabels } from "../utils/labels";

export type ActionBadgeProps = {
  action: PreviewAction;
};

/** What importing would do with one record: New, Update, Skip or Rejected. */
export function ActionBadge({ action }: ActionBadgeProps) {
  return (
    <Badge size="sm" variant="light" color={actionColors[action]} tt="none" data-testid="row-action">
      {actionLabels[action]}
    </Badge>
  );
}
