import { Badge } from "@mantine/core";
import type { ContactType } from "../../../ipc/bindings";
import { contactTypeColors } from "../utils/badgeColors";
import { contactTypeLabels } from "../utils/labels";

export type ContactTypeBadgeProps = {
  type: ContactType;
  /** Free text used when the type is "other". */
  otherLabel?: string | null;
  size?: "xs" | "sm" | "md";
};

export function ContactTypeBadge({ type, otherLabel, size = "sm" }: ContactTypeBadgeProps) {
  const label = type === "other" && otherLabel ? otherLabel : contactTypeLabels[type];
  return (
    <Badge variant="light" color={contactTypeColors[type]} size={size} tt="none" fw={600} maw="100%">
      {label}
    </Badge>
  );
}
