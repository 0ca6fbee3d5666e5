import { Checkbox, Text, TextInput } from "@mantine/core";
import type { RelationshipKind } from "../../../ipc/bindings";
import { useEditForm } from "../hooks/useEditForm";
import { useSaveRelationshipKind, type RelationshipKindFields } from "../hooks/useSaveRelationshipKind";
import { FormModal } from "./FormModal";

export type RelationshipKindFormModalProps = {
  /** null: a new kind. */
  kind: RelationshipKind | null;
  onClose: () => void;
};

const LABELS: Record<keyof RelationshipKindFields, string> = {
  label: "Label",
  hierarchical: "Forms a hierarchy",
  directed: "Has a direction",
};

export function RelationshipKindFormModal({ kind, onClose }: RelationshipKindFormModalProps) {
  const save = useSaveRelationshipKind();
  const { input, change, errors, check, submit, pending } = useEditForm<RelationshipKindFields>({
    initial: { label: kind?.label ?? "", hierarchical: kind?.hierarchical ?? false, directed: kind?.directed ?? false },
    labels: LABELS,
    save,
    onSaved: onClose,
  });
  // The core refuses a rule change on these; disabling says so before the save does.
  const rulesFixed = kind?.builtIn ?? false;

  const onSubmit = () => {
    const label = input.label.trim();
    if (!check({ label: label ? undefined : "Enter a label" })) return;
    submit(
      kind?.code ?? null,
      { ...input, label },
      { title: kind ? "Kind saved" : "Kind added", message: `${label} is saved.` },
    );
  };

  return (
    <FormModal
      title={kind ? `Edit ${kind.label}` : "New relationship kind"}
      testIdPrefix="kind"
      submitTestId="kind-submit"
      error={errors.general}
      submitLabel={kind ? "Save changes" : "Add kind"}
      pending={pending}
      onSubmit={onSubmit}
      onClose={onClose}
    >
      <TextInput
        label={LABELS.label}
        description="As the chart and the contact page show it, e.g. “Mentors”."
        value={input.label}
        onChange={(event) => change("label", event.currentTarget.value)}
        error={errors.fields.label}
        required
        maxLength={120}
        autoComplete="off"
        data-autofocus
        data-testid="kind-label"
      />
      <Checkbox
        label="Forms a hierarchy (a loop is refused)"
        description="Like reports-to: if A is above B and B above C, C can never be linked above A."
        checked={input.hierarchical}
        onChange={(event) => change("hierarchical", event.currentTarget.checked)}
        error={errors.fields.hierarchical}
        disabled={rulesFixed}
        data-testid="kind-hierarchical"
      />
      <Checkbox
        label="Has a direction (A→B differs from B→A)"
        description="Like assistant-of. Without one, as with works-with, A–B and B–A are the same link."
        checked={input.directed}
        onChange={(event) => change("directed", event.currentTarget.checked)}
        error={errors.fields.directed}
        disabled={rulesFixed}
        data-testid="kind-directed"
      />
      <Text size="xs" c="dimmed" data-testid="kind-rules-note">
        {rulesFixed
          ? "This kind is built in: its rules are part of Rapport and cannot change, only its label."
          : "Once relationships of this kind exist its rules are fixed, since they were checked by them; the label can always change."}
      </Text>
    </FormModal>
  );
}
