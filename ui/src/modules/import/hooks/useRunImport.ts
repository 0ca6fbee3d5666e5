import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import type { ImportRequest, UndoReport } from "../../../ipc/bindings";
import { cancelImport, runImport } from "../../../ipc/imports";
import { queryKeys } from "../../../ipc/queryKeys";
import { handleSessionError } from "../../session/utils/sessionCache";
import type { RunStep } from "../types/runStep";
import { undoneMessage } from "../utils/counts";
import { isCancelled } from "../utils/importErrors";
import { importQueue } from "../utils/importQueue";
import { refreshAfterImport } from "../utils/refreshAfterImport";
import { useUndoImport } from "./useUndoImport";

/**
 * Drives one import from the button to its result: runs it with progress, cancels (the core
 * rolls back), and undoes it straight from the result if the user asks.
 */
export function useRunImport() {
  const queryClient = useQueryClient();
  const undoImport = useUndoImport();
  const [state, setState] = useState<RunStep>({ step: "idle" });
  const [cancelError, setCancelError] = useState<unknown>(null);
  // Only the latest run may move the steps on.
  const runRef = useRef(0);

  const start = useCallback(
    async (fileId: string, request: ImportRequest, total: number) => {
      const run = ++runRef.current;
      setCancelError(null);
      setState({ step: "running", fileId, total, progress: null, cancelling: false });
      try {
        const outcome = await runImport(fileId, request, (progress) => {
          if (run !== runRef.current) return;
          setState((current) => (current.step === "running" ? { ...current, progress } : current));
        });
        if (run !== runRef.current) return;
        if (outcome.importId) importQueue.setImported(fileId, outcome);
        else if (outcome.refused) importQueue.setStatus(fileId, "refused", outcome.refused.message);
        setState({ step: "done", fileId, outcome, undo: { state: "none" } });
        if (outcome.imported + outcome.updated > 0) void refreshAfterImport(queryClient);
        else void queryClient.invalidateQueries({ queryKey: queryKeys.listImports() });
      } catch (error) {
        if (run !== runRef.current) return;
        if (isCancelled(error)) {
          setState({ step: "cancelled", fileId });
        } else {
          handleSessionError(queryClient, error);
          setState({ step: "failed", fileId, error });
        }
      }
    },
    [queryClient],
  );

  const cancel = useCallback(async () => {
    setState((current) => (current.step === "running" ? { ...current, cancelling: true } : current));
    try {
      await cancelImport();
    } catch (error) {
      setCancelError(error);
      setState((current) => (current.step === "running" ? { ...current, cancelling: false } : current));
    }
  }, []);

  /** "Undo this import" on the result: the new contacts go, the updated ones are put back. */
  const undo = useCallback(() => {
    if (state.step !== "done" || state.undo.state === "undoing") return;
    const { fileId } = state;
    const importId = state.outcome.importId;
    if (!importId) return;
    const run = runRef.current;
    const setUndo = (undo: Extract<RunStep, { step: "done" }>["undo"]) =>
      setState((current) => (run === runRef.current && current.step === "done" ? { ...current, undo } : current));
    setUndo({ state: "undoing" });
    undoImport.mutate(importId, {
      onSuccess: (report: UndoReport) => {
        importQueue.setUndone(fileId);
        setUndo({ state: "undone", report });
        notifications.show({ color: "teal", title: "Import undone", message: undoneMessage(report) });
      },
      onError: (error) => setUndo({ state: "failed", error }),
    });
  }, [state, undoImport]);

  const close = useCallback(() => {
    runRef.current += 1;
    setState({ step: "idle" });
  }, []);

  return { state, cancelError, start, cancel, undo, close };
}
