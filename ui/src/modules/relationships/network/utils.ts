//! Small pure helpers of the network view: stroke colours, edge ends, the visible part of the chart.
import type { ChartTransform } from "../chart/types";
import type { KindStyle } from "../chart/utils/chartStyles";
import type { ViewSize } from "../chart/hooks/usePanZoom";
import type { NetworkNode } from "./layoutNetwork";

/** The same stroke as the org chart's legend (reports-to in the border colour). */
export function kindStroke(code: string, style: KindStyle): string {
  return code === "reports_to" ? "var(--mantine-color-gray-5)" : `var(--mantine-color-${style.color}-filled)`;
}

/** A line between two circles, ending on their rims so arrowheads stay visible. */
export function edgeEnds(from: NetworkNode, to: NetworkNode): { x1: number; y1: number; x2: number; y2: number } {
  const ax = from.x + from.width / 2;
  const ay = from.y + from.height / 2;
  const bx = to.x + to.width / 2;
  const by = to.y + to.height / 2;
  const length = Math.hypot(bx - ax, by - ay) || 1;
  const ux = (bx - ax) / length;
  const uy = (by - ay) / length;
  const r = from.width / 2;
  return { x1: ax + ux * r, y1: ay + uy * r, x2: bx - ux * (r + 2), y2: by - uy * (r + 2) };
}

export type ChartRect = { x0: number; y0: number; x1: number; y1: number };

/** The part of the chart on screen (with a margin); everything when the canvas is not measured. */
export function visibleRect(transform: ChartTransform, size: ViewSize, margin = 80): ChartRect {
  if (size.width === 0 || size.height === 0) return { x0: -Infinity, y0: -Infinity, x1: Infinity, y1: Infinity };
  return {
    x0: (-transform.x - margin) / transform.k,
    y0: (-transform.y - margin) / transform.k,
    x1: (size.width - transform.x + margin) / transform.k,
    y1: (size.height - transform.y + margin) / transform.k,
  };
}

export function inRect(node: NetworkNode, rect: ChartRect): boolean {
  return node.x + node.width >= rect.x0 && node.x <= rect.x1 && node.y + node.height >= rect.y0 && node.y <= rect.y1;
}
