import { Badge, Divider, Group, Stack, Text } from "@mantine/core";
import { IconAddressBook } from "@tabler/icons-react";
import type { ContactDetail, PhoneNumber } from "../../../ipc/bindings";
import { formatBirthday } from "../utils/formatDateTime";
import { emailKindLabels, phoneKindLabels } from "../utils/labels";
import { ExternalLink } from "../../shell/components/ExternalLink";
import { DetailCard } from "./DetailCard";
import { FieldList } from "./FieldList";

export type ContactInfoCardProps = {
  contact: ContactDetail;
  /** An email or phone link was opened: the page offers to log it. */
  onLinkOpened?: (channel: "email" | "call", target: string) => void;
};

function phoneHref(phone: PhoneNumber): string {
  return phone.telUri.startsWith("tel:") ? phone.telUri : `tel:${phone.e164}`;
}

function PrimaryMark() {
  return (
    <Badge size="xs" variant="light" tt="none" style={{ flexShrink: 0 }}>
      Primary
    </Badge>
  );
}

export function ContactInfoCard({ contact, onLinkOpened }: ContactInfoCardProps) {
  const emails = contact.emails.length ? (
    <Stack gap={4}>
      {contact.emails.map((email) => (
        <Group key={`${email.kind}-${email.address}`} gap={6} wrap="nowrap" miw={0}>
          <ExternalLink
            href={`mailto:${email.address}`}
            onOpened={() => onLinkOpened?.("email", email.address)}
            size="sm" truncate title={email.address} data-testid="contact-email">
            {email.address}
          </ExternalLink>
          <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
            {emailKindLabels[email.kind]}
          </Text>
          {email.isPrimary ? <PrimaryMark /> : null}
        </Group>
      ))}
    </Stack>
  ) : null;

  const phones = contact.phones.length ? (
    <Stack gap={4}>
      {contact.phones.map((phone) => (
        <Group key={`${phone.kind}-${phone.e164}-${phone.extension ?? ""}`} gap={6} wrap="nowrap">
          {/* `display` already ends with the extension. */}
          <ExternalLink
            href={phoneHref(phone)}
            onOpened={() => onLinkOpened?.("call", phone.display)}
            size="sm" data-testid="contact-phone" style={{ whiteSpace: "nowrap" }}>
            {phone.display}
          </ExternalLink>
          <Text size="xs" c="dimmed">
            {phoneKindLabels[phone.kind]}
          </Text>
          {phone.isPrimary ? <PrimaryMark /> : null}
        </Group>
      ))}
    </Stack>
  ) : null;

  const websites = contact.websites.length ? (
    <Stack gap={2}>
      {contact.websites.map((site) => (
        <ExternalLink key={site} href={site} size="sm" truncate title={site}>
          {site}
        </ExternalLink>
      ))}
    </Stack>
  ) : null;

  return (
    <DetailCard title="Contact details" icon={<IconAddressBook size={16} />} testId="card-contact-details">
      <FieldList
        items={[
          { label: "Email", value: emails },
          { label: "Phone", value: phones },
          { label: "Websites", value: websites },
        ]}
      />
      <Divider my="sm" variant="dashed" />
      <FieldList
        items={[
          { label: "Salutation", value: contact.salutation },
          { label: "First name", value: contact.firstName },
          { label: "Middle name", value: contact.middleName },
          { label: "Last name", value: contact.lastName },
          { label: "Suffix", value: contact.suffix },
          { label: "Preferred name", value: contact.preferredName },
          { label: "Department", value: contact.department },
          { label: "Employee ID", value: contact.employeeId },
          { label: "Birthday", value: contact.birthday ? formatBirthday(contact.birthday) : null },
        ]}
      />
    </DetailCard>
  );
}
