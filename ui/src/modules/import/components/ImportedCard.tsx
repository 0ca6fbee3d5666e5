import { Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { IconArrowBackUp, IconUsers } from "@tabler/icons-react";
import { useState } from "react";
import { useNavigate } from "react-router";
import type { ImportOutcome } from "../../../ipc/bindings";
import { countOf } from "../utils/counts";
import { OutcomeCounts } from "./OutcomeCounts";
import { UndoImportModal } from "./UndoImportModal";

export type ImportedCardProps = {
  fileName: string;
  outcome: ImportOutcome;
};

/** A file of the queue that is imported: what it stored, and the way back. */
export function ImportedCard({ fileName, outcome }: ImportedCardProps) {
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  return (
    <Card data-testid="import-imported">
      <Stack gap="sm">
        <Title order={4}>Imported</Title>
        <Text size="sm" c="dimmed">
          {countOf(outcome.records, "record")} read. The import is in the history, where it can be undone later too.
        </Text>
        <OutcomeCounts outcome={outcome} />
        <Group gap="sm">
          <Button leftSection={<IconUsers size={16} />} onClick={() => void navigate("/contacts")}>
            Show contacts
          </Button>
          {outcome.importId ? (
            <Button
              variant="default"
              color="red"
              leftSection={<IconArrowBackUp size={16} />}
              onClick={() => setConfirming(true)}
              data-testid="import-imported-undo"
            >
              Undo this import…
            </Button>
          ) : null}
        </Group>
      </Stack>
      {confirming && outcome.importId ? (
        <UndoImportModal
          importId={outcome.importId}
          fileName={fileName}
          created={outcome.imported}
          updated={outcome.updated}
          onClose={() => setConfirming(false)}
        />
      ) : null}
    </Card>
  );
}
