import { Group, Loader, Text } from "@mantine/core";
import { IconListCheck } from "@tabler/icons-react";
import { useImportPolicy } from "../hooks/useImportPolicy";

/** The fields the organisation requires of every imported record (read only here). */
export function RequiredFieldsHint() {
  const policy = useImportPolicy();
  let text;
  if (policy.isPending) {
    text = (
      <Group gap={6}>
        <Loader size={12} />
        <Text size="sm" c="dimmed">
          Reading the fields your organisation requires…
        </Text>
      </Group>
    );
  } else if (policy.isError) {
    text = (
      <Text size="sm" c="dimmed">
        The fields your organisation requires could not be read; the check applies them anyway.
      </Text>
    );
  } else {
    const labels = new Map((policy.data.requirable ?? []).map((field) => [field.key, field.label]));
    const required = policy.data.required.map((key) => labels.get(key) ?? key);
    text = (
      <Text size="sm" c="dimmed">
        {required.length === 0 ? (
          "Your organisation requires no particular field of imported records."
        ) : (
          <>
            Your organisation requires every record to have:{" "}
            <Text span inherit fw={500} c="var(--mantine-color-text)">
              {required.join(", ")}
            </Text>
            . Records without them are rejected.
          </>
        )}
      </Text>
    );
  }
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="import-required-fields">
      <IconListCheck size={16} stroke={1.6} color="var(--mantine-color-dimmed)" style={{ flexShrink: 0, marginTop: 2 }} />
      {text}
    </Group>
  );
}
