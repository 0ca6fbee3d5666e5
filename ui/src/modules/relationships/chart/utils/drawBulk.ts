//! What the org chart draws on its canvas: the curves of every relationship other than
//! reports-to, and far out every card as a box with the tree lines too. A canvas is one bitmap
//! the webview moves for free, where SVG rasterises every path again on each frame of a pan.
import type { ChartLayout } from "../types";
import type { KindStyle } from "./chartStyles";
import { kindStyleOf } from "./chartStyles";
import type { Box } from "./geometry";
import { intersects } from "./geometry";
import type { CurveLine, TreeLine } from "./lines";

/** The part of a 2D context drawBulk uses (a recording stand-in in unit tests, where jsdom draws nothing). */
export type BulkContext = Pick<
  CanvasRenderingContext2D,
  | "setTransform"
  | "clearRect"
  | "beginPath"
  | "moveTo"
  | "lineTo"
  | "quadraticCurveTo"
  | "rect"
  | "stroke"
  | "fill"
  | "setLineDash"
  | "lineWidth"
  | "strokeStyle"
  | "fillStyle"
  | "globalAlpha"
>;

export type BulkScene = {
  layout: ChartLayout;
  /** The reports-to lines, when the canvas draws them (null: the SVG does, or they are hidden). */
  tree: TreeLine[] | null;
  /** The relationships other than reports-to. */
  curves: CurveLine[];
  /** Far out or thousands of curves: drawn faintly, with no handles in the SVG nor arrowheads. */
  bulkCurves: boolean;
  /** Every card as a box: the far-out overview, where lines are hairlines on screen. */
  cards: boolean;
  isPlaceholder: (personId: string) => boolean;
  styles: Map<string, KindStyle>;
};

/** Colours as the page resolves them: a canvas cannot read CSS variables. */
export type BulkPalette = {
  card: string;
  placeholder: string;
  border: string;
  marker: string;
  /** A Mantine colour name ("teal") as the filled colour of the current theme. */
  kind: (color: string) => string;
};

/**
 * Where the drawing goes: the chart's scale, where chart point (0, 0) falls on the canvas (CSS
 * px), the device pixel ratio, the canvas's CSS size, and the part of the chart it shows.
 */
export type BulkView = { k: number; originX: number; originY: number; ratio: number; width: number; height: number; area: Box };

export type BulkCounts = { cards: number; treeLines: number; curves: number };

/** An arrowhead's length and half-width, as the SVG marker drew it on a 2 px line. */
const ARROW = { length: 14, half: 7 };

/** A collapsed branch keeps a pill under its card, where the "+N" toggle is closer in. */
const MARKER = { width: 36, height: 16, gap: 4 };

export function drawBulk(context: BulkContext, scene: BulkScene, palette: BulkPalette, view: BulkView): BulkCounts {
  const { k, ratio, area } = view;
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, view.width * ratio, view.height * ratio);
  context.setTransform(ratio * k, 0, 0, ratio * k, ratio * view.originX, ratio * view.originY);
  const counts: BulkCounts = { cards: 0, treeLines: 0, curves: 0 };
  // Far out a line is one screen pixel whatever the zoom, as it was in the SVG overview.
  const width = scene.cards ? 1 / k : 1.5;
  const dashOf = (dash: string | null) =>
    dash ? dash.split(/[\s,]+/).map((n) => (scene.cards ? Number(n) / k : Number(n))) : [];

  if (scene.tree) {
    context.strokeStyle = palette.border;
    context.lineWidth = width;
    context.setLineDash([]);
    context.beginPath();
    for (const { edge, bounds } of scene.tree) {
      if (!intersects(bounds, area)) continue;
      edge.points.forEach((point, index) => (index === 0 ? context.moveTo(point.x, point.y) : context.lineTo(point.x, point.y)));
      counts.treeLines += 1;
    }
    context.stroke();
  }

  if (scene.curves.length > 0) {
    const byKind = new Map<string, CurveLine[]>();
    for (const line of scene.curves) {
      if (!intersects(line.bounds, area)) continue;
      const list = byKind.get(line.relationship.kind);
      if (list) list.push(line);
      else byKind.set(line.relationship.kind, [line]);
    }
    // A few curves are drawn plainly, with arrowheads; thousands of them faintly, to stay legible.
    const plain = !scene.bulkCurves;
    context.globalAlpha = plain ? 1 : 0.6;
    for (const [kind, lines] of byKind) {
      const style = kindStyleOf(scene.styles, kind);
      const colour = palette.kind(style.color);
      context.strokeStyle = colour;
      context.lineWidth = plain ? 2 : width;
      context.setLineDash(dashOf(style.dash));
      context.beginPath();
      for (const { curve } of lines) {
        context.moveTo(curve.start.x, curve.start.y);
        context.quadraticCurveTo(curve.control.x, curve.control.y, curve.end.x, curve.end.y);
      }
      context.stroke();
      counts.curves += lines.length;
      if (!plain || !style.directed) continue;
      context.fillStyle = colour;
      context.beginPath();
      for (const { curve } of lines) arrowhead(context, curve.control, curve.end);
      context.fill();
    }
    context.globalAlpha = 1;
    context.setLineDash([]);
  }

  if (scene.cards) {
    const shown = scene.layout.nodes.filter((node) => intersects(node, area));
    for (const placeholders of [false, true]) {
      context.fillStyle = placeholders ? palette.placeholder : palette.card;
      context.beginPath();
      for (const node of shown) {
        if (scene.isPlaceholder(node.id) !== placeholders) continue;
        context.rect(node.x, node.y, node.width, node.height);
      }
      context.fill();
    }
    context.strokeStyle = palette.border;
    context.lineWidth = 1 / k;
    context.beginPath();
    for (const node of shown) context.rect(node.x, node.y, node.width, node.height);
    context.stroke();
    // Closed branches stand out by their pill.
    context.fillStyle = palette.marker;
    context.beginPath();
    for (const node of shown) {
      if (!node.collapsed) continue;
      context.rect(node.x + node.width / 2 - MARKER.width / 2, node.y + node.height + MARKER.gap, MARKER.width, MARKER.height);
    }
    context.fill();
    counts.cards = shown.length;
  }
  return counts;
}

/** An arrowhead at `tip`, pointing the way the curve arrives there from its control point. */
function arrowhead(context: BulkContext, from: { x: number; y: number }, tip: { x: number; y: number }) {
  const length = Math.hypot(tip.x - from.x, tip.y - from.y) || 1;
  const ux = (tip.x - from.x) / length;
  const uy = (tip.y - from.y) / length;
  const baseX = tip.x - ux * ARROW.length;
  const baseY = tip.y - uy * ARROW.length;
  context.moveTo(tip.x, tip.y);
  context.lineTo(baseX - uy * ARROW.half, baseY + ux * ARROW.half);
  context.lineTo(baseX + uy * ARROW.half, baseY - ux * ARROW.half);
  context.lineTo(tip.x, tip.y);
}
