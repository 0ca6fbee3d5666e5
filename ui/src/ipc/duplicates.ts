//! Typed wrappers for the duplicate scan and merges.
import { Channel } from "@tauri-apps/api/core";
import { commands } from "./bindings";
import type {
  ContactRow,
  DuplicateScan,
  DuplicateScanOptions,
  DuplicateScanProgress,
  MergeInput,
  MergeOutcome,
  MergePreview,
  MergeSummary,
} from "./bindings";
import type { CallOptions } from "./client";
import { call } from "./client";

/** Compares every contact the user may see with the others; fails with `cancelled` when stopped. */
export function scanDuplicates(
  options: DuplicateScanOptions,
  onProgress: (progress: DuplicateScanProgress) => void,
): Promise<DuplicateScan> {
  return call(() => commands.scanDuplicates(options, new Channel<DuplicateScanProgress>(onProgress)));
}

export function cancelDuplicateScan(): Promise<void> {
  return call(() => commands.cancelDuplicateScan()).then(() => undefined);
}

/** The list rows of these contacts (at most 500) that the user may see, in the order asked. */
export function contactRows(ids: string[], options?: CallOptions): Promise<ContactRow[]> {
  return call(() => commands.contactRows(ids), options);
}

/** The records of a group side by side, with the default survivor and field choices. */
export function mergePreview(contactIds: string[], options?: CallOptions): Promise<MergePreview> {
  return call(() => commands.mergePreview(contactIds), options);
}

export function mergeContacts(input: MergeInput): Promise<MergeOutcome> {
  return call(() => commands.mergeContacts(input));
}

export function unmergeContacts(mergeId: string): Promise<MergeOutcome> {
  return call(() => commands.unmergeContacts(mergeId));
}

/** The latest merges whose survivor the user may edit, newest first. */
export function recentMerges(options?: CallOptions): Promise<MergeSummary[]> {
  return call(() => commands.recentMerges(), options);
}
