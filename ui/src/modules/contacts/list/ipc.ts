//! Typed wrappers for the commands the contact list uses for saved views and bulk actions.
//! They belong with the other contact commands in `src/ipc/contacts.ts`; they live here until that
//! file's owner moves them, and component tests mock this module the same way.
import { Channel } from "@tauri-apps/api/core";
import { commands } from "../../../ipc/bindings";
import type {
  BulkAction,
  BulkProgress,
  BulkReport,
  BulkSelection,
  SavedView,
  SavedViewInput,
} from "../../../ipc/bindings";
import { call, type CallOptions } from "../../../ipc/client";

export function listSavedViews(options?: CallOptions): Promise<SavedView[]> {
  return call(() => commands.listSavedViews(), options);
}

export function saveView(view: SavedViewInput): Promise<SavedView> {
  return call(() => commands.saveView(view));
}

export function deleteView(id: string): Promise<void> {
  return call(() => commands.deleteView(id)).then(() => undefined);
}

export function countBulkSelection(selection: BulkSelection, options?: CallOptions): Promise<number> {
  return call(() => commands.countBulkSelection(selection), options);
}

/** Runs a bulk action; `onProgress` hears the core's progress messages as they arrive. */
export function runBulkAction(
  selection: BulkSelection,
  action: BulkAction,
  onProgress: (progress: BulkProgress) => void,
): Promise<BulkReport> {
  const channel = new Channel<BulkProgress>(onProgress);
  return call(() => commands.runBulkAction(selection, action, channel));
}

/** Asks the core to stop the running bulk action; the run then fails with `cancelled`. */
export function cancelBulkAction(): Promise<void> {
  return call(() => commands.cancelBulkAction()).then(() => undefined);
}

export { listOwners, searchSites } from "../../../ipc/contacts";
