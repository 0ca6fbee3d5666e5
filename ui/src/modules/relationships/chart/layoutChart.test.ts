import { layoutChart } from "./layoutChart";
import { generateForest, makePerson, reportsTo, threeLevelTree } from "./testing/chartFixtures";
import type { ChartNode } from "./types";

function overlaps(a: ChartNode, b: ChartNode): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe("layoutChart", () => {
  it("puts managers above their reports without overlapping cards", async () => {
    const { people, relationships } = threeLevelTree();
    const layout = await layoutChart(people, relationships, new Set());
    const at = (id: string) => layout.nodeById.get(id) as ChartNode;

    expect(layout.nodes).toHaveLength(people.length);
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
    for (const a of layout.nodes) {
      for (const b of layout.nodes) {
        if (a !== b) expect(overlaps(a, b), `${a.id} and ${b.id} overlap`).toBe(false);
      }
    }
    // The person without any reports-to edge sits in the grid below every tree.
    expect(at("solo").placement).toBe("loose");
    const treeBottom = Math.max(...layout.nodes.filter((n) => n.placement === "tree").map((n) => n.y + n.height));
    expect(at("solo").y).toBeGreaterThan(treeBottom);
    expect(layout.treeEdges.map((edge) => edge.relationshipId).sort()).toEqual(
      ["r-acc1", "r-cfo", "r-cto", "r-dev1", "r-dev2"].sort(),
    );
    // Every tree line leaves the manager's bottom edge and ends on the report's top or left edge.
    for (const edge of layout.treeEdges) {
      const first = edge.points[0];
      const last = edge.points[edge.points.length - 1];
      const report = at(edge.fromId);
      expect(first.y).toBe(at(edge.toId).y + at(edge.toId).height);
      expect(last.y === report.y || last.x === report.x, `${edge.fromId}'s line ends on the card`).toBe(true);
    }
  });

  it("stacks reports without reports in columns under their manager", async () => {
    const people = [makePerson("boss"), ...Array.from({ length: 10 }, (_, i) => makePerson(`l${i}`))];
    const relationships = people.slice(1).map((person) => reportsTo(person.id, "boss"));
    const layout = await layoutChart(people, relationships, new Set());
    const at = (id: string) => layout.nodeById.get(id) as ChartNode;

    // Ten leaves: two columns of five, each card below the one before it.
    const columns = new Set(people.slice(1).map((person) => at(person.id).x));
    expect(columns.size).toBe(2);
    for (let i = 1; i < 5; i += 1) {
      expect(at(`l${i}`).x).toBe(at("l0").x);
      expect(at(`l${i}`).y).toBeGreaterThan(at(`l${i - 1}`).y + at(`l${i - 1}`).height);
    }
    for (const a of layout.nodes) {
      for (const b of layout.nodes) {
        if (a !== b) expect(overlaps(a, b), `${a.id} and ${b.id} overlap`).toBe(false);
      }
    }
    expect(layout.treeEdges).toHaveLength(10);
  });

  it("leaves a collapsed manager's subtree out and counts it", async () => {
    const { people, relationships } = threeLevelTree();
    const layout = await layoutChart(people, relationships, new Set(["cto"]));

    expect(layout.nodeById.has("dev1")).toBe(false);
    expect(layout.nodeById.has("dev2")).toBe(false);
    expect(layout.nodeById.get("cto")).toMatchObject({ collapsed: true, hiddenCount: 2, reportCount: 2 });
    expect(layout.treeEdges.some((edge) => edge.fromId === "dev1")).toBe(false);
  });

  it("cuts a reports-to cycle instead of failing", async () => {
    const people = [makePerson("a"), makePerson("b"), makePerson("c")];
    const relationships = [reportsTo("a", "b"), reportsTo("b", "c"), reportsTo("c", "a")];
    const layout = await layoutChart(people, relationships, new Set());

    expect(layout.nodes).toHaveLength(3);
    expect(layout.treeEdges).toHaveLength(2);
  });

  it("lays out a 5,000-person forest", async () => {
    const { people, relationships } = generateForest(5000, 5);
    const started = performance.now();
    const layout = await layoutChart(people, relationships, new Set());
    const total = performance.now() - started;
    console.info(`layoutChart: 5,000 people in ${Math.round(total)} ms (ELK ${Math.round(layout.elkMillis)} ms)`);

    expect(layout.nodes).toHaveLength(5000);
    expect(layout.treeEdges).toHaveLength(4995);
  }, 120_000);
});
