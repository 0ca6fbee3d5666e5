import { Button, Table, Text } from "@mantine/core";
import { IconRestore } from "@tabler/icons-react";
import type { BackupFile } from "../../../ipc/bindings";
import { formatDateTime } from "../../contacts/utils/formatDateTime";
import { RelativeTime } from "../../shell/components/RelativeTime";
import { formatBytes } from "../utils/formatBytes";

export type BackupsTableProps = {
  backups: BackupFile[];
  onRestore: (backup: BackupFile) => void;
};

export function BackupsTable({ backups, onRestore }: BackupsTableProps) {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing={8} fz="sm" highlightOnHover data-testid="backups-table" style={{ tableLayout: "fixed" }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th w={110} ta="right">
              Size
            </Table.Th>
            <Table.Th w={260}>Created</Table.Th>
            <Table.Th w={130} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {newestFirst.map((backup) => (
            <Table.Tr key={backup.name} data-testid="backup-row">
              <Table.Td>
                <Text size="sm" ff="monospace" truncate="end" title={backup.path}>
                  {backup.name}
                </Text>
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                {backup.bytes === null ? (
                  <Text span size="sm" c="dimmed" title="Size unknown">
                    —
                  </Text>
                ) : (
                  formatBytes(backup.bytes)
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                {formatDateTime(backup.createdAt)}{" "}
                <Text span size="xs" c="dimmed">
                  (<RelativeTime iso={backup.createdAt} />)
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconRestore size={14} />}
                  onClick={() => onRestore(backup)}
                  aria-label={`Restore ${backup.name}`}
                  data-testid="backup-restore"
                >
                  Restore…
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
