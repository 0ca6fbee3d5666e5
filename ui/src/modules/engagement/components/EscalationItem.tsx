import { Anchor, Badge, Button, Group, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck } from "@tabler/icons-react";
import { Link } from "react-router";
import type { Escalation } from "../../../ipc/bindings";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { formatDate } from "../../contacts/utils/formatDateTime";
import { useResolveEscalation } from "../hooks/useResolveEscalation";
import { escalationLevelLabels, escalationReasonLabels } from "../utils/labels";

export type EscalationItemProps = {
  escalation: Escalation;
  /** Whether this user may resolve it here (their queue); the overview only shows where it stands. */
  resolvable: boolean;
};

/** A non-responsive contact: why, since when, and who holds it now. */
export function EscalationItem({ escalation, resolvable }: EscalationItemProps) {
  const resolve = useResolveEscalation();
  const step = escalation.steps[escalation.steps.length - 1];
  const holder = step ? `${escalationLevelLabels[step.level]}${step.user ? ` (${step.user.displayName})` : ""}` : "—";
  return (
    <Group
      gap="sm"
      wrap="nowrap"
      align="flex-start"
      data-testid="escalation"
      data-contact={escalation.contact.id}
      data-level={step?.level}
      data-holder={step?.user?.username ?? ""}
    >
      <Stack gap={2} miw={0} flex={1}>
        <Anchor
          component={Link}
          to={`/contacts/${encodeURIComponent(escalation.contact.id)}`}
          size="sm"
          fw={500}
          truncate="end"
          title={escalation.contact.displayName}
          data-testid="escalation-contact"
        >
          {escalation.contact.displayName}
        </Anchor>
        <Group gap={6} wrap="wrap">
          <Badge size="xs" color="red" variant="light" tt="none">
            {escalationReasonLabels[escalation.reason]}
          </Badge>
          <Text size="xs" c="dimmed">
            {escalation.unanswered} unanswered · since {formatDate(escalation.startedAt)} ·{" "}
            {resolvable && step ? `escalated to you ${formatDate(step.at)}` : `now with ${holder}`}
          </Text>
        </Group>
      </Stack>
      {resolvable ? (
        <Button
          size="compact-xs"
          variant="light"
          color="teal"
          leftSection={<IconCheck size={12} />}
          loading={resolve.isPending}
          onClick={() =>
            resolve.mutate(escalation.id, {
              onError: (error) => notifications.show({ color: "red", ...formatIpcError(error) }),
            })
          }
          data-testid="escalation-resolve"
        >
          Resolve
        </Button>
      ) : null}
    </Group>
  );
}
