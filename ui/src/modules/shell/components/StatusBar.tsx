import { Group, Text, Tooltip } from "@mantine/core";
import { IconDatabase } from "@tabler/icons-react";
import { formatCount } from "../../contacts/utils/formatCount";
import { useAppInfo } from "../hooks/useAppInfo";

export function StatusBar() {
  const { data: info, isError } = useAppInfo();
  let status: string;
  if (info) status = `${formatCount(info.contactCount)} ${info.contactCount === 1 ? "contact" : "contacts"} in this database`;
  else if (isError) status = "Database status unavailable";
  else status = "Opening database…";

  return (
    <Group h="100%" px="md" gap="md" justify="space-between" wrap="nowrap" data-testid="status-bar">
      <Text size="xs" c="dimmed" truncate>
        {status}
      </Text>
      {info ? (
        <Group gap={6} wrap="nowrap" miw={0}>
          <Tooltip label={info.databasePath}>
            <Group gap={4} wrap="nowrap" miw={0}>
              <IconDatabase size={12} stroke={1.6} color="var(--mantine-color-dimmed)" />
              <Text size="xs" c="dimmed" truncate="start" maw={420}>
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
