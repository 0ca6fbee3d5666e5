import { Loader, Stack, Text, ThemeIcon, UnstyledButton } from "@mantine/core";
import type { ReactNode } from "react";
import classes from "./ChoiceCard.module.css";

export type ChoiceCardProps = {
  icon: ReactNode;
  title: string;
  children: ReactNode;
  onClick: () => void;
  disabled?: boolean;
  /** This choice is under way: its icon turns into a spinner. */
  loading?: boolean;
  color?: string;
  testId?: string;
};

/** One big, keyboard-reachable option of a choice between a few ways on. */
export function ChoiceCard({ icon, title, children, onClick, disabled = false, loading = false, color, testId }: ChoiceCardProps) {
  return (
    <UnstyledButton
      className={classes.choice}
      onClick={onClick}
      disabled={disabled || loading}
      data-loading={loading || undefined}
      aria-busy={loading || undefined}
      data-testid={testId}
    >
      <ThemeIcon size={40} radius="md" variant="light" color={color} aria-hidden>
        {loading ? <Loader size={18} color={color} /> : icon}
      </ThemeIcon>
      <Stack gap={2} style={{ flex: 1 }}>
        <Text fw={600}>{title}</Text>
        <Text size="sm" c="dimmed">
          {children}
        </Text>
      </Stack>
    </UnstyledButton>
  );
}
