import { Paper, SimpleGrid, Text } from "@mantine/core";
import type { ImportOutcome } from "../../../ipc/bindings";
import { formatCount } from "../../contacts/utils/formatCount";

export type OutcomeCountsProps = {
  outcome: ImportOutcome;
};

const COUNTS: { key: "imported" | "updated" | "skipped" | "rejected"; label: string; color?: string }[] = [
  { key: "imported", label: "Imported", color: "green" },
  { key: "updated", label: "Updated", color: "blue" },
  { key: "skipped", label: "Skipped" },
  { key: "rejected", label: "Rejected", color: "red" },
];

/**
 * What an import stored (new contacts), updated and left out, as four figures. A space separates
 * each figure from its label, so the text reads "1,100 Imported" (screen readers, copying).
 */
export function OutcomeCounts({ outcome }: OutcomeCountsProps) {
  return (
    <SimpleGrid cols={4} spacing="xs">
      {COUNTS.map(({ key, label, color }) => (
        <Paper key={key} withBorder p="xs" radius="md" data-testid={`import-result-${key}`} data-count={outcome[key]}>
          <Text size="xl" fw={650} c={outcome[key] > 0 ? color : "dimmed"} style={{ fontVariantNumeric: "tabular-nums" }}>
            {formatCount(outcome[key])}
          </Text>{" "}
          <Text size="xs" c="dimmed">
            {label}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
