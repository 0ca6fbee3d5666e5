//! Typed wrappers for reports.
import { commands } from "./bindings";
import type { ExportedReport, Report, ReportFormat, ReportRequest } from "./bindings";
import type { CallOptions } from "./client";
import { call } from "./client";

/** The report, counted now in the signed-in user's scope. */
export function buildReport(request: ReportRequest, options?: CallOptions): Promise<Report> {
  return call(() => commands.report(request), options);
}

/**
 * Makes the report again, asks where to save it (the native dialog) and writes it there.
 * Resolves to null when the dialog was closed without choosing a file.
 */
export function exportReport(request: ReportRequest, format: ReportFormat): Promise<ExportedReport | null> {
  return call(() => commands.exportReport(request, format));
}
