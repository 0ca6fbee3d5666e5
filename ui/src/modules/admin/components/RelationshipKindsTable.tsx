import { ActionIcon, Badge, Group, Table, Text, Tooltip } from "@mantine/core";
import { IconArrowRight, IconArrowsLeftRight, IconHierarchy2, IconPencil } from "@tabler/icons-react";
import type { RelationshipKind } from "../../../ipc/bindings";

export type RelationshipKindsTableProps = {
  kinds: RelationshipKind[];
  onEdit: (kind: RelationshipKind) => void;
};

function None() {
  return (
    <Text span size="sm" c="dimmed">
      —
    </Text>
  );
}

export function RelationshipKindsTable({ kinds, onEdit }: RelationshipKindsTableProps) {
  // The four built-in kinds first, as the chart's pickers offer them; added ones after, by name.
  const ordered = [...kinds].sort((a, b) => Number(b.builtIn) - Number(a.builtIn) || a.label.localeCompare(b.label));
  return (
    <Table.ScrollContainer minWidth={680}>
      <Table verticalSpacing={8} fz="sm" highlightOnHover data-testid="kinds-table" style={{ tableLayout: "fixed" }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Label</Table.Th>
            <Table.Th w={180}>Code</Table.Th>
            <Table.Th w={130}>Hierarchy</Table.Th>
            <Table.Th w={130}>Direction</Table.Th>
            <Table.Th w={56} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ordered.map((kind) => (
            <Table.Tr
              key={kind.code}
              data-testid="kind-row"
              data-kind-code={kind.code}
              data-hierarchical={kind.hierarchical}
              data-directed={kind.directed}
            >
              <Table.Td>
                <Group gap="xs" wrap="nowrap" miw={0}>
                  <Text size="sm" fw={500} truncate="end" title={kind.label}>
                    {kind.label}
                  </Text>
                  {kind.builtIn ? (
                    <Badge variant="light" color="gray" tt="none" fw={500} style={{ flexShrink: 0 }} data-testid="kind-built-in">
                      Built in
                    </Badge>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace" c="dimmed" truncate="end" title={kind.code}>
                  {kind.code}
                </Text>
              </Table.Td>
              <Table.Td>
                {kind.hierarchical ? (
                  <Tooltip label="A link that would close a loop is refused">
                    <Badge variant="light" tt="none" fw={500} leftSection={<IconHierarchy2 size={12} />}>
                      Hierarchy
                    </Badge>
                  </Tooltip>
                ) : (
                  <None />
                )}
              </Table.Td>
              <Table.Td>
                {kind.directed ? (
                  <Badge variant="light" color="teal" tt="none" fw={500} leftSection={<IconArrowRight size={12} />}>
                    Directed
                  </Badge>
                ) : (
                  <Badge variant="default" tt="none" fw={500} leftSection={<IconArrowsLeftRight size={12} />}>
                    Both ways
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right">
                <Tooltip label="Edit kind">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Edit ${kind.label}`}
                    onClick={() => onEdit(kind)}
                    data-testid="kind-edit"
                  >
                    <IconPencil size={16} />
                  </ActionIcon>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
