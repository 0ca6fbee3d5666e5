import { useState } from "react";
import { formErrors, type FormErrors } from "../utils/fieldErrors";

const NONE = { fields: {}, general: null };

/** Errors of one form: set from a check or a command's error, cleared field by field as the user edits. */
export function useFormErrors<F extends string>(formFields: readonly F[]) {
  const [errors, setErrors] = useState<FormErrors<F>>(NONE);
  return {
    errors,
    fromError: (error: unknown) => setErrors(formErrors(error, formFields)),
    setFieldErrors: (fields: Partial<Record<F, string>>) => setErrors({ fields, general: null }),
    clearField: (field: F) =>
      setErrors((current) =>
        current.fields[field] || current.general ? { fields: { ...current.fields, [field]: undefined }, general: null } : current,
      ),
    clearAll: () => setErrors(NONE),
  };
}
