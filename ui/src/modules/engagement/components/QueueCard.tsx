import { Badge, Card, Group, Skeleton, Stack, Text, ThemeIcon } from "@mantine/core";
import type { ReactNode } from "react";
import { formatIpcError } from "../../../ipc/formatIpcError";

export type QueueCardProps = {
  title: string;
  icon: ReactNode;
  /** Shown as a badge beside the title once loaded. */
  count?: number;
  color?: string;
  pending: boolean;
  error: unknown;
  /** Said when the queue is empty. */
  empty: string;
  isEmpty: boolean;
  children: ReactNode;
  testId: string;
};

/** One queue on My work, with its loading, error and empty states. */
export function QueueCard({ title, icon, count, color = "blue", pending, error, empty, isEmpty, children, testId }: QueueCardProps) {
  let body;
  if (pending) {
    body = (
      <Stack gap={8} aria-busy="true" aria-label={`Loading ${title.toLowerCase()}`}>
        <Skeleton height={14} width="70%" />
        <Skeleton height={14} width="50%" />
      </Stack>
    );
  } else if (error) {
    body = (
      <Text size="sm" c="red">
        {formatIpcError(error).message}
      </Text>
    );
  } else if (isEmpty) {
    body = (
      <Text size="sm" c="dimmed" data-testid={`${testId}-empty`}>
        {empty}
      </Text>
    );
  } else {
    body = children;
  }
  return (
    <Card component="section" aria-label={title} data-testid={testId}>
      <Group gap="xs" mb="sm" wrap="nowrap">
        <ThemeIcon variant="light" size={26} radius="md" color={color} aria-hidden>
          {icon}
        </ThemeIcon>
        <Text fw={600} component="h2" size="md" m={0} truncate="end">
          {title}
        </Text>
        {count ? (
          <Badge size="sm" variant="light" color={color} circle={count < 10}>
            {count}
          </Badge>
        ) : null}
      </Group>
      {body}
    </Card>
  );
}
