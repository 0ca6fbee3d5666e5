import { useMutation } from "@tanstack/react-query";
import type { ReportFormat, ReportRequest } from "../../../ipc/bindings";
import { exportReport } from "../../../ipc/reports";

/** Exports a report through the save dialog; `data` is null when the dialog was closed. */
export function useReportExport() {
  return useMutation({
    mutationFn: ({ request, format }: { request: ReportRequest; format: ReportFormat }) => exportReport(request, format),
  });
}
