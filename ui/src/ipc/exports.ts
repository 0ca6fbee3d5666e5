//! Typed wrappers for the export commands.
import { Channel } from "@tauri-apps/api/core";
import { commands } from "./bindings";
import type { BulkSelection, ExportFormat, ExportProgress, ExportReport } from "./bindings";
import { call } from "./client";

/**
 * Asks the user where to save (the native dialog), then writes the selection's contacts there.
 * Resolves to null when the dialog was closed without choosing a file.
 */
export function exportContacts(
  selection: BulkSelection,
  format: ExportFormat,
  onProgress: (progress: ExportProgress) => void,
): Promise<ExportReport | null> {
  const channel = new Channel<ExportProgress>(onProgress);
  return call(() => commands.exportContacts(selection, format, channel));
}

/** Stops the running export; it then fails with `cancelled` and leaves no file. */
export function cancelExport(): Promise<void> {
  return call(() => commands.cancelExport()).then(() => undefined);
}
