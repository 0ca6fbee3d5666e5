import { isIpcError } from "../../../ipc/client";
import { formatIpcError } from "../../../ipc/formatIpcError";

export type FormErrors<F extends string> = {
  /** Messages for the form's own fields, keyed by field. */
  fields: Partial<Record<F, string>>;
  /** What belongs to no field of this form (shown above the buttons), or null. */
  general: string | null;
};

function sentence(message: string): string {
  const trimmed = message.trim();
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

/** Splits a command's error over a form: the fields it names, or one general message. */
export function formErrors<F extends string>(error: unknown, formFields: readonly F[]): FormErrors<F> {
  const result: FormErrors<F> = { fields: {}, general: null };
  if (!error) return result;
  if (isIpcError(error)) {
    for (const problem of error.fields) {
      const field = (formFields as readonly string[]).find((f) => f === problem.field);
      if (field && !result.fields[field as F]) result.fields[field as F] = sentence(problem.message);
    }
    if (Object.keys(result.fields).length > 0) return result;
  }
  result.general = formatIpcError(error).message;
  return result;
}
