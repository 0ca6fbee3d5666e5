import { ActionIcon, Badge, Button, Card, Group, Table, Text, Tooltip } from "@mantine/core";
import { IconPencil, IconPlus, IconRoute, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import type { AccountMap, CommunicationFlow } from "../../../ipc/bindings";
import { deleteCommunicationFlow } from "../../../ipc/relationships";
import { RelativeTime } from "../../shell/components/RelativeTime";
import { StatePanel } from "../../shell/components/StatePanel";
import { useMapEdit } from "../hooks/useMapEdit";
import { useUndoNotice } from "../hooks/useUndoNotice";
import { frequencyLabels } from "../utils/labels";
import { refusalMessage } from "../utils/refusalMessage";
import { FlowFormModal } from "./FlowFormModal";

export type FlowsPanelProps = {
  account: AccountMap;
};

/** The account's communication matrix: who is kept informed of what, how often, and when it last happened. */
export function FlowsPanel({ account }: FlowsPanelProps) {
  const [editing, setEditing] = useState<CommunicationFlow | "new" | null>(null);
  const remove = useMapEdit((id: string) => deleteCommunicationFlow(id));
  const noticeUndo = useUndoNotice();

  const newButton = account.mayEdit ? (
    <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing("new")} data-testid="flow-new">
      New flow
    </Button>
  ) : null;

  return (
    <Card withBorder radius="md" padding={account.flows.length > 0 ? 0 : "md"} data-testid="account-flows">
      {account.flows.length === 0 ? (
        <StatePanel icon={<IconRoute size={24} />} title="No communication flows yet" actions={newButton}>
          Record the regular updates this account expects: executive updates every month, project status every week,
          support summaries every day.
        </StatePanel>
      ) : (
        <>
          <Group justify="space-between" p="md" pb="xs">
            <Text fw={600}>Communication matrix</Text>
            {newButton}
          </Group>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Flow</Table.Th>
                <Table.Th>Frequency</Table.Th>
                <Table.Th>Participants</Table.Th>
                <Table.Th>Format</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th>Last contact</Table.Th>
                {account.mayEdit ? <Table.Th w={80} /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {account.flows.map((flow) => (
                <Table.Tr key={flow.id} data-testid="flow-row" data-flow-id={flow.id}>
                  <Table.Td maw={220}>
                    <Text size="sm" fw={600} truncate="end" title={flow.name}>
                      {flow.name}
                    </Text>
                    {flow.channel ? (
                      <Text size="xs" c="dimmed">
                        {flow.channel}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{frequencyLabels[flow.frequency]}</Text>
                  </Table.Td>
                  <Table.Td maw={280}>
                    <Group gap={4}>
                      {flow.participants.map((participant) => (
                        <Badge
                          key={participant.contactId ?? `g${participant.groupId}`}
                          size="sm"
                          variant={participant.groupId ? "filled" : "light"}
                          tt="none"
                          maw={200}
                        >
                          {participant.name}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{flow.format ?? "—"}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{flow.ownerName ?? "—"}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      {flow.lastInteractionAt ? (
                        <RelativeTime iso={flow.lastInteractionAt} size="sm" />
                      ) : (
                        <Text size="sm" c="dimmed">
                          Never
                        </Text>
                      )}
                      {flow.overdue ? (
                        <Tooltip label={`Nothing logged within the ${frequencyLabels[flow.frequency].toLowerCase()} rhythm`}>
                          <Badge size="xs" color="orange" variant="light" data-testid="flow-overdue">
                            Overdue
                          </Badge>
                        </Tooltip>
                      ) : null}
                    </Group>
                  </Table.Td>
                  {account.mayEdit ? (
                    <Table.Td>
                      <Group gap={2} wrap="nowrap">
                        <ActionIcon variant="subtle" aria-label={`Edit ${flow.name}`} onClick={() => setEditing(flow)}>
                          <IconPencil size={14} />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Delete ${flow.name}`}
                          loading={remove.isPending && remove.variables === flow.id}
                          onClick={() => remove.mutate(flow.id, { onSuccess: noticeUndo })}
                          data-testid="flow-delete"
                        >
                          <IconTrash size={14} />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {remove.error ? (
            <Text size="sm" c="red" p="md">
              {refusalMessage(remove.error)}
            </Text>
          ) : null}
        </>
      )}
      {editing ? (
        <FlowFormModal account={account} flow={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </Card>
  );
}
