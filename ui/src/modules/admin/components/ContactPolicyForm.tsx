import { Card, NumberInput, Stack, Switch, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState, type FormEvent } from "react";
import type { LifecyclePolicy } from "../../../ipc/bindings";
import { useFormErrors } from "../hooks/useFormErrors";
import { useSaveContactPolicy } from "../hooks/useSaveContactPolicy";
import { daysInWords } from "../utils/daysInWords";
import { FormAlert } from "./FormAlert";
import { PolicyActions } from "../../shell/components/PolicyActions";

type DaysField = "verificationDays" | "archiveAfterDays" | "retentionDays";

/** The core checks the same ranges; they are repeated here so a typo is caught before saving. */
const DAY_FIELDS: { field: DaysField; label: string; description: string; min: number; max: number }[] = [
  {
    field: "verificationDays",
    label: "Verify contacts every",
    description: "A contact not verified for longer is flagged as stale on its page.",
    min: 1,
    max: 3650,
  },
  {
    field: "archiveAfterDays",
    label: "Archive inactive contacts after",
    description: "Inactive contacts are archived automatically after this time; 0 never archives them automatically.",
    min: 0,
    max: 3650,
  },
  {
    field: "retentionDays",
    label: "Keep archived contacts for",
    description: "After this retention period an archived contact is listed below for erasure.",
    min: 1,
    max: 36500,
  },
];

const LABELS: Record<keyof LifecyclePolicy, string> = {
  verificationDays: "Verification period",
  archiveAfterDays: "Archive after",
  retentionDays: "Retention period",
  smsEnabled: "SMS",
};

type Draft = Omit<LifecyclePolicy, DaysField> & Record<DaysField, number | string>;

function outOfRange(draft: Draft): Partial<Record<keyof LifecyclePolicy, string>> {
  const fields: Partial<Record<keyof LifecyclePolicy, string>> = {};
  for (const { field, min, max } of DAY_FIELDS) {
    const value = draft[field];
    if (value === "" || typeof value !== "number" || !Number.isInteger(value)) {
      fields[field] = `Enter a whole number of days from ${min} to ${max}`;
    } else if (value < min || value > max) {
      fields[field] = `Must be between ${min} and ${max} days`;
    }
  }
  return fields;
}

function hint(field: DaysField, value: number | string): string {
  if (typeof value !== "number") return "";
  if (field === "archiveAfterDays" && value === 0) return "Never archived automatically.";
  const words = daysInWords(value);
  return words ? `${words.charAt(0).toUpperCase()}${words.slice(1)}.` : "";
}

export type ContactPolicyFormProps = {
  policy: LifecyclePolicy;
};

/** The organisation's contact rules: verification, archival, retention and SMS. */
export function ContactPolicyForm({ policy }: ContactPolicyFormProps) {
  const [draft, setDraft] = useState<Draft>(policy);
  const { errors, clear, fromError, check } = useFormErrors(LABELS);
  const save = useSaveContactPolicy();
  const dirty = (Object.keys(policy) as (keyof LifecyclePolicy)[]).some((field) => draft[field] !== policy[field]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!check(outOfRange(draft))) return;
    save.mutate(draft as LifecyclePolicy, {
      onSuccess: () =>
        notifications.show({ color: "teal", title: "Contact policy saved", message: "The new rules apply from now on." }),
      onError: fromError,
    });
  };

  return (
    <Card maw={640} data-testid="contact-policy-form">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormAlert message={errors.general} />
          {DAY_FIELDS.map(({ field, label, description, min, max }) => (
            <NumberInput
              key={field}
              label={label}
              description={
                <>
                  {description} {min}–{max} days.{" "}
                  <Text span inherit fw={500} data-testid={`contact-policy-${field}-hint`}>
                    {hint(field, draft[field])}
                  </Text>
                </>
              }
              value={draft[field]}
              onChange={(value) => {
                setDraft((current) => ({ ...current, [field]: value }));
                clear(field);
              }}
              min={min}
              max={max}
              clampBehavior="none"
              allowDecimal={false}
              allowNegative={false}
              rightSection={
                <Text size="xs" c="dimmed" pr="xs">
                  days
                </Text>
              }
              rightSectionWidth={60}
              rightSectionPointerEvents="none"
              hideControls
              error={errors.fields[field]}
              styles={{ wrapper: { maxWidth: 360 } }}
              data-testid={`contact-policy-${field}`}
            />
          ))}
          <Switch
            label="The organisation sends SMS"
            description="Offers an SMS preference on contacts. Off, SMS preferences are neither shown nor asked for."
            checked={draft.smsEnabled}
            onChange={(event) => {
              const checked = event.currentTarget.checked;
              setDraft((current) => ({ ...current, smsEnabled: checked }));
            }}
            data-testid="contact-policy-smsEnabled"
          />
          <PolicyActions
            dirty={dirty}
            saving={save.isPending}
            saveTestId="contact-policy-save"
            onDiscard={() => {
              setDraft(policy);
              check({});
            }}
          />
        </Stack>
      </form>
    </Card>
  );
}
