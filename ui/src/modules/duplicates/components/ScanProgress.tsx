import { Button, Group, Paper, Progress, Stack, Text } from "@mantine/core";
import type { DuplicateScanProgress } from "../../../ipc/bindings";

export type ScanProgressProps = {
  progress: DuplicateScanProgress | null;
  onCancel: () => void;
};

/** Reading contacts (their number grows), then comparing the candidate pairs (a share of them). */
export function ScanProgress({ progress, onCancel }: ScanProgressProps) {
  const comparing = progress !== null && progress.pairsTotal > 0;
  const share = comparing ? Math.min(100, (progress.pairsCompared / progress.pairsTotal) * 100) : 0;
  let line = "Starting the scan…";
  if (comparing) {
    line = `Compared ${progress.pairsCompared.toLocaleString()} of ${progress.pairsTotal.toLocaleString()} likely pairs among ${progress.contactsRead.toLocaleString()} contacts`;
  } else if (progress) {
    line = `Read ${progress.contactsRead.toLocaleString()} contacts`;
  }
  return (
    <Paper withBorder p="md" radius="md" data-testid="duplicates-progress">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" aria-live="polite">
            {line}
          </Text>
          <Button size="xs" variant="default" onClick={onCancel} data-testid="duplicates-cancel">
            Cancel
          </Button>
        </Group>
        <Progress value={comparing ? share : 100} animated={!comparing} striped={!comparing} aria-label="Scan progress" />
      </Stack>
    </Paper>
  );
}
