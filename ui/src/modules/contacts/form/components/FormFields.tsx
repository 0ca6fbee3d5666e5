import { Autocomplete, Textarea, TextInput, type AutocompleteProps, type TextareaProps, type TextInputProps } from "@mantine/core";
import { memo, type ReactNode } from "react";
import { useFormValue, type ContactFormApi } from "../hooks/useContactForm";
import { useFieldProps } from "../hooks/useFieldProps";
import type { ContactFormValues } from "../utils/formValues";

/** The form's plain text fields (a string, or null for nothing entered). */
export type TextField = {
  [K in keyof ContactFormValues]: ContactFormValues[K] extends string | null ? K : never;
}[keyof ContactFormValues];

type Common = {
  form: ContactFormApi;
  field: TextField;
  label: string;
  description?: ReactNode;
};

/**
 * One text field bound to the form: it reads only its own value, so typing in it re-renders it
 * alone, and it shows the core's problem or warning for its path.
 */
export const FormTextInput = memo(function FormTextInput({
  form,
  field,
  label,
  description,
  ...rest
}: Common & Omit<TextInputProps, "value" | "onChange" | "label" | "description" | "form">) {
  const value = useFormValue(form, (v) => v[field]);
  const fieldProps = useFieldProps();
  return (
    <TextInput
      autoComplete="off"
      {...rest}
      {...fieldProps(field, label, description)}
      value={value ?? ""}
      onChange={(event) => form.set(field, event.currentTarget.value)}
    />
  );
});

/** A text field with suggestions the user may ignore (salutation, authority level...). */
export const FormAutocomplete = memo(function FormAutocomplete({
  form,
  field,
  label,
  description,
  ...rest
}: Common & Omit<AutocompleteProps, "value" | "onChange" | "label" | "description" | "form">) {
  const value = useFormValue(form, (v) => v[field]);
  const fieldProps = useFieldProps();
  return (
    <Autocomplete
      autoComplete="off"
      {...rest}
      {...fieldProps(field, label, description)}
      value={value ?? ""}
      onChange={(text) => form.set(field, text)}
    />
  );
});

/** A multi-line text field that grows with its text. */
export const FormTextarea = memo(function FormTextarea({
  form,
  field,
  label,
  description,
  ...rest
}: Common & Omit<TextareaProps, "value" | "onChange" | "label" | "description" | "form">) {
  const value = useFormValue(form, (v) => v[field]);
  const fieldProps = useFieldProps();
  return (
    <Textarea
      autosize
      minRows={2}
      maxRows={6}
      {...rest}
      {...fieldProps(field, label, description)}
      value={value ?? ""}
      onChange={(event) => form.set(field, event.currentTarget.value)}
    />
  );
});
