import { useCallback, useState } from "react";
import { formErrors, NO_ERRORS, type FormErrors } from "../utils/fieldErrors";

/** A form's error state: set from a failed save or local checks, cleared field by field as the user edits. */
export function useFormErrors<F extends string>(labels: Record<F, string>) {
  const [errors, setErrors] = useState<FormErrors<F>>(NO_ERRORS);
  const clear = useCallback((field: F) => {
    setErrors((current) =>
      current.fields[field] === undefined && current.general === null
        ? current
        : { fields: { ...current.fields, [field]: undefined }, general: null },
    );
  }, []);
  const fromError = useCallback((error: unknown) => setErrors(formErrors(error, labels)), [labels]);
  /** Sets local problems; returns true when there were none. */
  const check = useCallback((fields: Partial<Record<F, string>>) => {
    const found = Object.values(fields).some(Boolean);
    setErrors(found ? { fields, general: null } : NO_ERRORS);
    return !found;
  }, []);
  return { errors, clear, fromError, check };
}
