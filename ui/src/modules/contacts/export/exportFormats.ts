//! The export formats as the export dialog offers them.
import type { ExportFormat } from "../../../ipc/bindings";

export type ExportFormatOption = { value: ExportFormat; label: string; description: string };

export const EXPORT_FORMATS: readonly ExportFormatOption[] = [
  {
    value: "csv",
    label: "CSV (Rapport)",
    description: "Every field, for spreadsheets and for importing into Rapport again.",
  },
  {
    value: "xlsx",
    label: "Excel workbook",
    description: "The same columns as an .xlsx file; phone numbers stay text.",
  },
  {
    value: "csv_outlook",
    label: "CSV for Outlook",
    description: "Outlook's column names: import it in Outlook or other mail programs.",
  },
  {
    value: "csv_google",
    label: "CSV for Google Contacts",
    description: "Google Contacts' column names and labels.",
  },
  {
    value: "vcard",
    label: "vCard 4.0",
    description: "One .vcf file for phones, Apple Contacts and address books.",
  },
];

export function exportFormatLabel(format: ExportFormat): string {
  return EXPORT_FORMATS.find((option) => option.value === format)?.label ?? format;
}

/** Progress as a percentage, or null before the total is known. */
export function exportPercent(progress: { done: number; total: number } | null): number | null {
  if (!progress || progress.total <= 0) return null;
  return Math.min(100, Math.round((100 * progress.done) / progress.total));
}
