import { useEffect, useMemo, useRef, useState } from "react";
import type { MapPerson, Relationship } from "../../types/map";
import { layoutChart, REPORTS_TO } from "../layoutChart";
import type { ChartLayout } from "../types";

type LayoutState = {
  layout: ChartLayout | null;
  error: string | null;
  /** The structure and collapsed set this layout (or error) belongs to. */
  key: string | null;
  collapsed: Set<string> | null;
};

export type ChartLayoutResult = { layout: ChartLayout | null; error: string | null; pending: boolean };

/** What the layout depends on: who is on the chart, in which order, and who reports to whom. */
export function structureKey(people: MapPerson[], relationships: Relationship[]): string {
  const ids = people.map((person) => person.id).join(",");
  const lines = relationships
    .filter((relationship) => relationship.kind === REPORTS_TO)
    .map((relationship) => `${relationship.id}:${relationship.fromId}>${relationship.toId}`)
    .join(",");
  return `${ids}|${lines}`;
}

/**
 * Lays the chart out again when its structure or the collapsed set changes (a new name, a
 * works-with line or a fresh array with the same content does not); the previous layout stays on
 * screen until the new one arrives. onLayout runs with each fresh layout (to centre the view).
 */
export function useChartLayout(
  people: MapPerson[],
  relationships: Relationship[],
  collapsed: Set<string>,
  onLayout: (layout: ChartLayout) => void,
): ChartLayoutResult {
  const [state, setState] = useState<LayoutState>({ layout: null, error: null, key: null, collapsed: null });
  const key = useMemo(() => structureKey(people, relationships), [people, relationships]);
  const latest = useRef({ people, relationships, onLayout });
  useEffect(() => {
    latest.current = { people, relationships, onLayout };
  });

  useEffect(() => {
    let cancelled = false;
    const { people: currentPeople, relationships: currentRelationships } = latest.current;
    // The layout itself is synchronous and takes milliseconds; running it in a microtask keeps
    // the state updates out of the effect's body, and a superseded layout is never applied.
    Promise.resolve()
      .then(() => layoutChart(currentPeople, currentRelationships, collapsed))
      .then(
        (layout) => {
          if (cancelled) return;
          setState({ layout, error: null, key, collapsed });
          latest.current.onLayout(layout);
        },
        (error: unknown) => {
          if (cancelled) return;
          setState((previous) => ({
            ...previous,
            error: error instanceof Error ? error.message : String(error),
            key,
            collapsed,
          }));
        },
      );
    return () => {
      cancelled = true;
    };
  }, [key, collapsed]);

  const pending = state.key !== key || state.collapsed !== collapsed;
  return { layout: state.layout, error: state.error, pending };
}
