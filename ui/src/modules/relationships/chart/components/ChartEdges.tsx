import { memo } from "react";
import type { Relationship } from "../../types/map";
import type { ChartLayout } from "../types";
import type { KindStyle } from "../utils/chartStyles";
import { kindStyleOf } from "../utils/chartStyles";
import type { Box } from "../utils/geometry";
import { curveBetween, intersects, pointsBox, polylinePath } from "../utils/geometry";

export type ChartEdgesProps = {
  layout: ChartLayout;
  /** The non-hierarchical relationships to draw (already filtered by kind). */
  relationships: Relationship[];
  styles: Map<string, KindStyle>;
  /** False when the kind filter hides reports_to. */
  showTree: boolean;
  /** Only lines crossing this part of the chart are drawn. */
  box: Box;
  selectedId: string | null;
  onSelect: (relationshipId: string) => void;
};

/** The reports-to tree lines (solid elbows) and the other relationships (dashed coloured curves). */
export const ChartEdges = memo(function ChartEdges({
  layout,
  relationships,
  styles,
  showTree,
  box,
  selectedId,
  onSelect,
}: ChartEdgesProps) {
  const lanes = new Map<string, number>();
  return (
    <g>
      {layout.treeEdges.map((edge) => {
        if (!showTree || !intersects(pointsBox(edge.points), box)) return null;
        const selected = edge.relationshipId === selectedId;
        const path = polylinePath(edge.points);
        return (
          <g
            key={edge.relationshipId}
            data-testid="org-edge"
            data-from={edge.fromId}
            data-to={edge.toId}
            data-kind="reports_to"
            data-relationship-id={edge.relationshipId}
            style={{ cursor: "pointer" }}
            onClick={() => onSelect(edge.relationshipId)}
          >
            <path d={path} fill="none" stroke="transparent" strokeWidth={12} />
            <path
              d={path}
              fill="none"
              style={{
                stroke: selected ? "var(--mantine-primary-color-filled)" : "var(--mantine-color-default-border)",
                strokeWidth: selected ? 3 : 1.5,
              }}
            />
          </g>
        );
      })}
      {relationships.map((relationship) => {
        const from = layout.nodeById.get(relationship.fromId);
        const to = layout.nodeById.get(relationship.toId);
        if (!from || !to || from === to) return null;
        const pair = from.id < to.id ? `${from.id}|${to.id}` : `${to.id}|${from.id}`;
        const lane = lanes.get(pair) ?? 0;
        lanes.set(pair, lane + 1);
        const curve = curveBetween(from, to, lane);
        if (!intersects(pointsBox([curve.start, curve.control, curve.end]), box)) return null;
        const style = kindStyleOf(styles, relationship.kind);
        const selected = relationship.id === selectedId;
        const color = `var(--mantine-color-${style.color}-filled)`;
        return (
          <g
            key={relationship.id}
            data-testid="org-edge"
            data-from={relationship.fromId}
            data-to={relationship.toId}
            data-kind={relationship.kind}
            data-relationship-id={relationship.id}
            style={{ cursor: "pointer" }}
            onClick={() => onSelect(relationship.id)}
          >
            <title>{style.label}</title>
            <path d={curve.path} fill="none" stroke="transparent" strokeWidth={12} />
            <path
              d={curve.path}
              fill="none"
              markerEnd={style.directed ? `url(#org-arrow-${style.color})` : undefined}
              style={{ stroke: color, strokeWidth: selected ? 3.5 : 2, strokeDasharray: style.dash ?? undefined }}
            />
            <circle
              data-testid="org-edge-handle"
              cx={curve.mid.x}
              cy={curve.mid.y}
              r={selected ? 7 : 5}
              style={{ fill: "var(--mantine-color-body)", stroke: color, strokeWidth: 2 }}
            />
          </g>
        );
      })}
    </g>
  );
});

export type EdgeMarkersProps = { colors: string[] };

/** One arrowhead per colour: SVG 1.1 markers cannot take the colour of their line. */
export function EdgeMarkers({ colors }: EdgeMarkersProps) {
  return (
    <>
      {colors.map((color) => (
        <marker
          key={color}
          id={`org-arrow-${color}`}
          viewBox="0 0 10 10"
          refX={9}
          refY={5}
          markerWidth={7}
          markerHeight={7}
          orient="auto-start-reverse"
        >
          <path d="M0 0 L10 5 L0 10 z" style={{ fill: `var(--mantine-color-${color}-filled)` }} />
        </marker>
      ))}
    </>
  );
}
