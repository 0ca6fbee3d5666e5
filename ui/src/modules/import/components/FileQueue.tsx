import { ActionIcon, Badge, Button, Card, Group, Loader, Stack, Text, Tooltip, UnstyledButton } from "@mantine/core";
import { IconFileSpreadsheet, IconFolderOpen, IconX } from "@tabler/icons-react";
import { formatBytes } from "../../admin/utils/formatBytes";
import { usePickImportFiles } from "../hooks/usePickImportFiles";
import type { QueuedFile } from "../types/importFile";
import { importQueue } from "../utils/importQueue";
import { fileStatusColors, fileStatusLabels } from "../utils/labels";
import classes from "./FileQueue.module.css";

export type FileQueueProps = {
  files: QueuedFile[];
  selectedId: string | null;
  /** The file being imported: it cannot be taken off the queue meanwhile. */
  runningId: string | null;
};

/** The files handed over so far; one is selected for its options and preview. */
export function FileQueue({ files, selectedId, runningId }: FileQueueProps) {
  const pick = usePickImportFiles();
  return (
    <Card p={0} className={classes.queue} data-testid="import-files">
      <Group justify="space-between" wrap="nowrap" px="sm" py="xs" className={classes.header}>
        <Text fw={600} size="sm">
          Files ({files.length})
        </Text>
        <Button
          size="compact-sm"
          variant="light"
          leftSection={<IconFolderOpen size={14} />}
          onClick={() => pick.mutate()}
          loading={pick.isPending}
          data-testid="import-choose-files"
        >
          Choose files…
        </Button>
      </Group>
      <Stack gap={0} component="ul" className={classes.list} aria-label="Files to import">
        {files.map((file) => (
          <FileItem
            key={file.grant.id}
            file={file}
            selected={file.grant.id === selectedId}
            removable={file.grant.id !== runningId}
          />
        ))}
      </Stack>
      <Text size="xs" c="dimmed" px="sm" py="xs" className={classes.footer}>
        Drop more files anywhere on the window.
      </Text>
    </Card>
  );
}

type FileItemProps = {
  file: QueuedFile;
  selected: boolean;
  removable: boolean;
};

function FileItem({ file, selected, removable }: FileItemProps) {
  const { grant, status, message } = file;
  return (
    <li
      className={classes.item}
      data-selected={selected || undefined}
      data-testid="import-file"
      data-name={grant.name}
      data-status={status}
    >
      <UnstyledButton
        className={classes.select}
        onClick={() => importQueue.select(grant.id)}
        aria-current={selected || undefined}
        aria-label={`${grant.name}, ${fileStatusLabels[status]}`}
      >
        <IconFileSpreadsheet size={20} stroke={1.5} className={classes.icon} aria-hidden />
        <Stack gap={2} miw={0} flex={1}>
          <Text size="sm" fw={500} truncate="end" title={grant.name}>
            {grant.name}
          </Text>
          <Group gap={6} wrap="nowrap">
            <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
              {grant.size === null ? "Size unknown" : formatBytes(grant.size)}
            </Text>
            <Badge
              size="xs"
              variant="light"
              color={fileStatusColors[status]}
              tt="none"
              leftSection={status === "previewing" ? <Loader size={8} color={fileStatusColors[status]} /> : null}
              title={message ?? undefined}
              data-testid="import-file-status"
            >
              {fileStatusLabels[status]}
            </Badge>
          </Group>
        </Stack>
      </UnstyledButton>
      {removable ? (
        <Tooltip label="Remove from the list">
          <ActionIcon
            variant="subtle"
            color="gray"
            onClick={() => importQueue.remove(grant.id)}
            aria-label={`Remove ${grant.name}`}
            className={classes.remove}
            data-testid="import-file-remove"
          >
            <IconX size={16} />
          </ActionIcon>
        </Tooltip>
      ) : null}
    </li>
  );
}
