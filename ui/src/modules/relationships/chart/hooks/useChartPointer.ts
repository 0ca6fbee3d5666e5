import type { PointerEvent as ReactPointerEvent } from "react";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ChartLayout, ChartTransform } from "../types";
import { nodeAt, toChart } from "../utils/geometry";
import type { PanPreview } from "./usePanPreview";
import { PAN_COMMIT_DISTANCE } from "./usePanPreview";
import { isInSubtree } from "../utils/hierarchy";

/** A press must travel this far (screen px) before it becomes a drag or a pan. */
export const DRAG_THRESHOLD = 5;

export const NO_MANAGER_ZONE_TESTID = "org-no-manager-zone";

export type DropTarget =
  /**
   * `loop`: the target is in the dragged person's own branch. The drop still goes to the core,
   * whose refusal names the people, so the user learns why.
   */
  | { type: "person"; personId: string; allowed: boolean; loop: boolean }
  | { type: "no-manager" }
  | null;

export type DragState = {
  personId: string;
  /** Pointer position relative to the canvas. */
  x: number;
  y: number;
  target: DropTarget;
};

export type ChartPointerOptions = {
  layout: ChartLayout | null;
  transform: ChartTransform;
  setTransform: (update: (previous: ChartTransform) => ChartTransform) => void;
  canvas: HTMLElement | null;
  /** Dragging cards re-parents; without it a press on a card pans like the background. */
  mayDrag: boolean;
  isPlaceholder: (personId: string) => boolean;
  /** Moves the drawing during a pan without rendering; without it every frame renders. */
  panPreview?: Omit<PanPreview, "attach">;
  onReparent: (personId: string, newManagerId: string | null) => void;
};

export type ChartPointer = {
  drag: DragState | null;
  onCardPointerDown: (event: ReactPointerEvent<Element>, personId: string) => void;
  onBackgroundPointerDown: (event: ReactPointerEvent<Element>) => void;
  /** True once after a drag or pan, so the click that ends it does not open a card. */
  takeSuppressedClick: () => boolean;
  cancelDrag: () => void;
};

type Live = Omit<ChartPointerOptions, "setTransform">;

/**
 * Keeps only the latest of the updates scheduled within one animation frame: pointers report
 * moves faster than the screen refreshes, and each update re-renders the chart.
 */
function perFrame() {
  let pending: (() => void) | null = null;
  let handle: number | null = null;
  const run = () => {
    handle = null;
    const update = pending;
    pending = null;
    update?.();
  };
  return {
    schedule(update: () => void) {
      pending = update;
      if (handle === null) handle = window.requestAnimationFrame(run);
    },
    flush() {
      if (handle !== null) window.cancelAnimationFrame(handle);
      run();
    },
    cancel() {
      if (handle !== null) window.cancelAnimationFrame(handle);
      handle = null;
      pending = null;
    },
  };
}

/**
 * Pans the background and drags cards with pointer events on window (no HTML5 drag and drop,
 * which Windows disables with file drops). The drop target is found by hit-testing the layout
 * at the pointer, never from event.target, so pointer capture and ghosts cannot mislead it.
 */
