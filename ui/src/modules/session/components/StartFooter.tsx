import { Group, Text, Tooltip } from "@mantine/core";
import { IconDatabase } from "@tabler/icons-react";
import type { AppInfo } from "../../../ipc/bindings";

export type StartFooterProps = {
  info: Pick<AppInfo, "version" | "databasePath">;
};

export function StartFooter({ info }: StartFooterProps) {
  return (
    <Group gap={6} wrap="nowrap" justify="center" miw={0}>
      <Text size="xs" c="dimmed">
        Rapport {info.version}
      </Text>
      <Text size="xs" c="dimmed" aria-hidden>
        ·
      </Text>
      <Tooltip label={info.databasePath}>
        <Group gap={4} wrap="nowrap" miw={0}>
          <IconDatabase size={12} stroke={1.6} color="var(--mantine-color-dimmed)" aria-hidden />
          <Text size="xs" c="dimmed" truncate="start" maw={420} data-testid="start-database-path">
            {`\u200E${info.databasePath}\u200E`}
          </Text>
        </Group>
      </Tooltip>
    </Group>
  );
}
