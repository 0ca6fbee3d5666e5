//! Places a network: ELK `stress` (in the layout worker) for small networks, rings of people by
//! their number of steps from the start people (a contact, or an account's people) for larger ones.
import type { ElkNode } from "elkjs/lib/elk-api";
import type { LayoutEngine } from "../chart/elkInstance";
import { getElk } from "../chart/elkInstance";
import type { MapPerson, Relationship } from "../types/map";

/**
 * Kept equal to the copy in scripts/bench-network.mjs. ELK's stress and force layouts grow with
 * the square of the people and then some: on a loaded 2-core machine stress took 3.7 s for 100
 * people / 300 relationships and 108 s for 500 / 2,000; force 17 s for 200 / 600. So ELK only
 * lays out small networks, where it separates clusters best; larger ones get the rings below,
 * linear in people + relationships (5,000 / 50,000 in a few tens of milliseconds).
 */
export const ELK_NETWORK_OPTIONS: Record<string, string> = {
  "elk.algorithm": "stress",
  "elk.stress.desiredEdgeLength": "150",
  "elk.stress.iterationLimit": "60",
  "elk.stress.epsilon": "0.01",
  "elk.omitNodeMicroLayout": "true",
  "elk.padding": "[top=24,left=24,bottom=24,right=24]",
};

/** Networks of at most this many people go to ELK; larger ones are placed in rings. */
export const ELK_MAX_PEOPLE = 40;
/** Diameter of a person's circle. */
export const NODE_SIZE = 36;
const PADDING = 48;
/** Distance between two rings, and the least arc between neighbours on a ring. */
const RING_GAP = 140;
const ARC_GAP = 56;
/** Rings this small show names under the circles, which need more room beside each other. */
const LABELLED_RING = 60;
const LABELLED_GAP = 110;

export type NetworkNode = {
  id: string;
  /** Top-left of the node's box (NODE_SIZE square), as chart nodes have. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Steps from the start people along the relationships shown; -1 when not reached. */
  ring: number;
};

export type NetworkLayoutAlgorithm = "stress" | "rings";

export type NetworkLayout = {
  nodes: NetworkNode[];
  nodeById: Map<string, NetworkNode>;
  width: number;
  height: number;
  algorithm: NetworkLayoutAlgorithm;
  millis: number;
};

export type LayoutNetworkOptions = { elk?: LayoutEngine; elkMaxPeople?: number };

function neighbours(people: MapPerson[], relationships: Relationship[]): Map<string, string[]> {
  const adjacent = new Map<string, string[]>();
  for (const person of people) adjacent.set(person.id, []);
  for (const relationship of relationships) {
    const from = adjacent.get(relationship.fromId);
    const to = adjacent.get(relationship.toId);
    if (!from || !to) continue;
    from.push(relationship.toId);
    to.push(relationship.fromId);
  }
  return adjacent;
}

/** Breadth-first rings from the start people; people not reached form one more ring outside. */
function rings(
  startIds: string[],
  people: MapPerson[],
  relationships: Relationship[],
): { reached: string[][]; unreached: string[] } {
  const adjacent = neighbours(people, relationships);
  const seen = new Set<string>();
  const result: string[][] = [];
  let current = startIds.filter((id) => adjacent.has(id));
  for (const id of current) seen.add(id);
  while (current.length > 0) {
    result.push(current);
    const next: string[] = [];
    // Children follow their parent's order, so a branch stays in one sector of the next ring.
    for (const id of current) {
      for (const other of adjacent.get(id) ?? []) {
        if (seen.has(other)) continue;
        seen.add(other);
        next.push(other);
      }
    }
    current = next;
  }
  const unreached = people.map((person) => person.id).filter((id) => !seen.has(id));
  return { reached: result, unreached };
}

/** The golden angle: consecutive points of a sunflower spiral never line up. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * `count` points spread evenly over the annulus between `inner` and `outer` (a sunflower
 * spiral), ordered by angle so that people next to each other in a ring's order (a branch)
 * stay in one sector.
 */
function annulusPoints(count: number, inner: number, outer: number): { x: number; y: number; angle: number }[] {
  const points = [];
  for (let i = 0; i < count; i += 1) {
    const r = Math.sqrt(inner * inner + ((i + 0.5) / count) * (outer * outer - inner * inner));
    const angle = (i * GOLDEN_ANGLE) % (2 * Math.PI);
    points.push({ x: r * Math.cos(angle), y: r * Math.sin(angle), angle });
  }
  return points.sort((a, b) => a.angle - b.angle);
}

