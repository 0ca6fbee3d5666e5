import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ReportRequest } from "../../../ipc/bindings";
import { buildReport } from "../../../ipc/reports";

export const reportKey = (request: ReportRequest) => ["report", request.kind, request.period ?? null] as const;

/** A report, counted again each time it is opened; the previous one stays shown while the next is counted. */
export function useReport(request: ReportRequest) {
  return useQuery({
    queryKey: reportKey(request),
    queryFn: ({ signal }) => buildReport(request, { signal }),
    refetchOnMount: "always",
    placeholderData: keepPreviousData,
  });
}
