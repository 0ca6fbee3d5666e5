import { Card, NumberInput, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState, type FormEvent } from "react";
import type { EscalationPolicy } from "../../../ipc/bindings";
import { isIpcError } from "../../../ipc/client";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { FormAlert } from "../../admin/components/FormAlert";
import { useSaveEscalationPolicy } from "../hooks/useSaveEscalationPolicy";
import { PolicyActions } from "../../shell/components/PolicyActions";

export type EscalationPolicyFormProps = {
  policy: EscalationPolicy;
};

type Field = keyof EscalationPolicy;

const FIELDS: { field: Field; label: string; description: string; unit: string; group: "when" | "chain" }[] = [
  {
    field: "unansweredAttempts",
    label: "Unanswered attempts",
    description:
      "A contact becomes non-responsive after this many outbound emails, texts or unanswered calls in a row without an answer. 0 turns this rule off.",
    unit: " attempts",
    group: "when",
  },
  {
    field: "responseDays",
    label: "Days without a response",
    description: "…or when no answer came this many days after an outbound attempt. 0 turns this rule off.",
    unit: " days",
    group: "when",
  },
  {
    field: "territoryManagerAfterDays",
    label: "Owner → territory manager",
    description: "Days the contact's owner has before the escalation moves on to the territory manager.",
    unit: " days",
    group: "chain",
  },
  {
    field: "regionalManagerAfterDays",
    label: "Territory manager → regional manager",
    description: "Days the territory manager has before it moves on to the regional manager.",
    unit: " days",
    group: "chain",
  },
  {
    field: "siteAdminAfterDays",
    label: "Regional manager → site administrator",
    description: "Days the regional manager has before it reaches a site administrator, the last step.",
    unit: " days",
    group: "chain",
  },
];

function same(a: EscalationPolicy, b: EscalationPolicy): boolean {
  return FIELDS.every(({ field }) => a[field] === b[field]);
}

/** The organisation's rules for non-responsive contacts and how fast they climb the chain. */
export function EscalationPolicyForm({ policy }: EscalationPolicyFormProps) {
  const [values, setValues] = useState<EscalationPolicy>(policy);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const save = useSaveEscalationPolicy();
  const dirty = !same(values, policy);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setGeneral(null);
    save.mutate(values, {
      onSuccess: () =>
        notifications.show({
          color: "teal",
          title: "Escalation policy saved",
          message: "Contacts already waiting were checked against it at once.",
        }),
      onError: (cause) => {
        const placed: Partial<Record<Field, string>> = {};
        for (const problem of isIpcError(cause) ? cause.fields : []) {
          const known = FIELDS.find((f) => f.field === problem.field);
          if (known) placed[known.field] = `${known.label} ${problem.message}`;
        }
        setErrors(placed);
        if (Object.keys(placed).length === 0) setGeneral(formatIpcError(cause).message);
      },
    });
  };

  const input = (item: (typeof FIELDS)[number]) => (
    <NumberInput
      key={item.field}
      label={item.label}
      description={item.description}
      suffix={item.unit}
      min={0}
      allowDecimal={false}
      allowNegative={false}
      value={values[item.field]}
      onChange={(value) => {
        setValues((current) => ({ ...current, [item.field]: typeof value === "number" ? value : 0 }));
        setErrors((current) => ({ ...current, [item.field]: undefined }));
      }}
      error={errors[item.field]}
      maw={420}
      data-testid={`escalation-${item.field}`}
    />
  );

  return (
    <Card maw={720} data-testid="escalation-policy">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormAlert message={general} />
          <Text fw={600} size="sm">
            When is a contact non-responsive?
          </Text>
          {FIELDS.filter((f) => f.group === "when").map(input)}
          <Text fw={600} size="sm" mt="xs">
            Who hears about it, and when
          </Text>
          <Text size="sm" c="dimmed">
            The owner is told first. Each step passes the escalation on to the next person when nobody resolved it
            in time; a step nobody holds (no territory manager, say) is skipped at once.
          </Text>
          {FIELDS.filter((f) => f.group === "chain").map(input)}
          <PolicyActions
            dirty={dirty}
            saving={save.isPending}
            saveTestId="escalation-policy-save"
            onDiscard={() => setValues(policy)}
          />
        </Stack>
      </form>
    </Card>
  );
}
