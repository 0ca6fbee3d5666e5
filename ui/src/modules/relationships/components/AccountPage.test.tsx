import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { listOwners } from "../../../ipc/contacts";
import { accountTimeline } from "../../../ipc/engagement";
import { IpcError } from "../../../ipc/client";
import { accountMap, saveCommunicationFlow, setReportsTo, undoRelationshipChange } from "../../../ipc/relationships";
import { makeAccountMap, makeFlow } from "../../../test/relationshipFixtures";
import { renderApp } from "../../../test/renderApp";
import type { OrgChartProps } from "../chart/OrgChart";
import { AccountPage } from "./AccountPage";

vi.mock("../../../ipc/relationships");
vi.mock("../../../ipc/contacts");
vi.mock("../../../ipc/engagement");
// The chart itself has its own tests; here it stands in as two buttons that report a drag.
vi.mock("../chart/OrgChart", () => ({
  OrgChart: ({ onReparent }: OrgChartProps) => (
    <div data-testid="org-chart">
      <button type="button" onClick={() => onReparent("c2", "c1")}>
        drag Jane onto Sarah
      </button>
      <button type="button" onClick={() => onReparent("c1", "c2")}>
        drag Sarah onto Jane
      </button>
    </div>
  ),
}));

const routes = [{ path: "/accounts/:id", element: <AccountPage /> }];

beforeEach(() => {
  vi.mocked(accountMap).mockResolvedValue(makeAccountMap());
  vi.mocked(listOwners).mockResolvedValue([{ username: "admin", displayName: "Sam Okafor" }]);
  vi.mocked(accountTimeline).mockResolvedValue({ items: [], nextCursor: null });
});

describe("AccountPage", () => {
  it("shows the account with its sites and people, the primary contact first", async () => {
    const { user } = renderApp("/accounts/a1?tab=people", routes);
    expect(await screen.findByTestId("account-name")).toHaveTextContent("Acme Corporation");
    const [head, depot] = screen.getAllByTestId("account-site");
    const people = within(head).getAllByTestId("site-person");
    expect(people.map((p) => p.getAttribute("data-person-id"))).toEqual(["c1", "c2"]);
    expect(within(people[0]).getByLabelText("Primary contact")).toBeInTheDocument();
    expect(people[0]).toHaveTextContent("Site manager · CTO");
    expect(within(people[1]).getByLabelText("no email or phone")).toBeInTheDocument();
    expect(depot).toHaveTextContent("Nobody at this site is in your area.");
    expect(screen.getByTestId("account-groups")).toHaveTextContent("Executive");
    await user.click(screen.getByTestId("account-tab-timeline"));
    expect(await screen.findByTestId("timeline-empty")).toBeInTheDocument();
    expect(accountTimeline).toHaveBeenCalledWith("a1", expect.anything(), expect.anything());
  });

  it("shows the core's refusal of a drag, and undoes an accepted one", async () => {
    vi.mocked(setReportsTo).mockImplementation(async (person) => {
      if (person === "c1") {
        const sentence =
          "Sarah Johnson cannot report to Jane Smith: Jane Smith already reports to Sarah Johnson (directly or through others).";
        throw new IpcError({
          code: "invalid_input",
          message: `managerId: ${sentence}`,
          fields: [{ field: "managerId", message: sentence }],
        });
      }
      return { changeId: "ch1", summary: "Jane Smith now reports to Sarah Johnson." };
    });
    vi.mocked(undoRelationshipChange).mockResolvedValue({ changeId: "ch2", summary: "Undone." });
    const { user } = renderApp("/accounts/a1", routes);
    await user.click(await screen.findByText("drag Sarah onto Jane"));
    const refusal = await screen.findByTestId("org-refusal");
    expect(refusal).toHaveTextContent(/^Sarah Johnson cannot report to Jane Smith/);

    await user.click(screen.getByText("drag Jane onto Sarah"));
    const change = await screen.findByTestId("org-last-change");
    expect(change).toHaveTextContent("Jane Smith now reports to Sarah Johnson.");
    expect(screen.queryByTestId("org-refusal")).toBeNull();
    await user.click(within(change).getByTestId("org-undo"));
    await waitFor(() => expect(undoRelationshipChange).toHaveBeenCalledWith("ch1"));
    await waitFor(() => expect(screen.queryByTestId("org-last-change")).toBeNull());
    // Every edit reloads the map.
    expect(vi.mocked(accountMap).mock.calls.length).toBeGreaterThan(2);
  });

  it("lists the communication flows and saves a new one with people and levels", async () => {
    vi.mocked(saveCommunicationFlow).mockResolvedValue({
      flow: makeFlow({ id: "f2", name: "Project Updates" }),
      change: { changeId: "ch7", summary: 'Added the flow "Project Updates".' },
    });
    vi.mocked(undoRelationshipChange).mockResolvedValue({ changeId: "ch7", summary: 'Undone: Added the flow "Project Updates".' });
    const { user } = renderApp("/accounts/a1?tab=flows", routes);
    const row = await screen.findByTestId("flow-row");
    expect(row).toHaveTextContent("Executive Updates");
    expect(row).toHaveTextContent("Monthly");
    expect(within(row).getByTestId("flow-overdue")).toBeInTheDocument();

    await user.click(screen.getByTestId("flow-new"));
    await user.type(screen.getByTestId("flow-name"), "Project Updates");
    await user.click(screen.getByTestId("flow-participants"));
    await user.click(await screen.findByRole("option", { name: "Executive" }));
    await user.click(await screen.findByRole("option", { name: "Jane Smith (Director, Engineering)" }));
    await user.click(screen.getByTestId("flow-save"));
    await waitFor(() =>
      expect(saveCommunicationFlow).toHaveBeenCalledWith(null, {
        accountId: "a1",
        name: "Project Updates",
        frequency: "monthly",
        format: null,
        channel: null,
        ownerUsername: null,
        participants: [
          { contactId: null, groupId: "g1" },
          { contactId: "c2", groupId: null },
        ],
      }),
    );
    // The saved flow can be taken back from the notice.
    await user.click(await screen.findByTestId("map-change-undo"));
    await waitFor(() => expect(undoRelationshipChange).toHaveBeenCalledWith("ch7"));
    expect(await screen.findByText('Undone: Added the flow "Project Updates".')).toBeInTheDocument();
  });
});
