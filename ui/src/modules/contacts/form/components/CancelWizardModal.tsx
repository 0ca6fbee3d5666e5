import { Button, Group, Modal, Stack, Text } from "@mantine/core";

export type CancelWizardModalProps = {
  opened: boolean;
  discarding: boolean;
  onKeepEditing: () => void;
  onKeepDraft: () => void;
  onDiscard: () => void;
};

/** Cancel asks: keep editing, keep the draft for later, or throw it away. "Keep editing" has the focus. */
export function CancelWizardModal({ opened, discarding, onKeepEditing, onKeepDraft, onDiscard }: CancelWizardModalProps) {
  return (
    <Modal
      opened={opened}
      onClose={discarding ? () => {} : onKeepEditing}
      title="Leave the new contact?"
      centered
      data-testid="cancel-wizard-modal"
    >
      <Stack gap="md">
        <Text size="sm">
          You can keep what you entered as a draft and finish it later from <strong>New contact</strong>, or discard it.
        </Text>
        <Group justify="space-between">
          <Button color="red" variant="light" onClick={onDiscard} loading={discarding} data-testid="cancel-discard">
            Discard
          </Button>
          <Group gap="sm">
            <Button variant="default" onClick={onKeepDraft} disabled={discarding} data-testid="cancel-keep-draft">
              Keep draft and close
            </Button>
            <Button onClick={onKeepEditing} disabled={discarding} data-autofocus data-testid="cancel-keep-editing">
              Keep editing
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
