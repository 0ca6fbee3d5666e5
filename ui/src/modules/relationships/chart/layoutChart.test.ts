import type { MapPerson, Relationship } from "../types/map";
import { CARD_HEIGHT, CARD_WIDTH, layoutChart } from "./layoutChart";
import { generateForest, makePerson, reportsTo, threeLevelTree } from "./testing/chartFixtures";
import type { ChartLayout, ChartNode } from "./types";

function overlaps(a: ChartNode, b: ChartNode): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Pairs of overlapping cards, found with a sweep over x so that 5,000 cards stay cheap. */
function overlappingPairs(nodes: ChartNode[]): string[] {
  const sorted = [...nodes].sort((a, b) => a.x - b.x);
  const found: string[] = [];
  for (let i = 0; i < sorted.length; i += 1) {
    for (let j = i + 1; j < sorted.length && sorted[j].x < sorted[i].x + sorted[i].width; j += 1) {
      if (overlaps(sorted[i], sorted[j])) found.push(`${sorted[i].id}/${sorted[j].id}`);
    }
  }
  return found;
}

/** The checks every layout must pass: each shown card once, no overlaps, managers above reports, lines on cards. */
function expectSound(layout: ChartLayout) {
  expect(layout.nodeById.size).toBe(layout.nodes.length);
  expect(overlappingPairs(layout.nodes)).toEqual([]);
  for (const node of layout.nodes) {
    expect(node.x).toBeGreaterThanOrEqual(0);
    expect(node.y).toBeGreaterThanOrEqual(0);
    expect(node.x + node.width).toBeLessThanOrEqual(layout.width);
    expect(node.y + node.height).toBeLessThanOrEqual(layout.height);
    const manager = node.parentId ? layout.nodeById.get(node.parentId) : undefined;
    if (manager) expect(node.y, `${node.id} below ${manager.id}`).toBeGreaterThanOrEqual(manager.y + manager.height);
  }
  for (const edge of layout.treeEdges) {
    const report = layout.nodeById.get(edge.fromId) as ChartNode;
    const manager = layout.nodeById.get(edge.toId) as ChartNode;
    const first = edge.points[0];
    const last = edge.points[edge.points.length - 1];
    expect(first).toEqual({ x: manager.x + manager.width / 2, y: manager.y + manager.height });
    expect(last.y === report.y || last.x === report.x, `${edge.fromId}'s line ends on the card`).toBe(true);
    // Elbows only: every segment is horizontal or vertical.
    for (let i = 1; i < edge.points.length; i += 1) {
      const [a, b] = [edge.points[i - 1], edge.points[i]];
      expect(a.x === b.x || a.y === b.y, `${edge.fromId}'s line is orthogonal`).toBe(true);
    }
  }
}

/** A deterministic pseudo-random sequence, so a failing shape can be reproduced. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Trees of irregular shape: deep and shallow branches, lone reports and stacks side by side. */
function irregularForest(size: number, seed: number): { people: MapPerson[]; relationships: Relationship[] } {
  const random = seeded(seed);
  const people: MapPerson[] = [];
  const relationships: Relationship[] = [];
  for (let i = 0; i < size; i += 1) {
    people.push(makePerson(`n${i}`));
    // Some people start a new tree; the others report to someone already placed, favouring recent ones.
    if (i > 0 && random() > 0.03) {
      const manager = Math.floor(i - 1 - random() * random() * (i - 1));
      relationships.push(reportsTo(`n${i}`, `n${manager}`, `i${i}`));
    }
  }
  return { people, relationships };
}

/** The bounding box of each tree, in the order of the roots' left then top edges. */
function treeBoxes(layout: ChartLayout) {
  const rootOf = (id: string): string => {
    let current = id;
    while (layout.managerOf.has(current)) current = layout.managerOf.get(current) as string;
    return current;
  };
  const members = new Map<string, ChartNode[]>();
  for (const node of layout.nodes) {
    if (node.placement !== "tree") continue;
    const root = rootOf(node.id);
    const list = members.get(root);
    if (list) list.push(node);
    else members.set(root, [node]);
  }
  return [...members].map(([root, nodes]) => ({
    root,
    left: Math.min(...nodes.map((node) => node.x)),
    right: Math.max(...nodes.map((node) => node.x + node.width)),
    top: Math.min(...nodes.map((node) => node.y)),
    bottom: Math.max(...nodes.map((node) => node.y + node.height)),
  }));
}

