import { Modal, type ModalProps } from "@mantine/core";

export type JobModalProps = Omit<ModalProps, "opened"> & {
  /** While true the dialog cannot be dismissed: the job has to be cancelled or finish first. */
  busy: boolean;
};

/** The dialog of a long job (bulk action, import, export), shown from its start to its outcome. */
export function JobModal({ busy, onClose, ...props }: JobModalProps) {
  return (
    <Modal
      opened
      onClose={busy ? () => {} : onClose}
      withCloseButton={!busy}
      closeOnEscape={!busy}
      closeOnClickOutside={!busy}
      {...props}
    />
  );
}
