import { useCallback, useRef, useState } from "react";
import type { BulkAction, BulkSelection, Justification } from "../../../ipc/bindings";
import {
  isCancelled,
  isFormProblem,
  isJustificationProblem,
  justifiedFields,
  needsJustification,
  type BulkStep,
} from "./bulkFlow";
import { cancelBulkAction, countBulkSelection, runBulkAction } from "./ipc";

export type UseBulkFlowOptions = {
  selection: BulkSelection;
  /** The run changed contacts (even if only some): the list and counts are stale. */
  onChanged: () => void;
  /** The count or the run refused the form's values (e.g. a field problem): shown on the form. */
  onFormError: (error: unknown) => void;
};

/**
 * Drives one bulk action from its form to its summary: counts the selection for the
 * confirmation, runs it with progress, asks for a justification when the core wants one, cancels.
 */
export function useBulkFlow({ selection, onChanged, onFormError }: UseBulkFlowOptions) {
  const [state, setState] = useState<BulkStep>({ step: "form" });
  const [cancelError, setCancelError] = useState<unknown>(null);
  // Only the latest run may move the steps on (a late answer of an abandoned one is ignored).
  const runRef = useRef(0);

  const prepare = useCallback(
    async (action: BulkAction) => {
      const run = ++runRef.current;
      setState({ step: "counting", action });
      try {
        const count = await countBulkSelection(selection);
        if (run === runRef.current) setState({ step: "confirm", action, count });
      } catch (error) {
        if (run !== runRef.current) return;
        onFormError(error);
        setState({ step: "form" });
      }
    },
    [selection, onFormError],
  );

  const run = useCallback(
    async (action: BulkAction, count: number) => {
      const id = ++runRef.current;
      setCancelError(null);
      setState({ step: "running", action, count, progress: null, cancelling: false });
      try {
        const report = await runBulkAction(selection, action, (progress) => {
          if (id !== runRef.current) return;
          setState((current) => (current.step === "running" ? { ...current, progress } : current));
        });
        if (id !== runRef.current) return;
        setState({ step: "done", action, report });
        if (report.changed > 0) onChanged();
      } catch (error) {
        if (id !== runRef.current) return;
        if (isCancelled(error)) {
          setState({ step: "cancelled", action });
        } else if (action.kind === "setType" && (needsJustification(error) || isJustificationProblem(error))) {
          setState({ step: "justify", action, count, fields: justifiedFields(error), error });
        } else if (isFormProblem(error)) {
          onFormError(error);
          setState({ step: "form" });
        } else {
          setState({ step: "failed", action, error });
        }
      }
    },
    [selection, onChanged, onFormError],
  );

  const confirm = useCallback(() => {
    if (state.step === "confirm") void run(state.action, state.count);
  }, [state, run]);

  const justify = useCallback(
    (justification: Justification) => {
      if (state.step === "justify" && state.action.kind === "setType") {
        void run({ ...state.action, justification }, state.count);
      }
    },
    [state, run],
  );

  const cancel = useCallback(async () => {
    setState((current) => (current.step === "running" ? { ...current, cancelling: true } : current));
    try {
      await cancelBulkAction();
    } catch (error) {
      setCancelError(error);
      setState((current) => (current.step === "running" ? { ...current, cancelling: false } : current));
    }
  }, []);

  /** Back to the form (from the confirmation, the approval dialog or a failure). */
  const back = useCallback(() => {
    runRef.current += 1;
    setState({ step: "form" });
  }, []);

  return { state, cancelError, prepare, confirm, justify, cancel, back };
}
