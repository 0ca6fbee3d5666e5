//! Lays out the reports-to forest with d3-hierarchy's tidy tree: managers above their reports,
//! trees side by side, loose people in a grid below.
import { hierarchy, tree } from "d3-hierarchy";
import type { MapPerson, Relationship } from "../types/map";
import type { ChartLayout, ChartNode, ChartTreeEdge } from "./types";
import { buildHierarchy } from "./utils/hierarchy";

export const REPORTS_TO = "reports_to";

export const CARD_WIDTH = 232;
export const CARD_HEIGHT = 84;

const GRID_GAP_X = 24;
const GRID_GAP_Y = 24;
/** Space between the trees and the "No manager recorded" grid (room for its heading). */
const LOOSE_GAP = 72;
const PADDING = 24;
/** Each tree level is this much taller than a card: room for the collapse toggle and the elbow lines. */
const TOGGLE_SPACE = 28;
/** Between neighbouring cards of a level, and between levels. */
const NODE_GAP = 24;
/** Between the bounding boxes of two trees of the forest. */
const TREE_GAP = 64;
/** Reports without reports of their own stack in columns of at most this many under their manager. */
export const STACK_ROWS = 6;
/** The vertical line of a stack runs this far left of its cards. */
const STACK_SPINE = 12;

const LEVEL_HEIGHT = CARD_HEIGHT + TOGGLE_SPACE + NODE_GAP;

/**
 * Every card has the same size, so one node size and a constant separation give each pair of
 * neighbours (siblings or cousins) the same gap, as the chart had under ELK.
 */
const tidyTree = tree<string>()
  .nodeSize([CARD_WIDTH + NODE_GAP, LEVEL_HEIGHT])
  .separation(() => 1);

/**
 * Synchronous: the tidy tree is linear in the number of cards (5,000 people take tens of
 * milliseconds), so the chart needs no worker for it.
 */
