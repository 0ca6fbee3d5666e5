import { Checkbox, Grid, Input, SegmentedControl, Select, Stack, Table, Text } from "@mantine/core";
import { memo, useMemo } from "react";
import type { ContactChannel } from "../../../../ipc/bindings";
import { channelLabels } from "../../utils/labels";
import { useFormValue, type ContactFormApi } from "../hooks/useContactForm";
import { useFieldFeedback } from "../hooks/useFieldFeedback";
import { useFieldProps } from "../hooks/useFieldProps";
import { preferenceOf, reachableChannels } from "../utils/channels";
import { CHANNEL_ORDER } from "../utils/compare";
import { timeZoneOptions } from "../../../shell/utils/timeZone";
import { languageOptions, PREFERRED_TIMES } from "../utils/options";
import { FormAutocomplete, FormTextarea } from "./FormFields";
import { FormGroup } from "./FormGroup";

export type PreferencesSectionProps = { form: ContactFormApi };

const NO_PREFERENCE = "none";

const needs: Record<ContactChannel, string> = {
  email: "No email address entered yet",
  phone: "No phone number entered yet",
  sms: "No mobile number entered yet",
  post: "No postal address entered yet",
};

function channelsOffered(smsEnabled: boolean): ContactChannel[] {
  return CHANNEL_ORDER.filter((c) => c !== "sms" || smsEnabled);
}

/** Preferred method and times, time zone, language, notification and consent per channel, instructions. */
export const PreferencesSection = memo(function PreferencesSection({ form }: PreferencesSectionProps) {
  return (
    <Stack gap="lg">
      <FormGroup legend="How and when" testId="group-how">
        <HowAndWhen form={form} />
      </FormGroup>
      <FormGroup
        legend="Notifications and consent"
        hint="Entering an email, phone, mobile or address ticks its notifications; untick them if the person does not want them. Consent is only ticked by you."
        testId="group-channels"
      >
        <ChannelTable form={form} />
      </FormGroup>
      <FormGroup legend="Instructions and notes" testId="group-notes">
        <Notes form={form} />
      </FormGroup>
    </Stack>
  );
});

function HowAndWhen({ form }: PreferencesSectionProps) {
  const { set, smsEnabled } = form;
  const preferredMethod = useFormValue(form, (v) => v.preferredMethod);
  const timeZone = useFormValue(form, (v) => v.timeZone);
  const language = useFormValue(form, (v) => v.language);
  const fieldProps = useFieldProps();
  const { field } = useFieldFeedback();
  const zones = useMemo(() => timeZoneOptions(timeZone), [timeZone]);
  const languages = useMemo(() => languageOptions(language), [language]);
  const method = field("preferredMethod", "Preferred method");
  const methodData = [
    { value: NO_PREFERENCE, label: "No preference" },
    ...channelsOffered(smsEnabled).map((c) => ({ value: c, label: channelLabels[c] })),
  ];
  return (
    <Grid gutter="sm">
      <Grid.Col span={12}>
        <Input.Wrapper label="Preferred method" error={method.error}>
          <div>
            <SegmentedControl
              data={methodData}
              value={preferredMethod ?? NO_PREFERENCE}
              onChange={(value) => set("preferredMethod", value === NO_PREFERENCE ? null : (value as ContactChannel))}
              aria-label="Preferred method"
              data-testid="field-preferredMethod"
            />
          </div>
        </Input.Wrapper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <FormAutocomplete
          form={form}
          field="preferredTimes"
          label="Preferred times"
          data={PREFERRED_TIMES}
          placeholder="e.g. Mornings, not on Fridays"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <Select
          {...fieldProps("timeZone", "Time zone")}
          data={zones}
          value={timeZone}
          onChange={(value) => set("timeZone", value)}
          searchable
          clearable
          limit={50}
          placeholder="Type a city, e.g. London"
          nothingFoundMessage="No time zone by that name"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <Select
          {...fieldProps("language", "Language")}
          data={languages}
          value={language}
          onChange={(value) => set("language", value)}
          searchable
          clearable
          placeholder="Type a language"
          nothingFoundMessage="No language by that name"
        />
      </Grid.Col>
    </Grid>
  );
}

function ChannelTable({ form }: PreferencesSectionProps) {
  const { setChannel, smsEnabled } = form;
  const emails = useFormValue(form, (v) => v.emails);
  const phones = useFormValue(form, (v) => v.phones);
  const addresses = useFormValue(form, (v) => v.addresses);
  const channelPreferences = useFormValue(form, (v) => v.channelPreferences);
  const { feedback } = useFieldFeedback();
  const reachable = reachableChannels({ emails, phones, addresses }, smsEnabled);

  // The core names a preference's problem by its place in the list.
  const channelProblem = (channel: ContactChannel) => {
    const index = channelPreferences.findIndex((p) => p.channel === channel);
    return index < 0 ? undefined : feedback.problems.find((p) => p.field === `channelPreferences.${index}`);
  };

  return (
    <Table verticalSpacing={6} withRowBorders={false} maw={720} data-testid="channel-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Channel</Table.Th>
          <Table.Th>Send notifications</Table.Th>
          <Table.Th>Consent recorded</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {channelsOffered(smsEnabled).map((channel) => {
          const pref = preferenceOf({ channelPreferences }, channel);
          const problem = channelProblem(channel);
          return (
            <Table.Tr key={channel} data-testid={`channel-${channel}`}>
              <Table.Td fw={500}>{channelLabels[channel]}</Table.Td>
              <Table.Td>
                <Checkbox
                  checked={pref.notify}
                  onChange={(event) => setChannel(channel, { notify: event.currentTarget.checked })}
                  aria-label={`${channelLabels[channel]} notifications`}
                  data-testid={`channel-${channel}-notify`}
                />
              </Table.Td>
              <Table.Td>
                <Checkbox
                  checked={pref.consent}
                  onChange={(event) => setChannel(channel, { consent: event.currentTarget.checked })}
                  aria-label={`${channelLabels[channel]} consent`}
                  data-testid={`channel-${channel}-consent`}
                />
              </Table.Td>
              <Table.Td>
                {problem ? (
                  <Text size="xs" c="red" role="alert">
                    {problem.message.charAt(0).toUpperCase() + problem.message.slice(1)}
                  </Text>
                ) : reachable.has(channel) ? null : (
                  <Text size="xs" c="dimmed">
                    {needs[channel]}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function Notes({ form }: PreferencesSectionProps) {
  return (
    <Stack gap="sm">
      <FormTextarea
        form={form}
        field="specialInstructions"
        label="Special instructions"
        description="E.g. call reception first, never before 9:00."
      />
      <FormTextarea form={form} field="notes" label="Notes" maxRows={8} />
    </Stack>
  );
}
