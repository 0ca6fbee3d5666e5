import { Group, Table, Text } from "@mantine/core";
import { IconCheck, IconMessageCircle, IconX } from "@tabler/icons-react";
import type { ContactChannel, ContactDetail } from "../../../ipc/bindings";
import { offsetLabel, zoneLabel } from "../../shell/utils/timeZone";
import { userLocale } from "../../shell/utils/userLocale";
import { formatLanguage } from "../utils/formatLanguage";
import { channelLabels } from "../utils/labels";
import { DetailCard } from "./DetailCard";
import { FieldList } from "./FieldList";

export type PreferencesCardProps = {
  contact: ContactDetail;
};

const CHANNEL_ORDER: ContactChannel[] = ["email", "phone", "sms", "post"];

type YesNoProps = { value: boolean };

function YesNo({ value }: YesNoProps) {
  return (
    <Group gap={4} wrap="nowrap">
      {value ? (
        <IconCheck size={14} color="var(--mantine-color-green-filled)" aria-hidden />
      ) : (
        <IconX size={14} color="var(--mantine-color-dimmed)" aria-hidden />
      )}
      <Text size="sm" c={value ? undefined : "dimmed"}>
        {value ? "Yes" : "No"}
      </Text>
    </Group>
  );
}

/** "Europe / Berlin · 15:04 there now (UTC+01:00)", so a call is placed at a sensible hour. */
function theirTime(zone: string): string {
  try {
    const now = new Date();
    const time = new Intl.DateTimeFormat(userLocale, { timeStyle: "short", timeZone: zone }).format(now);
    return `${zoneLabel(zone)} · ${time} there now (${offsetLabel(zone, now)})`;
  } catch {
    // A zone this platform does not know: shown as stored.
    return zone;
  }
}

export function PreferencesCard({ contact }: PreferencesCardProps) {
  const channels = [...contact.channelPreferences].sort(
    (a, b) => CHANNEL_ORDER.indexOf(a.channel) - CHANNEL_ORDER.indexOf(b.channel),
  );
  return (
    <DetailCard title="Preferences" icon={<IconMessageCircle size={16} />} testId="card-preferences">
      <FieldList
        items={[
          { label: "Preferred method", value: contact.preferredMethod ? channelLabels[contact.preferredMethod] : null },
          { label: "Preferred times", value: contact.preferredTimes },
          { label: "Time zone", value: contact.timeZone ? theirTime(contact.timeZone) : null },
          { label: "Language", value: contact.language ? formatLanguage(contact.language) : null },
        ]}
      />
      {channels.length === 0 ? (
        <Text size="sm" c="dimmed" mt="sm">
          No notification or consent choices recorded.
        </Text>
      ) : (
        <Table mt="sm" fz="sm" verticalSpacing={4} withTableBorder={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Channel</Table.Th>
              <Table.Th>Notifications</Table.Th>
              <Table.Th>Consent</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {channels.map((preference) => (
              <Table.Tr key={preference.channel}>
                <Table.Td>{channelLabels[preference.channel]}</Table.Td>
                <Table.Td>
                  <YesNo value={preference.notify} />
                </Table.Td>
                <Table.Td>
                  <YesNo value={preference.consent} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </DetailCard>
  );
}
