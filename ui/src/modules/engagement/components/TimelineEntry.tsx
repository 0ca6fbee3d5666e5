import { ActionIcon, Anchor, Badge, Group, Menu, Stack, Text, ThemeIcon, Tooltip } from "@mantine/core";
import { IconArrowDownLeft, IconArrowUpRight, IconDots, IconPaperclip, IconPencil, IconTrash } from "@tabler/icons-react";
import type { Interaction } from "../../../ipc/bindings";
import { formatDateTime } from "../../contacts/utils/formatDateTime";
import { ExternalLink } from "../../shell/components/ExternalLink";
import { categoryLabels, channelIcons, channelLabels, directionLabels } from "../utils/labels";

export type TimelineEntryProps = {
  interaction: Interaction;
  /** The contact whose timeline this is: not repeated among the other participants (null: an account's). */
  contactId: string | null;
  onEdit(interaction: Interaction): void;
  onDelete(interaction: Interaction): void;
};

function isLink(reference: string): boolean {
  return /^(https?|file):/i.test(reference);
}

function Labelled({ label, text, testId }: { label: string; text: string | null; testId: string }) {
  if (!text) return null;
  return (
    <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }} data-testid={testId}>
      <Text span size="sm" c="dimmed">
        {label}:{" "}
      </Text>
      {text}
    </Text>
  );
}

/** One interaction: channel, direction, when (in the user's zone), what came of it and who logged it. */
export function TimelineEntry({ interaction, contactId, onEdit, onDelete }: TimelineEntryProps) {
  const ChannelIcon = channelIcons[interaction.channel];
  const others = interaction.contacts.filter((c) => c.id !== contactId);
  const inbound = interaction.direction === "inbound";
  const meta = [
    formatDateTime(interaction.occurredAt),
    interaction.durationMinutes ? `${interaction.durationMinutes} min` : null,
    interaction.loggedBy ? `logged by ${interaction.loggedBy.displayName}` : null,
  ].filter(Boolean);
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" data-testid="timeline-entry" data-channel={interaction.channel}>
      <Tooltip label={`${channelLabels[interaction.channel]}, ${directionLabels[interaction.direction].toLowerCase()}`}>
        <ThemeIcon variant="light" radius="xl" size={32} color={inbound ? "teal" : "blue"} aria-hidden>
          <ChannelIcon size={16} stroke={1.7} />
        </ThemeIcon>
      </Tooltip>
      <Stack gap={2} miw={0} flex={1}>
        <Group gap={6} wrap="nowrap" miw={0}>
          <Text fw={600} size="sm" truncate="end" title={interaction.subject} data-testid="timeline-subject">
            {interaction.subject}
          </Text>
          <Badge
            size="xs"
            variant="light"
            color={inbound ? "teal" : "blue"}
            tt="none"
            leftSection={inbound ? <IconArrowDownLeft size={10} /> : <IconArrowUpRight size={10} />}
            style={{ flexShrink: 0 }}
          >
            {channelLabels[interaction.channel]} · {directionLabels[interaction.direction]}
          </Badge>
          <Badge size="xs" variant="default" tt="none" fw={500} style={{ flexShrink: 0 }}>
            {categoryLabels[interaction.category]}
          </Badge>
          {interaction.noAnswer ? (
            <Badge size="xs" variant="light" color="orange" tt="none" style={{ flexShrink: 0 }} data-testid="timeline-no-answer">
              No answer
            </Badge>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed" truncate="end" data-testid="timeline-meta">
          {meta.join(" · ")}
        </Text>
        <Labelled label="Outcome" text={interaction.outcome} testId="timeline-outcome" />
        <Labelled label="Next steps" text={interaction.nextSteps} testId="timeline-next-steps" />
        {others.length > 0 ? (
          <Text size="xs" c="dimmed" lineClamp={2}>
            With {others.map((c) => c.displayName).join(", ")}
          </Text>
        ) : null}
        {interaction.attachments.length > 0 ? (
          <Stack gap={0}>
            {interaction.attachments.map((reference) => (
              <Group key={reference} gap={4} wrap="nowrap" miw={0}>
                <IconPaperclip size={12} style={{ flexShrink: 0 }} aria-hidden />
                {isLink(reference) ? (
                  <ExternalLink href={reference} size="xs" truncate="end" title={reference}>
                    {reference}
                  </ExternalLink>
                ) : (
                  <Anchor component="span" size="xs" c="dimmed" truncate="end" title={reference}>
                    {reference}
                  </Anchor>
                )}
              </Group>
            ))}
          </Stack>
        ) : null}
      </Stack>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label="Interaction actions" data-testid="timeline-entry-menu">
            <IconDots size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => onEdit(interaction)} data-testid="timeline-edit">
            Edit…
          </Menu.Item>
          <Menu.Item
            color="red"
            leftSection={<IconTrash size={14} />}
            onClick={() => onDelete(interaction)}
            data-testid="timeline-delete"
          >
            Delete…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
