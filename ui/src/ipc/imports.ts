//! Typed wrappers for the import commands. Files are named by grant id only: the shell hands out
//! a grant for each file the user dropped on the window or picked, and the page never sees a path.
import { Channel } from "@tauri-apps/api/core";
import { commands } from "./bindings";
import type {
  FileDropEvent,
  FileGrant,
  ImportField,
  ImportOutcome,
  ImportPolicy,
  ImportPreview,
  ImportProgress,
  ImportRequest,
  ImportSummary,
  UndoReport,
} from "./bindings";
import { call, type CallOptions } from "./client";

/**
 * Asks the shell to report drags and drops over the window to `onEvent`. Only the latest
 * registration is heard: registering again replaces the previous listener.
 */
export function watchFileDrops(onEvent: (event: FileDropEvent) => void): Promise<void> {
  return call(() => commands.watchFileDrops(new Channel<FileDropEvent>(onEvent))).then(() => undefined);
}

/** The native file dialog; the chosen files as grants, none when the user cancelled. */
export function pickImportFiles(): Promise<FileGrant[]> {
  return call(() => commands.pickImportFiles());
}

/** The fields a column can be mapped to, in the order a list shows them. */
export function importFields(options?: CallOptions): Promise<ImportField[]> {
  return call(() => commands.importFields(), options);
}

/** A dry run of the file: what would be stored, refused and matched. */
export function previewImport(
  fileGrantId: string,
  request: ImportRequest,
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportPreview> {
  return call(() => commands.previewImport(fileGrantId, request, new Channel<ImportProgress>(onProgress)));
}

/** Imports the file in one transaction; cancelled or failed, nothing is stored. */
export function runImport(
  fileGrantId: string,
  request: ImportRequest,
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportOutcome> {
  return call(() => commands.runImport(fileGrantId, request, new Channel<ImportProgress>(onProgress)));
}

/** Stops the running preview or import; the stopped command then fails with `cancelled`. */
export function cancelImport(): Promise<void> {
  return call(() => commands.cancelImport()).then(() => undefined);
}

export function getImportPolicy(options?: CallOptions): Promise<ImportPolicy> {
  return call(() => commands.getImportPolicy(), options);
}

/** Site administrators; returns the policy as stored. */
export function saveImportPolicy(policy: ImportPolicy): Promise<ImportPolicy> {
  return call(() => commands.saveImportPolicy(policy));
}

/** The imports the user may see, newest first. */
export function listImports(options?: CallOptions): Promise<ImportSummary[]> {
  return call(() => commands.listImports(), options);
}

export function undoImport(importId: string): Promise<UndoReport> {
  return call(() => commands.undoImport(importId));
}
