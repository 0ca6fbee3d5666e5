import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Network } from "../../../ipc/bindings";
import { contactNetwork, contactRelationships, relationshipKinds } from "../../../ipc/relationships";
import { renderApp } from "../../../test/renderApp";
import { KINDS, makePerson, relation } from "../chart/testing/chartFixtures";
import { RelationshipsCard } from "../components/RelationshipsCard";
import { NetworkView } from "./NetworkView";

vi.mock("../../../ipc/relationships");

/** Sarah in the middle: Jane reports to her, Tom works with her, someone unseen influences Jane. */
function smallNetwork(overrides: Partial<Network> = {}): Network {
  return {
    people: [
      makePerson("c1", { displayName: "Sarah Chen", initials: "SC" }),
      makePerson("c2", { displayName: "Jane Doe", initials: "JD" }),
      makePerson("c3", { displayName: "Tom Ng", initials: "TN" }),
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
    { path: "/network", element: <NetworkView contactId="c1" onOpenPerson={onOpenPerson} /> },
  ]);
}

function node(id: string): HTMLElement {
  const found = screen.getAllByTestId("network-node").find((element) => element.getAttribute("data-person-id") === id);
  if (!found) throw new Error(`no node for ${id}`);
  return found;
}

beforeEach(() => {
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
    vi.mocked(contactNetwork).mockResolvedValue({
      people: [makePerson("c1")],
      relationships: [],
      truncated: false,
    });
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

  it("draws many relationships as one path per kind", async () => {
    const people = Array.from({ length: 300 }, (_, i) => makePerson(`p${i}`));
    people[0] = makePerson("c1");
    const ids = people.map((person) => person.id);
    const relationships = Array.from({ length: 2500 }, (_, i) =>
      relation(ids[i % 300], ids[(i * 7 + 1) % 300], i % 2 === 0 ? "works_with" : "reports_to", `e${i}`),
    );
    vi.mocked(contactNetwork).mockResolvedValue({ people, relationships, truncated: false });
    renderView();
    const bulk = await screen.findByTestId("network-edges-bulk");
    expect([...bulk.querySelectorAll("path")].map((path) => path.getAttribute("data-kind")).sort()).toEqual([
      "reports_to",
      "works_with",
    ]);
    expect(screen.queryAllByTestId("network-edge")).toHaveLength(0);
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
