import { Card } from "@mantine/core";
import { IconFileImport } from "@tabler/icons-react";
import { StatePanel } from "../../shell/components/StatePanel";
import { useImportQueue } from "../hooks/useImportQueue";
import { useRunImport } from "../hooks/useRunImport";
import { selectedFile } from "../utils/importQueue";
import { FilePanel } from "./FilePanel";
import { FileQueue } from "./FileQueue";
import { FilesEmptyState } from "./FilesEmptyState";
import classes from "./ImportWorkspace.module.css";
import { RunImportModal } from "./RunImportModal";

export type ImportWorkspaceProps = {
  /** Site administrators may import without a site. */
  withoutSite: boolean;
};

/** The Import tab: the queue of files beside the selected file's options, preview and rows. */
export function ImportWorkspace({ withoutSite }: ImportWorkspaceProps) {
  const queue = useImportQueue();
  const run = useRunImport();
  const selected = selectedFile(queue);
  const running = run.state.step === "running" ? run.state.fileId : null;

  if (queue.files.length === 0) return <FilesEmptyState />;

  return (
    <div className={classes.workspace}>
      <FileQueue files={queue.files} selectedId={queue.selectedId} runningId={running} />
      <div className={classes.detail}>
        {selected ? (
          // One panel per file: its preview, filter and scroll position start afresh.
          <FilePanel
            key={selected.grant.id}
            file={selected}
            withoutSite={withoutSite}
            onImport={(request, total) => void run.start(selected.grant.id, request, total)}
          />
        ) : (
          <Card>
            <StatePanel icon={<IconFileImport size={24} />} title="Choose a file" testId="import-no-selection">
              Select a file on the left to check it before importing.
            </StatePanel>
          </Card>
        )}
      </div>
      {run.state.step !== "idle" ? (
        <RunImportModal
          state={run.state}
          fileName={queue.files.find((file) => file.grant.id === fileIdOf(run.state))?.grant.name ?? null}
          cancelError={run.cancelError}
          onCancel={() => void run.cancel()}
          onUndo={run.undo}
          onClose={run.close}
        />
      ) : null}
    </div>
  );
}

function fileIdOf(state: ReturnType<typeof useRunImport>["state"]): string | null {
  return state.step === "idle" ? null : state.fileId;
}
