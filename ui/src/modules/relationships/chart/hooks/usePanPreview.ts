import { useCallback, useLayoutEffect, useRef } from "react";
import type { ChartTransform } from "../types";

/**
 * How far (screen px) a drag may move the drawing before the chart renders at the new place. It
 * stays under the margin the chart draws beyond the canvas's edges (see visibleBox), so a pan
 * never uncovers an empty strip before the cards there are drawn.
 */
export const PAN_COMMIT_DISTANCE = 150;

export type PanPreview = {
  /** Callback ref for the element holding the chart's drawing (its canvas and SVG). */
  attach: (element: HTMLElement | null) => void;
  /** Shows the chart at `target` by moving the drawing (no React render). */
  move: (target: ChartTransform) => void;
  /** The gesture ended at `target`; the preview goes once a render shows the chart there. */
  end: (target: ChartTransform) => void;
  /** How far (screen px) `target` is from the transform the chart was last rendered with. */
  lag: (target: ChartTransform) => number;
};

/**
 * Drag-pans re-rendering a big chart on every pointer move stall the page, so during a pan the
 * drawing is shifted with a CSS transform and the chart renders only now and then. The shift
 * is always "wanted minus rendered", re-applied in a layout effect after each render, so the
 * picture never jumps when a render lands between two moves.
 */
export function usePanPreview(transform: ChartTransform): PanPreview {
  const drawing = useRef<HTMLElement | null>(null);
  const attach = useCallback((element: HTMLElement | null) => {
    drawing.current = element;
  }, []);
  const rendered = useRef(transform);
  const wanted = useRef<{ target: ChartTransform; done: boolean } | null>(null);

  const apply = useCallback(() => {
    const current = wanted.current;
    const shown = rendered.current;
    let dx = 0;
    let dy = 0;
    if (current && current.target.k === shown.k) {
      dx = current.target.x - shown.x;
      dy = current.target.y - shown.y;
    }
    // A zoom during the pan, or a finished pan that the chart now shows, ends the preview.
    if (current && (current.target.k !== shown.k || (current.done && dx === 0 && dy === 0))) wanted.current = null;
    const element = drawing.current;
    if (!element) return;
    // No `will-change`: switching WebKitGTK into a compositing layer for each gesture stalled
    // the page for seconds under software rendering; a plain transform repaints quickly.
    element.style.transform = dx !== 0 || dy !== 0 ? `translate(${dx}px, ${dy}px)` : "";
    // Marks the gesture, so what is costly to repaint can step aside until it ends.
    if (wanted.current) element.dataset.panning = "";
    else delete element.dataset.panning;
  }, []);

  useLayoutEffect(() => {
    rendered.current = transform;
    apply();
  }, [transform, apply]);

  const move = useCallback(
    (target: ChartTransform) => {
      wanted.current = { target, done: false };
      apply();
    },
    [apply],
  );
  const end = useCallback(
    (target: ChartTransform) => {
      wanted.current = { target, done: true };
      apply();
    },
    [apply],
  );
  const lag = useCallback(
    (target: ChartTransform) => Math.hypot(target.x - rendered.current.x, target.y - rendered.current.y),
    [],
  );

  return { attach, move, end, lag };
}
