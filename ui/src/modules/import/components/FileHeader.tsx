import { Badge, Button, Card, Group, Stack, Text, Title, Tooltip } from "@mantine/core";
import { IconCircleCheck, IconFileImport } from "@tabler/icons-react";
import type { ImportPreview } from "../../../ipc/bindings";
import { formatBytes } from "../../admin/utils/formatBytes";
import type { QueuedFile } from "../types/importFile";
import { countOf, previewSummary } from "../utils/counts";
import { formatLabel } from "../utils/labels";
import classes from "./FileHeader.module.css";

export type FileHeaderProps = {
  file: QueuedFile;
  /** The latest preview of the file (possibly older than the current choices). */
  preview: ImportPreview | null;
  /** The preview does not answer the current choices (yet). */
  stale: boolean;
  /** Contacts the import would store (new and updated). */
  total: number;
  /** Why the import cannot start now; null when it can. */
  blockedBy: string | null;
  onImport: () => void;
};

/** The file's name, how it reads and what importing it would do; stays in view while scrolling. */
export function FileHeader({ file, preview, stale, total, blockedBy, onImport }: FileHeaderProps) {
  const imported = file.status === "imported";
  const label = total > 0 ? `Import ${countOf(total, "contact")}` : "Import contacts";
  return (
    <Card className={classes.header} data-testid="import-file-header">
      <Group justify="space-between" align="center" wrap="nowrap" gap="md">
        <Stack gap={4} miw={0} flex={1}>
          <Title order={3} fw={600} className={classes.name} title={file.grant.name}>
            {file.grant.name}
          </Title>
          <Group gap={6} wrap="wrap">
            {file.grant.size !== null ? (
              <Text size="xs" c="dimmed">
                {formatBytes(file.grant.size)}
              </Text>
            ) : null}
            {preview && !preview.refused ? (
              <>
                <Badge size="sm" variant="default" tt="none" fw={500} data-testid="import-format">
                  {formatLabel(preview.format)}
                </Badge>
                <Badge size="sm" variant="default" tt="none" fw={500} data-testid="import-encoding">
                  {preview.encoding}
                </Badge>
              </>
            ) : null}
          </Group>
          {preview && !preview.refused ? (
            <Text size="sm" c={stale ? "dimmed" : undefined} data-testid="import-summary" data-stale={stale || undefined}>
              {previewSummary(preview)}
            </Text>
          ) : null}
        </Stack>
        {imported ? (
          <Badge size="lg" color="green" variant="light" tt="none" leftSection={<IconCircleCheck size={16} />}>
            Imported
          </Badge>
        ) : (
          <Tooltip label={blockedBy} disabled={!blockedBy} multiline w={240}>
            {/* A disabled button gets no pointer events: the wrapper shows the tooltip. */}
            <span className={classes.runWrapper}>
              <Button
                size="md"
                leftSection={<IconFileImport size={18} />}
                onClick={onImport}
                disabled={blockedBy !== null}
                data-testid="import-run"
              >
                {label}
              </Button>
            </span>
          </Tooltip>
        )}
      </Group>
    </Card>
  );
}