/**
 * Each ring is a circle while its people fit on one not much larger than the ring inside it;
 * a crowded ring (an account's thousands of people, or everyone two steps out) becomes a band
 * filled evenly, so the picture stays compact instead of a circle tens of thousands of
 * pixels across.
 */
function ringLayout(startIds: string[], people: MapPerson[], relationships: Relationship[]): NetworkNode[] {
  const nodes: NetworkNode[] = [];
  const { reached, unreached } = rings(startIds, people, relationships);
  const byRing = unreached.length > 0 ? [...reached, unreached] : reached;
  let radius = 0;
  const place = (id: string, x: number, y: number, ring: number) =>
    nodes.push({ id, x: x - NODE_SIZE / 2, y: y - NODE_SIZE / 2, width: NODE_SIZE, height: NODE_SIZE, ring });
  byRing.forEach((ids, index) => {
    const ring = index < reached.length ? index : -1;
    const inner = index === 0 ? 0 : radius + RING_GAP;
    // Neighbours on the circle are a whole gap apart (a chord, so two people are not stacked).
    const gap = ids.length <= LABELLED_RING ? LABELLED_GAP : ARC_GAP;
    const circle = ids.length > 1 ? gap / (2 * Math.sin(Math.PI / ids.length)) : 0;
    if (circle <= Math.max(inner + 2 * RING_GAP, 4 * RING_GAP)) {
      // Several start people (an account's) form a first ring of their own rather than one point.
      radius = index === 0 ? circle : Math.max(inner, circle);
      ids.forEach((id, position) => {
        const angle = ids.length === 1 && index === 0 ? 0 : (2 * Math.PI * position) / ids.length - Math.PI / 2;
        place(id, radius * Math.cos(angle), radius * Math.sin(angle), ring);
      });
      return;
    }
    const outer = Math.sqrt(inner * inner + (ids.length * ARC_GAP * ARC_GAP) / Math.PI);
    annulusPoints(ids.length, inner, outer).forEach((point, position) => place(ids[position], point.x, point.y, ring));
    radius = outer;
  });
  return nodes;
}

async function stressLayout(
  startIds: string[],
  people: MapPerson[],
  relationships: Relationship[],
  elk: LayoutEngine,
): Promise<NetworkNode[]> {
  const ids = new Set(people.map((person) => person.id));
  const graph: ElkNode = {
    id: "root",
    layoutOptions: ELK_NETWORK_OPTIONS,
    children: people.map((person) => ({ id: person.id, width: NODE_SIZE, height: NODE_SIZE })),
    edges: relationships
      .filter((relationship) => ids.has(relationship.fromId) && ids.has(relationship.toId))
      .map((relationship) => ({ id: relationship.id, sources: [relationship.fromId], targets: [relationship.toId] })),
  };
  const result = await elk.layout(graph);
  const ringOf = new Map<string, number>();
  rings(startIds, people, relationships).reached.forEach((ring, index) => ring.forEach((id) => ringOf.set(id, index)));
  return (result.children ?? []).map((child) => ({
    id: child.id,
    x: Number.isFinite(child.x) ? (child.x as number) : 0,
    y: Number.isFinite(child.y) ? (child.y as number) : 0,
    width: NODE_SIZE,
    height: NODE_SIZE,
    ring: ringOf.get(child.id) ?? -1,
  }));
}

/** Lays out the people and the relationships between them; coordinates start at 0,0. */
export async function layoutNetwork(
  startIds: string[],
  people: MapPerson[],
  relationships: Relationship[],
  options: LayoutNetworkOptions = {},
): Promise<NetworkLayout> {
  const started = performance.now();
  const useElk = people.length > 2 && people.length <= (options.elkMaxPeople ?? ELK_MAX_PEOPLE);
  const placed = useElk
    ? await stressLayout(startIds, people, relationships, options.elk ?? (await getElk()))
    : ringLayout(startIds, people, relationships);

  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const node of placed) {
    minX = Math.min(minX, node.x);
    minY = Math.min(minY, node.y);
    maxX = Math.max(maxX, node.x + node.width);
    maxY = Math.max(maxY, node.y + node.height);
  }
  const nodes: NetworkNode[] = [];
  const nodeById = new Map<string, NetworkNode>();
  for (const node of placed) {
    const shifted = { ...node, x: node.x - minX + PADDING, y: node.y - minY + PADDING };
    nodes.push(shifted);
    nodeById.set(shifted.id, shifted);
  }
  const empty = nodes.length === 0;
  return {
    nodes,
    nodeById,
    width: empty ? 0 : maxX - minX + 2 * PADDING,
    height: empty ? 0 : maxY - minY + 2 * PADDING,
    algorithm: useElk ? "stress" : "rings",
    millis: performance.now() - started,
  };
}
