import { Alert, Button, Group, Modal, PasswordInput, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertCircle } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import { useChangeOwnPassword } from "../hooks/useChangeOwnPassword";
import { useFormErrors } from "../hooks/useFormErrors";
import { MIN_PASSWORD_LENGTH } from "./SetupForm";

export type ChangePasswordModalProps = {
  opened: boolean;
  onClose: () => void;
};

const FIELDS = ["currentPassword", "newPassword", "repeat"] as const;
type Field = (typeof FIELDS)[number];
const EMPTY: Record<Field, string> = { currentPassword: "", newPassword: "", repeat: "" };

export function ChangePasswordModal({ opened, onClose }: ChangePasswordModalProps) {
  const [values, setValues] = useState(EMPTY);
  const { errors, fromError, setFieldErrors, clearField, clearAll } = useFormErrors(FIELDS);
  const change = useChangeOwnPassword();

  const close = () => {
    setValues(EMPTY);
    clearAll();
    change.reset();
    onClose();
  };

  const edit = (field: Field) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    clearField(field);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (change.isPending) return;
    const problems: Partial<Record<Field, string>> = {};
    if (!values.currentPassword) problems.currentPassword = "Enter your current password.";
    if (!values.newPassword) problems.newPassword = "Choose a new password.";
    else if (values.repeat !== values.newPassword) problems.repeat = "The passwords do not match.";
    setFieldErrors(problems);
    if (Object.keys(problems).length > 0) return;
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          notifications.show({ color: "teal", title: "Password changed", message: "Use the new password from now on." });
          close();
        },
        onError: fromError,
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title="Change your password" centered>
      <form onSubmit={submit} noValidate data-testid="change-password-form">
        <Stack gap="md">
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            data-autofocus
            value={values.currentPassword}
            onChange={(event) => edit("currentPassword")(event.currentTarget.value)}
            error={errors.fields.currentPassword}
            data-testid="change-password-current"
          />
          <PasswordInput
            label="New password"
            description={`At least ${MIN_PASSWORD_LENGTH} characters, not containing your user name.`}
            autoComplete="new-password"
            value={values.newPassword}
            onChange={(event) => edit("newPassword")(event.currentTarget.value)}
            error={errors.fields.newPassword}
            data-testid="change-password-new"
          />
          <PasswordInput
            label="Repeat the new password"
            autoComplete="new-password"
            value={values.repeat}
            onChange={(event) => edit("repeat")(event.currentTarget.value)}
            error={errors.fields.repeat}
            data-testid="change-password-repeat"
          />
          {errors.general ? (
            <Alert color="red" icon={<IconAlertCircle size={18} />}>
              {errors.general}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={change.isPending} data-testid="change-password-submit">
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
