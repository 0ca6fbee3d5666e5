import { KINDS, relation } from "../testing/chartFixtures";
import { RecordingContext } from "../testing/recordingContext";
import type { ChartLayout, ChartNode } from "../types";
import { canvasPlacement } from "./canvasPlacement";
import { kindStyles } from "./chartStyles";
import type { BulkPalette, BulkScene, BulkView } from "./drawBulk";
import { drawBulk } from "./drawBulk";
import { BULK_RELATIONSHIPS, curveLines, treeLines } from "./lines";

function node(id: string, x: number, y: number, overrides: Partial<ChartNode> = {}): ChartNode {
  return {
    id,
    x,
    y,
    width: 200,
    height: 80,
    placement: "tree",
    parentId: null,
    reportCount: 0,
    hiddenCount: 0,
    collapsed: false,
    ...overrides,
  };
}

/** A boss with two reports (one of them collapsed), and far to the right a placeholder. */
function smallLayout(): ChartLayout {
  const nodes = [
    node("boss", 200, 0),
    node("a", 0, 200, { parentId: "boss" }),
    node("b", 400, 200, { parentId: "boss", collapsed: true, hiddenCount: 3, reportCount: 3 }),
    node("hidden", 5000, 0),
  ];
  const elbow = (fromId: string, x: number) => ({
    relationshipId: `r-${fromId}`,
    fromId,
    toId: "boss",
    points: [
      { x: 300, y: 80 },
      { x: 300, y: 140 },
      { x, y: 140 },
      { x, y: 200 },
    ],
  });
  return {
    nodes,
    nodeById: new Map(nodes.map((n) => [n.id, n])),
    treeEdges: [elbow("a", 100), elbow("b", 500)],
    managerOf: new Map([
      ["a", "boss"],
      ["b", "boss"],
    ]),
    reportsOf: new Map([["boss", ["a", "b"]]]),
    width: 5200,
    height: 280,
    looseTop: null,
    layoutMillis: 0,
  };
}

const palette: BulkPalette = {
  card: "card",
  placeholder: "placeholder",
  border: "border",
  marker: "marker",
  kind: (color) => `kind-${color}`,
};

function scene(layout: ChartLayout, overrides: Partial<BulkScene> = {}): BulkScene {
  return {
    layout,
    tree: treeLines(layout),
    curves: curveLines(layout, [
      relation("a", "b", "works_with"),
      relation("boss", "hidden", "works_with"),
      relation("a", "boss", "influences"),
    ]),
    cards: true,
    bulkCurves: true,
    isPlaceholder: (id) => id === "hidden",
    styles: kindStyles(KINDS),
    ...overrides,
  };
}

const everything = { x: -1000, y: -1000, width: 10_000, height: 10_000 };

function view(k: number, area = everything): BulkView {
  return { k, originX: 10, originY: 20, ratio: 2, width: 800, height: 600, area };
}

