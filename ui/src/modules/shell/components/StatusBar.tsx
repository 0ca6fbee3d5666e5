import { Group, Text, Tooltip } from "@mantine/core";
import { IconDatabase, IconUser } from "@tabler/icons-react";
import { formatCount } from "../../contacts/utils/formatCount";
import { roleLabels } from "../../session/utils/roleLabels";
import { useAppInfo } from "../hooks/useAppInfo";
import { useVisibleContactCount } from "../hooks/useVisibleContactCount";

export function StatusBar() {
  const { data: info } = useAppInfo();
  const count = useVisibleContactCount();
  const user = info?.session?.user ?? null;

  let status: string;
  if (count.data) {
    const { count: n, exact } = count.data;
    status = `${formatCount(n)}${exact ? "" : "+"} ${n === 1 && exact ? "contact" : "contacts"} you can see`;
  } else if (count.isError) status = "Contact count unavailable";
  else status = "Counting contacts…";

  return (
    <Group h="100%" px="md" gap="md" justify="space-between" wrap="nowrap" data-testid="status-bar">
      <Text size="xs" c="dimmed" truncate data-testid="status-count">
        {status}
      </Text>
      {info ? (
        <Group gap={6} wrap="nowrap" miw={0}>
          {user ? (
            <>
              <Group gap={4} wrap="nowrap" miw={0} data-testid="status-user">
                <IconUser size={12} stroke={1.6} color="var(--mantine-color-dimmed)" aria-hidden />
                <Text size="xs" c="dimmed" truncate maw={260}>
                  {user.displayName} ({roleLabels[user.role]})
                </Text>
              </Group>
              <Text size="xs" c="dimmed" aria-hidden>
                ·
              </Text>
            </>
          ) : null}
          <Tooltip label={info.databasePath}>
            <Group gap={4} wrap="nowrap" miw={0}>
              <IconDatabase size={12} stroke={1.6} color="var(--mantine-color-dimmed)" aria-hidden />
              <Text size="xs" c="dimmed" truncate="start" maw={360}>
                {/* Left-to-right marks keep the path's slashes in place inside the start-truncating (rtl) box. */}
                {`\u200E${info.databasePath}\u200E`}
              </Text>
            </Group>
          </Tooltip>
          <Text size="xs" c="dimmed">
            · v{info.version}
          </Text>
        </Group>
      ) : null}
    </Group>
  );
}
