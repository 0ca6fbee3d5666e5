import { Button, Group, Modal, NativeSelect, Stack, Text } from "@mantine/core";
import { useState } from "react";
import type { FollowUp } from "../../../ipc/bindings";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { useChangeFollowUp } from "../hooks/useChangeFollowUp";
import { useOwnerChoices } from "../hooks/useOwnerChoices";

export type ReassignModalProps = {
  followUp: FollowUp;
  onClose(): void;
};

export function ReassignModal({ followUp, onClose }: ReassignModalProps) {
  const owners = useOwnerChoices();
  const [owner, setOwner] = useState(followUp.owner.username);
  const change = useChangeFollowUp();
  const data = (owners.data ?? [followUp.owner]).map((o) => ({ value: o.username, label: o.displayName }));
  return (
    <Modal opened onClose={onClose} title="Reassign follow-up" centered data-testid="reassign-follow-up">
      <Stack gap="md">
        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
          {followUp.title}
        </Text>
        <NativeSelect
          label="New owner"
          data={data}
          value={owner}
          onChange={(event) => setOwner(event.currentTarget.value)}
          error={change.error ? formatIpcError(change.error).message : undefined}
          data-autofocus
          data-testid="reassign-owner"
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={change.isPending}>
            Cancel
          </Button>
          <Button
            loading={change.isPending}
            disabled={owner === followUp.owner.username}
            onClick={() => change.mutate({ id: followUp.id, reassignTo: owner }, { onSuccess: onClose })}
            data-testid="reassign-confirm"
          >
            Reassign
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
