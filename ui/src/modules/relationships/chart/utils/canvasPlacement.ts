//! Which part of the chart the canvas covers, and where it sits over the view.
import type { ViewSize } from "../hooks/usePanZoom";
import type { ChartLayout, ChartTransform } from "../types";
import { VIEW_MARGIN } from "./geometry";

/** Beyond this many bitmap pixels a side (or in all) the canvas covers only the view. */
const MAX_SIDE = 4096;
const MAX_PIXELS = 16_000_000;
/** Chart units a curve may bow out past the outermost cards (see curveBetween; three lanes). */
const BOW_ROOM = 400;

export type CanvasPlacement = {
  /** The canvas covers the whole chart: a pan only moves it, and only a zoom draws again. */
  whole: boolean;
  /** CSS px, relative to the chart's view. */
  left: number;
  top: number;
  width: number;
  height: number;
  /** Where chart point (0, 0) falls on the canvas (CSS px): fixed for a whole chart while it pans. */
  originX: number;
  originY: number;
};

/**
 * The whole chart when its bitmap stays small enough, so panning never draws; otherwise the
 * view with the margin a pan may uncover before the chart renders at the new place.
 */
export function canvasPlacement(layout: ChartLayout, transform: ChartTransform, size: ViewSize, ratio: number): CanvasPlacement {
  const pad = 16 + BOW_ROOM * transform.k;
  const width = layout.width * transform.k + 2 * pad;
  const height = layout.height * transform.k + 2 * pad;
  if (width * ratio <= MAX_SIDE && height * ratio <= MAX_SIDE && width * height * ratio * ratio <= MAX_PIXELS) {
    return { whole: true, left: transform.x - pad, top: transform.y - pad, width, height, originX: pad, originY: pad };
  }
  return {
    whole: false,
    left: -VIEW_MARGIN,
    top: -VIEW_MARGIN,
    width: size.width + 2 * VIEW_MARGIN,
    height: size.height + 2 * VIEW_MARGIN,
    originX: transform.x + VIEW_MARGIN,
    originY: transform.y + VIEW_MARGIN,
  };
}
