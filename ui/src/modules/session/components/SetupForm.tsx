import { Alert, Button, Group, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconAlertCircle, IconArrowLeft } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import type { SetupResult } from "../../../ipc/bindings";
import { useCreateOrganisation } from "../hooks/useCreateOrganisation";
import { useFormErrors } from "../hooks/useFormErrors";

export type SetupFormProps = {
  onCreated: (result: SetupResult) => void;
  /** Back to the welcome choice; absent when setup is the only way on. */
  onBack?: () => void;
};

const FIELDS = ["username", "displayName", "password", "repeat"] as const;
type Field = (typeof FIELDS)[number];

export const MIN_PASSWORD_LENGTH = 10;

/** The organisation's first site administrator. */
export function SetupForm({ onCreated, onBack }: SetupFormProps) {
  const [values, setValues] = useState<Record<Field, string>>({ username: "", displayName: "", password: "", repeat: "" });
  const { errors, fromError, setFieldErrors, clearField } = useFormErrors(FIELDS);
  const create = useCreateOrganisation();

  const change = (field: Field) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    clearField(field);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Partial<Record<Field, string>> = {};
    if (!values.username.trim()) problems.username = "Enter a user name.";
    if (!values.displayName.trim()) problems.displayName = "Enter your full name.";
    if (!values.password) problems.password = "Choose a password.";
    if (values.password && values.repeat !== values.password) problems.repeat = "The passwords do not match.";
    setFieldErrors(problems);
    if (Object.keys(problems).length > 0) return;
    create.mutate(
      { username: values.username.trim(), displayName: values.displayName.trim(), password: values.password },
      { onSuccess: onCreated, onError: fromError },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="setup-form">
      <Stack gap="md">
        <div>
          <Title order={2} size="h3">
            Set up your organisation
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            Rapport creates an empty, encrypted database on this computer. You become its first site administrator and
            can add your colleagues afterwards.
          </Text>
        </div>
        <TextInput
          label="User name"
          description="What you type to sign in: letters, digits, dots, dashes, underscores or @."
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          value={values.username}
          onChange={(event) => change("username")(event.currentTarget.value)}
          error={errors.fields.username}
          disabled={create.isPending}
          data-testid="setup-username"
        />
        <TextInput
          label="Full name"
          description="As your colleagues will see it."
          autoComplete="name"
          value={values.displayName}
          onChange={(event) => change("displayName")(event.currentTarget.value)}
          error={errors.fields.displayName}
          disabled={create.isPending}
          data-testid="setup-display-name"
        />
        <PasswordInput
          label="Password"
          description={`At least ${MIN_PASSWORD_LENGTH} characters, not containing your user name.`}
          autoComplete="new-password"
          value={values.password}
          onChange={(event) => change("password")(event.currentTarget.value)}
          error={errors.fields.password}
          disabled={create.isPending}
          data-testid="setup-password"
        />
        <PasswordInput
          label="Repeat the password"
          autoComplete="new-password"
          value={values.repeat}
          onChange={(event) => change("repeat")(event.currentTarget.value)}
          error={errors.fields.repeat}
          disabled={create.isPending}
          data-testid="setup-repeat"
        />
        {errors.general ? (
          <Alert color="red" icon={<IconAlertCircle size={18} />} data-testid="setup-error">
            {errors.general}
          </Alert>
        ) : null}
        <Group justify={onBack ? "space-between" : "flex-end"} mt="xs">
          {onBack ? (
            <Button variant="subtle" color="gray" leftSection={<IconArrowLeft size={16} />} onClick={onBack} disabled={create.isPending}>
              Back
            </Button>
          ) : null}
          <Button type="submit" loading={create.isPending} data-testid="setup-submit">
            Create database
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
