import { memo } from "react";
import type { KindStyle } from "../utils/chartStyles";
import { kindStyleOf } from "../utils/chartStyles";
import type { Box } from "../utils/geometry";
import { intersects } from "../utils/geometry";
import classes from "./ChartEdges.module.css";
import type { CurveLine, TreeLine } from "../utils/lines";

export type ChartEdgesProps = {
  /** The reports-to lines to draw here (null: hidden by the kind filter, or on the canvas). */
  tree: TreeLine[] | null;
  /** The other relationships to draw here (null: on the canvas). */
  curves: CurveLine[] | null;
  styles: Map<string, KindStyle>;
  /** Only lines crossing this part of the chart are drawn. */
  box: Box;
  selectedId: string | null;
  onSelect: (relationshipId: string) => void;
};

/**
 * The lines one can click: the reports-to elbows, and for the other relationships (whose curves
 * the canvas draws) a handle and the selected one's curve. Each has a wide stroke to hit that is
 * never painted: dozens of painted SVG curves made every frame of a pan slow. Only those crossing
 * the view are drawn.
 */
export const ChartEdges = memo(function ChartEdges({ tree, curves, styles, box, selectedId, onSelect }: ChartEdgesProps) {
  return (
    <g>
      {tree?.map(({ edge, path, bounds }) => {
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
            <path d={path} className={classes.hit} />
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
      {curves?.map(({ relationship, curve, bounds }) => {
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
            <path d={curve.path} className={classes.hit} />
            {selected ? (
              <path
                d={curve.path}
                fill="none"
                markerEnd={style.directed ? `url(#org-arrow-${style.color})` : undefined}
                style={{ stroke: color, strokeWidth: 3.5, strokeDasharray: style.dash ?? undefined }}
              />
            ) : null}
            <circle
              data-testid="org-edge-handle"
              className={classes.handle}
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
