import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  NumberInput,
  Pagination,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { IconShieldCheck } from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "react-router";
import type { QueueFilter, QueueKind } from "../../../ipc/bindings";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { formatCount } from "../../contacts/utils/formatCount";
import { formatDate } from "../../contacts/utils/formatDateTime";
import { useSessionUser } from "../../session/hooks/useSessionUser";
import { reachOf } from "../../session/utils/permissions";
import { useAssignQueue, useQueueAssignees, useReviewQueue } from "../hooks/useQueues";

const PAGE = 50;
/** How many unassigned contacts "Assign next" hands out unless the user says otherwise. */
const DEFAULT_NEXT = 25;
/** The most one page of the queue holds (the core's limit). */
const MAX_NEXT = 500;

/**
 * The month's verification queue and the quarter's review queue: the contacts whose details
 * are due to be confirmed, who works on each, and a way to hand them out. Verifying a contact
 * (on its page) takes it out of the queue.
 */
export function VerificationQueues() {
  const user = useSessionUser();
  const canAssign = reachOf(user, "edit_contacts") !== "none";
  const [kind, setKind] = useState<QueueKind>("verification");
  const [filter, setFilter] = useState<QueueFilter>("all");
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string[]>([]);
  const [assignee, setAssignee] = useState<string | null>(null);
  const query = useReviewQueue({ kind, filter, offset: (page - 1) * PAGE, limit: PAGE });
  const assignees = useQueueAssignees(canAssign);
  const assigning = useAssignQueue();
  const data = query.data;
  const entries = data?.kind === kind ? data.entries : [];
  const count = filter === "mine" ? (data?.mine ?? 0) : filter === "unassigned" ? (data?.unassigned ?? 0) : (data?.total ?? 0);
  const pages = Math.max(1, Math.ceil(count / PAGE));

  const reset = () => {
    setPage(1);
    setSelected([]);
    assigning.reset();
  };
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const allShown = entries.length > 0 && entries.every((e) => selected.includes(e.contact.id));
  const [next, setNext] = useState<number>(DEFAULT_NEXT);
  const assign = (assigneeId: string | null) =>
    assigning.mutate(
      { kind, contactIds: selected, assigneeId },
      { onSuccess: (report) => setSelected(report.refused.map((r) => r.contactId)) },
    );
  const assignNext = (assigneeId: string) =>
    assigning.mutate({ kind, next, assigneeId }, { onSuccess: (report) => setSelected(report.refused.map((r) => r.contactId)) });

  return (
    <Card withBorder radius="md" padding="md" data-testid="verification-queues">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Group gap="xs">
            <IconShieldCheck size={18} stroke={1.6} />
            <Title order={3} size="h5">
              Verification queues
            </Title>
            {data ? (
              <Text size="sm" c="dimmed" data-testid="queue-period">
                {data.periodLabel}
              </Text>
            ) : null}
          </Group>
          <SegmentedControl
            size="xs"
            value={kind}
            onChange={(v) => {
              setKind(v as QueueKind);
              reset();
            }}
            data={[
              { value: "verification", label: "Monthly verification" },
              { value: "review", label: "Quarterly review" },
            ]}
            data-testid="queue-kind"
          />
        </Group>
        <Text size="sm" c="dimmed">
          {kind === "verification"
            ? "Contacts whose verification falls due by the end of the month. Verify each on its page to take it out."
            : "Active contacts not reviewed this quarter: check their details, authority, preferences and relationships, then verify."}
        </Text>
        <Group justify="space-between" wrap="wrap" gap="sm">
          <SegmentedControl
            size="xs"
            value={filter}
            onChange={(v) => {
              setFilter(v as QueueFilter);
              reset();
            }}
            data={[
              { value: "all", label: `All ${data ? formatCount(data.total) : ""}`.trim() },
              { value: "mine", label: `Mine ${data ? formatCount(data.mine) : ""}`.trim() },
              { value: "unassigned", label: `Unassigned ${data ? formatCount(data.unassigned) : ""}`.trim() },
            ]}
            data-testid="queue-filter"
          />
          {canAssign ? (
            <Group gap="xs" wrap="wrap">
              <Select
                size="xs"
                placeholder="Assign to…"
                aria-label="Assign to"
                data={(assignees.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
                value={assignee}
                onChange={setAssignee}
                searchable
                w={200}
                data-testid="queue-assignee"
              />
              <Button
                size="xs"
                disabled={selected.length === 0 || assignee === null}
                loading={assigning.isPending}
                onClick={() => assign(assignee)}
                data-testid="queue-assign"
              >
                Assign {selected.length > 0 ? formatCount(selected.length) : ""}
              </Button>
              <Button size="xs" variant="default" disabled={selected.length === 0 || assigning.isPending} onClick={() => assign(null)} data-testid="queue-unassign">
                Unassign
              </Button>
              <NumberInput
                size="xs"
                aria-label="How many unassigned contacts to assign"
                min={1}
                max={MAX_NEXT}
                clampBehavior="strict"
                allowDecimal={false}
                value={next}
                onChange={(value) => setNext(typeof value === "number" && value >= 1 ? value : DEFAULT_NEXT)}
                w={70}
                data-testid="queue-next-count"
              />
              <Button
                size="xs"
                variant="light"
                disabled={assignee === null || (data?.unassigned ?? 0) === 0}
                loading={assigning.isPending}
                onClick={() => assignee && assignNext(assignee)}
                title="The next unassigned contacts, oldest verification first"
                data-testid="queue-assign-next"
              >
                Assign next {formatCount(Math.min(next, data?.unassigned ?? next))}
              </Button>
            </Group>
          ) : null}
        </Group>
        {assigning.isSuccess && assigning.data ? (
          <Alert
            color={assigning.data.refused.length > 0 ? "yellow" : "teal"}
            withCloseButton
            onClose={() => assigning.reset()}
            data-testid="queue-assigned"
          >
            <Text size="sm">
              {formatCount(assigning.data.changed)} {assigning.data.changed === 1 ? "contact" : "contacts"} changed.
              {assigning.data.refused.length > 0 ? " These were not (they stay selected):" : ""}
            </Text>
            {assigning.data.refused.length > 0 ? (
              <List size="sm" mt={4}>
                {assigning.data.refused.map((r) => (
                  <List.Item key={r.contactId} data-testid="queue-refusal">
                    {r.message}
                  </List.Item>
                ))}
              </List>
            ) : null}
          </Alert>
        ) : null}
        {assigning.isError ? (
          <Alert color="red" title={formatIpcError(assigning.error).title} withCloseButton onClose={() => assigning.reset()}>
            {formatIpcError(assigning.error).message}
          </Alert>
        ) : null}
        {query.isPending ? (
          <Stack gap={6} aria-busy>
            {Array.from({ length: 4 }, (_, i) => (
              <Skeleton key={i} h={18} />
            ))}
          </Stack>
        ) : query.isError ? (
          <Text size="sm" c="red">
            {formatIpcError(query.error).message}
          </Text>
        ) : entries.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="queue-empty">
            {filter === "mine"
              ? "Nothing in this queue is assigned to you."
              : filter === "unassigned"
                ? "Every contact in this queue is assigned."
                : "No contact in your scope is due: the queue is empty."}
          </Text>
        ) : (
          <Table highlightOnHover fz="sm" style={{ opacity: query.isPlaceholderData ? 0.5 : 1 }}>
            <Table.Thead>
              <Table.Tr>
                {canAssign ? (
                  <Table.Th w={32}>
                    <Checkbox
                      aria-label="Select every contact shown"
                      checked={allShown}
                      indeterminate={!allShown && entries.some((e) => selected.includes(e.contact.id))}
                      onChange={() =>
                        setSelected(allShown ? [] : Array.from(new Set([...selected, ...entries.map((e) => e.contact.id)])))
                      }
                      data-testid="queue-select-all"
                    />
                  </Table.Th>
                ) : null}
                <Table.Th>Contact</Table.Th>
                <Table.Th>Company</Table.Th>
                <Table.Th>Territory</Table.Th>
                <Table.Th>Last verified</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>Assigned to</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Table.Tr key={e.contact.id} data-testid="queue-entry" data-contact-id={e.contact.id} data-assignee={e.assignee?.username ?? ""}>
                  {canAssign ? (
                    <Table.Td>
                      <Checkbox
                        aria-label={`Select ${e.contact.displayName}`}
                        checked={selected.includes(e.contact.id)}
                        onChange={() => toggle(e.contact.id)}
                        data-testid="queue-select"
                      />
                    </Table.Td>
                  ) : null}
                  <Table.Td>
                    <Anchor component={Link} to={`/contacts/${e.contact.id}`} size="sm">
                      {e.contact.displayName}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {e.contact.reference}
                    </Text>
                  </Table.Td>
                  <Table.Td>{e.company ?? ""}</Table.Td>
                  <Table.Td>{e.territory ?? ""}</Table.Td>
                  <Table.Td>{e.verifiedAt ? formatDate(e.verifiedAt) : <Badge size="sm" variant="light" color="orange">never</Badge>}</Table.Td>
                  <Table.Td>{e.dueAt ? formatDate(e.dueAt) : "now"}</Table.Td>
                  <Table.Td>{e.assignee?.displayName ?? <Text span size="sm" c="dimmed">nobody</Text>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {pages > 1 ? (
          <Group justify="center">
            <Pagination size="sm" total={pages} value={page} onChange={setPage} data-testid="queue-pages" />
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
