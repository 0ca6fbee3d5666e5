import { memo, useMemo } from "react";
import type { Relationship } from "../../types/map";
import type { ChartLayout, ChartTreeEdge } from "../types";
import type { KindStyle } from "../utils/chartStyles";
import { kindStyleOf } from "../utils/chartStyles";
import type { Box, Curve } from "../utils/geometry";
import { curveBetween, intersects, pointsBox, polylinePath } from "../utils/geometry";

/** Above this many dashed lines they are drawn as one path per kind, without handles. */
export const BULK_RELATIONSHIPS = 2000;

export type ChartEdgesProps = {
  layout: ChartLayout;
  /** The non-hierarchical relationships to draw (already filtered by kind). */
  relationships: Relationship[];
  styles: Map<string, KindStyle>;
  /** False when the kind filter hides reports_to. */
  showTree: boolean;
  /** Only lines crossing this part of the chart are drawn (ignored for batched lines). */
  box: Box;
  /** Zoomed far out: the tree lines are one path, and so are the dashed lines of each kind. */
  overview: boolean;
  selectedId: string | null;
  onSelect: (relationshipId: string) => void;
};

type CurveLine = { relationship: Relationship; curve: Curve; bounds: Box };
type TreeLine = { edge: ChartTreeEdge; path: string; bounds: Box };

/**
 * The reports-to tree lines (solid elbows) and the other relationships (dashed coloured curves).
 * Their geometry is worked out once per layout, so a pan only culls; batched lines are the same
 * strings on every render and cost the browser one element each.
 */
export const ChartEdges = memo(function ChartEdges({
  layout,
  relationships,
  styles,
  showTree,
  box,
  overview,
  selectedId,
  onSelect,
}: ChartEdgesProps) {
  const treeLines = useMemo<TreeLine[]>(
    () =>
      layout.treeEdges.map((edge) => ({ edge, path: polylinePath(edge.points), bounds: pointsBox(edge.points) })),
    [layout],
  );
  const curves = useMemo<CurveLine[]>(() => {
    const lanes = new Map<string, number>();
    const lines: CurveLine[] = [];
    for (const relationship of relationships) {
      const from = layout.nodeById.get(relationship.fromId);
      const to = layout.nodeById.get(relationship.toId);
      if (!from || !to || from === to) continue;
      const pair = from.id < to.id ? `${from.id}|${to.id}` : `${to.id}|${from.id}`;
      const lane = lanes.get(pair) ?? 0;
      lanes.set(pair, lane + 1);
      const curve = curveBetween(from, to, lane);
      lines.push({ relationship, curve, bounds: pointsBox([curve.start, curve.control, curve.end]) });
    }
    return lines;
  }, [layout, relationships]);
  const bulkCurves = overview || curves.length > BULK_RELATIONSHIPS;
  const curvesByKind = useMemo(() => {
    if (!bulkCurves) return null;
    const byKind = new Map<string, string[]>();
    for (const { relationship, curve } of curves) {
      let parts = byKind.get(relationship.kind);
      if (!parts) byKind.set(relationship.kind, (parts = []));
      parts.push(curve.path);
    }
    return [...byKind].map(([kind, parts]) => ({ kind, d: parts.join("") }));
  }, [bulkCurves, curves]);
  const treePath = useMemo(
    () => (overview ? treeLines.map((line) => line.path).join("") : null),
    [overview, treeLines],
  );

  return (
    <g>
      {!showTree ? null : treePath !== null ? (
        <path
          data-testid="org-tree-bulk"
          d={treePath}
          fill="none"
          vectorEffect="non-scaling-stroke"
          style={{ stroke: "var(--mantine-color-default-border)", strokeWidth: 1 }}
        />
      ) : (
        treeLines.map(({ edge, path, bounds }) => {
          if (!intersects(bounds, box)) return null;
          const selected = edge.relationshipId === selectedId;
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
        })
      )}
      {curvesByKind ? (
        <g data-testid="org-edges-bulk">
          {curvesByKind.map(({ kind, d }) => {
            const style = kindStyleOf(styles, kind);
            return (
              <path
                key={kind}
                d={d}
                data-kind={kind}
                fill="none"
                vectorEffect={overview ? "non-scaling-stroke" : undefined}
                style={{
                  stroke: `var(--mantine-color-${style.color}-filled)`,
                  strokeWidth: overview ? 1 : 1.5,
                  strokeDasharray: style.dash ?? undefined,
                  opacity: 0.6,
                }}
              />
            );
          })}
        </g>
      ) : (
        curves.map(({ relationship, curve, bounds }) => {
          if (!intersects(bounds, box)) return null;
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
        })
      )}
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
