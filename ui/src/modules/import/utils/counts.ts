//! Numbers in sentences: thousands separators and the singular where it belongs.
import type { ImportPreview, UndoReport } from "../../../ipc/bindings";
import { formatCount } from "../../contacts/utils/formatCount";

/** "1 record", "1,204 records". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}

/** "1,204 records: 1,100 new, 50 updates, 30 skipped, 24 rejected, 80 duplicates". */
export function previewSummary(preview: ImportPreview): string {
  return (
    `${countOf(preview.records, "record")}: ${formatCount(preview.toCreate)} new, ` +
    `${countOf(preview.toUpdate, "update")}, ${formatCount(preview.toSkip)} skipped, ` +
    `${formatCount(preview.rejected)} rejected, ${countOf(preview.duplicates, "duplicate")}`
  );
}

/** What "Import" would store: new contacts and updates. */
export function contactsToImport(preview: ImportPreview): number {
  return preview.toCreate + preview.toUpdate;
}

/** "3 contacts removed and 2 put back as they were (1 had been changed since the import)." */
export function undoneMessage(report: UndoReport): string {
  const parts = [`${countOf(report.removed, "contact")} removed`];
  if (report.restored > 0 || report.removed === 0) {
    parts.push(`${formatCount(report.restored)} put back as ${report.restored === 1 ? "it was" : "they were"}`);
  }
  let message = `${parts.join(" and ")}.`;
  if (report.changedSince > 0) {
    message += ` ${countOf(report.changedSince, "of them", "of them")} had been changed since the import: those later changes are gone too.`;
  }
  return message;
}

/**
 * What undoing an import does, in one sentence: "Deletes the 3 contacts this import created and
 * puts back the 2 contacts it updated as they were before it; later changes to them are lost."
 */
export function undoConsequence(created: number, updated: number): string {
  const deletes = `Deletes the ${countOf(created, "contact")} this import created`;
  const restores = `puts back the ${countOf(updated, "contact")} it updated as ${updated === 1 ? "it was" : "they were"} before it`;
  if (created > 0 && updated > 0) return `${deletes} and ${restores}; later changes to them are lost.`;
  if (created > 0) return `${deletes}; later changes to ${created === 1 ? "it" : "them"} are lost.`;
  if (updated > 0) return `${restores.charAt(0).toUpperCase()}${restores.slice(1)}; later changes to ${updated === 1 ? "it" : "them"} are lost.`;
  return "This import stored nothing: undoing it only marks it as undone.";
}
