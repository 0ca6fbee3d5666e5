import benchSource from "../../../../scripts/bench-network.mjs?raw";
import type { MapPerson, Relationship } from "../types/map";
import { makePerson, relation } from "../chart/testing/chartFixtures";
import { ELK_NETWORK_OPTIONS, layoutNetwork, NODE_SIZE } from "./layoutNetwork";

/** A connected graph: a random spanning tree, then random extra relationships. */
function generateNetwork(size: number, edgeCount: number): { people: MapPerson[]; relationships: Relationship[] } {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const kinds = ["reports_to", "works_with", "influences", "assistant_of"];
  const people: MapPerson[] = [];
  const relationships: Relationship[] = [];
  for (let i = 0; i < size; i += 1) {
    people.push(makePerson(`p${i}`));
    if (i > 0) relationships.push(relation(`p${i}`, `p${Math.floor(random() * i)}`, kinds[i % 4], `t${i}`));
  }
  while (relationships.length < edgeCount) {
    const a = Math.floor(random() * size);
    const b = Math.floor(random() * size);
    if (a !== b) relationships.push(relation(`p${a}`, `p${b}`, kinds[relationships.length % 4], `x${relationships.length}`));
  }
  return { people, relationships };
}

function expectFinite(layout: Awaited<ReturnType<typeof layoutNetwork>>, count: number) {
  expect(layout.nodes).toHaveLength(count);
  for (const node of layout.nodes) {
    expect(Number.isFinite(node.x) && Number.isFinite(node.y), `${node.id} has a position`).toBe(true);
    expect(node.x).toBeGreaterThanOrEqual(0);
    expect(node.y).toBeGreaterThanOrEqual(0);
    expect(node.x + node.width).toBeLessThanOrEqual(layout.width);
    expect(node.y + node.height).toBeLessThanOrEqual(layout.height);
  }
}

describe("layoutNetwork", () => {
  it("places a small network with ELK stress, without overlapping people", async () => {
    const { people, relationships } = generateNetwork(12, 20);
    const layout = await layoutNetwork(["p0"], people, relationships);
    expect(layout.algorithm).toBe("stress");
    expectFinite(layout, 12);
    const [a, b] = [layout.nodeById.get("p0"), layout.nodeById.get("p1")];
    expect(a && b && Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(NODE_SIZE / 2);
  }, 30_000);

  it("puts several start people (an account's) on a first ring of their own, apart", async () => {
    const { people, relationships } = generateNetwork(200, 400);
    const starts = ["p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7"];
    const layout = await layoutNetwork(starts, people, relationships);
    expectFinite(layout, 200);
    const first = starts.map((id) => layout.nodeById.get(id));
    expect(first.every((node) => node?.ring === 0)).toBe(true);
    for (const [i, a] of first.entries()) {
      for (const b of first.slice(i + 1)) {
        expect(a && b && Math.hypot(a.x - b.x, a.y - b.y), "start people do not overlap").toBeGreaterThanOrEqual(NODE_SIZE);
      }
    }
    expect(layout.nodes.filter((node) => node.ring === 1).length).toBeGreaterThan(0);
  });

  it("packs an account's thousands of people into a compact disc, none on top of another", async () => {
    const { people, relationships } = generateNetwork(3000, 6000);
    const starts = people.slice(0, 2500).map((person) => person.id);
    const layout = await layoutNetwork(starts, people, relationships);
    expectFinite(layout, 3000);
    // A circle of 2,500 people would be about 22,000 px across.
    expect(Math.max(layout.width, layout.height)).toBeLessThan(8000);
    // Neighbours found through a grid of NODE_SIZE cells: none closer than a circle's width.
    const cells = new Map<string, { x: number; y: number }[]>();
    const key = (x: number, y: number) => `${Math.floor(x / NODE_SIZE)}:${Math.floor(y / NODE_SIZE)}`;
    let closest = Infinity;
    for (const node of layout.nodes) {
      const [cx, cy] = [Math.floor(node.x / NODE_SIZE), Math.floor(node.y / NODE_SIZE)];
      for (let dx = -1; dx <= 1; dx += 1) {
        for (let dy = -1; dy <= 1; dy += 1) {
          for (const other of cells.get(`${cx + dx}:${cy + dy}`) ?? []) {
            closest = Math.min(closest, Math.hypot(other.x - node.x, other.y - node.y));
          }
        }
      }
      const bucket = key(node.x, node.y);
      cells.set(bucket, [...(cells.get(bucket) ?? []), node]);
    }
    expect(closest).toBeGreaterThanOrEqual(NODE_SIZE * 0.9);
  });

  it("puts the centre person in the middle and the others in rings by steps", async () => {
    const { people, relationships } = generateNetwork(200, 400);
    const layout = await layoutNetwork(["p0"], people, relationships);
    expect(layout.algorithm).toBe("rings");
    expectFinite(layout, 200);
    const centre = layout.nodeById.get("p0");
    expect(centre?.ring).toBe(0);
    const middle = { x: (centre?.x ?? 0) + NODE_SIZE / 2, y: (centre?.y ?? 0) + NODE_SIZE / 2 };
    const distance = (node: { x: number; y: number }) => Math.hypot(node.x + NODE_SIZE / 2 - middle.x, node.y + NODE_SIZE / 2 - middle.y);
    const ringOne = layout.nodes.filter((node) => node.ring === 1);
    const ringTwo = layout.nodes.filter((node) => node.ring === 2);
    expect(ringOne.length).toBeGreaterThan(0);
    expect(Math.max(...ringOne.map(distance))).toBeLessThan(Math.min(...ringTwo.map(distance)));
  });

  it("keeps people the relationships do not reach, in an outer ring", async () => {
    const people = [makePerson("a"), makePerson("b"), makePerson("c"), makePerson("loner")];
    const relationships = [relation("a", "b", "works_with"), relation("b", "c", "reports_to")];
    const layout = await layoutNetwork(["a"], people, relationships, { elkMaxPeople: 0 });
    expectFinite(layout, 4);
    expect(layout.nodeById.get("loner")?.ring).toBe(-1);
    expect(layout.nodeById.get("c")?.ring).toBe(2);
  });

  it("lays out nobody as an empty chart", async () => {
    const layout = await layoutNetwork(["a"], [], []);
    expect(layout.nodes).toHaveLength(0);
    expect(layout.width).toBe(0);
  });

  it("positions every person of a 5,000-person, 50,000-relationship network", async () => {
    const { people, relationships } = generateNetwork(5000, 50_000);
    const started = performance.now();
    const layout = await layoutNetwork(["p0"], people, relationships);
    console.info(`layoutNetwork: 5,000 people / 50,000 relationships in ${Math.round(performance.now() - started)} ms (${layout.algorithm})`);
    expectFinite(layout, 5000);
  });
});

describe("ELK_NETWORK_OPTIONS", () => {
  it("is the set of options the network benchmark times", () => {
    const copy = /export const ELK_NETWORK_OPTIONS = (\{[\s\S]*?\});/.exec(benchSource)?.[1];
    expect(copy, "scripts/bench-network.mjs keeps a copy of the options").toBeDefined();
    const parsed = JSON.parse((copy as string).replace(/,\s*\}$/, "}")) as Record<string, string>;
    expect(parsed).toEqual(ELK_NETWORK_OPTIONS);
  });
});
