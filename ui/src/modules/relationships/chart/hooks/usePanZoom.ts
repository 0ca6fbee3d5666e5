import { useCallback, useEffect, useState } from "react";
import type { ChartLayout, ChartNode, ChartTransform } from "../types";

export const MIN_SCALE = 0.02;
export const MAX_SCALE = 2.5;

export type ViewSize = { width: number; height: number };

/** What fitting needs of a layout (the network view has its own layout type). */
export type FitBounds = Pick<ChartLayout, "width" | "height">;

export type PanZoom = {
  transform: ChartTransform;
  /** A move by the user: from then on the view stays where they put it. */
  setTransform: (update: ChartTransform | ((previous: ChartTransform) => ChartTransform)) => void;
  /** True until the user pans, zooms or focuses: the chart then refits when it or the canvas changes. */
  autoFit: boolean;
  /** Shows the whole layout and goes back to fitting automatically. */
  fitTo: (layout: FitBounds, reserveBottom?: number, reserveLeft?: number) => void;
  size: ViewSize;
  /** Callback ref for the canvas element (measures it and listens to the wheel). */
  canvasRef: (element: HTMLDivElement | null) => void;
  canvas: HTMLDivElement | null;
  zoomBy: (factor: number, screenX?: number, screenY?: number) => void;
};

function clampScale(k: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, k));
}

/**
 * The transform that shows the whole chart (never enlarged past 100 %), clear of what covers
 * the canvas's bottom edge (the drop zone) and left edge (the legend).
 */
export function fitTransform(layout: FitBounds, size: ViewSize, reserveBottom = 0, reserveLeft = 0): ChartTransform {
  if (layout.width === 0 || size.width === 0) return { x: 0, y: 0, k: 1 };
  const height = Math.max(1, size.height - reserveBottom);
  const width = Math.max(1, size.width - reserveLeft);
  const k = clampScale(Math.min(width / layout.width, height / layout.height, 1));
  return {
    k,
    x: reserveLeft + (width - layout.width * k) / 2,
    y: Math.max(0, (height - layout.height * k) / 2),
  };
}

/** The transform that centres a card, at a readable scale. */
export function centreTransform(node: Pick<ChartNode, "x" | "y" | "width" | "height">, size: ViewSize, k: number): ChartTransform {
  const scale = Math.max(k, 0.8);
  return {
    k: scale,
    x: size.width / 2 - (node.x + node.width / 2) * scale,
    y: size.height / 2 - (node.y + node.height / 2) * scale,
  };
}

/** Zooming around a screen point keeps that point still. */
export function zoomAround(transform: ChartTransform, factor: number, screenX: number, screenY: number): ChartTransform {
  const k = clampScale(transform.k * factor);
  const ratio = k / transform.k;
  return { k, x: screenX - (screenX - transform.x) * ratio, y: screenY - (screenY - transform.y) * ratio };
}

export function usePanZoom(): PanZoom {
  const [transform, setRawTransform] = useState<ChartTransform>({ x: 0, y: 0, k: 1 });
  const [autoFit, setAutoFit] = useState(true);
  const [size, setSize] = useState<ViewSize>({ width: 0, height: 0 });
  const [canvas, setCanvas] = useState<HTMLDivElement | null>(null);

  const canvasRef = useCallback((element: HTMLDivElement | null) => {
    setCanvas(element);
    if (element) setSize({ width: element.clientWidth, height: element.clientHeight });
  }, []);

  useEffect(() => {
    if (!canvas) return;
    // A native listener: React's wheel listener is passive, and the page must not scroll.
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = canvas.getBoundingClientRect();
      const delta = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
      const factor = Math.exp(-delta * 0.0015);
      setAutoFit(false);
      setRawTransform((previous) => zoomAround(previous, factor, event.clientX - rect.left, event.clientY - rect.top));
    };
    canvas.addEventListener("wheel", onWheel, { passive: false });
    const observer = new ResizeObserver(() => {
      setSize({ width: canvas.clientWidth, height: canvas.clientHeight });
    });
    observer.observe(canvas);
    return () => {
      canvas.removeEventListener("wheel", onWheel);
      observer.disconnect();
    };
  }, [canvas]);

  const setTransform = useCallback((update: ChartTransform | ((previous: ChartTransform) => ChartTransform)) => {
    setAutoFit(false);
    setRawTransform(update);
  }, []);

  const fitTo = useCallback(
    (layout: FitBounds, reserveBottom = 0, reserveLeft = 0) => {
      setAutoFit(true);
      setRawTransform(fitTransform(layout, size, reserveBottom, reserveLeft));
    },
    [size],
  );

  const zoomBy = useCallback(
    (factor: number, screenX?: number, screenY?: number) => {
      setAutoFit(false);
      setRawTransform((previous) =>
        zoomAround(previous, factor, screenX ?? size.width / 2, screenY ?? size.height / 2),
      );
    },
    [size],
  );

  return { transform, setTransform, autoFit, fitTo, size, canvasRef, canvas, zoomBy };
}
