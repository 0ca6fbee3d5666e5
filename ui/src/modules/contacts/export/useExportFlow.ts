import { useCallback, useRef, useState } from "react";
import type { BulkSelection, ExportFormat, ExportProgress, ExportReport } from "../../../ipc/bindings";
import { cancelExport, exportContacts } from "../../../ipc/exports";
import { isCancelled } from "../list/bulkFlow";

export type ExportStep =
  | { step: "choose" }
  | { step: "running"; progress: ExportProgress | null; cancelling: boolean }
  | { step: "done"; report: ExportReport }
  | { step: "cancelled" }
  | { step: "failed"; error: unknown };

/** One export from the choice of format through the save dialog and the progress to its result. */
export function useExportFlow(selection: BulkSelection) {
  const [state, setState] = useState<ExportStep>({ step: "choose" });
  const runRef = useRef(0);

  const start = useCallback(
    async (format: ExportFormat) => {
      const run = ++runRef.current;
      setState({ step: "running", progress: null, cancelling: false });
      try {
        const report = await exportContacts(selection, format, (progress) => {
          if (run !== runRef.current) return;
          setState((current) => (current.step === "running" ? { ...current, progress } : current));
        });
        if (run !== runRef.current) return;
        // Closing the save dialog without a file is not an error: back to the choice.
        setState(report ? { step: "done", report } : { step: "choose" });
      } catch (error) {
        if (run !== runRef.current) return;
        setState(isCancelled(error) ? { step: "cancelled" } : { step: "failed", error });
      }
    },
    [selection],
  );

  const cancel = useCallback(async () => {
    setState((current) => (current.step === "running" ? { ...current, cancelling: true } : current));
    try {
      await cancelExport();
    } catch (error) {
      setState({ step: "failed", error });
    }
  }, []);

  const back = useCallback(() => setState({ step: "choose" }), []);

  return { state, start, cancel, back };
}
