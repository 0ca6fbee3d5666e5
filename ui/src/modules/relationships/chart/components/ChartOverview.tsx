import { memo, useMemo } from "react";
import type { MapPerson } from "../../types/map";
import type { ChartLayout } from "../types";
import classes from "./OrgCard.module.css";

export type ChartOverviewProps = {
  layout: ChartLayout;
  peopleById: Map<string, MapPerson>;
  highlightId: string | null;
};

function rect(x: number, y: number, width: number, height: number): string {
  return `M${Math.round(x)} ${Math.round(y)}h${width}v${height}h${-width}z`;
}

/**
 * Every card as a box in a handful of paths: thousands of cards then cost the browser a few
 * elements, and the paths only change with the layout, so panning does not rebuild them.
 */
export const ChartOverview = memo(function ChartOverview({ layout, peopleById, highlightId }: ChartOverviewProps) {
  const paths = useMemo(() => {
    const cards: string[] = [];
    const placeholders: string[] = [];
    const markers: string[] = [];
    for (const node of layout.nodes) {
      const box = rect(node.x, node.y, node.width, node.height);
      if (peopleById.get(node.id)?.placeholder) placeholders.push(box);
      else cards.push(box);
      // The "+N" pill of a collapsed branch, so closed branches still stand out.
      if (node.collapsed) markers.push(rect(node.x + node.width / 2 - 18, node.y + node.height + 4, 36, 16));
    }
    return { cards: cards.join(""), placeholders: placeholders.join(""), markers: markers.join("") };
  }, [layout, peopleById]);
  const highlighted = highlightId ? layout.nodeById.get(highlightId) : undefined;

  return (
    <g data-testid="org-cards-bulk" style={{ cursor: "zoom-in" }}>
      {/* Outlines in screen pixels: far out, a card's own 1.5 px border would vanish. */}
      <path className={classes.frame} d={paths.cards} vectorEffect="non-scaling-stroke" style={{ strokeWidth: 1 }} />
      {paths.placeholders ? (
        <path
          className={classes.placeholderFrame}
          d={paths.placeholders}
          vectorEffect="non-scaling-stroke"
          style={{ strokeWidth: 1, strokeDasharray: "none" }}
        />
      ) : null}
      {paths.markers ? (
        <path d={paths.markers} style={{ fill: "var(--mantine-primary-color-filled)" }} data-testid="org-collapsed-bulk" />
      ) : null}
      {highlighted ? (
        <rect
          x={highlighted.x}
          y={highlighted.y}
          width={highlighted.width}
          height={highlighted.height}
          style={{ fill: "none", stroke: "var(--mantine-primary-color-filled)", strokeWidth: 12 }}
        />
      ) : null}
    </g>
  );
});
