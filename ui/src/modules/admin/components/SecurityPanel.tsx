import { Card, NumberInput, Skeleton, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState, type FormEvent } from "react";
import type { SecurityPolicy } from "../../../ipc/bindings";
import { ErrorState } from "../../shell/components/ErrorState";
import { useSaveSecurityPolicy } from "../hooks/useSaveSecurityPolicy";
import { useSecurityPolicy } from "../hooks/useSecurityPolicy";
import { useFormErrors } from "../hooks/useFormErrors";
import { FormAlert } from "./FormAlert";
import { SectionHeader } from "./SectionHeader";
import { PolicyActions } from "../../shell/components/PolicyActions";

type PolicyField = keyof SecurityPolicy;

/** The core checks the same ranges; they are repeated here so a typo is caught before saving. */
const FIELDS: { field: PolicyField; label: string; description: string; min: number; max: number; unit: string }[] = [
  {
    field: "maxFailedSignIns",
    label: "Failed sign-ins before lockout",
    description: "Wrong passwords in a row that lock the account.",
    min: 3,
    max: 20,
    unit: "attempts",
  },
  {
    field: "lockoutMinutes",
    label: "Lockout duration",
    description: "How long a locked account stays locked; an administrator can unlock it sooner.",
    min: 1,
    max: 1440,
    unit: "minutes",
  },
  {
    field: "idleLockMinutes",
    label: "Lock after inactivity",
    description: "Minutes without keyboard or mouse activity before Rapport locks and asks for the password.",
    min: 1,
    max: 240,
    unit: "minutes",
  },
];

const LABELS = Object.fromEntries(FIELDS.map(({ field, label }) => [field, label])) as Record<PolicyField, string>;

type Draft = Record<PolicyField, number | string>;

function outOfRange(draft: Draft): Partial<Record<PolicyField, string>> {
  const fields: Partial<Record<PolicyField, string>> = {};
  for (const { field, min, max } of FIELDS) {
    const value = draft[field];
    if (value === "" || typeof value !== "number" || !Number.isInteger(value)) {
      fields[field] = `Enter a whole number from ${min} to ${max}`;
    } else if (value < min || value > max) {
      fields[field] = `Must be between ${min} and ${max}`;
    }
  }
  return fields;
}

type SecurityFormProps = {
  policy: SecurityPolicy;
};

function SecurityForm({ policy }: SecurityFormProps) {
  const [draft, setDraft] = useState<Draft>(policy);
  const { errors, clear, fromError, check } = useFormErrors(LABELS);
  const save = useSaveSecurityPolicy();
  const dirty = FIELDS.some(({ field }) => draft[field] !== policy[field]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!check(outOfRange(draft))) return;
    const next = draft as SecurityPolicy;
    save.mutate(next, {
      onSuccess: () => notifications.show({ color: "teal", title: "Security policy saved", message: "The new rules apply from now on." }),
      onError: fromError,
    });
  };

  return (
    <Card maw={640} data-testid="security-form">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormAlert message={errors.general} />
          {FIELDS.map(({ field, label, description, min, max, unit }) => (
            <NumberInput
              key={field}
              label={label}
              description={`${description} ${min}–${max} ${unit}.`}
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
                  {unit}
                </Text>
              }
              rightSectionWidth={80}
              rightSectionPointerEvents="none"
              hideControls
              error={errors.fields[field]}
              w={360}
              maw="100%"
              data-testid={`policy-${field}`}
            />
          ))}
          <PolicyActions
            dirty={dirty}
            saving={save.isPending}
            saveTestId="policy-save"
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

export function SecurityPanel() {
  const policy = useSecurityPolicy();

  let body;
  if (policy.isPending) {
    body = (
      <Card maw={640} aria-busy="true" aria-label="Loading the security policy" data-testid="security-loading">
        <Stack gap="lg">
          {FIELDS.map(({ field }) => (
            <Stack key={field} gap={6}>
              <Skeleton height={12} width="40%" />
              <Skeleton height={10} width="70%" />
              <Skeleton height={34} width={360} />
            </Stack>
          ))}
        </Stack>
      </Card>
    );
  } else if (policy.isError) {
    body = (
      <Card maw={640}>
        <ErrorState error={policy.error} onRetry={() => void policy.refetch()} retrying={policy.isRefetching} />
      </Card>
    );
  } else {
    // Keyed by the saved values, so the form starts over from what is stored after each save.
    body = <SecurityForm key={JSON.stringify(policy.data)} policy={policy.data} />;
  }

  return (
    <Stack gap="md" data-testid="admin-security">
      <SectionHeader
        title="Security"
        description="Sign-in and session rules for everyone who uses this database. Changes are recorded in the audit trail."
      />
      {body}
    </Stack>
  );
}
