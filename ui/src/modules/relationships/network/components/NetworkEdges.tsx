import { memo } from "react";
import type { Relationship } from "../../types/map";
import type { KindStyle } from "../../chart/utils/chartStyles";
import { kindStyleOf } from "../../chart/utils/chartStyles";
import type { NetworkLayout } from "../layoutNetwork";
import { edgeEnds, kindStroke } from "../utils";

/** Above this many relationships the network is drawn on a canvas (NetworkCanvas) instead. */
export const BULK_EDGES = 2000;

export type NetworkEdgesProps = {
  layout: NetworkLayout;
  relationships: Relationship[];
  styles: Map<string, KindStyle>;
  activeEdgeId: string | null;
  onHoverEdge: (id: string | null) => void;
  onSelectEdge: (id: string) => void;
};

function markerId(code: string): string {
  return `network-arrow-${code.replace(/[^a-zA-Z0-9_-]/g, "_")}`;
}

/** Arrowheads, one per kind (SVG markers take no colour from the line that uses them). */
export function NetworkMarkers({ styles }: { styles: Map<string, KindStyle> }) {
  return (
    <defs>
      {[...styles].map(([code, style]) => (
        <marker
          key={code}
          id={markerId(code)}
          viewBox="0 0 10 10"
          refX={9}
          refY={5}
          markerWidth={7}
          markerHeight={7}
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" style={{ fill: kindStroke(code, style) }} />
        </marker>
      ))}
    </defs>
  );
}

/** One `<line>` per relationship, with hover and selection. */
export const NetworkEdges = memo(function NetworkEdges({
  layout,
  relationships,
  styles,
  activeEdgeId,
  onHoverEdge,
  onSelectEdge,
}: NetworkEdgesProps) {
  return (
    <g>
      {relationships.map((relationship) => {
        const from = layout.nodeById.get(relationship.fromId);
        const to = layout.nodeById.get(relationship.toId);
        if (!from || !to) return null;
        const ends = edgeEnds(from, to);
        const style = kindStyleOf(styles, relationship.kind);
        const active = relationship.id === activeEdgeId;
        return (
          <g
            key={relationship.id}
            data-testid="network-edge"
            data-kind={relationship.kind}
            data-from={relationship.fromId}
            data-to={relationship.toId}
            onMouseEnter={() => onHoverEdge(relationship.id)}
            onMouseLeave={() => onHoverEdge(null)}
            onClick={(event) => {
              event.stopPropagation();
              onSelectEdge(relationship.id);
            }}
            style={{ cursor: "pointer" }}
          >
            <line {...ends} style={{ stroke: "transparent", strokeWidth: 10 }} />
            <line
              {...ends}
              markerEnd={style.directed ? `url(#${markerId(relationship.kind)})` : undefined}
              style={{
                stroke: kindStroke(relationship.kind, style),
                strokeWidth: active ? 3 : 1.5,
                strokeDasharray: style.dash ?? undefined,
              }}
            />
          </g>
        );
      })}
    </g>
  );
});
