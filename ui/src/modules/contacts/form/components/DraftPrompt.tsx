import { Button, Card, Group, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconFileText } from "@tabler/icons-react";
import type { ContactDraft } from "../../../../ipc/bindings";
import { formatDateTime } from "../../utils/formatDateTime";
import { stepTitles, WIZARD_STEPS } from "../utils/steps";

export type DraftPromptProps = {
  draft: ContactDraft;
  name: string;
  discarding: boolean;
  onResume: () => void;
  onStartOver: () => void;
};

/** A new contact left unfinished (the window closed, the app quit): pick it up or start again. */
export function DraftPrompt({ draft, name, discarding, onResume, onStartOver }: DraftPromptProps) {
  const when = draft.updatedAt ? formatDateTime(draft.updatedAt) : null;
  const step = WIZARD_STEPS[Math.min(draft.step, WIZARD_STEPS.length - 1)];
  return (
    <Card padding="xl" maw={560} mx="auto" w="100%" data-testid="draft-prompt">
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon size={40} radius="md" variant="light" aria-hidden>
            <IconFileText size={22} />
          </ThemeIcon>
          <Title order={2} size="h4">
            You have an unfinished new contact
          </Title>
        </Group>
        <Text size="sm">
          {name ? <strong>{name}</strong> : "A contact without a name yet"}, saved
          {when ? ` ${when}` : ""} at the step “{stepTitles[step]}”.
        </Text>
        <Text size="sm" c="dimmed">
          Starting over deletes the draft.
        </Text>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onStartOver} loading={discarding} data-testid="draft-start-over">
            Start over
          </Button>
          <Button onClick={onResume} disabled={discarding} data-autofocus data-testid="draft-resume">
            Resume draft{when ? ` from ${when}` : ""}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
