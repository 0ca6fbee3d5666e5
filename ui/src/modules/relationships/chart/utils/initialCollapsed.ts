//! Which branches start collapsed: big accounts open on their top levels, not on 5,000 cards.
import type { MapPerson, Relationship } from "../../types/map";
import { layoutChart, VIEW_HEIGHT, VIEW_WIDTH } from "../layoutChart";
import { buildHierarchy } from "./hierarchy";
import { OVERVIEW_SCALE } from "./overview";

/** Above this many people the chart opens with its deeper branches collapsed. */
export const LARGE_CHART = 300;

/** The most cards a big account opens with (fewer levels show when the top ones are wider). */
export const OPEN_CARD_BUDGET = 600;

/**
 * The deepest level a big account opens on (0 is the top): levels 0–2 of a tree with six
 * reports per manager are 43 cards, a first picture whose names can still be read when fitted.
 */
export const OPEN_DEPTH = 2;

/**
 * The managers to collapse in a chart of more than LARGE_CHART people: every manager below the
 * deepest level that fits `budget` cards, is at most `maxDepth` and, fitted into a typical
 * window, is still drawn as readable cards (but the roots' direct reports always show).
 */
export function initialCollapsed(
  people: MapPerson[],
  relationships: Relationship[],
  budget = OPEN_CARD_BUDGET,
  maxDepth = OPEN_DEPTH,
): Set<string> {
  if (people.length <= LARGE_CHART) return new Set();
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
  const collapsedBelow = (level: number) => {
    const collapsed = new Set<string>();
    for (const [id, d] of depthOf) if (d >= level && reportsOf.has(id)) collapsed.add(id);
    return collapsed;
  };
  cut = Math.max(1, Math.min(cut, maxDepth));
  // Wide levels (say twenty reports a manager) make a row too long to read when fitted: open one
  // level less. The layout of a few hundred cards takes milliseconds.
  while (cut > 1) {
    const layout = layoutChart(people, relationships, collapsedBelow(cut));
    const scale = Math.min(VIEW_WIDTH / Math.max(1, layout.width), VIEW_HEIGHT / Math.max(1, layout.height));
    if (scale >= OVERVIEW_SCALE) break;
    cut -= 1;
  }
  return collapsedBelow(cut);
}
