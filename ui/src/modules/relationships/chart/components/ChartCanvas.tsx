import { useComputedColorScheme } from "@mantine/core";
import { useLayoutEffect, useRef } from "react";
import type { ViewSize } from "../hooks/usePanZoom";
import type { ChartTransform } from "../types";
import type { BulkPalette, BulkScene } from "../utils/drawBulk";
import { drawBulk } from "../utils/drawBulk";
import { canvasPlacement } from "../utils/canvasPlacement";

function paletteOf(element: Element): BulkPalette {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const kinds = new Map<string, string>();
  return {
    card: read("--mantine-color-body", "#ffffff"),
    placeholder: read("--mantine-color-default-hover", "#f8f9fa"),
    border: read("--mantine-color-default-border", "#ced4da"),
    marker: read("--mantine-primary-color-filled", "#228be6"),
    kind: (color) => {
      let value = kinds.get(color);
      if (value === undefined) kinds.set(color, (value = read(`--mantine-color-${color}-filled`, "#868e96")));
      return value;
    },
  };
}

export type ChartCanvasProps = { scene: BulkScene; transform: ChartTransform; size: ViewSize };

/** The chart's bulk drawing (see drawBulk), under the SVG that holds everything one can click. */
export function ChartCanvas({ scene, transform, size }: ChartCanvasProps) {
  const ref = useRef<HTMLCanvasElement | null>(null);
  const scheme = useComputedColorScheme("light");
  const ratio = window.devicePixelRatio || 1;
  const place = canvasPlacement(scene.layout, transform, size, ratio);
  const { originX, originY } = place;
  const { k } = transform;
  const bitmapWidth = Math.round(place.width * ratio);
  const bitmapHeight = Math.round(place.height * ratio);

  // Drawn before the browser paints, so the bitmap never shows at a place it was not drawn for.
  useLayoutEffect(() => {
    const canvas = ref.current;
    // A canvas drawn by the GPU gets a compositing layer of its own, and the SVG over it then
    // needs one too: in WebKitGTK that made each frame of a pan slower than SVG alone. A canvas
    // kept in memory is painted with the page.
    const context = canvas?.getContext("2d", { willReadFrequently: true });
    if (!canvas || !context) return;
    if (canvas.width !== bitmapWidth) canvas.width = bitmapWidth;
    if (canvas.height !== bitmapHeight) canvas.height = bitmapHeight;
    const area = { x: -originX / k, y: -originY / k, width: place.width / k, height: place.height / k };
    const counts = drawBulk(context, scene, paletteOf(canvas), {
      k,
      originX,
      originY,
      ratio,
      width: place.width,
      height: place.height,
      area,
    });
    canvas.dataset.cards = String(counts.cards);
    canvas.dataset.curves = String(counts.curves);
    canvas.dataset.treeLines = String(counts.treeLines);
    // The colour scheme changes the palette, read from the page when drawing.
  }, [scene, scheme, k, originX, originY, place.width, place.height, bitmapWidth, bitmapHeight, ratio]);

  return (
    <canvas
      ref={ref}
      data-testid="org-canvas-layer"
      data-whole={place.whole || undefined}
      aria-hidden
      style={{
        position: "absolute",
        left: place.left,
        top: place.top,
        // The bitmap's own size, so it is never scaled.
        width: bitmapWidth / ratio,
        height: bitmapHeight / ratio,
        pointerEvents: "none",
      }}
    />
  );
}
