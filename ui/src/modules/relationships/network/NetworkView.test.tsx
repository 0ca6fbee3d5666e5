import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Network } from "../../../ipc/bindings";
import { accountNetwork, contactNetwork, contactRelationships, relationshipKinds } from "../../../ipc/relationships";
import { renderApp } from "../../../test/renderApp";
import { KINDS, makePerson, relation } from "../chart/testing/chartFixtures";
import { RelationshipsCard } from "../components/RelationshipsCard";
import { NetworkView } from "./NetworkView";

vi.mock("../../../ipc/relationships");

const SITES: Network["sites"] = [
  { id: "s1", name: "Leeds Works", accountId: "a1", accountName: "Acme", territoryId: "t1", territoryName: "Yorkshire" },
  { id: "s2", name: "Glasgow Depot", accountId: "a2", accountName: "Brio", territoryId: "t2", territoryName: "Scotland" },
];
const GROUPS: Network["groups"] = [
  { id: "g1", accountId: "a1", kind: "level", name: "Executive", position: 0, memberIds: ["c1", "c2"] },
  { id: "g2", accountId: "a2", kind: "level", name: "Support", position: 2, memberIds: ["c3"] },
  { id: "g3", accountId: "a1", kind: "team", name: "Rollout", position: 5, memberIds: ["c2"] },
];
const at = (siteId: string) => ({ siteId, role: "liaison" as const, isPrimary: false });

/**
 * Sarah in the middle: Jane reports to her, Tom works with her, someone unseen influences Jane.
 * Sarah and Jane are Executives at Acme in Yorkshire; Tom is Support at Brio in Scotland.
 */
function smallNetwork(overrides: Partial<Network> = {}): Network {
  return {
    startIds: ["c1"],
    sites: SITES,
    groups: GROUPS,
    people: [
      makePerson("c1", { displayName: "Sarah Chen", initials: "SC", sites: [at("s1")], groupIds: ["g1"] }),
      makePerson("c2", { displayName: "Jane Doe", initials: "JD", sites: [at("s1")], groupIds: ["g1", "g3"] }),
      makePerson("c3", { displayName: "Tom Ng", initials: "TN", sites: [at("s2")], groupIds: ["g2"] }),
      makePerson("hidden-1", { placeholder: true, displayName: "Someone outside your area", initials: "?" }),
    ],
    relationships: [
      relation("c2", "c1", "reports_to", "r1"),
      relation("c3", "c1", "works_with", "r2"),
      relation("hidden-1", "c2", "influences", "r3"),
    ],
    truncated: false,
    ...overrides,
  };
}

const onOpenPerson = vi.fn();

function renderView() {
  return renderApp("/network", [
    { path: "/network", element: <NetworkView source={{ kind: "contact", id: "c1" }} onOpenPerson={onOpenPerson} /> },
  ]);
}

function node(id: string): HTMLElement {
  const found = screen.getAllByTestId("network-node").find((element) => element.getAttribute("data-person-id") === id);
  if (!found) throw new Error(`no node for ${id}`);
  return found;
}

beforeEach(() => {
  // jsdom draws nothing on a canvas; the picture on it is checked in the running app.
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
  onOpenPerson.mockReset();
  vi.mocked(contactNetwork).mockResolvedValue(smallNetwork());
  vi.mocked(relationshipKinds).mockResolvedValue(KINDS);
});

