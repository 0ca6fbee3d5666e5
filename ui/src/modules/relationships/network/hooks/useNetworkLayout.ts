import { useEffect, useState } from "react";
import type { MapPerson, Relationship } from "../../types/map";
import type { NetworkLayout } from "../layoutNetwork";
import { layoutNetwork } from "../layoutNetwork";

export type NetworkLayoutState = { layout: NetworkLayout | null; error: Error | null };

/** Lays the network out again when its people or relationships change (once, not per frame). */
export function useNetworkLayout(
  startIds: string[],
  people: MapPerson[] | undefined,
  relationships: Relationship[] | undefined,
): NetworkLayoutState {
  const [state, setState] = useState<NetworkLayoutState>({ layout: null, error: null });
  useEffect(() => {
    if (!people || !relationships) return;
    let current = true;
    layoutNetwork(startIds, people, relationships).then(
      (layout) => {
        if (current) setState({ layout, error: null });
      },
      (error: unknown) => {
        if (current) setState({ layout: null, error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => {
      current = false;
    };
  }, [startIds, people, relationships]);
  return state;
}
