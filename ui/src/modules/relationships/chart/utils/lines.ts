//! The chart's lines, worked out once per layout: the reports-to elbows and the curves of the
//! other relationships, each with the box it covers so a view can cull it.
import type { Relationship } from "../../types/map";
import type { ChartLayout, ChartTreeEdge } from "../types";
import type { Box, Curve } from "./geometry";
import { curveBetween, pointsBox, polylinePath } from "./geometry";

/** Above this many curves they are drawn in bulk: faintly, without handles or arrowheads. */
export const BULK_RELATIONSHIPS = 2000;

export type TreeLine = { edge: ChartTreeEdge; path: string; bounds: Box };
export type CurveLine = { relationship: Relationship; curve: Curve; bounds: Box };

export function treeLines(layout: ChartLayout): TreeLine[] {
  return layout.treeEdges.map((edge) => ({ edge, path: polylinePath(edge.points), bounds: pointsBox(edge.points) }));
}

/** A curve per relationship between two people on the chart; lanes part those between the same two. */
export function curveLines(layout: ChartLayout, relationships: Relationship[]): CurveLine[] {
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
}
