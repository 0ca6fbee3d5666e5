import { Group, NativeSelect, TextInput } from "@mantine/core";
import type { FollowUpPriority } from "../../../ipc/bindings";
import { useOwnerChoices } from "../hooks/useOwnerChoices";
import type { InteractionErrors, InteractionFormValues } from "../types/interactionForm";
import { PRIORITIES, priorityLabels } from "../utils/labels";

export type FollowUpPlanFieldsProps = {
  values: InteractionFormValues;
  errors: InteractionErrors;
  onChange(patch: Partial<InteractionFormValues>): void;
};

/** Due day (and optional time), priority and owner of the follow-up made from the next steps. */
export function FollowUpPlanFields({ values, errors, onChange }: FollowUpPlanFieldsProps) {
  const owners = useOwnerChoices();
  const ownerData = [
    { value: "", label: "Me" },
    ...(owners.data ?? []).map((owner) => ({ value: owner.username, label: owner.displayName })),
  ];
  return (
    <Group grow align="flex-start" gap="sm" data-testid="follow-up-plan">
      <TextInput
        label="Due date"
        placeholder="YYYY-MM-DD"
        value={values.dueDate}
        onChange={(event) => onChange({ dueDate: event.currentTarget.value })}
        error={errors.dueDate}
        data-testid="follow-up-due-date"
      />
      <TextInput
        label="Time (optional)"
        placeholder="HH:MM"
        value={values.dueTime}
        onChange={(event) => onChange({ dueTime: event.currentTarget.value })}
        data-testid="follow-up-due-time"
      />
      <NativeSelect
        label="Priority"
        data={PRIORITIES.map((p) => ({ value: p, label: priorityLabels[p] }))}
        value={values.priority}
        onChange={(event) => onChange({ priority: event.currentTarget.value as FollowUpPriority })}
        error={errors.priority}
        data-testid="follow-up-priority"
      />
      <NativeSelect
        label="Owner"
        data={ownerData}
        value={values.owner}
        onChange={(event) => onChange({ owner: event.currentTarget.value })}
        error={errors.owner}
        data-testid="follow-up-owner"
      />
    </Group>
  );
}
