import { Modal, Stack, type ModalProps } from "@mantine/core";
import type { FormEvent, ReactNode } from "react";
import { FormActions } from "./FormActions";
import { FormAlert } from "./FormAlert";

export type FormModalProps = {
  title: string;
  /** Names the test ids: `<prefix>-form` (the dialog) and `<prefix>-save` (its submit button). */
  testIdPrefix: string;
  /** Replaces `<prefix>-save` where end-to-end tests already know the button by another name. */
  submitTestId?: string;
  size?: ModalProps["size"];
  /** A problem that belongs to no field, shown above the fields. */
  error: string | null;
  submitLabel: string;
  /** While the save runs the dialog stays open and Cancel is disabled. */
  pending: boolean;
  onSubmit: () => void;
  onClose: () => void;
  /** The fields. */
  children: ReactNode;
};

/** A dialog holding one form with Cancel and a submit button; Enter in a field submits it. */
export function FormModal({
  title,
  testIdPrefix,
  submitTestId,
  size,
  error,
  submitLabel,
  pending,
  onSubmit,
  onClose,
  children,
}: FormModalProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <Modal
      opened
      onClose={pending ? () => {} : onClose}
      title={title}
      centered
      size={size}
      data-testid={`${testIdPrefix}-form`}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert message={error} />
          {children}
          <FormActions
            submitLabel={submitLabel}
            pending={pending}
            onCancel={onClose}
            submitTestId={submitTestId ?? `${testIdPrefix}-save`}
          />
        </Stack>
      </form>
    </Modal>
  );
}
