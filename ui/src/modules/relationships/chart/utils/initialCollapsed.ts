//! Which branches start collapsed: big accounts open on their top levels, not on 5,000 cards.
import type { MapPerson, Relationship } from "../../types/map";
import { buildHierarchy } from "./hierarchy";

/** Above this many cards the chart opens with its deeper branches collapsed. */
export const OPEN_CARD_BUDGET = 600;

/**
 * The managers to collapse so that at most `budget` cards show (but always the roots and their
 * direct reports): every manager at or below the deepest level that still fits.
 */
export function initialCollapsed(
  people: MapPerson[],
  relationships: Relationship[],
  budget = OPEN_CARD_BUDGET,
): Set<string> {
  if (people.length <= budget) return new Set();
  const { managerOf, reportsOf } = buildHierarchy(people, relationships);
  const depthOf = new Map<string, number>();
  const perDepth: number[] = [];
  let loose = 0;
  let level = people.filter((person) => !managerOf.has(person.id) && reportsOf.has(person.id)).map((p) => p.id);
  for (const person of people) if (!managerOf.has(person.id) && !reportsOf.has(person.id)) loose += 1;
  let depth = 0;
  while (level.length > 0) {
    perDepth.push(level.length);
    const next: string[] = [];
    for (const id of level) {
      depthOf.set(id, depth);
      for (const child of reportsOf.get(id) ?? []) next.push(child);
    }
    level = next;
    depth += 1;
  }
  // Deepest level D whose cards (levels 0..D, plus the loose grid) fit; at least level 1.
  let shown = loose;
  let cut = 1;
  for (let d = 0; d < perDepth.length; d += 1) {
    shown += perDepth[d];
    if (shown > budget && d >= 1) break;
    cut = Math.max(1, d);
  }
  const collapsed = new Set<string>();
  for (const [id, d] of depthOf) if (d >= cut && reportsOf.has(id)) collapsed.add(id);
  return collapsed;
}
