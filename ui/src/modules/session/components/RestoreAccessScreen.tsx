import { Alert, Button, Code, Group, Stack, Text, Textarea, Title } from "@mantine/core";
import { IconAlertCircle, IconKey } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import type { AppInfo } from "../../../ipc/bindings";
import { useFormErrors } from "../hooks/useFormErrors";
import { useRestoreAccess } from "../hooks/useRestoreAccess";
import { StartFooter } from "./StartFooter";
import { StartLayout } from "./StartLayout";

export type RestoreAccessScreenProps = {
  info: AppInfo;
};

const FIELDS = ["recoveryKey"] as const;

/** The database exists, but this computer's keychain holds no key that opens it. */
export function RestoreAccessScreen({ info }: RestoreAccessScreenProps) {
  const [recoveryKey, setRecoveryKey] = useState("");
  const { errors, fromError, setFieldErrors, clearField } = useFormErrors(FIELDS);
  const restore = useRestoreAccess();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!recoveryKey.trim()) {
      setFieldErrors({ recoveryKey: "Enter the recovery key." });
      return;
    }
    restore.mutate(recoveryKey, { onError: fromError });
  };

  return (
    <StartLayout footer={<StartFooter info={info} />} width={520} testId="restore-access-screen">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <div>
            <Title order={2} size="h3">
              Restore access to your database
            </Title>
            <Text size="sm" c="dimmed" mt={4}>
              Rapport keeps the key of each database in this computer&rsquo;s keychain, and the keychain has no key that
              opens this one. This happens after moving to a new computer or resetting the system&rsquo;s keychain.
            </Text>
          </div>
          {info.problem ? (
            <Alert color="yellow" icon={<IconAlertCircle size={18} />} data-testid="restore-access-problem">
              {info.problem.message}
            </Alert>
          ) : null}
          {info.problem?.message.includes(info.databasePath) ? null : (
            <Text size="sm">
              Database: <Code style={{ wordBreak: "break-all" }}>{info.databasePath}</Code>
            </Text>
          )}
          <Textarea
            label="Recovery key"
            description="The key you stored when the database was created. Spaces, dashes, line breaks and upper or lower case do not matter."
            placeholder="XXXXX-XXXXX-XXXXX-…"
            autosize
            minRows={3}
            maxRows={6}
            autoFocus
            spellCheck={false}
            autoCapitalize="characters"
            autoComplete="off"
            styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
            value={recoveryKey}
            onChange={(event) => {
              setRecoveryKey(event.currentTarget.value);
              clearField("recoveryKey");
            }}
            onKeyDown={(event) => {
              // A key is one line of text however it was pasted: Enter submits, as in a text field.
              if (event.key === "Enter" && !event.shiftKey) {
                event.preventDefault();
                event.currentTarget.form?.requestSubmit();
              }
            }}
            error={errors.fields.recoveryKey}
            disabled={restore.isPending}
            data-testid="restore-access-key"
          />
          {errors.general ? (
            <Alert color="red" icon={<IconAlertCircle size={18} />} data-testid="restore-access-error">
              {errors.general}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button type="submit" leftSection={<IconKey size={16} />} loading={restore.isPending} data-testid="restore-access-submit">
              Restore access
            </Button>
          </Group>
        </Stack>
      </form>
    </StartLayout>
  );
}
