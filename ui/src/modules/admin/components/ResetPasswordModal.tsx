import { Button, Group, Modal, PasswordInput, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState, type FormEvent } from "react";
import type { UserSummary } from "../../../ipc/bindings";
import { useResetUserPassword } from "../hooks/useResetUserPassword";
import { formErrors, NO_ERRORS, type FormErrors } from "../utils/fieldErrors";
import { FormAlert } from "./FormAlert";

export type ResetPasswordModalProps = {
  user: UserSummary;
  onClose: () => void;
};

const LABELS = { newPassword: "New password" };

export function ResetPasswordModal({ user, onClose }: ResetPasswordModalProps) {
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FormErrors<"newPassword">>(NO_ERRORS);
  const reset = useResetUserPassword();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!password) {
      setErrors({ fields: { newPassword: "Enter the new password" }, general: null });
      return;
    }
    reset.mutate(
      { id: user.id, newPassword: password },
      {
        onSuccess: () => {
          notifications.show({
            color: "teal",
            title: "Password reset",
            message: `${user.displayName} signs in with the new password from now on.`,
          });
          onClose();
        },
        onError: (error) => setErrors(formErrors(error, LABELS)),
      },
    );
  };

  return (
    <Modal
      opened
      onClose={reset.isPending ? () => {} : onClose}
      title={`Reset the password of ${user.displayName}`}
      centered
      data-testid="reset-password-form"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            The old password stops working at once, and a lockout after failed sign-ins ends. Give the new password
            to {user.displayName} in private.
          </Text>
          <FormAlert message={errors.general} />
          <PasswordInput
            label={LABELS.newPassword}
            description="At least 10 characters, not containing the user name."
            value={password}
            onChange={(event) => {
              setPassword(event.currentTarget.value);
              setErrors(NO_ERRORS);
            }}
            error={errors.fields.newPassword}
            required
            autoComplete="new-password"
            data-autofocus
            data-testid="new-password"
          />
          <Group justify="flex-end" gap="sm" mt="sm">
            <Button variant="default" onClick={onClose} disabled={reset.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={reset.isPending} data-testid="reset-password-save">
              Reset password
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
