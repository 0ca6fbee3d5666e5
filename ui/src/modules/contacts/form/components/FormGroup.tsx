import { Fieldset, Text } from "@mantine/core";
import type { ReactNode } from "react";

export type FormGroupProps = {
  legend: string;
  hint?: ReactNode;
  children: ReactNode;
  testId?: string;
};

/** A titled group of fields inside a step or section ("Name", "How to reach them"). */
export function FormGroup({ legend, hint, children, testId }: FormGroupProps) {
  return (
    <Fieldset
      variant="unstyled"
      legend={
        <Text fw={600} size="sm" tt="uppercase" c="dimmed" style={{ letterSpacing: "0.04em" }}>
          {legend}
        </Text>
      }
      data-testid={testId}
    >
      {hint ? (
        <Text size="sm" c="dimmed" mb="xs">
          {hint}
        </Text>
      ) : null}
      {children}
    </Fieldset>
  );
}