export function layoutChart(people: MapPerson[], relationships: Relationship[], collapsed: Set<string>): ChartLayout {
  const started = performance.now();
  const { managerOf, reportsOf, edgeIdOf } = buildHierarchy(people, relationships);

  const roots: string[] = [];
  const looseIds: string[] = [];
  for (const person of people) {
    if (managerOf.has(person.id)) continue;
    if (reportsOf.has(person.id)) roots.push(person.id);
    else looseIds.push(person.id);
  }

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

  // Walk down from the roots; a collapsed manager's subtree stays out of the layout.
  // The children each card has in the tidy tree. Managers whose reports are all leaves (or
  // collapsed) get them
  // as chains, one chain per column: six leaves then take one card's width instead of six, and
  // the tidy tree still sees one card per level, so nothing can slide under a stack.
  const childrenInTree = new Map<string, string[]>();
  const stackColumnOf = new Map<string, string>();
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const id = stack.pop() as string;
    const reports = reportsOf.get(id) ?? [];
    if (reports.length === 0) continue;
    if (collapsed.has(id)) {
      hiddenCount.set(id, countBelow(id));
      continue;
    }
    for (let i = reports.length - 1; i >= 0; i -= 1) stack.push(reports[i]);
    // A collapsed report shows no one below it, so it stacks like a leaf: a big account opening
    // with its deeper levels collapsed then fits a screen instead of one very long row.
    const allLeaves =
      reports.length >= 2 && reports.every((report) => !reportsOf.has(report) || collapsed.has(report));
    if (!allLeaves) {
      childrenInTree.set(id, reports);
      continue;
    }
    const columns = Math.ceil(reports.length / STACK_ROWS);
    const rows = Math.ceil(reports.length / columns);
    const heads: string[] = [];
    for (let column = 0; column < columns; column += 1) {
      const members = reports.slice(column * rows, (column + 1) * rows);
      heads.push(members[0]);
      members.forEach((report, row) => {
        if (row > 0) childrenInTree.set(members[row - 1], [report]);
        stackColumnOf.set(report, members[0]);
      });
    }
    childrenInTree.set(id, heads);
  }

  const nodes: ChartNode[] = [];
  const nodeById = new Map<string, ChartNode>();
  const treeEdges: ChartTreeEdge[] = [];
  let width = 0;
  let height = 0;

  const trees = roots.map((rootId) => {
    const root = tidyTree(hierarchy(rootId, (id) => childrenInTree.get(id)));
    let minX = Infinity;
    let maxX = -Infinity;
    let maxY = 0;
    root.each((point) => {
      if (point.x < minX) minX = point.x;
      if (point.x > maxX) maxX = point.x;
      if (point.y > maxY) maxY = point.y;
    });
    return { root, minX, width: maxX - minX + CARD_WIDTH, height: maxY + LEVEL_HEIGHT - NODE_GAP };
  });

  const offsets = arrangeTrees(trees);
  trees.forEach(({ root, minX }, index) => {
    const offset = offsets[index];
    // Depth first, so cards reach the page (and the tab order) manager first, then each branch.
    root.eachBefore((point) => {
      const id = point.data;
      const reportCount = reportsOf.get(id)?.length ?? 0;
      const node: ChartNode = {
        id,
        x: offset.x + point.x - minX,
        y: offset.y + point.y,
        width: CARD_WIDTH,
        height: CARD_HEIGHT,
        placement: "tree",
        parentId: managerOf.get(id) ?? null,
        reportCount,
        hiddenCount: hiddenCount.get(id) ?? 0,
        collapsed: collapsed.has(id) && reportCount > 0,
      };
      nodes.push(node);
      nodeById.set(id, node);
      width = Math.max(width, node.x + CARD_WIDTH + PADDING);
      height = Math.max(height, node.y + CARD_HEIGHT + TOGGLE_SPACE + PADDING);
    });
  });

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

  return {
    nodes,
    nodeById,
    treeEdges,
    managerOf,
    reportsOf,
    width,
    height,
    looseTop,
    layoutMillis: performance.now() - started,
  };
}

/** The view the forest's arrangement is chosen for: a typical 16:9 window. */
export const VIEW_WIDTH = 1600;
export const VIEW_HEIGHT = 900;

type Size = { width: number; height: number };

/**
 * Places the trees side by side in the order of their roots, wrapping into rows. One long row of
 * big trees would be hundreds of screens wide and could not be fitted into view (the zoom has a
 * floor), so of the row widths that break after each tree, the one whose whole chart shows
 * largest when fitted into the view wins; ties go to fewer rows, so small forests stay in one.
 */
export function arrangeTrees(trees: Size[]): { x: number; y: number }[] {
  if (trees.length === 0) return [];
  const widest = Math.max(...trees.map((tree) => tree.width));
  let best: { x: number; y: number }[] = [];
  let bestScale = -Infinity;
  let limit = -TREE_GAP;
  const limits = trees.map((tree) => (limit += tree.width + TREE_GAP));
  for (let k = limits.length - 1; k >= 0; k -= 1) {
    const rowLimit = Math.max(limits[k], widest);
    const offsets: { x: number; y: number }[] = [];
    let x = PADDING;
    let y = PADDING;
    let rowHeight = 0;
    let right = 0;
    for (const tree of trees) {
      if (x > PADDING && x - PADDING + tree.width > rowLimit) {
        x = PADDING;
        y += rowHeight + TREE_GAP;
        rowHeight = 0;
      }
      offsets.push({ x, y });
      right = Math.max(right, x + tree.width);
      rowHeight = Math.max(rowHeight, tree.height);
      x += tree.width + TREE_GAP;
    }
    const scale = Math.min(VIEW_WIDTH / (right + PADDING), VIEW_HEIGHT / (y + rowHeight + PADDING), 1);
    if (scale > bestScale) {
      best = offsets;
      bestScale = scale;
    }
  }
  return best;
}
