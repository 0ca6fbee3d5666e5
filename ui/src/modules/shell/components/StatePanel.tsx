import { Center, Group, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import type { ReactNode } from "react";

export type StatePanelProps = {
  icon: ReactNode;
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
  color?: string;
  testId?: string;
};

/** A calm, centred message for empty, error and "not built yet" states. */
export function StatePanel({ icon, title, children, actions, color = "gray", testId }: StatePanelProps) {
  return (
    <Center py={48} px="md" data-testid={testId}>
      <Stack align="center" gap="sm" maw={520} ta="center">
        <ThemeIcon size={48} radius="xl" variant="light" color={color} aria-hidden>
          {icon}
        </ThemeIcon>
        <Title order={3} fw={600}>
          {title}
        </Title>
        {children ? (
          <Text c="dimmed" size="sm" component="div">
            {children}
          </Text>
        ) : null}
        {actions ? <Group mt="xs">{actions}</Group> : null}
      </Stack>
    </Center>
  );
}
