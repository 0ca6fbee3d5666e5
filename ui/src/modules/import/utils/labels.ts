import type { OnDuplicate, PreviewAction } from "../../../ipc/bindings";
import type { FileStatus } from "../types/importFile";
import type { PreviewRowFilter } from "../types/previewRowFilter";

export const actionLabels: Record<PreviewAction, string> = {
  create: "New",
  update: "Update",
  skip: "Skip",
  reject: "Rejected",
};

export const actionColors: Record<PreviewAction, string> = {
  create: "green",
  update: "blue",
  skip: "gray",
  reject: "red",
};

export const onDuplicateLabels: Record<OnDuplicate, string> = {
  skip: "Skip",
  update: "Update existing",
  create: "Create anyway",
};

export const fileStatusLabels: Record<FileStatus, string> = {
  waiting: "Waiting",
  previewing: "Checking…",
  ready: "Ready",
  imported: "Imported",
  refused: "Refused",
  failed: "Failed",
};

export const fileStatusColors: Record<FileStatus, string> = {
  waiting: "gray",
  previewing: "rapport",
  ready: "teal",
  imported: "green",
  refused: "red",
  failed: "orange",
};

export const rowFilterLabels: Record<PreviewRowFilter, string> = {
  all: "All",
  problems: "Problems",
  duplicates: "Duplicates",
};

const FORMAT_LABELS: Record<string, string> = {
  csv: "CSV",
  tsv: "TSV (tab-separated)",
  vcard: "vCard",
  xlsx: "Excel workbook",
  xls: "Excel 97–2003 workbook",
  ods: "OpenDocument spreadsheet",
};

/** "Excel workbook" for "xlsx"; unknown formats in capitals. */
export function formatLabel(format: string): string {
  return FORMAT_LABELS[format.toLowerCase()] ?? format.toUpperCase();
}