describe("NetworkView", () => {
  it("draws each person and each relationship, styled by kind, the centre person marked", async () => {
    renderView();
    await waitFor(() => expect(screen.getAllByTestId("network-node")).toHaveLength(4));
    expect(contactNetwork).toHaveBeenCalledWith("c1", 2, [], expect.anything());
    expect(node("c1")).toHaveAttribute("data-centre", "true");
    expect(node("c2")).toHaveAttribute("data-name", "Jane Doe");
    expect(node("c2")).toHaveTextContent("Jane Doe");
    const edges = screen.getAllByTestId("network-edge");
    expect(edges.map((edge) => edge.getAttribute("data-kind")).sort()).toEqual(["influences", "reports_to", "works_with"]);
    // Directed kinds end in an arrow; "works with" has none.
    const drawn = (kind: string) => edges.find((edge) => edge.getAttribute("data-kind") === kind)?.querySelectorAll("line")[1];
    expect(drawn("reports_to")?.getAttribute("marker-end")).toContain("network-arrow-reports_to");
    expect(drawn("works_with")?.getAttribute("marker-end")).toBeNull();
    const filters = await screen.findAllByTestId("network-kind-filter");
    expect(filters.map((filter) => filter.getAttribute("data-kind"))).toEqual(["reports_to", "works_with", "influences"]);
    expect(screen.queryByTestId("network-truncated")).not.toBeInTheDocument();
  });

  it("keeps only the people of a level, and of a territory, with the relationships between them", async () => {
    const { user } = renderView();
    await waitFor(() => expect(screen.getAllByTestId("network-node")).toHaveLength(4));
    expect(node("c3")).toHaveAttribute("data-territories", "Scotland");
    expect(node("c2")).toHaveAttribute("data-levels", "Executive");

    await user.click(screen.getByRole("textbox", { name: "Level" }));
    await user.click(await screen.findByRole("option", { name: "Support" }));
    // Tom is Support; Sarah, whose network it is, stays; Jane and the placeholder go.
    await waitFor(() =>
      expect(screen.getAllByTestId("network-node").map((n) => n.getAttribute("data-person-id")).sort()).toEqual(["c1", "c3"]),
    );
    expect(screen.getAllByTestId("network-edge").map((edge) => edge.getAttribute("data-kind"))).toEqual(["works_with"]);

    await user.click(screen.getByRole("textbox", { name: "Territory" }));
    await user.click(await screen.findByRole("option", { name: "Yorkshire" }));
    // Support in Yorkshire: nobody besides Sarah, so nothing is drawn.
    expect(await screen.findByTestId("network-filtered-empty")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Show everyone" }));
    await waitFor(() => expect(screen.getAllByTestId("network-node")).toHaveLength(4));
  });

  it("draws an account's network from all of its people, filled", async () => {
    vi.mocked(accountNetwork).mockResolvedValue(smallNetwork({ startIds: ["c1", "c2"] }));
    const { user } = renderApp("/network", [
      { path: "/network", element: <NetworkView source={{ kind: "account", id: "a1" }} onOpenPerson={onOpenPerson} /> },
    ]);
    await waitFor(() => expect(screen.getAllByTestId("network-node")).toHaveLength(4));
    expect(accountNetwork).toHaveBeenCalledWith("a1", 2, [], expect.anything());
    expect(node("c1")).toHaveAttribute("data-centre", "true");
    expect(node("c2")).toHaveAttribute("data-centre", "true");
    expect(node("c3")).not.toHaveAttribute("data-centre");
    // On an account's network the filters apply to its own people too.
    await user.click(screen.getByRole("textbox", { name: "Territory" }));
    await user.click(await screen.findByRole("option", { name: "Scotland" }));
    expect(await screen.findByTestId("network-filtered-empty")).toBeInTheDocument();
    expect(screen.getByTestId("network-account-caption")).toHaveTextContent("1 of 4 people match the filters");
  });

  it("asks again with the new depth when the depth changes", async () => {
    const { user } = renderView();
    await waitFor(() => expect(screen.getAllByTestId("network-node")).toHaveLength(4));
    await user.click(within(screen.getByTestId("network-depth")).getByText("3"));
    await waitFor(() => expect(contactNetwork).toHaveBeenLastCalledWith("c1", 3, [], expect.anything()));
  });

  it("hides a kind at once and asks again along the kinds left", async () => {
    const { user } = renderView();
    await waitFor(() => expect(screen.getAllByTestId("network-edge")).toHaveLength(3));
    const influences = (await screen.findAllByTestId("network-kind-filter")).find(
      (filter) => filter.getAttribute("data-kind") === "influences",
    );
    await user.click(influences as HTMLElement);
    await waitFor(() =>
      expect(contactNetwork).toHaveBeenLastCalledWith("c1", 2, ["reports_to", "works_with"], expect.anything()),
    );
    expect(screen.getAllByTestId("network-edge").map((edge) => edge.getAttribute("data-kind"))).not.toContain("influences");
  });

  it("shows a placeholder without a name, and does not open it", async () => {
    const { user } = renderView();
    await waitFor(() => expect(screen.getAllByTestId("network-node")).toHaveLength(4));
    const placeholder = node("hidden-1");
    expect(placeholder).toHaveAttribute("data-placeholder", "true");
    expect(placeholder).toHaveAttribute("data-name", "");
    expect(placeholder.querySelectorAll("text")).toHaveLength(0);
    await user.click(placeholder);
    expect(onOpenPerson).not.toHaveBeenCalled();
  });

  it("opens a person on a click", async () => {
    const { user } = renderView();
    await waitFor(() => expect(screen.getAllByTestId("network-node")).toHaveLength(4));
    await user.click(node("c3"));
    expect(onOpenPerson).toHaveBeenCalledWith("c3");
  });

  it("says so when the person has no relationships", async () => {
    vi.mocked(contactNetwork).mockResolvedValue(smallNetwork({ people: [makePerson("c1")], relationships: [] }));
    renderView();
    expect(await screen.findByTestId("network-empty")).toHaveTextContent("No relationships recorded for this person");
  });

  it("notes a network cut at its limit", async () => {
    vi.mocked(contactNetwork).mockResolvedValue(smallNetwork({ truncated: true }));
    renderView();
    expect(await screen.findByTestId("network-truncated")).toBeInTheDocument();
  });

  it("offers a retry when the network cannot be loaded", async () => {
    vi.mocked(contactNetwork).mockRejectedValueOnce(new Error("The core is busy."));
    const { user } = renderView();
    await user.click(await screen.findByRole("button", { name: "Retry" }));
    await waitFor(() => expect(screen.getAllByTestId("network-node")).toHaveLength(4));
  });

  it("draws many relationships on a canvas instead of an SVG line each", async () => {
    const people = Array.from({ length: 300 }, (_, i) => makePerson(`p${i}`));
    people[0] = makePerson("c1");
    const ids = people.map((person) => person.id);
    const relationships = Array.from({ length: 2500 }, (_, i) =>
      relation(ids[i % 300], ids[(i * 7 + 1) % 300], i % 2 === 0 ? "works_with" : "reports_to", `e${i}`),
    );
    vi.mocked(contactNetwork).mockResolvedValue(smallNetwork({ people, relationships }));
    renderView();
    expect(await screen.findByTestId("network-canvas-layer")).toBeInTheDocument();
    expect(screen.queryAllByTestId("network-edge")).toHaveLength(0);
    // The people are still circles one can click.
    await waitFor(() => expect(screen.getAllByTestId("network-node").length).toBeGreaterThan(0));

    // A drag moves the drawn picture as a whole and sets the view once, on release.
    const viewport = screen.getByTestId("network-viewport");
    const before = viewport.getAttribute("transform");
    const layer = screen.getByTestId("network-canvas-layer").parentElement as HTMLElement;
    fireEvent.pointerDown((viewport as unknown as SVGGElement).ownerSVGElement as SVGSVGElement, { button: 0, clientX: 100, clientY: 100 });
    fireEvent.pointerMove(window, { clientX: 160, clientY: 130 });
    expect(layer.style.transform).toBe("translate(60px, 30px)");
    expect(viewport.getAttribute("transform")).toBe(before);
    fireEvent.pointerUp(window, { clientX: 160, clientY: 130 });
    expect(layer.style.transform).toBe("");
    await waitFor(() => expect(viewport.getAttribute("transform")).not.toBe(before));
  });

  it("opens from the Relationships card of the contact page", async () => {
    vi.mocked(contactRelationships).mockResolvedValue([]);
    const { user } = renderApp("/contacts/c1", [
      { path: "/contacts/:id", element: <RelationshipsCard contactId="c1" /> },
    ]);
    await user.click(await screen.findByTestId("show-network"));
    const modal = await screen.findByTestId("network-modal");
    await waitFor(() => expect(within(modal).getAllByTestId("network-node")).toHaveLength(4));
  });
});
