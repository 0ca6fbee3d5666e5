import { Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

export type SectionHeaderProps = {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
};

export function SectionHeader({ title, description, actions }: SectionHeaderProps) {
  return (
    <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
      <Stack gap={2} miw={0} flex="1 1 320px">
        <Title order={3}>{title}</Title>
        {description ? (
          <Text size="sm" c="dimmed" component="div">
            {description}
          </Text>
        ) : null}
      </Stack>
      {actions ? (
        <Group gap="xs" wrap="nowrap">
          {actions}
        </Group>
      ) : null}
    </Group>
  );
}
