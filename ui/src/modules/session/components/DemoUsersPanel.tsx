import { Badge, Code, Group, Paper, Stack, Text, Title, UnstyledButton } from "@mantine/core";
import { IconFlask } from "@tabler/icons-react";
import type { DemoUser } from "../../../ipc/bindings";
import { roleLabels } from "../utils/roleLabels";
import classes from "./ChoiceCard.module.css";

export type DemoUsersPanelProps = {
  users: DemoUser[];
  onPick: (user: DemoUser) => void;
};

/** Demo databases only: one user per role, their passwords public on purpose. */
export function DemoUsersPanel({ users, onPick }: DemoUsersPanelProps) {
  return (
    <Paper withBorder shadow="sm" radius="lg" p="lg" w={360} maw="100%" component="aside" aria-labelledby="demo-users-title" data-testid="demo-users">
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <IconFlask size={18} color="var(--mantine-color-yellow-6)" aria-hidden />
          <Title order={2} size="h5" id="demo-users-title">
            Demo users
          </Title>
        </Group>
        <Text size="xs" c="dimmed">
          This is the demo database. Pick a person to fill in the form: each sees the contacts their role allows.
        </Text>
        {users.map((user) => (
          <UnstyledButton
            key={user.username}
            className={classes.choice}
            onClick={() => onPick(user)}
            aria-label={`Sign in as ${user.displayName}, ${roleLabels[user.role]}`}
            data-testid={`demo-user-${user.username}`}
            style={{ padding: "var(--mantine-spacing-sm)" }}
          >
            <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text fw={600} size="sm" truncate="end">
                  {user.displayName}
                </Text>
                <Badge size="sm" variant="light" tt="none" style={{ flexShrink: 0 }}>
                  {roleLabels[user.role]}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed" lineClamp={2}>
                Scope: {user.scope}
              </Text>
              <Group gap={6} wrap="wrap">
                <Code>{user.username}</Code>
                <Code>{user.password}</Code>
              </Group>
            </Stack>
          </UnstyledButton>
        ))}
      </Stack>
    </Paper>
  );
}