describe("layoutChart", () => {
  it("puts managers above their reports without overlapping cards", () => {
    const { people, relationships } = threeLevelTree();
    const layout = layoutChart(people, relationships, new Set());
    const at = (id: string) => layout.nodeById.get(id) as ChartNode;

    expect(layout.nodes).toHaveLength(people.length);
    expect(at("ceo")).toMatchObject({ width: CARD_WIDTH, height: CARD_HEIGHT, placement: "tree" });
    for (const [report, manager] of [
      ["cto", "ceo"],
      ["cfo", "ceo"],
      ["dev1", "cto"],
      ["dev2", "cto"],
      ["acc1", "cfo"],
    ]) {
      expect(at(report).y, `${report} below ${manager}`).toBeGreaterThanOrEqual(at(manager).y + at(manager).height);
      expect(at(report).parentId).toBe(manager);
    }
    // Reports keep the people order from left to right; a manager sits over their reports.
    expect(at("cto").x).toBeLessThan(at("cfo").x);
    expect(at("ceo").x).toBeGreaterThan(at("cto").x);
    expect(at("ceo").x).toBeLessThan(at("cfo").x);
    expectSound(layout);
    // The person without any reports-to edge sits in the grid below every tree.
    expect(at("solo").placement).toBe("loose");
    const treeBottom = Math.max(...layout.nodes.filter((n) => n.placement === "tree").map((n) => n.y + n.height));
    expect(at("solo").y).toBeGreaterThan(treeBottom);
    expect(layout.looseTop).not.toBeNull();
    expect(layout.treeEdges.map((edge) => edge.relationshipId).sort()).toEqual(
      ["r-acc1", "r-cfo", "r-cto", "r-dev1", "r-dev2"].sort(),
    );
  });

  it("stacks reports without reports in columns under their manager", () => {
    const people = [makePerson("boss"), ...Array.from({ length: 10 }, (_, i) => makePerson(`l${i}`))];
    const relationships = people.slice(1).map((person) => reportsTo(person.id, "boss"));
    const layout = layoutChart(people, relationships, new Set());
    const at = (id: string) => layout.nodeById.get(id) as ChartNode;

    // Ten leaves: two columns of five, each card below the one before it.
    const columns = new Set(people.slice(1).map((person) => at(person.id).x));
    expect(columns.size).toBe(2);
    for (let i = 1; i < 5; i += 1) {
      expect(at(`l${i}`).x).toBe(at("l0").x);
      expect(at(`l${i + 5}`).x).toBe(at("l5").x);
      expect(at(`l${i}`).y).toBeGreaterThan(at(`l${i - 1}`).y + at(`l${i - 1}`).height);
    }
    expect(at("l5").x).toBeGreaterThan(at("l0").x);
    expect(at("l5").y).toBe(at("l0").y);
    expectSound(layout);
    expect(layout.treeEdges).toHaveLength(10);
    // Stacked cards are reached from the left, on a spine beside their column.
    for (const edge of layout.treeEdges) {
      const last = edge.points[edge.points.length - 1];
      expect(last).toEqual({ x: at(edge.fromId).x, y: at(edge.fromId).y + CARD_HEIGHT / 2 });
      expect(at(edge.fromId).parentId).toBe("boss");
    }
  });

  it("keeps a lone leaf and a manager with a single report unstacked", () => {
    const people = [makePerson("boss"), makePerson("mid"), makePerson("leaf"), makePerson("deep")];
    const relationships = [reportsTo("mid", "boss"), reportsTo("leaf", "boss"), reportsTo("deep", "mid")];
    const layout = layoutChart(people, relationships, new Set());
    const at = (id: string) => layout.nodeById.get(id) as ChartNode;

    expect(at("mid").y).toBe(at("leaf").y);
    expect(at("deep").x).toBe(at("mid").x);
    const leafLine = layout.treeEdges.find((edge) => edge.fromId === "leaf");
    expect(leafLine?.points.at(-1)).toEqual({ x: at("leaf").x + CARD_WIDTH / 2, y: at("leaf").y });
    expectSound(layout);
  });

  it("lays the trees of a small forest out side by side in the order of their roots", () => {
    const { people, relationships } = generateForest(12, 3, 2);
    const layout = layoutChart(people, relationships, new Set());
    const boxes = treeBoxes(layout);

    expect(layout.nodes).toHaveLength(12);
    expect(boxes.map((box) => box.root)).toEqual(["p0", "p1", "p2"]);
    expect(boxes[0].left).toBe(24);
    for (let i = 1; i < boxes.length; i += 1) {
      // Each tree keeps to its own band: the next one starts 64 px after the previous one ends.
      expect(boxes[i].left - boxes[i - 1].right, `${boxes[i].root} after ${boxes[i - 1].root}`).toBe(64);
      expect(boxes[i].top).toBe(boxes[0].top);
    }
    expect(layout.width).toBe(boxes[2].right + 24);
    expectSound(layout);
  });

  it("wraps a forest of big trees into rows that fit a screen", () => {
    const { people, relationships } = generateForest(5000, 5);
    const layout = layoutChart(people, relationships, new Set());
    const boxes = treeBoxes(layout);

    expect(boxes.map((box) => box.root)).toEqual(["p0", "p1", "p2", "p3", "p4"]);
    // Five 1,000-person trees in one row would be some 180,000 px wide.
    expect(layout.width / layout.height).toBeLessThan(16);
    for (let i = 1; i < boxes.length; i += 1) {
      const [previous, box] = [boxes[i - 1], boxes[i]];
      const sameRow = box.top === previous.top;
      if (sameRow) expect(box.left - previous.right).toBe(64);
      else {
        expect(box.left).toBe(24);
        expect(box.top).toBeGreaterThanOrEqual(Math.max(...boxes.slice(0, i).map((other) => other.bottom)) + 64);
      }
    }
    expectSound(layout);
  });

  it("keeps every tree in a box of its own", () => {
    const { people, relationships } = generateForest(300, 7, 4);
    const boxes = treeBoxes(layoutChart(people, relationships, new Set()));

    for (const a of boxes) {
      for (const b of boxes) {
        if (a === b) continue;
        const apart = a.right + 64 <= b.left || b.right + 64 <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        expect(apart, `${a.root} and ${b.root} keep apart`).toBe(true);
      }
    }
  });

  it("leaves a collapsed manager's subtree out and counts it", () => {
    const { people, relationships } = threeLevelTree();
    const layout = layoutChart(people, relationships, new Set(["cto"]));

    expect(layout.nodeById.has("dev1")).toBe(false);
    expect(layout.nodeById.has("dev2")).toBe(false);
    expect(layout.nodeById.get("cto")).toMatchObject({ collapsed: true, hiddenCount: 2, reportCount: 2 });
    expect(layout.nodeById.get("cfo")).toMatchObject({ collapsed: false, hiddenCount: 0, reportCount: 1 });
    expect(layout.treeEdges.some((edge) => edge.fromId === "dev1")).toBe(false);
    expectSound(layout);
  });

  it("hides whole branches of a large forest and closes the gaps they leave", () => {
    const { people, relationships } = generateForest(5000, 5);
    const full = layoutChart(people, relationships, new Set());
    // p5…p34 are the second level of the five trees; collapsing them leaves the roots and them.
    const collapsed = new Set(Array.from({ length: 30 }, (_, i) => `p${i + 5}`));
    const layout = layoutChart(people, relationships, collapsed);

    expect(layout.nodes).toHaveLength(35);
    expect(layout.treeEdges).toHaveLength(30);
    expect(layout.nodeById.get("p5")?.hiddenCount).toBeGreaterThan(0);
    const hidden = [...collapsed].reduce((total, id) => total + (layout.nodeById.get(id)?.hiddenCount ?? 0), 0);
    expect(hidden + 35).toBe(5000);
    expect(layout.width).toBeLessThan(full.width);
    expect(layout.height).toBeLessThan(full.height);
    expectSound(layout);
  });

  it("cuts a reports-to cycle instead of failing", () => {
    const people = [makePerson("a"), makePerson("b"), makePerson("c")];
    const relationships = [reportsTo("a", "b"), reportsTo("b", "c"), reportsTo("c", "a")];
    const layout = layoutChart(people, relationships, new Set());

    expect(layout.nodes).toHaveLength(3);
    expect(layout.treeEdges).toHaveLength(2);
    expectSound(layout);
  });

  it.each([1, 2, 3, 4])("places irregular forests soundly (seed %i)", (seed) => {
    const { people, relationships } = irregularForest(400, seed);
    const layout = layoutChart(people, relationships, new Set());

    expect(layout.nodes).toHaveLength(people.length);
    expect(layout.treeEdges).toHaveLength(relationships.length);
    expectSound(layout);
  });

  it("places every person of a 5,000-person forest soundly", () => {
    const { people, relationships } = generateForest(5000, 5);
    const started = performance.now();
    const layout = layoutChart(people, relationships, new Set());
    const total = performance.now() - started;
    console.info(`layoutChart: 5,000 people in ${Math.round(total)} ms`);

    expect(layout.nodes).toHaveLength(5000);
    expect(new Set(layout.nodes.map((node) => node.id)).size).toBe(5000);
    expect(layout.treeEdges).toHaveLength(4995);
    // Time is a figure here, not a pass mark: scripts/bench-layout.mjs measures it.
    expectSound(layout);
  });
  it("stacks collapsed reports like reports without reports", () => {
    const { people, relationships } = generateForest(1000, 1);
    const collapsed = new Set(Array.from({ length: 36 }, (_, i) => `p${i + 7}`));
    const layout = layoutChart(people, relationships, collapsed);

    expect(layout.nodes).toHaveLength(43);
    // p1's six collapsed reports share one column under p1.
    const column = ["p7", "p8", "p9", "p10", "p11", "p12"].map((id) => layout.nodeById.get(id)!);
    expect(new Set(column.map((node) => node.x)).size).toBe(1);
    expect(layout.width).toBeLessThan(7 * (CARD_WIDTH + 24) + 48);
    expectSound(layout);
  });
});
