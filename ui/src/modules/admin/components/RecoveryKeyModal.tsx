import { Alert, Button, Code, CopyButton, Group, Modal, PasswordInput, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconCheck, IconCopy } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import { useShowRecoveryKey } from "../hooks/useShowRecoveryKey";
import { formErrors, NO_ERRORS, type FormErrors } from "../utils/fieldErrors";
import { FormAlert } from "./FormAlert";

export type RecoveryKeyModalProps = {
  onClose: () => void;
};

const LABELS = { password: "Your password" };

/** Asks for the administrator's password again, then shows the key; closing forgets it. */
export function RecoveryKeyModal({ onClose }: RecoveryKeyModalProps) {
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FormErrors<"password">>(NO_ERRORS);
  const show = useShowRecoveryKey();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!password) {
      setErrors({ fields: { password: "Enter your password" }, general: null });
      return;
    }
    show.mutate(password, {
      onSuccess: () => setPassword(""),
      onError: (error) => {
        const sorted = formErrors(error, LABELS);
        // A wrong password is refused without naming a field; it still belongs under the password.
        setErrors(sorted.general && !sorted.fields.password ? { fields: { password: sorted.general }, general: null } : sorted);
      },
    });
  };

  return (
    <Modal opened onClose={show.isPending ? () => {} : onClose} title="Recovery key" centered size="lg" data-testid="recovery-key">
      {show.isSuccess ? (
        <Stack gap="md">
          <Text size="sm">
            This key opens the database on another computer, or here if the system keychain is lost. It is the only way
            in then: nobody, not even Rapport’s makers, can recover the data without it.
          </Text>
          <Code block fz="md" style={{ wordBreak: "break-all", whiteSpace: "pre-wrap" }} data-testid="recovery-key-value">
            {show.data}
          </Code>
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={16} />} title="Keep it secret and safe">
            Anyone who has this key and a copy of the database or a backup can read everything in it. Store it offline
            (printed in a safe, or in a password manager), never in email or chat, and close this window when done.
          </Alert>
          <Group justify="flex-end" gap="sm">
            <CopyButton value={show.data} timeout={2000}>
              {({ copied, copy }) => (
                <Button
                  variant="light"
                  color={copied ? "teal" : undefined}
                  leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  onClick={copy}
                  data-testid="recovery-key-copy"
                >
                  {copied ? "Copied" : "Copy"}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose} data-autofocus>
              Done
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              Confirm it is you: enter your own password. Showing the key is recorded in the audit trail.
            </Text>
            <FormAlert message={errors.general} />
            <PasswordInput
              label={LABELS.password}
              value={password}
              onChange={(event) => {
                setPassword(event.currentTarget.value);
                setErrors(NO_ERRORS);
              }}
              error={errors.fields.password}
              required
              autoComplete="current-password"
              data-autofocus
              data-testid="recovery-key-password"
            />
            <Group justify="flex-end" gap="sm" mt="sm">
              <Button variant="default" onClick={onClose} disabled={show.isPending}>
                Cancel
              </Button>
              <Button type="submit" loading={show.isPending} data-testid="recovery-key-show">
                Show key
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
