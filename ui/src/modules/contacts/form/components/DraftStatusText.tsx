import { Group, Loader, Text } from "@mantine/core";
import { IconCloudCheck, IconCloudX } from "@tabler/icons-react";
import { userLocale } from "../../../shell/utils/userLocale";
import type { DraftStatus } from "../hooks/useDraftAutosave";

const time = new Intl.DateTimeFormat(userLocale, { timeStyle: "short" });

export type DraftStatusTextProps = { status: DraftStatus };

/** Whether what was typed is safe in the database, so an accidental close loses nothing. */
export function DraftStatusText({ status }: DraftStatusTextProps) {
  if (status.state === "idle") return null;
  return (
    <Group
      gap={4}
      c="dimmed"
      wrap="nowrap"
      data-testid="draft-status"
      data-state={status.state}
      data-saved-at={status.state === "saved" ? status.at.getTime() : undefined}
    >
      {status.state === "saving" ? <Loader size={12} /> : null}
      {status.state === "saved" ? <IconCloudCheck size={14} aria-hidden /> : null}
      {status.state === "failed" ? <IconCloudX size={14} color="var(--mantine-color-red-6)" aria-hidden /> : null}
      <Text size="xs" c={status.state === "failed" ? "red" : "dimmed"}>
        {status.state === "saving" && "Saving draft…"}
        {status.state === "saved" && `Draft saved ${time.format(status.at)}`}
        {status.state === "failed" && "The draft could not be saved; it is tried again as you type."}
      </Text>
    </Group>
  );
}
