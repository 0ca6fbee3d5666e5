import type { ImportOutcome, ImportProgress, UndoReport } from "../../../ipc/bindings";

/** The steps of one import run, as the run dialog shows them. */
export type RunStep =
  | { step: "idle" }
  | { step: "running"; fileId: string; total: number; progress: ImportProgress | null; cancelling: boolean }
  | { step: "done"; fileId: string; outcome: ImportOutcome; undo: UndoState }
  | { step: "cancelled"; fileId: string }
  | { step: "failed"; fileId: string; error: unknown };

/** "Undo this import" straight from the result. */
export type UndoState =
  | { state: "none" }
  | { state: "undoing" }
  | { state: "undone"; report: UndoReport }
  | { state: "failed"; error: unknown };
