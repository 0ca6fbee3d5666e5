//! A save refused because someone else saved first: which fields they changed since the form was
//! loaded, which the user changed, and the form that puts the user's changes on top of theirs.
import { changedFields } from "./compare";
import type { ContactFormValues, FormField } from "./formValues";

export type Conflict = {
  /** Fields the other save changed (base → latest). */
  theirs: FormField[];
  /** Fields the user changed (base → form). */
  mine: FormField[];
  /** Changed on both sides to different values: the user chooses. */
  both: FormField[];
};

/**
 * `base` is the contact as the form loaded it, `latest` as it is stored now, `mine` the form.
 * A field both sides changed to the same value is no conflict.
 */
export function findConflict(base: ContactFormValues, latest: ContactFormValues, mine: ContactFormValues): Conflict {
  const theirs = changedFields(base, latest);
  const own = changedFields(base, mine);
  const differ = new Set(changedFields(latest, mine));
  const both = own.filter((field) => theirs.includes(field) && differ.has(field));
  return { theirs, mine: own, both };
}

/**
 * The latest stored contact with the user's changed fields put back on top; for a field both
 * changed, `keepTheirs` lists the ones where the user chose the other person's value.
 */
export function reapply(
  latest: ContactFormValues,
  mine: ContactFormValues,
  myFields: FormField[],
  keepTheirs: ReadonlySet<FormField> = new Set(),
): ContactFormValues {
  const next: Record<string, unknown> = { ...latest };
  for (const field of myFields) {
    if (!keepTheirs.has(field)) next[field] = mine[field];
  }
  return next as ContactFormValues;
}
