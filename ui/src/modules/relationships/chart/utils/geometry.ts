//! Pure geometry of the chart: viewport culling, hit-testing, curves between cards, text fitting.
import type { ChartLayout, ChartNode, ChartPoint, ChartTransform } from "../types";

export type Box = { x: number; y: number; width: number; height: number };

/**
 * Screen pixels drawn beyond each edge of the view, so a pan shows drawn cards until the chart
 * renders at the new place (usePanPreview's commit distance stays under it).
 */
export const VIEW_MARGIN = 200;

/** The part of the chart inside a viewport of the given size, widened by margin screen pixels. */
export function visibleBox(transform: ChartTransform, width: number, height: number, margin = VIEW_MARGIN): Box {
  return {
    x: (-transform.x - margin) / transform.k,
    y: (-transform.y - margin) / transform.k,
    width: (width + 2 * margin) / transform.k,
    height: (height + 2 * margin) / transform.k,
  };
}

export function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function pointsBox(points: ChartPoint[]): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const point of points) {
    minX = Math.min(minX, point.x);
    minY = Math.min(minY, point.y);
    maxX = Math.max(maxX, point.x);
    maxY = Math.max(maxY, point.y);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** Screen point (relative to the canvas) to chart coordinates. */
export function toChart(transform: ChartTransform, screenX: number, screenY: number): ChartPoint {
  return { x: (screenX - transform.x) / transform.k, y: (screenY - transform.y) / transform.k };
}

/** The card under a chart point, if any. */
export function nodeAt(layout: ChartLayout, point: ChartPoint): ChartNode | null {
  for (const node of layout.nodes) {
    if (point.x >= node.x && point.x <= node.x + node.width && point.y >= node.y && point.y <= node.y + node.height) {
      return node;
    }
  }
  return null;
}

function centre(node: ChartNode): ChartPoint {
  return { x: node.x + node.width / 2, y: node.y + node.height / 2 };
}

/** Where the line from the card's centre towards a point leaves the card. */
function borderPoint(node: ChartNode, towards: ChartPoint): ChartPoint {
  const c = centre(node);
  const dx = towards.x - c.x;
  const dy = towards.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const scale = Math.min(
    dx === 0 ? Infinity : node.width / 2 / Math.abs(dx),
    dy === 0 ? Infinity : node.height / 2 / Math.abs(dy),
  );
  return { x: c.x + dx * scale, y: c.y + dy * scale };
}

export type Curve = { start: ChartPoint; control: ChartPoint; end: ChartPoint; mid: ChartPoint; path: string };

/**
 * A quadratic curve between two cards, bowed sideways so it never hides under a tree line; lane
 * separates several relationships between the same two people.
 */
export function curveBetween(from: ChartNode, to: ChartNode, lane = 0): Curve {
  const a = centre(from);
  const b = centre(to);
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy) || 1;
  const bow = Math.min(160, 0.2 * length + 24) * (1 + lane * 0.6);
  const control = { x: (a.x + b.x) / 2 - (dy / length) * bow, y: (a.y + b.y) / 2 + (dx / length) * bow };
  const start = borderPoint(from, control);
  const end = borderPoint(to, control);
  const mid = {
    x: 0.25 * start.x + 0.5 * control.x + 0.25 * end.x,
    y: 0.25 * start.y + 0.5 * control.y + 0.25 * end.y,
  };
  const path = `M${round(start.x)} ${round(start.y)} Q${round(control.x)} ${round(control.y)} ${round(end.x)} ${round(end.y)}`;
  return { start, control, end, mid, path };
}

export function polylinePath(points: ChartPoint[]): string {
  return points.map((point, index) => `${index === 0 ? "M" : "L"}${round(point.x)} ${round(point.y)}`).join(" ");
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Shortens text to about maxWidth pixels at the given font size, ending with an ellipsis. */
export function fitText(text: string, maxWidth: number, fontSize: number): string {
  // SVG has no text-overflow: estimate with an average glyph width (0.56 em for UI sans fonts).
  const maxChars = Math.max(1, Math.floor(maxWidth / (fontSize * 0.56)));
  if (text.length <= maxChars) return text;
  return `${text.slice(0, Math.max(1, maxChars - 1)).trimEnd()}…`;
}
