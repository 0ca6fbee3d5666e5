import { Alert } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";

export type FormAlertProps = {
  message: string | null;
};

/** A problem the core reported that belongs to no field on the form. */
export function FormAlert({ message }: FormAlertProps) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} role="alert" data-testid="form-error">
      {message}
    </Alert>
  );
}
