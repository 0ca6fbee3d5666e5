import { Button, Group } from "@mantine/core";

export type FormActionsProps = {
  submitLabel: string;
  pending: boolean;
  onCancel: () => void;
  submitTestId?: string;
};

export function FormActions({ submitLabel, pending, onCancel, submitTestId }: FormActionsProps) {
  return (
    <Group justify="flex-end" gap="sm" mt="sm">
      <Button variant="default" onClick={onCancel} disabled={pending}>
        Cancel
      </Button>
      <Button type="submit" loading={pending} data-testid={submitTestId}>
        {submitLabel}
      </Button>
    </Group>
  );
}