export function useChartPointer(options: ChartPointerOptions): ChartPointer {
  const { setTransform } = options;
  const live = useRef<Live>(options);
  useEffect(() => {
    live.current = options;
  });
  const [drag, setDrag] = useState<DragState | null>(null);
  const suppressClick = useRef(false);
  const stopGesture = useRef<(() => void) | null>(null);

  const suppressNextClick = useCallback(() => {
    suppressClick.current = true;
    // The click that ends a gesture comes right after pointerup; a later click is a real one.
    window.setTimeout(() => {
      suppressClick.current = false;
    }, 0);
  }, []);

  useEffect(() => () => stopGesture.current?.(), []);

  const listen = useCallback(
    (onMove: (event: PointerEvent) => void, onUp: (event: PointerEvent) => void, onCancel: () => void) => {
      stopGesture.current?.();
      const move = (event: PointerEvent) => onMove(event);
      const up = (event: PointerEvent) => {
        stop();
        onUp(event);
      };
      const key = (event: KeyboardEvent) => {
        if (event.key !== "Escape") return;
        event.preventDefault();
        stop();
        onCancel();
      };
      const cancel = () => {
        stop();
        onCancel();
      };
      const stop = () => {
        window.removeEventListener("pointermove", move);
        window.removeEventListener("pointerup", up);
        window.removeEventListener("pointercancel", cancel);
        window.removeEventListener("keydown", key, true);
        stopGesture.current = null;
      };
      window.addEventListener("pointermove", move);
      window.addEventListener("pointerup", up);
      window.addEventListener("pointercancel", cancel);
      window.addEventListener("keydown", key, true);
      stopGesture.current = stop;
    },
    [],
  );

  const startPan = useCallback(
    (event: ReactPointerEvent<Element>) => {
      const startX = event.clientX;
      const startY = event.clientY;
      const start = live.current.transform;
      const frames = perFrame();
      let moved = false;
      let last = start;
      const show = (target: ChartTransform, final: boolean) => {
        const preview = live.current.panPreview;
        // A wheel zoom during the pan changes the scale the preview was started for.
        const previewable = preview && live.current.transform.k === start.k;
        if (!previewable || final || preview.lag(target) >= PAN_COMMIT_DISTANCE) {
          setTransform((previous) => ({ ...previous, x: target.x, y: target.y }));
        }
        if (!preview) return;
        if (final) preview.end(target);
        else preview.move(target);
      };
      const finish = () => {
        frames.flush();
        if (moved) show(last, true);
      };
      listen(
        (move) => {
          const dx = move.clientX - startX;
          const dy = move.clientY - startY;
          if (!moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
          moved = true;
          last = { ...start, x: start.x + dx, y: start.y + dy };
          const target = last;
          frames.schedule(() => show(target, false));
        },
        () => {
          finish();
          if (moved) suppressNextClick();
        },
        finish,
      );
    },
    [listen, setTransform, suppressNextClick],
  );

  const resolveTarget = useCallback((personId: string, clientX: number, clientY: number): DropTarget => {
    const { layout, transform, canvas, isPlaceholder } = live.current;
    if (!layout || !canvas) return null;
    // The zone is HTML over the canvas and may cover cards: it wins. (jsdom has no elementFromPoint.)
    const element = typeof document.elementFromPoint === "function" ? document.elementFromPoint(clientX, clientY) : null;
    if (element?.closest(`[data-testid="${NO_MANAGER_ZONE_TESTID}"]`)) return { type: "no-manager" };
    const rect = canvas.getBoundingClientRect();
    const node = nodeAt(layout, toChart(transform, clientX - rect.left, clientY - rect.top));
    if (!node || node.id === personId) return null;
    const loop = isInSubtree(layout.managerOf, personId, node.id);
    const allowed = !isPlaceholder(node.id) && layout.managerOf.get(personId) !== node.id && !loop;
    return { type: "person", personId: node.id, allowed, loop: loop && !isPlaceholder(node.id) };
  }, []);

  const onCardPointerDown = useCallback(
    (event: ReactPointerEvent<Element>, personId: string) => {
      if (event.button !== 0) return;
      event.stopPropagation();
      const { mayDrag, isPlaceholder, canvas } = live.current;
      if (!mayDrag || isPlaceholder(personId) || !canvas) {
        startPan(event);
        return;
      }
      const startX = event.clientX;
      const startY = event.clientY;
      let dragging = false;
      const frames = perFrame();
      listen(
        (move) => {
          if (!dragging && Math.hypot(move.clientX - startX, move.clientY - startY) < DRAG_THRESHOLD) return;
          if (!dragging) {
            dragging = true;
            // Keep receiving moves outside the window; targets come from the layout, not the event.
            try {
              canvas.setPointerCapture?.(move.pointerId);
            } catch {
              // A synthetic pointer (tests) has no active pointer to capture.
            }
          }
          move.preventDefault();
          const { clientX, clientY } = move;
          frames.schedule(() => {
            const rect = canvas.getBoundingClientRect();
            const target = resolveTarget(personId, clientX, clientY);
            setDrag({ personId, x: clientX - rect.left, y: clientY - rect.top, target });
          });
        },
        (up) => {
          frames.cancel();
          setDrag(null);
          if (!dragging) return;
          suppressNextClick();
          // The drop is decided where the pointer comes up, whatever the last frame showed.
          const target = resolveTarget(personId, up.clientX, up.clientY);
          if (target?.type === "person" && (target.allowed || target.loop)) {
            live.current.onReparent(personId, target.personId);
          }
          else if (target?.type === "no-manager" && live.current.layout?.managerOf.has(personId)) {
            live.current.onReparent(personId, null);
          }
        },
        () => {
          frames.cancel();
          if (dragging) suppressNextClick();
          setDrag(null);
        },
      );
    },
    [listen, resolveTarget, startPan, suppressNextClick],
  );

  const onBackgroundPointerDown = useCallback(
    (event: ReactPointerEvent<Element>) => {
      if (event.button !== 0) return;
      startPan(event);
    },
    [startPan],
  );

  const takeSuppressedClick = useCallback(() => {
    const value = suppressClick.current;
    suppressClick.current = false;
    return value;
  }, []);

  const cancelDrag = useCallback(() => {
    stopGesture.current?.();
    setDrag(null);
  }, []);

  return { drag, onCardPointerDown, onBackgroundPointerDown, takeSuppressedClick, cancelDrag };
}
