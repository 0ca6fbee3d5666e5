import type { MantineSpacing, StyleProp } from "@mantine/core";
import type { ReactNode } from "react";
import classes from "../components/ContactForm.module.css";
import { WarningText } from "../components/WarningText";
import { useFieldFeedback, type FieldState } from "./useFieldFeedback";

type InputWrapperPart = "label" | "input" | "description" | "error";

export type FieldProps = {
  label: ReactNode;
  error?: ReactNode;
  description?: ReactNode;
  inputWrapperOrder?: InputWrapperPart[];
  classNames?: { input: string };
  "data-testid": string;
  "data-conflicted"?: boolean;
  mb?: StyleProp<MantineSpacing>;
};

export function feedbackProps(state: FieldState, path: string, label: ReactNode, description?: ReactNode): FieldProps {
  const warning = state.warning && !state.error;
  return {
    label,
    error: state.error,
    description: warning ? <WarningText testId={`warning-${path}`}>{state.warning}</WarningText> : description,
    inputWrapperOrder: warning ? ["label", "input", "description", "error"] : undefined,
    classNames: state.conflicted ? { input: classes.conflicted } : undefined,
    "data-testid": `field-${path}`,
    "data-conflicted": state.conflicted || undefined,
  };
}

/**
 * Props for a Mantine input at a core field path: its label, the core's problem worded with the
 * label, a warning under it, and the highlight of a field changed on both sides of a conflict.
 */
export function useFieldProps() {
  const { field } = useFieldFeedback();
  return (path: string, label: string, description?: ReactNode) => feedbackProps(field(path, label), path, label, description);
}
