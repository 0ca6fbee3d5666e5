import { Alert, Button, Group, List, Modal, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconCheck } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import type { ErasureReport } from "../../../ipc/bindings";
import { FormAlert } from "../../admin/components/FormAlert";
import { useFormErrors } from "../../admin/hooks/useFormErrors";
import { useErasePerson } from "../hooks/useErasePerson";

export type ErasePersonModalProps = {
  person: { id: string; reference: string; displayName: string };
  onClose(): void;
};

const LABELS = { confirmation: "Reference number" };

function Report({ report, name, onClose }: { report: ErasureReport; name: string; onClose(): void }) {
  return (
    <Stack gap="sm" data-testid="erase-report">
      <Alert color="teal" variant="light" icon={<IconCheck size={16} />}>
        The personal data of {name} has been erased.
      </Alert>
      <List size="sm" spacing={4}>
        <List.Item>
          <Text span size="sm" ff="monospace" fw={500}>
            {report.reference}
          </Text>{" "}
          remains as an anonymous record, so the audit trail still verifies.
        </List.Item>
        <List.Item data-testid="erase-payloads">
          {report.payloadsErased === 0
            ? "The audit trail's history held no values about them."
            : report.payloadsErased === 1
              ? "1 recorded value was removed from the audit trail's history."
              : `${report.payloadsErased} recorded values were removed from the audit trail's history.`}
        </List.Item>
        <List.Item>The person can no longer be found by search, and new backups do not contain them.</List.Item>
      </List>
      <Group justify="flex-end" mt="sm">
        <Button onClick={onClose} data-autofocus data-testid="erase-close">
          Done
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * A privacy request to erase a person (site administrators): explains that it cannot be undone
 * and asks for the reference number typed as confirmation; then shows what was erased.
 */
export function ErasePersonModal({ person: current, onClose }: ErasePersonModalProps) {
  // As it was when the dialog opened: once erased, the record no longer has the person's name.
  const [person] = useState(current);
  const [typed, setTyped] = useState("");
  const { errors, clear, fromError, check } = useFormErrors(LABELS);
  const erase = useErasePerson();
  const report = erase.data;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const matches = typed.trim().toUpperCase() === person.reference.toUpperCase();
    if (!check({ confirmation: matches ? undefined : `Type ${person.reference} exactly to confirm` })) return;
    erase.mutate(
      { id: person.id, confirmation: typed.trim() },
      {
        onSuccess: () =>
          notifications.show({ color: "teal", title: "Personal data erased", message: `${person.reference} is now anonymous.` }),
        onError: fromError,
      },
    );
  };

  return (
    <Modal
      opened
      onClose={erase.isPending ? () => {} : onClose}
      title={report ? "Personal data erased" : `Erase the personal data of ${person.displayName}`}
      centered
      size="lg"
      data-testid="erase-modal"
    >
      {report ? (
        <Report report={report} name={person.displayName} onClose={onClose} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} title="This cannot be undone">
              Use it for a person&apos;s request to be forgotten, or when their retention period is over.
            </Alert>
            <Text size="sm">Rapport removes everything that identifies {person.displayName}:</Text>
            <List size="sm" spacing={2}>
              <List.Item>name, email addresses, phone numbers, addresses, notes and every other detail,</List.Item>
              <List.Item>their site roles and preferences,</List.Item>
              <List.Item>the old values recorded in the audit trail&apos;s history,</List.Item>
              <List.Item>their entries in the search index; backups made from now on no longer contain them.</List.Item>
            </List>
            <Text size="sm">
              An anonymous record with the reference number{" "}
              <Text span ff="monospace" fw={600}>
                {person.reference}
              </Text>{" "}
              and the erasure date remains, so the audit trail still verifies.
            </Text>
            <FormAlert message={errors.general} />
            <TextInput
              label={LABELS.confirmation}
              description={`Type ${person.reference} to confirm.`}
              value={typed}
              onChange={(event) => {
                setTyped(event.currentTarget.value);
                clear("confirmation");
              }}
              error={errors.fields.confirmation}
              required
              autoComplete="off"
              spellCheck={false}
              styles={{ input: { maxWidth: 260 } }}
              data-autofocus
              data-testid="erase-confirmation"
            />
            <Group justify="flex-end" gap="sm" mt="sm">
              <Button variant="default" onClick={onClose} disabled={erase.isPending}>
                Cancel
              </Button>
              <Button type="submit" color="red" loading={erase.isPending} data-testid="erase-submit">
                Erase personal data
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
