//! Lays out the reports-to forest with ELK: managers above their reports, loose people in a grid.
import type { ElkNode } from "elkjs/lib/elk-api";
import type { MapPerson, Relationship } from "../types/map";
import { CARD_HEIGHT, CARD_WIDTH, ELK_TREE_OPTIONS } from "./elkOptions";
import type { LayoutEngine } from "./elkInstance";
import { getElk } from "./elkInstance";
import type { ChartLayout, ChartNode, ChartTreeEdge } from "./types";
import { buildHierarchy } from "./utils/hierarchy";

export const REPORTS_TO = "reports_to";

const GRID_GAP_X = 24;
const GRID_GAP_Y = 24;
/** Space between the trees and the "No manager recorded" grid (room for its heading). */
const LOOSE_GAP = 72;
const PADDING = 24;
/** ELK boxes are this much taller than cards: room for the collapse toggle and the elbow lines. */
const TOGGLE_SPACE = 28;
/** Reports without reports of their own stack in columns of at most this many under their manager. */
export const STACK_ROWS = 6;
/** The vertical line of a stack runs this far left of its cards. */
const STACK_SPINE = 12;

export type LayoutChartOptions = { elk?: LayoutEngine };

export async function layoutChart(
  people: MapPerson[],
  relationships: Relationship[],
  collapsed: Set<string>,
  options: LayoutChartOptions = {},
): Promise<ChartLayout> {
  const hierarchy = buildHierarchy(people, relationships);
  const { managerOf, reportsOf, edgeIdOf } = hierarchy;

  const treeIds: string[] = [];
  const looseIds: string[] = [];
  for (const person of people) {
    if (managerOf.has(person.id) || reportsOf.has(person.id)) treeIds.push(person.id);
    else looseIds.push(person.id);
  }

  // Walk down from the roots; a collapsed manager's subtree stays out of the layout.
  const visible: string[] = [];
  const hiddenCount = new Map<string, number>();
  const countBelow = (id: string): number => {
    let total = 0;
    const stack = [...(reportsOf.get(id) ?? [])];
    while (stack.length > 0) {
      const next = stack.pop() as string;
      total += 1;
      for (const child of reportsOf.get(next) ?? []) stack.push(child);
    }
    return total;
  };
  const stack = treeIds.filter((id) => !managerOf.has(id)).reverse();
  while (stack.length > 0) {
    const id = stack.pop() as string;
    visible.push(id);
    const reports = reportsOf.get(id) ?? [];
    if (reports.length === 0) continue;
    if (collapsed.has(id)) {
      hiddenCount.set(id, countBelow(id));
      continue;
    }
    for (let i = reports.length - 1; i >= 0; i -= 1) stack.push(reports[i]);
  }

  const nodes: ChartNode[] = [];
  const nodeById = new Map<string, ChartNode>();
  const treeEdges: ChartTreeEdge[] = [];
  let width = 0;
  let height = 0;
  let elkMillis = 0;

  if (visible.length > 0) {
    const visibleSet = new Set(visible);
    // Managers whose reports are all leaves get them stacked in columns (a chain in ELK), which
    // keeps wide organisations narrow: six leaves take one card's width instead of six.
    const parentInElk = new Map<string, string>();
    const stackColumnOf = new Map<string, string>();
    for (const id of visible) {
      const reports = collapsed.has(id) ? [] : (reportsOf.get(id) ?? []);
      if (reports.length === 0) continue;
      const allLeaves = reports.length >= 2 && reports.every((report) => !reportsOf.has(report));
      if (!allLeaves) {
        for (const report of reports) parentInElk.set(report, id);
        continue;
      }
      const columns = Math.ceil(reports.length / STACK_ROWS);
      const rows = Math.ceil(reports.length / columns);
      for (let column = 0; column < columns; column += 1) {
        const members = reports.slice(column * rows, (column + 1) * rows);
        members.forEach((report, row) => {
          parentInElk.set(report, row === 0 ? id : members[row - 1]);
          stackColumnOf.set(report, members[0]);
        });
      }
    }
    const graph: ElkNode = {
      id: "root",
      layoutOptions: ELK_TREE_OPTIONS,
      children: visible.map((id) => ({ id, width: CARD_WIDTH, height: CARD_HEIGHT + TOGGLE_SPACE })),
      edges: visible
        .filter((id) => parentInElk.has(id) && visibleSet.has(parentInElk.get(id) as string))
        .map((id) => ({ id: `e:${id}`, sources: [parentInElk.get(id) as string], targets: [id] })),
    };
    const elk = options.elk ?? (await getElk());
    const started = performance.now();
    const result = await elk.layout(graph);
    elkMillis = performance.now() - started;
    for (const child of result.children ?? []) {
      const node: ChartNode = {
        id: child.id,
        x: child.x ?? 0,
        y: child.y ?? 0,
        width: CARD_WIDTH,
        height: CARD_HEIGHT,
        placement: "tree",
        parentId: managerOf.get(child.id) ?? null,
        reportCount: reportsOf.get(child.id)?.length ?? 0,
        hiddenCount: hiddenCount.get(child.id) ?? 0,
        collapsed: collapsed.has(child.id) && (reportsOf.get(child.id)?.length ?? 0) > 0,
      };
      nodes.push(node);
      nodeById.set(node.id, node);
      width = Math.max(width, node.x + node.width + PADDING);
      height = Math.max(height, node.y + node.height + TOGGLE_SPACE + PADDING);
    }
    for (const node of nodes) {
      const manager = node.parentId ? nodeById.get(node.parentId) : undefined;
      if (!manager) continue;
      const top = manager.y + manager.height;
      const fromX = manager.x + manager.width / 2;
      const head = nodeById.get(stackColumnOf.get(node.id) ?? node.id) ?? node;
      const midY = top + (head.y - top) / 2;
      const points = stackColumnOf.has(node.id)
        ? [
            { x: fromX, y: top },
            { x: fromX, y: midY },
            { x: head.x - STACK_SPINE, y: midY },
            { x: head.x - STACK_SPINE, y: node.y + node.height / 2 },
            { x: node.x, y: node.y + node.height / 2 },
          ]
        : [
            { x: fromX, y: top },
            { x: fromX, y: midY },
            { x: node.x + node.width / 2, y: midY },
            { x: node.x + node.width / 2, y: node.y },
          ];
      treeEdges.push({ relationshipId: edgeIdOf.get(node.id) as string, fromId: node.id, toId: manager.id, points });
    }
  }

  let looseTop: number | null = null;
  if (looseIds.length > 0) {
    looseTop = nodes.length > 0 ? height + LOOSE_GAP - PADDING : PADDING + LOOSE_GAP / 2;
    const byWidth = Math.floor((Math.max(width, 1200) - PADDING) / (CARD_WIDTH + GRID_GAP_X));
    const columns = Math.max(1, Math.min(looseIds.length, Math.max(4, byWidth)));
    looseIds.forEach((id, index) => {
      const node: ChartNode = {
        id,
        x: PADDING + (index % columns) * (CARD_WIDTH + GRID_GAP_X),
        y: (looseTop as number) + Math.floor(index / columns) * (CARD_HEIGHT + GRID_GAP_Y),
        width: CARD_WIDTH,
        height: CARD_HEIGHT,
        placement: "loose",
        parentId: null,
        reportCount: 0,
        hiddenCount: 0,
        collapsed: false,
      };
      nodes.push(node);
      nodeById.set(id, node);
      width = Math.max(width, node.x + node.width + PADDING);
      height = Math.max(height, node.y + node.height + PADDING);
    });
  }

  return { nodes, nodeById, treeEdges, managerOf, reportsOf, width, height, looseTop, elkMillis };
}
