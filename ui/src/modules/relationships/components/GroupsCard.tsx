import { ActionIcon, Badge, Button, Card, Group, MultiSelect, NumberInput, SegmentedControl, Stack, Text, TextInput } from "@mantine/core";
import { IconPencil, IconPlus, IconStack2, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import type { AccountMap, GroupKind, MapGroup } from "../../../ipc/bindings";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { deleteMapGroup, saveMapGroup } from "../../../ipc/relationships";
import { FormModal } from "../../admin/components/FormModal";
import { useMapEdit } from "../hooks/useMapEdit";
import { useUndoNotice } from "../hooks/useUndoNotice";
import { peopleOptions } from "../utils/peopleOptions";
import { refusalMessage } from "../utils/refusalMessage";

export type GroupsCardProps = {
  account: AccountMap;
};

const KIND_LABELS: Record<GroupKind, string> = { level: "Level", team: "Team" };

type Editing = { id: string | null; kind: GroupKind; name: string; position: number; memberIds: string[] };

/** The account's levels (Executive, Project, Support…) and teams, with who belongs to each. */
export function GroupsCard({ account }: GroupsCardProps) {
  const [editing, setEditing] = useState<Editing | null>(null);
  const save = useMapEdit((group: Editing) =>
    saveMapGroup(group.id, {
      accountId: account.accountId,
      kind: group.kind,
      name: group.name,
      position: group.position,
      memberIds: group.memberIds,
    }),
  );
  const remove = useMapEdit((id: string) => deleteMapGroup(id));
  const noticeUndo = useUndoNotice();
  const groups = [...account.groups].sort((a, b) => a.kind.localeCompare(b.kind) || a.position - b.position);

  const open = (group: MapGroup | null) => {
    save.reset();
    setEditing(
      group
        ? { id: group.id, kind: group.kind, name: group.name, position: group.position, memberIds: group.memberIds }
        : { id: null, kind: "level", name: "", position: account.groups.length + 1, memberIds: [] },
    );
  };

  return (
    <Card withBorder radius="md" padding="md" data-testid="account-groups">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <IconStack2 size={16} />
          <Text fw={600}>Levels and teams</Text>
        </Group>
        {account.mayEdit ? (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => open(null)} data-testid="group-new">
            New level or team
          </Button>
        ) : null}
      </Group>
      {groups.length === 0 ? (
        <Text size="sm" c="dimmed">
          No levels or teams yet. Group people as the account works, for example Executive, Project and Support.
        </Text>
      ) : (
        <Stack gap={6}>
          {groups.map((group) => (
            <Group key={group.id} gap="sm" wrap="nowrap" data-testid="account-group" data-group-id={group.id}>
              <Badge variant="light" tt="none" w={56}>
                {KIND_LABELS[group.kind]}
              </Badge>
              <Text size="sm" fw={500} truncate="end" flex={1} title={group.name}>
                {group.name}
              </Text>
              <Text size="xs" c="dimmed">
                {group.memberIds.length} {group.memberIds.length === 1 ? "person" : "people"}
              </Text>
              {account.mayEdit ? (
                <Group gap={2} wrap="nowrap">
                  <ActionIcon variant="subtle" aria-label={`Edit ${group.name}`} onClick={() => open(group)}>
                    <IconPencil size={14} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Delete ${group.name}`}
                    loading={remove.isPending && remove.variables === group.id}
                    onClick={() => remove.mutate(group.id, { onSuccess: noticeUndo })}
                  >
                    <IconTrash size={14} />
                  </ActionIcon>
                </Group>
              ) : null}
            </Group>
          ))}
          {remove.error ? (
            <Text size="xs" c="red">
              {refusalMessage(remove.error)}
            </Text>
          ) : null}
        </Stack>
      )}
      {editing ? (
        <FormModal
          title={editing.id ? `Edit ${editing.name}` : "New level or team"}
          testIdPrefix="group"
          error={save.error ? formatIpcError(save.error).message : null}
          submitLabel="Save"
          pending={save.isPending}
          onSubmit={() =>
            save.mutate(editing, {
              onSuccess: (saved) => {
                setEditing(null);
                noticeUndo(saved.change);
              },
            })
          }
          onClose={() => setEditing(null)}
        >
          <SegmentedControl
            value={editing.kind}
            onChange={(kind) => setEditing({ ...editing, kind: kind as GroupKind })}
            data={[
              { value: "level", label: "Level" },
              { value: "team", label: "Team" },
            ]}
          />
          <TextInput
            label="Name"
            required
            value={editing.name}
            onChange={(event) => setEditing({ ...editing, name: event.currentTarget.value })}
            data-testid="group-name"
            data-autofocus
          />
          <NumberInput
            label="Order"
            description="Levels are shown in this order, top first."
            min={1}
            max={99}
            value={editing.position}
            onChange={(value) => setEditing({ ...editing, position: typeof value === "number" ? value : 1 })}
          />
          <MultiSelect
            label="People"
            searchable
            data={peopleOptions(account.people)}
            value={editing.memberIds}
            onChange={(memberIds) => setEditing({ ...editing, memberIds })}
            maxDropdownHeight={240}
            data-testid="group-members"
          />
        </FormModal>
      ) : null}
    </Card>
  );
}