describe("drawBulk", () => {
  it("far out, draws every card as a box and every line as a hairline on screen", () => {
    const context = new RecordingContext();
    const counts = drawBulk(context.asContext(), scene(smallLayout()), palette, view(0.1));

    expect(counts).toEqual({ cards: 4, treeLines: 2, curves: 3 });
    // The whole bitmap is cleared, then chart units are mapped to device pixels.
    expect(context.clears).toEqual([[0, 0, 1600, 1200]]);
    expect(context.transforms.at(-1)).toEqual([0.2, 0, 0, 0.2, 20, 40]);
    const [tree, worksWith, influences, people, placeholders, borders, markers] = context.paints;
    expect(tree).toMatchObject({ op: "stroke", style: "border", moves: 2, lineWidth: 10, dash: [] });
    expect(worksWith).toMatchObject({ op: "stroke", style: "kind-teal", curves: 2, alpha: 0.6, lineWidth: 10 });
    // Dashes too are screen pixels: "2 5" at a tenth of the size.
    expect(worksWith.dash).toEqual([20, 50]);
    expect(influences).toMatchObject({ style: "kind-grape", curves: 1 });
    expect(people).toMatchObject({ op: "fill", style: "card", rects: 3 });
    expect(placeholders).toMatchObject({ op: "fill", style: "placeholder", rects: 1 });
    expect(borders).toMatchObject({ op: "stroke", style: "border", rects: 4 });
    expect(markers).toMatchObject({ op: "fill", style: "marker", rects: 1 });
    expect(context.paints).toHaveLength(7);
  });

  it("leaves out what lies outside the area the canvas shows", () => {
    const context = new RecordingContext();
    const counts = drawBulk(context.asContext(), scene(smallLayout()), palette, view(0.1, { x: 0, y: 0, width: 1000, height: 400 }));
    // The placeholder at x = 5000 is off the canvas; the curve to it starts on it and stays.
    expect(counts).toEqual({ cards: 3, treeLines: 2, curves: 3 });
    expect(context.paints.find((paint) => paint.style === "placeholder")?.rects).toBe(0);

    const far = drawBulk(context.asContext(), scene(smallLayout()), palette, view(0.1, { x: 4900, y: -100, width: 400, height: 300 }));
    expect(far).toEqual({ cards: 1, treeLines: 0, curves: 1 });
  });

  it("closer in, draws only the relationships, plainly, with arrowheads on the directed ones", () => {
    const context = new RecordingContext();
    const counts = drawBulk(context.asContext(), scene(smallLayout(), { cards: false, bulkCurves: false, tree: null }), palette, view(0.8));

    expect(counts).toEqual({ cards: 0, treeLines: 0, curves: 3 });
    expect(context.paints.map((paint) => `${paint.op} ${paint.style}`)).toEqual([
      "stroke kind-teal",
      "stroke kind-grape",
      "fill kind-grape",
    ]);
    // Width and dash in chart units, as the SVG drew them.
    expect(context.paints[0]).toMatchObject({ lineWidth: 2, dash: [2, 5], alpha: 1, curves: 2 });
    expect(context.paints[2]).toMatchObject({ moves: 1 });
  });

  it("draws thousands of relationships faintly and without arrowheads", () => {
    const layout = smallLayout();
    const many = Array.from({ length: 2001 }, () => relation("a", "boss", "influences"));
    const context = new RecordingContext();
    const curves = curveLines(layout, many);
    expect(curves.length).toBeGreaterThan(BULK_RELATIONSHIPS);
    drawBulk(context.asContext(), scene(layout, { cards: false, tree: null, curves }), palette, view(0.8));

    expect(context.paints).toHaveLength(1);
    expect(context.paints[0]).toMatchObject({ op: "stroke", lineWidth: 1.5, alpha: 0.6, curves: 2001 });
  });
});

describe("canvasPlacement", () => {
  const size = { width: 1000, height: 700 };

  it("covers the whole chart while its bitmap stays small, so a pan only moves it", () => {
    const layout = smallLayout();
    const at = canvasPlacement(layout, { x: 40, y: 30, k: 0.1 }, size, 1);
    const pad = 16 + 400 * 0.1;
    expect(at).toEqual({
      whole: true,
      left: 40 - pad,
      top: 30 - pad,
      width: 520 + 2 * pad,
      height: 28 + 2 * pad,
      originX: pad,
      originY: pad,
    });
    // Panned elsewhere: the same bitmap, somewhere else.
    const panned = canvasPlacement(layout, { x: -300, y: 90, k: 0.1 }, size, 1);
    expect([panned.width, panned.height]).toEqual([at.width, at.height]);
    expect(panned.left - at.left).toBe(-340);
  });

  it("covers the view and its margin when the whole chart would be too big a bitmap", () => {
    const at = canvasPlacement(smallLayout(), { x: 0, y: 0, k: 1 }, size, 1);
    expect(at).toEqual({ whole: false, left: -200, top: -200, width: 1400, height: 1100, originX: 200, originY: 200 });
    // A high-density screen reaches the limit sooner.
    expect(canvasPlacement(smallLayout(), { x: 0, y: 0, k: 0.4 }, size, 1).whole).toBe(true);
    expect(canvasPlacement(smallLayout(), { x: 0, y: 0, k: 0.4 }, size, 2).whole).toBe(false);
  });
});
