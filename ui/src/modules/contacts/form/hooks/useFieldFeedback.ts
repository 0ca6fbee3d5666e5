import { createContext, useContext } from "react";
import type { FieldProblem } from "../../../../ipc/bindings";
import { problemText } from "../utils/problemText";
import { rootField } from "../utils/steps";

/** What the core said about the form, and which fields a conflict asks the user to choose for. */
export type FieldFeedback = {
  problems: FieldProblem[];
  warnings: FieldProblem[];
  /** Top-level fields someone else also changed since the form was loaded. */
  conflicted: ReadonlySet<string>;
};

export const NO_FEEDBACK: FieldFeedback = { problems: [], warnings: [], conflicted: new Set() };

export const FieldFeedbackContext = createContext<FieldFeedback>(NO_FEEDBACK);

export type FieldState = {
  /** The problem at exactly this path, worded with the field's label. */
  error?: string;
  warning?: string;
  conflicted: boolean;
};

export function fieldState(feedback: FieldFeedback, path: string, label: string): FieldState {
  const problem = feedback.problems.find((p) => p.field === path);
  const warning = feedback.warnings.find((p) => p.field === path);
  return {
    error: problem ? problemText(label, problem.message) : undefined,
    warning: warning ? problemText(label, warning.message) : undefined,
    conflicted: feedback.conflicted.has(rootField(path)),
  };
}

/** The feedback for one field path: `field("emails.0.address", "Business email")`. */
export function useFieldFeedback() {
  const feedback = useContext(FieldFeedbackContext);
  return { feedback, field: (path: string, label: string) => fieldState(feedback, path, label) };
}
