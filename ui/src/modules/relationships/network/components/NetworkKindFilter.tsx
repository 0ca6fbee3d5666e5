import { Checkbox, Group, Text } from "@mantine/core";
import type { KindStyle } from "../../chart/utils/chartStyles";
import { kindStroke } from "../utils";

export type NetworkKindFilterProps = {
  kinds: { code: string; style: KindStyle }[];
  hiddenKinds: Set<string>;
  onToggleKind: (code: string) => void;
};

/** A checkbox per relationship kind, with the org chart legend's colour and dash for each. */
export function NetworkKindFilter({ kinds, hiddenKinds, onToggleKind }: NetworkKindFilterProps) {
  const shown = kinds.filter(({ code }) => !hiddenKinds.has(code)).length;
  return (
    <Group gap="sm" wrap="wrap">
      {kinds.map(({ code, style }) => {
        const checked = !hiddenKinds.has(code);
        return (
          <Group key={code} gap={4} wrap="nowrap">
            <Checkbox
              size="xs"
              checked={checked}
              // The core reads no kinds as every kind, so the last one shown stays on.
              disabled={checked && shown === 1}
              onChange={() => onToggleKind(code)}
              aria-label={`Show ${style.label}`}
              data-testid="network-kind-filter"
              data-kind={code}
            />
            <svg width={24} height={8} aria-hidden>
              <line
                x1={0}
                y1={4}
                x2={24}
                y2={4}
                style={{ stroke: kindStroke(code, style), strokeWidth: 2, strokeDasharray: style.dash ?? undefined }}
              />
            </svg>
            <Text size="xs">{style.label}</Text>
          </Group>
        );
      })}
    </Group>
  );
}
