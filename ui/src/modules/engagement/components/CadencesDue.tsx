import { Anchor, Divider, Group, Stack, Text } from "@mantine/core";
import { IconRepeat } from "@tabler/icons-react";
import { Fragment } from "react";
import { Link } from "react-router";
import { formatDate } from "../../contacts/utils/formatDateTime";
import { useCadenceQueue } from "../hooks/useCadenceQueue";
import { QueueCard } from "./QueueCard";

/** Contacts whose stay-in-touch time has come; logging an interaction with them clears the entry. */
export function CadencesDue() {
  const queue = useCadenceQueue();
  const items = queue.data ?? [];
  return (
    <QueueCard
      title="Time to get in touch"
      icon={<IconRepeat size={16} />}
      count={items.length}
      color="orange"
      pending={queue.isPending}
      error={queue.error}
      isEmpty={items.length === 0}
      empty="Nobody is waiting to hear from you."
      testId="cadences-due"
    >
      <Stack gap="xs">
        {items.map((cadence, index) => (
          <Fragment key={cadence.contact.id}>
            {index > 0 ? <Divider variant="dashed" /> : null}
            <Group justify="space-between" wrap="nowrap" gap="sm" data-testid="cadence-due-row">
              <Anchor
                component={Link}
                to={`/contacts/${encodeURIComponent(cadence.contact.id)}`}
                size="sm"
                fw={500}
                truncate="end"
                title={cadence.contact.displayName}
              >
                {cadence.contact.displayName}
              </Anchor>
              <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                every {cadence.everyDays} days · due {formatDate(cadence.nextDueAt)}
              </Text>
            </Group>
          </Fragment>
        ))}
      </Stack>
    </QueueCard>
  );
}
