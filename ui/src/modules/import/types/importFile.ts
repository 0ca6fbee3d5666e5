import type { ContactType, FileGrant, ImportOutcome, OnDuplicate, RecordDecision, SiteOption } from "../../../ipc/bindings";

/** Where a queued file stands, as its line in the queue shows it. */
export type FileStatus = "waiting" | "previewing" | "ready" | "imported" | "refused" | "failed";

/** Where new contacts go: a site, or (site administrators only) no site at all. */
export type ImportTarget = { kind: "site"; site: SiteOption } | { kind: "none" };

/** What the user chose for one file; `toImportRequest` turns it into the command's request. */
export type FileOptions = {
  /** null: not chosen yet (site administrators then import with no site). */
  target: ImportTarget | null;
  contactType: ContactType;
  onDuplicate: OnDuplicate;
  /** The workbook's sheet; null is the first one. */
  sheet: string | null;
  /** Column header → field key, over the automatic mapping. */
  mapping: Record<string, string>;
  rememberMapping: boolean;
  /** Per-record choices over `onDuplicate`, in record order. */
  decisions: RecordDecision[];
};

export type QueuedFile = {
  grant: FileGrant;
  status: FileStatus;
  /** Why it was refused or failed. */
  message: string | null;
  options: FileOptions;
  /** Set once imported (for "undo" and the summary). */
  outcome: ImportOutcome | null;
};

export type ImportQueueState = {
  files: QueuedFile[];
  selectedId: string | null;
  /** Options the next added file starts with: the last target, type and duplicate handling chosen. */
  defaults: FileOptions;
};
