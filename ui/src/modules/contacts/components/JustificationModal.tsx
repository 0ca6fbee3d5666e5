import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import type { Justification } from "../../../ipc/bindings";
import { isIpcError } from "../../../ipc/client";
import { FormAlert } from "../../admin/components/FormAlert";
import { formErrors, NO_ERRORS, type FormErrors } from "../../admin/utils/fieldErrors";
import { fieldsInWords, todayIso } from "./significantFields";

export type JustificationModalProps = {
  opened: boolean;
  /** Wire names of the significant fields being changed, e.g. `contactType`, `sites`, `primary`. */
  fields: string[];
  submitting: boolean;
  /** The last failure of the change this justifies; `justification.*` problems show next to their fields. */
  error: unknown;
  onCancel(): void;
  onSubmit(j: Justification): void;
};

const LABELS = {
  "justification.reason": "Business justification",
  "justification.approvedBy": "Approved by",
  "justification.approvedOn": "Approved on",
};
type Field = keyof typeof LABELS;

/**
 * Asks why a significant change is made and who at the customer approved it; the core records
 * both with the change.
 */
export function JustificationModal({ opened, fields, submitting, error, onCancel, onSubmit }: JustificationModalProps) {
  return (
    <Modal
      opened={opened}
      onClose={submitting ? () => {} : onCancel}
      title="Record the approval"
      centered
      size="md"
      data-testid="justification-modal"
    >
      {/* Mounted only while open, so each opening starts with a fresh form. */}
      {opened ? (
        <JustificationForm fields={fields} submitting={submitting} error={error} onCancel={onCancel} onSubmit={onSubmit} />
      ) : null}
    </Modal>
  );
}

type JustificationFormProps = Omit<JustificationModalProps, "opened">;

/** The core's problems with the justification; "justification required" is why the dialog is open, not a failure. */
function serverErrors(error: unknown): FormErrors<Field> {
  if (!error) return NO_ERRORS;
  if (isIpcError(error) && error.code === "justification_required") return NO_ERRORS;
  return formErrors(error, LABELS);
}

function JustificationForm({ fields, submitting, error, onCancel, onSubmit }: JustificationFormProps) {
  const [reason, setReason] = useState("");
  const [approvedBy, setApprovedBy] = useState("");
  const [approvedOn, setApprovedOn] = useState(todayIso);
  const [errors, setErrors] = useState<FormErrors<Field>>(() => serverErrors(error));
  // A new failure replaces what is shown (React's "adjust state when a prop changes").
  const [shownError, setShownError] = useState(error);
  if (shownError !== error) {
    setShownError(error);
    setErrors(serverErrors(error));
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const local: Partial<Record<Field, string>> = {
      "justification.reason": reason.trim() ? undefined : "Enter the business justification",
      "justification.approvedBy": approvedBy.trim() ? undefined : "Enter who approved the change",
      "justification.approvedOn": approvedOn ? undefined : "Enter the date of the approval",
    };
    if (Object.values(local).some(Boolean)) {
      setErrors({ fields: local, general: null });
      return;
    }
    onSubmit({ reason: reason.trim(), approvedBy: approvedBy.trim(), approvedOn });
  };

  const edit = (field: Field, set: (value: string) => void) => (value: string) => {
    set(value);
    setErrors((current) => ({ fields: { ...current.fields, [field]: undefined }, general: current.general }));
  };

  const what = fieldsInWords(fields);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          {what ? (
            <>
              Changing the <strong>{what}</strong> is a significant change.
            </>
          ) : (
            "This is a significant change."
          )}{" "}
          Record why it is made and who at the customer approved it; both are kept with the contact&apos;s history.
        </Text>
        <FormAlert message={errors.general} />
        <Textarea
          label={LABELS["justification.reason"]}
          description="Why the change is needed, in a sentence or two."
          value={reason}
          onChange={(event) => edit("justification.reason", setReason)(event.currentTarget.value)}
          error={errors.fields["justification.reason"]}
          required
          autosize
          minRows={3}
          maxRows={8}
          data-autofocus
          data-testid="justification-reason"
        />
        <TextInput
          label={LABELS["justification.approvedBy"]}
          description="The customer's manager who approved it."
          value={approvedBy}
          onChange={(event) => edit("justification.approvedBy", setApprovedBy)(event.currentTarget.value)}
          error={errors.fields["justification.approvedBy"]}
          required
          data-testid="justification-approved-by"
        />
        <TextInput
          type="date"
          label={LABELS["justification.approvedOn"]}
          value={approvedOn}
          max={todayIso()}
          onChange={(event) => edit("justification.approvedOn", setApprovedOn)(event.currentTarget.value)}
          error={errors.fields["justification.approvedOn"]}
          required
          data-testid="justification-approved-on"
        />
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onCancel} disabled={submitting}>
            Cancel
          </Button>
          <Button type="submit" loading={submitting} data-testid="justification-submit">
            Record and save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
