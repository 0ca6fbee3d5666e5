import { Button, Group } from "@mantine/core";
import { IconDeviceFloppy } from "@tabler/icons-react";

interface PolicyActionsProps {
  /** The form differs from the stored policy. */
  dirty: boolean;
  saving: boolean;
  /** `data-testid` of the save button, which the end-to-end tests click. */
  saveTestId: string;
  /** Puts the stored policy back into the form. */
  onDiscard: () => void;
}

/** Save and discard under a policy form (a submit button: the form's own submit saves). */
export function PolicyActions({ dirty, saving, saveTestId, onDiscard }: PolicyActionsProps) {
  return (
    <Group gap="sm">
      <Button
        type="submit"
        leftSection={<IconDeviceFloppy size={16} />}
        loading={saving}
        disabled={!dirty}
        data-testid={saveTestId}
      >
        Save policy
      </Button>
      {dirty ? (
        <Button variant="subtle" color="gray" onClick={onDiscard} disabled={saving}>
          Discard changes
        </Button>
      ) : null}
    </Group>
  );
}
