import { Anchor, Badge, Button, Group, Paper, Skeleton, Stack, Table, Text } from "@mantine/core";
import { IconArrowMerge } from "@tabler/icons-react";
import { Link } from "react-router";
import type { ContactRow, DuplicateGroup } from "../../../ipc/bindings";
import { contactStatusLabels } from "../../contacts/utils/labels";

export type DuplicateGroupCardProps = {
  group: DuplicateGroup;
  /** The rows of the page's contacts by id; missing ones are still loading (or out of scope now). */
  rows: Map<string, ContactRow> | null;
};

function scoreColor(score: number): string {
  if (score >= 90) return "red";
  if (score >= 75) return "orange";
  return "yellow";
}

/** One group of records that look like the same person, side by side, with why. */
export function DuplicateGroupCard({ group, rows }: DuplicateGroupCardProps) {
  return (
    <Paper withBorder radius="md" p="md" data-testid="duplicate-group" data-contact-ids={group.contacts.join(",")}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="xs" wrap="wrap">
            <Badge color={scoreColor(group.score)} variant="filled" title="How alike the records are, out of 100">
              {group.score}
            </Badge>
            {group.reasons.map((reason) => (
              <Badge key={reason} variant="light" color="gray" tt="none">
                {reason}
              </Badge>
            ))}
          </Group>
          <Button
            component={Link}
            to={`/duplicates/merge?ids=${group.contacts.join(",")}`}
            size="xs"
            variant="light"
            leftSection={<IconArrowMerge size={14} />}
            style={{ flexShrink: 0 }}
            data-testid="duplicate-review"
          >
            Review and merge
          </Button>
        </Group>
        <Table verticalSpacing={6} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="30%">Name</Table.Th>
              <Table.Th w="28%">Email</Table.Th>
              <Table.Th w="17%">Phone</Table.Th>
              <Table.Th w="15%">Company</Table.Th>
              <Table.Th w="10%">Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {group.contacts.map((id) => {
              const row = rows?.get(id);
              if (!rows) {
                return (
                  <Table.Tr key={id}>
                    <Table.Td colSpan={5}>
                      <Skeleton height={16} />
                    </Table.Td>
                  </Table.Tr>
                );
              }
              if (!row) {
                return (
                  <Table.Tr key={id}>
                    <Table.Td colSpan={5}>
                      <Text size="sm" c="dimmed">
                        No longer in your list (changed or removed since the scan)
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              }
              return (
                <Table.Tr key={id} data-testid="duplicate-contact" data-contact-id={id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/contacts/${id}`} size="sm" fw={600} truncate="end" display="block" title={row.displayName}>
                      {row.displayName}
                    </Anchor>
                    <Text size="xs" c="dimmed" truncate="end">
                      {[row.reference, row.jobTitle].filter(Boolean).join(" · ")}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate="end" title={row.email ?? undefined}>
                      {row.email ?? "—"}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate="end">
                      {row.phone ?? "—"}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate="end" title={row.company ?? undefined}>
                      {row.company ?? "—"}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{contactStatusLabels[row.status]}</Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
