import { Checkbox, Group, Paper, Stack, Text } from "@mantine/core";
import type { KindStyle } from "../utils/chartStyles";

export type ChartLegendProps = {
  /** Kinds present on the chart, reports_to first. */
  kinds: { code: string; style: KindStyle }[];
  hiddenKinds: Set<string>;
  onToggleKind: (code: string) => void;
};

/** What each line means, with a checkbox per relationship kind to show or hide its lines. */
export function ChartLegend({ kinds, hiddenKinds, onToggleKind }: ChartLegendProps) {
  if (kinds.length === 0) return null;
  return (
    <Paper withBorder shadow="xs" p="xs" radius="md" data-testid="org-legend">
      <Stack gap={4}>
        <Text size="xs" fw={600} c="dimmed">
          Relationships
        </Text>
        {kinds.map(({ code, style }) => (
          <Group key={code} gap={6} wrap="nowrap">
            <Checkbox
              size="xs"
              checked={!hiddenKinds.has(code)}
              onChange={() => onToggleKind(code)}
              aria-label={`Show ${style.label}`}
              data-testid="org-kind-filter"
              data-kind={code}
            />
            <svg width={28} height={8} aria-hidden>
              <line
                x1={0}
                y1={4}
                x2={28}
                y2={4}
                style={{
                  stroke: code === "reports_to" ? "var(--mantine-color-default-border)" : `var(--mantine-color-${style.color}-filled)`,
                  strokeWidth: 2,
                  strokeDasharray: style.dash ?? undefined,
                }}
              />
            </svg>
            <Text size="xs">{style.label}</Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
