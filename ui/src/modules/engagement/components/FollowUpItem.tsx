import { ActionIcon, Anchor, Badge, Button, Group, Menu, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconDots, IconRotate, IconUserShare, IconX } from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "react-router";
import type { FollowUp, FollowUpChange } from "../../../ipc/bindings";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { useChangeFollowUp } from "../hooks/useChangeFollowUp";
import { formatDue } from "../utils/formatDue";
import { priorityColors, priorityLabels } from "../utils/labels";
import { ReassignModal } from "./ReassignModal";

export type FollowUpItemProps = {
  followUp: FollowUp;
  /** On a queue the contact is named (and links to their page); on the contact's page the owner is. */
  showContact?: boolean;
};

const stateColors = { overdue: "red", due: "orange", upcoming: "gray", closed: "gray" } as const;

/** A follow-up with what can be done to it: complete, reopen, cancel, reassign. */
export function FollowUpItem({ followUp, showContact = false }: FollowUpItemProps) {
  const change = useChangeFollowUp();
  const [reassigning, setReassigning] = useState(false);
  const closed = followUp.status !== "open";
  const run = (what: FollowUpChange) =>
    change.mutate(
      { id: followUp.id, change: what },
      { onError: (error) => notifications.show({ color: "red", ...formatIpcError(error) }) },
    );
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" data-testid="follow-up" data-state={followUp.state} data-status={followUp.status}>
      <Stack gap={2} miw={0} flex={1}>
        <Text
          size="sm"
          fw={500}
          lineClamp={2}
          td={followUp.status === "cancelled" ? "line-through" : undefined}
          c={closed ? "dimmed" : undefined}
          title={followUp.title}
          data-testid="follow-up-title"
        >
          {followUp.title}
        </Text>
        <Group gap={6} wrap="wrap" miw={0}>
          <Text size="xs" c={closed ? "dimmed" : stateColors[followUp.state]} style={{ flexShrink: 0 }}>
            {closed ? (followUp.status === "done" ? "Done" : "Cancelled") : `Due ${formatDue(followUp)}`}
          </Text>
          {followUp.priority !== "normal" ? (
            <Badge size="xs" variant="light" color={priorityColors[followUp.priority]} tt="none" style={{ flexShrink: 0 }}>
              {priorityLabels[followUp.priority]}
            </Badge>
          ) : null}
          {showContact ? (
            <Anchor
              component={Link}
              to={`/contacts/${encodeURIComponent(followUp.contact.id)}`}
              size="xs"
              truncate="end"
              title={followUp.contact.displayName}
              data-testid="follow-up-contact"
            >
              {followUp.contact.displayName}
            </Anchor>
          ) : (
            <Text size="xs" c="dimmed" lineClamp={1} title={followUp.owner.displayName}>
              {followUp.owner.displayName}
            </Text>
          )}
        </Group>
      </Stack>
      {closed ? (
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconRotate size={12} />}
          onClick={() => run("reopen")}
          loading={change.isPending}
          data-testid="follow-up-reopen"
        >
          Reopen
        </Button>
      ) : (
        <Group gap={4} wrap="nowrap">
          <Button
            size="compact-xs"
            variant="light"
            color="teal"
            leftSection={<IconCheck size={12} />}
            onClick={() => run("complete")}
            loading={change.isPending}
            data-testid="follow-up-complete"
          >
            Complete
          </Button>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon size="sm" variant="subtle" color="gray" aria-label="More follow-up actions" data-testid="follow-up-menu">
                <IconDots size={14} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconUserShare size={14} />} onClick={() => setReassigning(true)} data-testid="follow-up-reassign">
                Reassign…
              </Menu.Item>
              <Menu.Item color="red" leftSection={<IconX size={14} />} onClick={() => run("cancel")} data-testid="follow-up-cancel">
                Cancel follow-up
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      )}
      {reassigning ? <ReassignModal followUp={followUp} onClose={() => setReassigning(false)} /> : null}
    </Group>
  );
}
