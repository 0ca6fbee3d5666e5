import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { appInfo } from "../../../ipc/app";
import {
  cadenceQueue,
  changeFollowUp,
  escalationQueue,
  myFollowUps,
  nonResponsiveContacts,
  overdueFollowUps,
  resolveEscalation,
} from "../../../ipc/engagement";
import { queueAssignees, reviewQueue } from "../../../ipc/queues";
import { makeCadence, makeEscalation, makeFollowUp } from "../../../test/engagementFixtures";
import { makeAppInfo, makeSession, makeUser } from "../../../test/fixtures";
import { renderApp } from "../../../test/renderApp";
import { MyWorkPage } from "./MyWorkPage";

vi.mock("../../../ipc/app");
vi.mock("../../../ipc/engagement");
vi.mock("../../../ipc/queues");

const routes = [{ path: "/work", element: <MyWorkPage /> }];
const signedInAs = (role: "site_admin" | "territory_manager" | "billing_admin") =>
  vi.mocked(appInfo).mockResolvedValue(makeAppInfo({ session: makeSession({ user: makeUser({ role }) }) }));

beforeEach(() => {
  signedInAs("territory_manager");
  vi.mocked(myFollowUps).mockResolvedValue({
    items: [
      makeFollowUp({ id: "a", title: "Chase the signed contract", state: "overdue", priority: "urgent" }),
      makeFollowUp({ id: "b", title: "Call about the audit", state: "due" }),
      makeFollowUp({ id: "c", title: "Send the minutes", state: "upcoming" }),
      makeFollowUp({ id: "d", title: "Book the site visit", state: "overdue" }),
    ],
    nextCursor: null,
  });
  vi.mocked(cadenceQueue).mockResolvedValue([makeCadence({ due: true })]);
  vi.mocked(escalationQueue).mockResolvedValue([makeEscalation()]);
  vi.mocked(overdueFollowUps).mockResolvedValue({ items: [], nextCursor: null });
  vi.mocked(nonResponsiveContacts).mockResolvedValue([makeEscalation({ id: "e2" })]);
  vi.mocked(reviewQueue).mockResolvedValue({
    kind: "verification",
    period: "2026-11",
    periodLabel: "November 2026",
    total: 0,
    unassigned: 0,
    mine: 0,
    entries: [],
  });
  vi.mocked(queueAssignees).mockResolvedValue([]);
});

describe("My work", () => {
  it("groups my follow-ups into overdue, due today and upcoming, in the core's order", async () => {
    renderApp("/work", routes);
    const overdue = await screen.findByTestId("follow-ups-overdue");
    expect(within(overdue).getByText("Overdue · 2")).toBeInTheDocument();
    expect(within(overdue).getAllByTestId("follow-up-title").map((t) => t.textContent)).toEqual([
      "Chase the signed contract",
      "Book the site visit",
    ]);
    expect(within(screen.getByTestId("follow-ups-due")).getByText("Call about the audit")).toBeInTheDocument();
    expect(within(screen.getByTestId("follow-ups-upcoming")).getByText("Send the minutes")).toBeInTheDocument();
    expect(within(overdue).getAllByTestId("follow-up-contact")[0]).toHaveAttribute("href", "/contacts/42");
  });

  it("completes a follow-up and resolves an escalation from my queue", async () => {
    vi.mocked(changeFollowUp).mockResolvedValue(makeFollowUp({ status: "done", state: "closed" }));
    vi.mocked(resolveEscalation).mockResolvedValue(makeEscalation({ resolvedAt: "2026-11-26T10:00:00Z" }));
    const { user } = renderApp("/work", routes);
    const due = await screen.findByTestId("follow-ups-due");
    await user.click(within(due).getByTestId("follow-up-complete"));
    await waitFor(() => expect(changeFollowUp).toHaveBeenCalledWith("b", "complete"));

    const mine = await screen.findByTestId("my-escalations");
    const escalation = await within(mine).findByTestId("escalation");
    expect(escalation).toHaveTextContent("Rory Quiet");
    expect(escalation).toHaveTextContent("escalated to you");
    await user.click(within(escalation).getByTestId("escalation-resolve"));
    await waitFor(() => expect(resolveEscalation).toHaveBeenCalledWith("e1"));
  });

  it("shows managers their territories' queues, and says when they are empty", async () => {
    renderApp("/work", routes);
    expect(await screen.findByTestId("territory-overdue-empty")).toHaveTextContent("Nothing overdue in your territories.");
    const silent = await screen.findByTestId("non-responsive");
    expect(await within(silent).findByTestId("escalation")).toBeInTheDocument();
    // The overview shows where it stands; resolving is for whoever holds it.
    expect(within(silent).getByTestId("escalation")).toHaveTextContent("now with Territory manager (Tom Becker)");
    expect(within(silent).queryByTestId("escalation-resolve")).toBeNull();
    expect(within(await screen.findByTestId("cadences-due")).getByText("Margaret Whitfield")).toBeInTheDocument();
  });

  it("leaves the territory queues out for other roles, and shows empty queues calmly", async () => {
    signedInAs("billing_admin");
    vi.mocked(myFollowUps).mockResolvedValue({ items: [], nextCursor: null });
    vi.mocked(escalationQueue).mockResolvedValue([]);
    renderApp("/work", routes);
    expect(await screen.findByTestId("my-follow-ups-empty")).toBeInTheDocument();
    expect(await screen.findByTestId("my-escalations-empty")).toBeInTheDocument();
    expect(screen.queryByTestId("territory-queues")).toBeNull();
    expect(overdueFollowUps).not.toHaveBeenCalled();
  });
});
