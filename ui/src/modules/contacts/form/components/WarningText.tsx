import { Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import type { ReactNode } from "react";

export type WarningTextProps = { children: ReactNode; testId?: string };

/** A warning (kept, but worth a look) under the field, in the colour of a caution. */
export function WarningText({ children, testId }: WarningTextProps) {
  return (
    <Text
      component="span"
      size="xs"
      data-testid={testId}
      style={{ color: "light-dark(var(--mantine-color-yellow-9), var(--mantine-color-yellow-4))", display: "inline-flex", gap: 4 }}
    >
      <IconAlertTriangle size={13} style={{ flexShrink: 0, marginTop: 1 }} aria-hidden />
      {children}
    </Text>
  );
}

