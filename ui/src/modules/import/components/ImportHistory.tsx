import { Card, Stack } from "@mantine/core";
import { IconHistory } from "@tabler/icons-react";
import { useState } from "react";
import type { ImportSummary } from "../../../ipc/bindings";
import { SectionHeader } from "../../admin/components/SectionHeader";
import { TableSkeleton } from "../../admin/components/TableSkeleton";
import { ErrorState } from "../../shell/components/ErrorState";
import { StatePanel } from "../../shell/components/StatePanel";
import { useImports } from "../hooks/useImports";
import { useMayImport } from "../hooks/useMayImport";
import { ImportHistoryTable } from "./ImportHistoryTable";
import { UndoImportModal } from "./UndoImportModal";

/** The History tab: every import the user may see, each undoable as a whole until undone. */
export function ImportHistory() {
  const imports = useImports();
  const { withoutSite: everyone } = useMayImport();
  const [undoing, setUndoing] = useState<ImportSummary | null>(null);

  let body;
  if (imports.isPending) {
    body = <TableSkeleton label="Loading the import history" columns={8} rows={4} testId="import-history-loading" />;
  } else if (imports.isError) {
    body = (
      <Card>
        <ErrorState
          error={imports.error}
          onRetry={() => void imports.refetch()}
          retrying={imports.isRefetching}
          testId="import-history-error"
        />
      </Card>
    );
  } else if (imports.data.length === 0) {
    body = (
      <Card>
        <StatePanel icon={<IconHistory size={24} />} title="No imports yet" testId="import-history-empty">
          Each import is listed here with what it stored, and can be undone as a whole.
        </StatePanel>
      </Card>
    );
  } else {
    body = (
      <Card p={0}>
        <ImportHistoryTable imports={imports.data} onUndo={setUndoing} />
      </Card>
    );
  }

  return (
    <Stack gap="md" data-testid="import-history">
      <SectionHeader
        title="History"
        description={
          everyone
            ? "Every import, newest first. Undoing one deletes the contacts it created and puts back those it updated."
            : "Your imports, newest first. Undoing one deletes the contacts it created and puts back those it updated."
        }
      />
      {body}
      {undoing ? (
        <UndoImportModal
          importId={undoing.id}
          fileName={undoing.fileName}
          created={undoing.imported}
          updated={undoing.updated}
          onClose={() => setUndoing(null)}
        />
      ) : null}
    </Stack>
  );
}
