import { useEffect, useRef } from "react";
import type { KindStyle } from "../../chart/utils/chartStyles";
import { kindStyleOf } from "../../chart/utils/chartStyles";
import type { ChartTransform } from "../../chart/types";
import type { ViewSize } from "../../chart/hooks/usePanZoom";
import type { MapPerson, Relationship } from "../../types/map";
import type { NetworkLayout, NetworkNode } from "../layoutNetwork";
import { edgeEnds, kindStroke, visibleRect } from "../utils";

export type NetworkCanvasProps = {
  layout: NetworkLayout;
  relationships: Relationship[];
  styles: Map<string, KindStyle>;
  transform: ChartTransform;
  size: ViewSize;
  /** People drawn as dots here (none when the SVG above draws them as circles). */
  dots: NetworkNode[];
  starts: ReadonlySet<string>;
  personById: Map<string, MapPerson>;
};

/** A Mantine colour variable ("var(--mantine-color-teal-filled)") as the page resolves it. */
function resolve(colour: string, element: Element): string {
  const name = /^var\((--[^)]+)\)$/.exec(colour)?.[1];
  if (!name) return colour;
  return getComputedStyle(element).getPropertyValue(name).trim() || "#868e96";
}

/**
 * Large networks (thousands of people, tens of thousands of relationships) drawn on a canvas:
 * one bitmap the webview moves cheaply, where SVG re-rasterises every line on each frame.
 */
export function NetworkCanvas({ layout, relationships, styles, transform, size, dots, starts, personById }: NetworkCanvasProps) {
  const ref = useRef<HTMLCanvasElement | null>(null);

  useEffect(() => {
    const canvas = ref.current;
    const context = canvas?.getContext("2d");
    if (!canvas || !context || size.width === 0) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(size.width * ratio);
    canvas.height = Math.round(size.height * ratio);
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.setTransform(ratio * transform.k, 0, 0, ratio * transform.k, ratio * transform.x, ratio * transform.y);
    const rect = visibleRect(transform, size, 0);
    // A hairline on screen at any zoom.
    context.lineWidth = 1 / transform.k;
    context.globalAlpha = 0.5;
    const byKind = new Map<string, Relationship[]>();
    for (const relationship of relationships) {
      const list = byKind.get(relationship.kind);
      if (list) list.push(relationship);
      else byKind.set(relationship.kind, [relationship]);
    }
    for (const [kind, list] of byKind) {
      const style = kindStyleOf(styles, kind);
      context.strokeStyle = resolve(kindStroke(kind, style), canvas);
      context.setLineDash(style.dash ? style.dash.split(/[\s,]+/).map((n) => Number(n) / transform.k) : []);
      context.beginPath();
      for (const relationship of list) {
        const from = layout.nodeById.get(relationship.fromId);
        const to = layout.nodeById.get(relationship.toId);
        if (!from || !to) continue;
        const { x1, y1, x2, y2 } = edgeEnds(from, to);
        // Both ends beyond the same edge of the view: the line cannot cross it.
        if ((x1 < rect.x0 && x2 < rect.x0) || (x1 > rect.x1 && x2 > rect.x1)) continue;
        if ((y1 < rect.y0 && y2 < rect.y0) || (y1 > rect.y1 && y2 > rect.y1)) continue;
        context.moveTo(x1, y1);
        context.lineTo(x2, y2);
      }
      context.stroke();
    }
    context.setLineDash([]);
    context.globalAlpha = 1;
    const fills = {
      start: resolve("var(--mantine-color-blue-filled)", canvas),
      person: resolve("var(--mantine-color-blue-light)", canvas),
      placeholder: resolve("var(--mantine-color-gray-3)", canvas),
    };
    for (const [which, colour] of Object.entries(fills)) {
      context.fillStyle = colour;
      context.beginPath();
      for (const node of dots) {
        const kind = starts.has(node.id) ? "start" : personById.get(node.id)?.placeholder ? "placeholder" : "person";
        if (kind !== which) continue;
        const r = node.width / 2;
        context.moveTo(node.x + 2 * r, node.y + r);
        context.arc(node.x + r, node.y + r, r, 0, 2 * Math.PI);
      }
      context.fill();
    }
  }, [layout, relationships, styles, transform, size, dots, starts, personById]);

  return (
    <canvas
      ref={ref}
      data-testid="network-canvas-layer"
      aria-hidden
      style={{ position: "absolute", inset: 0, width: "100%", height: "100%", pointerEvents: "none" }}
    />
  );
}
