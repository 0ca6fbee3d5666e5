import { Card, Group, Text, ThemeIcon } from "@mantine/core";
import type { ReactNode } from "react";

export type DetailCardProps = {
  title: string;
  icon: ReactNode;
  children: ReactNode;
  rightSection?: ReactNode;
  testId?: string;
};

export function DetailCard({ title, icon, children, rightSection, testId }: DetailCardProps) {
  return (
    <Card component="section" aria-label={title} data-testid={testId}>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <ThemeIcon variant="light" size={26} radius="md" aria-hidden>
            {icon}
          </ThemeIcon>
          <Text fw={600} component="h2" size="md" m={0}>
            {title}
          </Text>
        </Group>
        {rightSection}
      </Group>
      {children}
    </Card>
  );
}
