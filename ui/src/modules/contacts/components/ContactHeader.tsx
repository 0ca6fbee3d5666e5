import { Avatar, Badge, Box, Card, Group, Stack, Text, Title, Tooltip } from "@mantine/core";
import type { ReactNode } from "react";
import type { ContactDetail } from "../../../ipc/bindings";
import { lifecycleStageColors, priorityColors } from "../utils/badgeColors";
import { contactCompanies } from "../utils/contactCompanies";
import { lifecycleStageLabels, priorityLabels } from "../utils/labels";
import { ContactStatusBadge } from "./ContactStatusBadge";
import { ContactTypeBadge } from "./ContactTypeBadge";

export type ContactHeaderProps = {
  contact: ContactDetail;
  /** Edit and the actions menu, at the top right. */
  actions?: ReactNode;
};

function initials(contact: ContactDetail): string {
  const first = (contact.preferredName || contact.firstName).trim().charAt(0);
  const last = contact.lastName.trim().charAt(0);
  return `${first}${last}`.toUpperCase() || "?";
}

export function ContactHeader({ contact, actions }: ContactHeaderProps) {
  const companies = contactCompanies(contact.sites);
  const role = [contact.jobTitle, contact.department].filter(Boolean).join(", ");
  const status = <ContactStatusBadge status={contact.status} size="md" />;
  return (
    <Card>
      <Group gap="lg" wrap="nowrap" align="flex-start">
        <Avatar size={64} radius="xl" color="initials" name={contact.displayName} aria-hidden>
          {initials(contact)}
        </Avatar>
        <Stack gap={6} miw={0} flex={1}>
          <Group gap="sm" align="baseline" wrap="wrap" miw={0}>
            <Title order={1} size="h2" data-testid="contact-name" style={{ overflowWrap: "anywhere" }}>
              {contact.displayName}
            </Title>
            <Text c="dimmed" ff="monospace" size="sm" data-testid="contact-reference">
              {contact.reference}
            </Text>
          </Group>
          {contact.preferredName ? (
            <Text size="sm" c="dimmed">
              Prefers to be called {contact.preferredName}
            </Text>
          ) : null}
          <Text size="sm" style={{ overflowWrap: "anywhere" }} data-testid="contact-role">
            {role || <Text span c="dimmed">No job title recorded</Text>}
            {companies.length > 0 ? (
              <>
                <Text span c="dimmed">
                  {" "}
                  at{" "}
                </Text>
                <Text span fw={500}>
                  {companies.join(", ")}
                </Text>
              </>
            ) : null}
          </Text>
          <Group gap={6} mt={4} wrap="wrap">
            <ContactTypeBadge type={contact.contactType} otherLabel={contact.contactTypeOther} size="md" />
            {contact.statusReason ? <Tooltip label={contact.statusReason}>{status}</Tooltip> : status}
            <Badge variant="light" color={priorityColors[contact.priority]} size="md" tt="none" fw={500}>
              {priorityLabels[contact.priority]}
            </Badge>
            <Badge variant="outline" color={lifecycleStageColors[contact.lifecycleStage]} size="md" tt="none" fw={500}>
              {lifecycleStageLabels[contact.lifecycleStage]}
            </Badge>
          </Group>
        </Stack>
        {actions ? <Box style={{ flexShrink: 0 }}>{actions}</Box> : null}
      </Group>
    </Card>
  );
}
