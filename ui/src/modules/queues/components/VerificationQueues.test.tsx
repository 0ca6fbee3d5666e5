import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { appInfo } from "../../../ipc/app";
import type { QueueEntry, QueuePage } from "../../../ipc/bindings";
import { assignQueue, queueAssignees, reviewQueue } from "../../../ipc/queues";
import { makeAppInfo, makeSession, makeUser } from "../../../test/fixtures";
import { renderApp } from "../../../test/renderApp";
import { VerificationQueues } from "./VerificationQueues";

vi.mock("../../../ipc/app");
vi.mock("../../../ipc/queues");

const routes = [{ path: "/work", element: <VerificationQueues /> }];

function entry(id: string, overrides: Partial<QueueEntry> = {}): QueueEntry {
  return {
    contact: { id, reference: `C-${id.padStart(6, "0")}`, displayName: `Person ${id}` },
    company: "Globex",
    territory: "Scotland",
    verifiedAt: null,
    dueAt: null,
    owner: null,
    assignee: null,
    ...overrides,
  };
}

function page(overrides: Partial<QueuePage> = {}): QueuePage {
  return {
    kind: "verification",
    period: "2026-11",
    periodLabel: "November 2026",
    total: 3,
    unassigned: 2,
    mine: 1,
    entries: [
      entry("1"),
      entry("2", { verifiedAt: "2026-06-01T12:00:00Z", dueAt: "2026-08-30T12:00:00Z" }),
      entry("3", { assignee: { id: "5", username: "territory", displayName: "Tom Becker" } }),
    ],
    ...overrides,
  };
}

beforeEach(() => {
  vi.mocked(appInfo).mockResolvedValue(makeAppInfo({ session: makeSession({ user: makeUser({ role: "site_admin" }) }) }));
  vi.mocked(reviewQueue).mockImplementation(async (query) => (query.kind === "review" ? page({ kind: "review", period: "2026-Q4", periodLabel: "Q4 2026", total: 0, unassigned: 0, mine: 0, entries: [] }) : page()));
  vi.mocked(queueAssignees).mockResolvedValue([
    { id: "5", username: "territory", displayName: "Tom Becker" },
    { id: "1", username: "admin", displayName: "Sam Okafor" },
  ]);
  vi.mocked(assignQueue).mockResolvedValue({
    changed: 1,
    refused: [{ contactId: "2", message: "Tom Becker cannot see C-000002: it is outside their territories." }],
  });
});

describe("VerificationQueues", () => {
  it("lists the queue with its counts, and who has each contact", async () => {
    renderApp("/work", routes);
    const rows = await screen.findAllByTestId("queue-entry");
    expect(rows).toHaveLength(3);
    expect(screen.getByTestId("queue-period")).toHaveTextContent("November 2026");
    expect(screen.getByTestId("queue-filter")).toHaveTextContent("All 3");
    expect(screen.getByTestId("queue-filter")).toHaveTextContent("Mine 1");
    expect(screen.getByTestId("queue-filter")).toHaveTextContent("Unassigned 2");
    expect(rows[0]).toHaveTextContent("never");
    expect(rows[2]).toHaveTextContent("Tom Becker");
    expect(within(rows[0]).getByRole("link", { name: "Person 1" })).toHaveAttribute("href", "/contacts/1");
    expect(reviewQueue).toHaveBeenCalledWith({ kind: "verification", filter: "all", offset: 0, limit: 50 }, expect.anything());
  });

  it("assigns the selected contacts and keeps the refused ones selected with the reason", async () => {
    const { user } = renderApp("/work", routes);
    const rows = await screen.findAllByTestId("queue-entry");
    await user.click(within(rows[0]).getByTestId("queue-select"));
    await user.click(within(rows[1]).getByTestId("queue-select"));
    await user.click(screen.getByTestId("queue-assignee"));
    await user.click(await screen.findByRole("option", { name: "Tom Becker" }));
    await user.click(screen.getByTestId("queue-assign"));
    expect(assignQueue).toHaveBeenCalledWith({ kind: "verification", contactIds: ["1", "2"], assigneeId: "5" });
    expect(await screen.findByTestId("queue-assigned")).toHaveTextContent("1 contact changed.");
    expect(screen.getByTestId("queue-refusal")).toHaveTextContent("outside their territories");
    await waitFor(() => expect(within(rows[1]).getByTestId("queue-select")).toBeChecked());
    expect(within(rows[0]).getByTestId("queue-select")).not.toBeChecked();
  });

  it("switches to the quarter's review queue and says when it is empty", async () => {
    const { user } = renderApp("/work", routes);
    await screen.findAllByTestId("queue-entry");
    await user.click(screen.getByText("Quarterly review"));
    expect(await screen.findByTestId("queue-empty")).toHaveTextContent("the queue is empty");
    expect(reviewQueue).toHaveBeenLastCalledWith({ kind: "review", filter: "all", offset: 0, limit: 50 }, expect.anything());
  });

  it("hands the next unassigned contacts, oldest verification first, to a user", async () => {
    const { user } = renderApp("/work", routes);
    await screen.findAllByTestId("queue-entry");
    expect(screen.getByTestId("queue-assign-next")).toBeDisabled();
    await user.click(screen.getByTestId("queue-assignee"));
    await user.click(await screen.findByRole("option", { name: "Sam Okafor" }));
    expect(screen.getByTestId("queue-assign-next")).toHaveTextContent("Assign next 2");
    await user.clear(screen.getByTestId("queue-next-count"));
    await user.type(screen.getByTestId("queue-next-count"), "1");
    vi.mocked(reviewQueue).mockResolvedValueOnce(page({ entries: [entry("1")] }));
    await user.click(screen.getByTestId("queue-assign-next"));
    await waitFor(() => expect(assignQueue).toHaveBeenCalledWith({ kind: "verification", contactIds: ["1"], assigneeId: "1" }));
    expect(reviewQueue).toHaveBeenCalledWith({ kind: "verification", filter: "unassigned", offset: 0, limit: 1 });
    expect(await screen.findByTestId("queue-assigned")).toHaveTextContent("1 contact changed.");
  });
});
