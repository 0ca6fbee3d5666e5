import { Badge, Tooltip } from "@mantine/core";
import type { UserSummary } from "../../../ipc/bindings";
import { formatDateTime } from "../../contacts/utils/formatDateTime";
import { formatLockedUntil } from "../utils/formatLockedUntil";

export type UserStatusBadgeProps = {
  user: UserSummary;
};

export function UserStatusBadge({ user }: UserStatusBadgeProps) {
  if (user.disabled) {
    return (
      <Badge variant="light" color="gray" tt="none" fw={500}>
        Disabled
      </Badge>
    );
  }
  if (user.lockedUntil) {
    return (
      <Tooltip label={`Too many failed sign-ins; locked until ${formatDateTime(user.lockedUntil)}`}>
        <Badge variant="light" color="orange" tt="none" fw={500} style={{ minWidth: "max-content" }}>
          Locked until {formatLockedUntil(user.lockedUntil)}
        </Badge>
      </Tooltip>
    );
  }
  return (
    <Badge variant="light" color="teal" tt="none" fw={500}>
      Active
    </Badge>
  );
}
