import { Card, Group, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconUserX } from "@tabler/icons-react";
import type { ContactDetail } from "../../../ipc/bindings";
import { formatDate, formatDateTime } from "../utils/formatDateTime";

export type ErasedContactViewProps = {
  contact: Pick<ContactDetail, "reference" | "updatedAt">;
};

/**
 * The tombstone of an erased person: nothing about them is left to show but the reference and
 * when they were erased (an erased record never changes again, so its last update is the erasure).
 */
export function ErasedContactView({ contact }: ErasedContactViewProps) {
  return (
    <Card data-testid="contact-erased" p="xl">
      <Group gap="lg" wrap="nowrap" align="flex-start">
        <ThemeIcon size={64} radius="xl" variant="light" color="gray" aria-hidden>
          <IconUserX size={32} stroke={1.5} />
        </ThemeIcon>
        <Stack gap={6} miw={0}>
          <Group gap="sm" align="baseline" wrap="wrap">
            <Title order={1} size="h2" data-testid="contact-name">
              Erased person
            </Title>
            <Text c="dimmed" ff="monospace" size="sm" data-testid="contact-reference">
              {contact.reference}
            </Text>
          </Group>
          <Text size="sm" data-testid="contact-erased-on">
            Personal data erased on{" "}
            <span title={formatDateTime(contact.updatedAt)}>{formatDate(contact.updatedAt)}</span>.
          </Text>
          <Text size="sm" c="dimmed" maw={560}>
            Nothing that identifies the person is kept. This anonymous record remains so that the audit trail still
            verifies.
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}
