import { Badge } from "@mantine/core";
import type { ContactStatus } from "../../../ipc/bindings";
import { contactStatusColors } from "../utils/badgeColors";
import { contactStatusLabels } from "../utils/labels";

export type ContactStatusBadgeProps = {
  status: ContactStatus;
  size?: "xs" | "sm" | "md";
};

export function ContactStatusBadge({ status, size = "sm" }: ContactStatusBadgeProps) {
  return (
    <Badge variant="dot" color={contactStatusColors[status]} size={size} tt="none" fw={500}>
      {contactStatusLabels[status]}
    </Badge>
  );
}
