//! The steps of a bulk action, as data: a form, the count the confirmation states, the run with
//! its progress, the record of approval a significant change needs, and how it ended.
import type { BulkAction, BulkProgress, BulkReport } from "../../../ipc/bindings";
import { isIpcError } from "../../../ipc/client";

export type BulkKind = BulkAction["kind"];

export type BulkStep =
  | { step: "form" }
  | { step: "counting"; action: BulkAction }
  | { step: "confirm"; action: BulkAction; count: number }
  | { step: "running"; action: BulkAction; count: number; progress: BulkProgress | null; cancelling: boolean }
  /** The core asked for a justification (a change of contact type). */
  | { step: "justify"; action: BulkAction; count: number; fields: string[]; error: unknown }
  | { step: "done"; action: BulkAction; report: BulkReport }
  | { step: "cancelled"; action: BulkAction }
  | { step: "failed"; action: BulkAction; error: unknown };

/** The user stopped the run; the core rolled it back. */
export function isCancelled(error: unknown): boolean {
  return isIpcError(error) && error.code === "cancelled";
}

export function needsJustification(error: unknown): boolean {
  return isIpcError(error) && error.code === "justification_required";
}

/** A problem with the justification itself: the approval dialog shows it beside its field. */
export function isJustificationProblem(error: unknown): boolean {
  return isIpcError(error) && error.fields.some((problem) => problem.field.startsWith("justification"));
}

/** A problem with a field of the action's form (e.g. an empty tag): back to the form. */
export function isFormProblem(error: unknown): boolean {
  return isIpcError(error) && error.code === "invalid_input" && error.fields.length > 0 && !isJustificationProblem(error);
}

/** The significant fields the core names, for the approval dialog's wording. */
export function justifiedFields(error: unknown): string[] {
  const named = isIpcError(error) ? error.fields.map((problem) => problem.field).filter((f) => !f.startsWith("justification")) : [];
  return named.length > 0 ? named : ["contactType"];
}

/** 0–100 for the progress bar; null while the core has not reported yet. */
export function progressPercent(progress: BulkProgress | null): number | null {
  if (!progress || progress.total <= 0) return null;
  return Math.min(100, Math.round((progress.done / progress.total) * 100));
}
