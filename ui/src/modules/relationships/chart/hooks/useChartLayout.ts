import { useEffect, useRef, useState } from "react";
import type { MapPerson, Relationship } from "../../types/map";
import { layoutChart } from "../layoutChart";
import type { ChartLayout } from "../types";

type LayoutState = {
  layout: ChartLayout | null;
  error: string | null;
  inputs: unknown[] | null;
};

export type ChartLayoutResult = { layout: ChartLayout | null; error: string | null; pending: boolean };

/**
 * Lays the chart out again whenever its inputs change; the previous layout stays on screen until
 * the new one arrives. onLayout runs with each fresh layout (to fit or centre the view).
 */
export function useChartLayout(
  people: MapPerson[],
  relationships: Relationship[],
  collapsed: Set<string>,
  onLayout: (layout: ChartLayout) => void,
): ChartLayoutResult {
  const [state, setState] = useState<LayoutState>({ layout: null, error: null, inputs: null });
  const onLayoutRef = useRef(onLayout);
  useEffect(() => {
    onLayoutRef.current = onLayout;
  });

  useEffect(() => {
    let cancelled = false;
    const inputs = [people, relationships, collapsed];
    layoutChart(people, relationships, collapsed).then(
      (layout) => {
        if (cancelled) return;
        setState({ layout, error: null, inputs });
        onLayoutRef.current(layout);
      },
      (error: unknown) => {
        if (cancelled) return;
        setState((previous) => ({
          ...previous,
          error: error instanceof Error ? error.message : String(error),
          inputs,
        }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [people, relationships, collapsed]);

  const current = state.inputs;
  const pending =
    current === null || current[0] !== people || current[1] !== relationships || current[2] !== collapsed;
  return { layout: state.layout, error: state.error, pending };
}
