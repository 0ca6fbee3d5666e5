import { Card, Checkbox, SimpleGrid, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState, type FormEvent } from "react";
import type { ImportPolicy } from "../../../ipc/bindings";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { useSaveImportPolicy } from "../hooks/useSaveImportPolicy";
import { FormAlert } from "./FormAlert";
import { PolicyActions } from "../../shell/components/PolicyActions";

export type ImportPolicyFormProps = {
  policy: ImportPolicy;
};

function sameKeys(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((key) => b.includes(key));
}

/** One checkbox per field that can be required; the ticked ones are required of every import. */
export function ImportPolicyForm({ policy }: ImportPolicyFormProps) {
  const requirable = policy.requirable ?? [];
  const [required, setRequired] = useState<string[]>(policy.required);
  const [error, setError] = useState<string | null>(null);
  const save = useSaveImportPolicy();
  const dirty = !sameKeys(required, policy.required);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    // In the order the core lists the fields, so the saved setting reads the same way.
    const ordered = requirable.map((field) => field.key).filter((key) => required.includes(key));
    save.mutate(
      { required: ordered },
      {
        onSuccess: () =>
          notifications.show({ color: "teal", title: "Import policy saved", message: "It applies to the next import." }),
        onError: (cause) => setError(formatIpcError(cause).message),
      },
    );
  };

  return (
    <Card maw={640} data-testid="import-policy">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormAlert message={error} />
          <Checkbox.Group
            label="Required of every imported record"
            description="Leave all unticked to accept any record the import can read."
            value={required}
            onChange={setRequired}
          >
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" verticalSpacing="xs" mt="sm">
              {requirable.map((field) => (
                <Checkbox
                  key={field.key}
                  value={field.key}
                  label={field.label}
                  data-testid="import-policy-field"
                  data-key={field.key}
                />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          {requirable.length === 0 ? (
            <Text size="sm" c="dimmed">
              No field can be required.
            </Text>
          ) : null}
          <PolicyActions
            dirty={dirty}
            saving={save.isPending}
            saveTestId="import-policy-save"
            onDiscard={() => setRequired(policy.required)}
          />
        </Stack>
      </form>
    </Card>
  );
}
