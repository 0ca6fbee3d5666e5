import {
  Alert,
  Button,
  Center,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Image,
  Loader,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertCircle, IconCheck, IconCopy } from "@tabler/icons-react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { useBeginTotpEnrolment } from "../hooks/useBeginTotpEnrolment";
import { useConfirmTotpEnrolment } from "../hooks/useConfirmTotpEnrolment";
import { useFormErrors } from "../hooks/useFormErrors";
import { groupSecret, svgDataUrl } from "../utils/svgDataUrl";

export type TotpEnrolmentModalProps = {
  opened: boolean;
  onClose: () => void;
};

const FIELDS = ["code"] as const;

/** Scan (or type) a new secret, confirm it with a first code, then keep the recovery codes. */
export function TotpEnrolmentModal({ opened, onClose }: TotpEnrolmentModalProps) {
  const begin = useBeginTotpEnrolment();
  const confirm = useConfirmTotpEnrolment();
  const [code, setCode] = useState("");
  const [stored, setStored] = useState(false);
  const { errors, fromError, setFieldErrors, clearField, clearAll } = useFormErrors(FIELDS);
  const { mutate: start, reset: resetBegin } = begin;
  // Each start makes a new secret in the core: once per opening, also under StrictMode.
  const started = useRef(false);

  useEffect(() => {
    if (!opened || started.current) return;
    started.current = true;
    start();
  }, [opened, start]);

  const codes = confirm.data ?? null;

  const close = () => {
    // Once the codes are on screen, only "Done" leaves: they are never shown again.
    if (codes && !stored) return;
    setCode("");
    setStored(false);
    clearAll();
    started.current = false;
    resetBegin();
    confirm.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (confirm.isPending) return;
    if (!code.trim()) {
      setFieldErrors({ code: "Enter the 6-digit code your app shows." });
      return;
    }
    confirm.mutate(code.trim(), {
      onSuccess: () =>
        notifications.show({ color: "teal", title: "Authenticator set up", message: "Sign-in now asks for a code." }),
      onError: fromError,
    });
  };

  let body;
  if (codes) {
    body = (
      <Stack gap="md" data-testid="totp-recovery-codes">
        <Text size="sm">
          Your authenticator is set up. Keep these recovery codes somewhere safe: each one signs you in once if your
          phone is lost. They are shown only now.
        </Text>
        <Paper withBorder p="md" radius="md" bg="var(--mantine-color-default-hover)">
          <SimpleGrid cols={2} spacing="xs" verticalSpacing={6}>
            {codes.map((recovery) => (
              <Text key={recovery} ff="monospace" fw={600} ta="center" data-testid="totp-recovery-code">
                {recovery}
              </Text>
            ))}
          </SimpleGrid>
        </Paper>
        <Group justify="space-between">
          <CopyButton value={codes.join("\n")}>
            {({ copied, copy }) => (
              <Button
                variant={copied ? "light" : "default"}
                color={copied ? "teal" : undefined}
                leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                onClick={copy}
              >
                {copied ? "Copied" : "Copy codes"}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Checkbox
          label="I have stored the recovery codes"
          checked={stored}
          onChange={(event) => setStored(event.currentTarget.checked)}
          data-testid="totp-codes-stored"
        />
        <Group justify="flex-end">
          <Button onClick={close} disabled={!stored} data-testid="totp-done">
            Done
          </Button>
        </Group>
      </Stack>
    );
  } else if (begin.isError) {
    body = (
      <Stack gap="md">
        <Alert color="red" icon={<IconAlertCircle size={18} />}>
          {formatIpcError(begin.error).message}
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Close
          </Button>
          <Button onClick={() => start()}>Try again</Button>
        </Group>
      </Stack>
    );
  } else if (!begin.data) {
    body = (
      <Center py="xl">
        <Loader aria-label="Preparing the authenticator secret" />
      </Center>
    );
  } else {
    const enrolment = begin.data;
    body = (
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">
            Scan this code with an authenticator app (for example Microsoft Authenticator, Google Authenticator or
            1Password). From now on, signing in asks for the code the app shows. Setting up again replaces an earlier
            authenticator.
          </Text>
          <Group align="center" gap="lg" wrap="nowrap">
            <Paper p={8} radius="md" bg="white" withBorder style={{ flexShrink: 0 }}>
              <Image
                src={svgDataUrl(enrolment.qrSvg)}
                alt="QR code for your authenticator app"
                w={168}
                h={168}
                data-testid="totp-qr"
              />
            </Paper>
            <Stack gap={4} miw={0}>
              <Text size="sm" fw={600}>
                Cannot scan?
              </Text>
              <Text size="xs" c="dimmed">
                Add an account by hand with this key (time-based, 6 digits, every 30 seconds):
              </Text>
              <Group gap={6} wrap="nowrap" align="center">
                <Code fz="sm" lh={1.6} data-testid="totp-secret">
                  {groupSecret(enrolment.secret)}
                </Code>
                <CopyButton value={enrolment.secret}>
                  {({ copied, copy }) => (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={copy}
                      aria-label="Copy the key"
                      leftSection={copied ? <IconCheck size={12} /> : <IconCopy size={12} />}
                    >
                      {copied ? "Copied" : "Copy"}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </Stack>
          </Group>
          <TextInput
            label="Code from the app"
            description="Enter the 6-digit code to confirm that the app is set up."
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={8}
            data-autofocus
            styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", letterSpacing: "0.15em" } }}
            value={code}
            onChange={(event) => {
              setCode(event.currentTarget.value);
              clearField("code");
            }}
            error={errors.fields.code}
            data-testid="totp-code"
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
            <Button type="submit" loading={confirm.isPending} data-testid="totp-confirm">
              Confirm
            </Button>
          </Group>
        </Stack>
      </form>
    );
  }

  return (
    <Modal
      opened={opened}
      onClose={close}
      title="Set up an authenticator app"
      size="lg"
      centered
      closeOnClickOutside={!codes}
      closeOnEscape={!codes}
      withCloseButton={!codes}
    >
      {body}
    </Modal>
  );
}
