import type { FieldProblem } from "../../../ipc/bindings";
import { isIpcError } from "../../../ipc/client";
import { formatIpcError } from "../../../ipc/formatIpcError";

export type FormErrors<F extends string> = {
  /** Messages for the fields this form shows, keyed by the core's field name. */
  fields: Partial<Record<F, string>>;
  /** What cannot be shown next to a field: a general failure, or a problem with a field not on the form. */
  general: string | null;
};

export const NO_ERRORS: FormErrors<never> = { fields: {}, general: null };

/**
 * The core names fields in camelCase and words its messages to follow the field's name
 * ("must be at least 10 characters long", "is required"); others are sentences of their own
 * ("choose a region", "jdoe is already taken").
 */
export function fieldMessage(label: string, message: string): string {
  const text = message.trim();
  if (/^(must|is|are|cannot|can't|should)\b/i.test(text)) return `${label} ${text}`;
  // Anything else may start with what the user typed ("jdoe is already taken"): keep its case.
  if (/^(a|an|the|this|that|choose|enter|no|at|only|it|there|region|territory|account|site|user|relationships)\s/.test(text) && !/^(?!there\s)\S+ is already/.test(text)) {
    return text.charAt(0).toUpperCase() + text.slice(1);
  }
  return text;
}

/** "territoryIds" → "Territory ids", for problems with a field the form does not show. */
export function humaniseField(field: string): string {
  const words = field.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Sorts an error's field problems onto the fields of a form; `labels` names the form's fields
 * (core field name → label as shown).
 */
export function formErrors<F extends string>(error: unknown, labels: Record<F, string>): FormErrors<F> {
  if (!isIpcError(error)) return { fields: {}, general: formatIpcError(error).message };
  const fields: Partial<Record<F, string>> = {};
  const elsewhere: FieldProblem[] = [];
  for (const problem of error.fields) {
    if (Object.prototype.hasOwnProperty.call(labels, problem.field)) {
      const field = problem.field as F;
      fields[field] ??= fieldMessage(labels[field], problem.message);
    } else {
      elsewhere.push(problem);
    }
  }
  const placed = Object.keys(fields).length > 0;
  let general: string | null = null;
  if (elsewhere.length > 0) general = elsewhere.map((p) => fieldMessage(humaniseField(p.field), p.message)).join(" ");
  else if (!placed) general = formatIpcError(error).message;
  return { fields, general };
}
