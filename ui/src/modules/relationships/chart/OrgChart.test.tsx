import { MantineProvider } from "@mantine/core";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { theme } from "../../../app/theme";
import type { Relationship } from "../types/map";
import type { OrgChartProps } from "./OrgChart";
import { OrgChart } from "./OrgChart";
import { CARD_HEIGHT, CARD_WIDTH } from "./layoutChart";
import { RecordingContext } from "./testing/recordingContext";
import {
  generateForest,
  KINDS,
  makeLevel,
  makePerson,
  relation,
  reportsTo,
  threeLevelTree,
} from "./testing/chartFixtures";

function renderChart(overrides: Partial<OrgChartProps> = {}) {
  const { people, relationships } = threeLevelTree();
  const props: OrgChartProps = {
    people,
    relationships,
    groups: [makeLevel("lvl-exec", "Executive", ["ceo"])],
    kinds: KINDS,
    mayEdit: true,
    onOpenPerson: vi.fn(),
    onReparent: vi.fn(),
    onAddRelationship: vi.fn(),
    onRemoveRelationship: vi.fn(),
    ...overrides,
  };
  const view = render(
    <MantineProvider theme={theme} env="test">
      <OrgChart {...props} />
    </MantineProvider>,
  );
  return { ...view, props };
}

function card(personId: string): Element {
  const found = document.querySelector(`[data-testid="org-card"][data-person-id="${personId}"]`);
  if (!found) throw new Error(`no card for ${personId}`);
  return found;
}

function numbers(transform: string | null): number[] {
  return (transform ?? "").match(/-?\d+(\.\d+)?(e-?\d+)?/g)?.map(Number) ?? [];
}

/** A card's centre in client coordinates (the canvas is at 0,0 in jsdom). */
function centreOf(personId: string): { clientX: number; clientY: number } {
  const [tx, ty, k] = numbers(screen.getByTestId("org-viewport").getAttribute("transform"));
  const [x, y] = numbers(card(personId).getAttribute("transform"));
  return { clientX: tx + (x + CARD_WIDTH / 2) * k, clientY: ty + (y + CARD_HEIGHT / 2) * k };
}

function drag(fromId: string, toId: string) {
  const from = centreOf(fromId);
  const to = centreOf(toId);
  fireEvent.pointerDown(card(fromId), { ...from, button: 0, pointerId: 1 });
  fireEvent.pointerMove(window, { clientX: from.clientX + 10, clientY: from.clientY + 10, pointerId: 1 });
  fireEvent.pointerMove(window, { ...to, pointerId: 1 });
  fireEvent.pointerUp(window, { ...to, pointerId: 1 });
}

