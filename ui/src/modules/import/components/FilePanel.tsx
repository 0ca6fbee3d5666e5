import { Stack } from "@mantine/core";
import type { ImportRequest } from "../../../ipc/bindings";
import { useImportPreview } from "../hooks/useImportPreview";
import type { FileOptions, ImportTarget, QueuedFile } from "../types/importFile";
import { contactsToImport } from "../utils/counts";
import { importQueue } from "../utils/importQueue";
import { needsSite, toImportRequest } from "../utils/importRequest";
import { FileHeader } from "./FileHeader";
import { ImportedCard } from "./ImportedCard";
import { ImportOptionsCard } from "./ImportOptionsCard";
import { MappingEditor } from "./MappingEditor";
import { PreviewRowsCard } from "./PreviewRowsCard";
import { PreviewStatus } from "./PreviewStatus";

export type FilePanelProps = {
  file: QueuedFile;
  /** Site administrators may import without a site. */
  withoutSite: boolean;
  onImport: (request: ImportRequest, total: number) => void;
};

/** One file: where its contacts go, how it reads (the preview), and the button that imports it. */
export function FilePanel({ file, withoutSite, onImport }: FilePanelProps) {
  const { options } = file;
  const id = file.grant.id;
  const target: ImportTarget | null = options.target ?? (withoutSite ? { kind: "none" } : null);
  const siteMissing = needsSite(target, withoutSite);
  const imported = file.status === "imported";
  const request = toImportRequest({ ...options, target });
  const { view, cancel, retry } = useImportPreview(id, imported || siteMissing ? null : request);
  const preview = view.status === "idle" ? null : view.preview;
  const usable = view.status === "done" && !view.preview.refused ? view.preview : null;
  const stale = view.status !== "done";

  const update = (change: Partial<FileOptions>) => importQueue.updateOptions(id, change);

  const total = usable ? contactsToImport(usable) : 0;
  const blockedBy = siteMissing
    ? "Choose a site for the new contacts first."
    : view.status === "checking"
      ? "Wait for the check to finish."
      : !usable
        ? "The file has to be checked first."
        : total === 0
          ? "Nothing in this file would be stored."
          : null;

  return (
    <Stack gap="md" data-testid="import-file-panel" data-file-id={id}>
      <FileHeader
        file={file}
        preview={preview}
        stale={stale}
        total={total}
        blockedBy={imported ? null : blockedBy}
        onImport={() => onImport(request, usable?.records ?? 0)}
      />
      <ImportOptionsCard
        options={options}
        target={target}
        withoutSite={withoutSite}
        sheets={preview?.sheets ?? []}
        disabled={imported}
        onChange={update}
      />
      {imported && file.outcome ? (
        <ImportedCard fileName={file.grant.name} outcome={file.outcome} />
      ) : (
        <>
          <PreviewStatus view={view} siteMissing={siteMissing} onCancel={cancel} onRetry={retry} />
          {preview && !preview.refused ? (
            <>
              {preview.columns.length > 0 ? (
                <MappingEditor
                  columns={preview.columns}
                  mapping={options.mapping}
                  rememberMapping={options.rememberMapping}
                  stale={stale}
                  onChange={update}
                />
              ) : null}
              <PreviewRowsCard
                preview={preview}
                decisions={options.decisions}
                onDuplicate={options.onDuplicate}
                stale={stale}
                onDecisions={(decisions) => update({ decisions })}
              />
            </>
          ) : null}
        </>
      )}
    </Stack>
  );
}
