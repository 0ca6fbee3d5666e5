import { Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { MergeCombined, MergePreview } from "../../../ipc/bindings";
import { formatMergeValue, mergeFieldLabel } from "../utils/mergeFields";

const COMBINED: [keyof MergeCombined, string, string][] = [
  ["emails", "email address", "email addresses"],
  ["phones", "phone number", "phone numbers"],
  ["addresses", "address", "addresses"],
  ["tags", "tag", "tags"],
  ["sites", "site", "sites"],
  ["relationships", "relationship", "relationships"],
  ["interactions", "interaction", "interactions"],
  ["followUps", "follow-up", "follow-ups"],
];

export type MergeResultProps = {
  preview: MergePreview;
  /** Field -> the record whose value the kept record takes. */
  choices: Record<string, string>;
  survivorName: string;
};

/** The record as it will be after the merge: the chosen values and what the records bring together. */
export function MergeResult({ preview, choices, survivorName }: MergeResultProps) {
  const values = preview.fields
    .map((field) => {
      const index = preview.records.findIndex((record) => record.id === choices[field.field]);
      return { field: field.field, value: formatMergeValue(field.field, index >= 0 ? field.values[index] : null) };
    })
    .filter((entry) => entry.value !== null);
  const combined = COMBINED.filter(([key]) => preview.combined[key] > 0);
  return (
    <Paper withBorder radius="md" p="md" data-testid="merge-result">
      <Stack gap="sm">
        <Title order={4}>After the merge: {survivorName}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs" verticalSpacing={6}>
          {values.map(({ field, value }) => (
            <Group key={field} gap={6} wrap="nowrap" align="flex-start" data-testid="merge-result-field" data-field={field}>
              <Text size="sm" c="dimmed" miw={130}>
                {mergeFieldLabel(field)}
              </Text>
              <Text size="sm" lineClamp={2} style={{ wordBreak: "break-word" }}>
                {value}
              </Text>
            </Group>
          ))}
        </SimpleGrid>
        <Text size="sm" data-testid="merge-combined">
          {combined.length === 0
            ? "No emails, phones, addresses, sites or history to bring together."
            : `Brings together ${combined
                .map(([key, one, many]) => `${preview.combined[key]} ${preview.combined[key] === 1 ? one : many}`)
                .join(", ")} (the same ones counted once).`}
        </Text>
      </Stack>
    </Paper>
  );
}