describe("OrgChart", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("draws a card per person and a line per relationship", async () => {
    const { people, relationships } = threeLevelTree();
    renderChart({ relationships: [...relationships, relation("dev1", "acc1", "works_with", "w1")] });

    await waitFor(() => expect(screen.getAllByTestId("org-card")).toHaveLength(people.length));
    expect(card("ceo")).toHaveAttribute("data-name", "Ada Chief");
    const edges = screen.getAllByTestId("org-edge");
    expect(edges).toHaveLength(6);
    expect(edges.find((edge) => edge.getAttribute("data-relationship-id") === "w1")).toHaveAttribute(
      "data-kind",
      "works_with",
    );
    const treeEdge = edges.find((edge) => edge.getAttribute("data-relationship-id") === "r-dev1") as Element;
    expect(treeEdge).toHaveAttribute("data-from", "dev1");
    expect(treeEdge).toHaveAttribute("data-to", "cto");
    expect(within(card("ceo") as HTMLElement).getByText("Executive")).toBeInTheDocument();
  });

  it("opens a person on click and on Enter", async () => {
    const { props } = renderChart();
    await screen.findAllByTestId("org-card");

    fireEvent.click(card("cto"));
    fireEvent.keyDown(card("cfo"), { key: "Enter" });

    expect(props.onOpenPerson).toHaveBeenNthCalledWith(1, "cto");
    expect(props.onOpenPerson).toHaveBeenNthCalledWith(2, "cfo");
  });

  it("moves between cards with the arrow keys", async () => {
    renderChart();
    await screen.findAllByTestId("org-card");

    (card("cto") as SVGGElement).focus();
    fireEvent.keyDown(card("cto"), { key: "ArrowDown" });
    await waitFor(() => expect(document.activeElement).toBe(card("dev1")));
    fireEvent.keyDown(card("dev1"), { key: "ArrowUp" });
    await waitFor(() => expect(document.activeElement).toBe(card("cto")));
    fireEvent.keyDown(card("cto"), { key: "ArrowRight" });
    await waitFor(() => expect(document.activeElement).toBe(card("cfo")));
  });

  it("draws a placeholder without a name and never opens it", async () => {
    const people = [
      makePerson("boss", { placeholder: true, displayName: "Secret Person", initials: "SP", jobTitle: "Hidden" }),
      makePerson("me", { displayName: "Visible Vera" }),
    ];
    const { props } = renderChart({ people, relationships: [reportsTo("me", "boss", "r1")] });
    await screen.findAllByTestId("org-card");

    const placeholder = card("boss");
    expect(placeholder).toHaveAttribute("data-name", "");
    expect(placeholder.textContent).toContain("Someone outside your area");
    expect(placeholder.textContent).not.toContain("Secret");
    fireEvent.click(placeholder);
    expect(props.onOpenPerson).not.toHaveBeenCalled();
  });

  it("shortens a 60-character name with an ellipsis", async () => {
    const longName = "Maximilian Alexander Bartholomew Fitzgerald-Worthington, III";
    expect(longName).toHaveLength(60);
    renderChart({ people: [makePerson("long", { displayName: longName })], relationships: [] });
    await screen.findAllByTestId("org-card");

    expect(card("long")).toHaveAttribute("data-name", longName);
    const texts = [...card("long").querySelectorAll("text")].map((text) => text.textContent ?? "");
    const shown = texts.find((text) => text.startsWith("Maximilian")) as string;
    expect(shown.endsWith("…")).toBe(true);
    expect(shown.length).toBeLessThan(longName.length);
  });

  it("collapses and expands a branch with its toggle", async () => {
    renderChart();
    await screen.findAllByTestId("org-card");
    const toggle = document.querySelector('[data-testid="org-toggle"][data-person-id="cto"]') as Element;

    fireEvent.click(toggle);
    await waitFor(() => expect(document.querySelector('[data-person-id="dev1"][data-testid="org-card"]')).toBeNull());
    expect(toggle.textContent).toBe("+2");

    fireEvent.click(document.querySelector('[data-testid="org-toggle"][data-person-id="cto"]') as Element);
    await waitFor(() => expect(card("dev1")).toBeInTheDocument());
  });

  it("re-parents a card dropped onto another card", async () => {
    const { props } = renderChart();
    await screen.findAllByTestId("org-card");

    drag("acc1", "cto");

    expect(props.onReparent).toHaveBeenCalledTimes(1);
    expect(props.onReparent).toHaveBeenCalledWith("acc1", "cto");
    // The drop does not also count as a click on the card.
    expect(props.onOpenPerson).not.toHaveBeenCalled();
  });

  it("marks a drop onto the person's own report as a loop and leaves the refusal to the core", async () => {
    const { props } = renderChart();
    await screen.findAllByTestId("org-card");
    const from = centreOf("cto");
    const to = centreOf("dev1");

    fireEvent.pointerDown(card("cto"), { ...from, button: 0, pointerId: 1 });
    fireEvent.pointerMove(window, { ...to, pointerId: 1 });
    expect(await screen.findByTestId("org-drag-ghost")).toHaveTextContent("would report to their own report");
    fireEvent.pointerUp(window, { ...to, pointerId: 1 });

    // The core refuses it with a message naming both people; the page shows that message.
    expect(props.onReparent).toHaveBeenCalledWith("cto", "dev1");
  });

  it("ignores a drop onto the person's current manager", async () => {
    const { props } = renderChart();
    await screen.findAllByTestId("org-card");
    const from = centreOf("dev1");
    const to = centreOf("cto");

    fireEvent.pointerDown(card("dev1"), { ...from, button: 0, pointerId: 1 });
    fireEvent.pointerMove(window, { ...to, pointerId: 1 });
    expect(await screen.findByTestId("org-drag-ghost")).toHaveTextContent("cannot report here");
    fireEvent.pointerUp(window, { ...to, pointerId: 1 });

    expect(props.onReparent).not.toHaveBeenCalled();
  });

  it("removes a manager from the card's menu", async () => {
    const { props } = renderChart();
    await screen.findAllByTestId("org-card");

    fireEvent.contextMenu(card("acc1"), { clientX: 100, clientY: 100 });
    fireEvent.click(await screen.findByTestId("org-remove-manager"));

    expect(props.onReparent).toHaveBeenCalledWith("acc1", null);
  });

  it("cancels a drag with Escape", async () => {
    const { props } = renderChart();
    await screen.findAllByTestId("org-card");
    const from = centreOf("acc1");
    const to = centreOf("cto");

    fireEvent.pointerDown(card("acc1"), { ...from, button: 0, pointerId: 1 });
    fireEvent.pointerMove(window, { ...to, pointerId: 1 });
    fireEvent.keyDown(window, { key: "Escape" });
    fireEvent.pointerUp(window, { ...to, pointerId: 1 });

    expect(props.onReparent).not.toHaveBeenCalled();
    expect(screen.queryByTestId("org-drag-ghost")).toBeNull();
  });

  it("does not drag without the right to edit", async () => {
    const { props } = renderChart({ mayEdit: false });
    await screen.findAllByTestId("org-card");

    drag("acc1", "cto");

    expect(props.onReparent).not.toHaveBeenCalled();
    expect(screen.queryByTestId("org-connect")).toBeNull();
    expect(screen.queryByTestId("org-no-manager-zone")).toBeNull();
  });

  it("connects two people in connect mode", async () => {
    const { props } = renderChart();
    await screen.findAllByTestId("org-card");

    fireEvent.click(screen.getByTestId("org-connect"));
    expect(screen.getByTestId("org-connect-kind")).toHaveValue("Assistant of");
    fireEvent.click(card("dev1"));
    fireEvent.click(card("ceo"));

    expect(props.onAddRelationship).toHaveBeenCalledWith("dev1", "ceo", "assistant_of");
    expect(props.onOpenPerson).not.toHaveBeenCalled();
  });

  it("removes a selected relationship", async () => {
    const { relationships } = threeLevelTree();
    const all: Relationship[] = [...relationships, relation("dev1", "acc1", "works_with", "w1")];
    const { props } = renderChart({ relationships: all });
    await screen.findAllByTestId("org-card");

    const edge = screen.getAllByTestId("org-edge").find((e) => e.getAttribute("data-relationship-id") === "w1");
    fireEvent.click(edge as Element);
    fireEvent.click(await screen.findByTestId("org-remove-relationship"));

    expect(props.onRemoveRelationship).toHaveBeenCalledWith("w1");
  });

  it("hides a relationship kind with its legend checkbox", async () => {
    const { relationships } = threeLevelTree();
    renderChart({ relationships: [...relationships, relation("dev1", "acc1", "works_with", "w1")] });
    await screen.findAllByTestId("org-card");

    const filter = screen
      .getAllByTestId("org-kind-filter")
      .find((element) => element.getAttribute("data-kind") === "works_with") as HTMLElement;
    fireEvent.click(filter);

    await waitFor(() => expect(document.querySelector('[data-relationship-id="w1"]')).toBeNull());
  });

  it("exports the whole chart as SVG", async () => {
    const onExport = vi.fn();
    renderChart({ onExport });
    await screen.findAllByTestId("org-card");

    fireEvent.click(screen.getByTestId("org-export-svg"));

    expect(onExport).toHaveBeenCalledWith("svg", expect.stringContaining("Finn Ledger"));
  });

  it("explains an empty chart", () => {
    renderChart({ people: [], relationships: [] });
    expect(screen.getByTestId("org-chart-empty")).toHaveTextContent("in your area");
  });

  it("hints at dragging when nobody has a manager yet", async () => {
    renderChart({ relationships: [] });
    expect(await screen.findByTestId("org-hint")).toHaveTextContent("Drag a person onto their manager");
  });

  it("finds a person with the search box and highlights their card", async () => {
    renderChart();
    await screen.findAllByTestId("org-card");

    const search = screen.getByTestId("org-search");
    fireEvent.click(search);
    fireEvent.change(search, { target: { value: "Finn" } });
    fireEvent.click(await screen.findByText("Finn Ledger — Accountant"));

    await waitFor(() => expect(card("acc1").querySelector("rect")?.getAttribute("style")).toContain("primary-color"));
  });

  it("lays out again when the parent sends a new manager", async () => {
    const { rerender, props } = renderChart();
    await screen.findAllByTestId("org-card");
    const moved = props.relationships.map((relationship) =>
      relationship.id === "r-acc1" ? reportsTo("acc1", "cto", "r-acc1-new") : relationship,
    );

    rerender(
      <MantineProvider theme={theme} env="test">
        <OrgChart {...props} relationships={moved} />
      </MantineProvider>,
    );

    await waitFor(() => expect(document.querySelector('[data-relationship-id="r-acc1-new"]')).toHaveAttribute("data-to", "cto"));
    expect(document.querySelector('[data-relationship-id="r-acc1"]')).toBeNull();
  });

  it("opens a big account collapsed and still finds a deep person for focusId", async () => {
    const { people, relationships } = generateForest(700, 1);
    const deep = "p650";
    renderChart({ people, relationships, groups: [], focusId: deep });

    await waitFor(() => expect(card(deep)).toBeInTheDocument());
    expect(screen.getAllByTestId("org-card").length).toBeLessThan(people.length);
  });

  it("expands the ancestors of a focused person", async () => {
    const { rerender, props } = renderChart();
    await screen.findAllByTestId("org-card");
    fireEvent.click(document.querySelector('[data-testid="org-toggle"][data-person-id="cto"]') as Element);
    await waitFor(() => expect(document.querySelector('[data-person-id="dev2"][data-testid="org-card"]')).toBeNull());

    rerender(
      <MantineProvider theme={theme} env="test">
        <OrgChart {...props} focusId="dev2" />
      </MantineProvider>,
    );

    await waitFor(() => expect(card("dev2")).toBeInTheDocument());
  });
  it("opens a 1,000-person chart on levels 0–2 and shows a branch's reports when it is expanded", async () => {
    // One tree, six reports per manager: levels of 1, 6, 36, 216 … people.
    const { people, relationships } = generateForest(1000, 1);
    renderChart({ people, relationships, groups: [] });

    await waitFor(() => expect(screen.getAllByTestId("org-card")).toHaveLength(43));
    expect(document.querySelector('[data-testid="org-card"][data-person-id="p43"]')).toBeNull();
    const toggle = document.querySelector('[data-testid="org-toggle"][data-person-id="p7"]') as Element;
    expect(toggle.textContent).toMatch(/^\+\d+$/);

    fireEvent.click(toggle);

    await waitFor(() => expect(card("p43")).toBeInTheDocument());
    for (const id of ["p44", "p45", "p46", "p47", "p48"]) expect(card(id)).toBeInTheDocument();
    // The reports open on their own reports collapsed.
    expect(document.querySelector('[data-testid="org-toggle"][data-person-id="p43"]')?.textContent).toMatch(/^\+\d+$/);
  });

  it("draws a big chart far out on a canvas, as boxes and lines, and cards again when zoomed in", async () => {
    const context = new RecordingContext();
    vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(context.asContext());
    // 250 managers with one report each: 500 cards, fitted far below a readable zoom.
    const { people, relationships } = generateForest(500, 250, 1);
    renderChart({ people, relationships, groups: [] });

    const layer = await screen.findByTestId("org-canvas-layer");
    await waitFor(() => expect(layer).toHaveAttribute("data-cards", "500"));
    expect(layer).toHaveAttribute("data-tree-lines", "250");
    expect(layer).toHaveAttribute("data-whole", "true");
    expect(context.paints.filter((paint) => paint.op === "fill").reduce((sum, paint) => sum + paint.rects, 0)).toBe(500);
    expect(screen.queryAllByTestId("org-card")).toHaveLength(0);
    expect(screen.queryAllByTestId("org-edge")).toHaveLength(0);

    // A pan moves the whole-chart canvas and does not draw it again.
    const painted = context.paints.length;
    const left = parseFloat(layer.style.left);
    const svg = screen.getByTestId("org-chart");
    fireEvent.pointerDown(svg, { clientX: 100, clientY: 100, button: 0, pointerId: 1 });
    fireEvent.pointerMove(window, { clientX: 400, clientY: 100, pointerId: 1 });
    fireEvent.pointerUp(window, { clientX: 400, clientY: 100, pointerId: 1 });
    await waitFor(() => expect(parseFloat(screen.getByTestId("org-canvas-layer").style.left)).toBe(left + 300));
    expect(context.paints).toHaveLength(painted);

    const canvas = screen.getByRole("application");
    for (let i = 0; i < 12; i += 1) fireEvent.keyDown(canvas, { key: "+" });

    await waitFor(() => expect(screen.getAllByTestId("org-card").length).toBeGreaterThan(0));
    expect(screen.queryByTestId("org-canvas-layer")).toBeNull();
  });

  it("keeps drawing the cards of a small chart however far it is zoomed out", async () => {
    const { people } = threeLevelTree();
    renderChart();
    await screen.findAllByTestId("org-card");

    const canvas = screen.getByRole("application");
    for (let i = 0; i < 25; i += 1) fireEvent.keyDown(canvas, { key: "-" });

    await waitFor(() => expect(numbers(screen.getByTestId("org-viewport").getAttribute("transform"))[2]).toBeLessThan(0.05));
    expect(screen.getAllByTestId("org-card")).toHaveLength(people.length);
    expect(screen.queryByTestId("org-canvas-layer")).toBeNull();
    expect(screen.getAllByTestId("org-edge")).toHaveLength(5);
  });

  it("draws over 2,000 dashed lines on the canvas, one path per kind", async () => {
    const context = new RecordingContext();
    vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(context.asContext());
    const people = Array.from({ length: 2101 }, (_, i) => makePerson(`q${i}`));
    const relationships = people.slice(1).map((person, i) => relation(`q${i}`, person.id, "works_with", `w${i}`));
    renderChart({ people, relationships, groups: [] });

    const layer = await screen.findByTestId("org-canvas-layer");
    await waitFor(() => expect(layer).toHaveAttribute("data-curves", "2100"));
    const strokes = context.paints.filter((paint) => paint.curves > 0);
    expect(strokes.at(-1)).toMatchObject({ style: expect.any(String), curves: 2100 });
    expect(screen.queryAllByTestId("org-edge-handle")).toHaveLength(0);
  });

  it("moves the drawing during a pan and renders the chart at the new place when it ends", async () => {
    renderChart();
    await screen.findAllByTestId("org-card");
    const svg = screen.getByTestId("org-chart");
    const stage = screen.getByTestId("org-stage");
    const viewport = screen.getByTestId("org-viewport");
    const before = numbers(viewport.getAttribute("transform"));

    fireEvent.pointerDown(svg, { clientX: 500, clientY: 400, button: 0, pointerId: 1 });
    fireEvent.pointerMove(window, { clientX: 540, clientY: 420, pointerId: 1 });
    fireEvent.pointerMove(window, { clientX: 560, clientY: 430, pointerId: 1 });

    // During the drag only the drawing moves; the chart itself is not rendered again.
    await waitFor(() => expect(stage.style.transform).toBe("translate(60px, 30px)"));
    // The handles step aside while the gesture lasts (a stylesheet hides them).
    expect(stage).toHaveAttribute("data-panning");
    expect(viewport.getAttribute("transform")).toBe(`translate(${before[0]} ${before[1]}) scale(${before[2]})`);

    fireEvent.pointerUp(window, { clientX: 560, clientY: 430, pointerId: 1 });

    await waitFor(() => {
      const [x, y, k] = numbers(screen.getByTestId("org-viewport").getAttribute("transform"));
      expect([x, y, k]).toEqual([before[0] + 60, before[1] + 30, before[2]]);
    });
    expect(stage.style.transform).toBe("");
    expect(stage).not.toHaveAttribute("data-panning");
  });

  it("renders the chart now and then during a long pan", async () => {
    renderChart();
    await screen.findAllByTestId("org-card");
    const svg = screen.getByTestId("org-chart");
    const stage = screen.getByTestId("org-stage");
    const before = numbers(screen.getByTestId("org-viewport").getAttribute("transform"));

    fireEvent.pointerDown(svg, { clientX: 100, clientY: 100, button: 0, pointerId: 1 });
    fireEvent.pointerMove(window, { clientX: 300, clientY: 100, pointerId: 1 });

    // 200 px is past the commit distance: the chart renders there, and the drawing is back in place.
    await waitFor(() => expect(numbers(screen.getByTestId("org-viewport").getAttribute("transform"))[0]).toBe(before[0] + 200));
    expect(stage.style.transform).toBe("");
    fireEvent.pointerUp(window, { clientX: 300, clientY: 100, pointerId: 1 });
  });
});
