import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { IpcError } from "../../../ipc/client";
import { contactHistory, getContact } from "../../../ipc/contacts";
import { contactFollowUps, contactTimeline, engagementMetrics, getCadence, interactionConsent } from "../../../ipc/engagement";
import { openExternal } from "../../../ipc/opener";
import { contactRelationships } from "../../../ipc/relationships";
import { makeMetrics } from "../../../test/engagementFixtures";
import { makeContactDetail } from "../../../test/fixtures";
import { makeMapPerson } from "../../../test/relationshipFixtures";
import { renderApp } from "../../../test/renderApp";
import { monthsSince } from "../utils/monthsSince";

vi.mock("../../../ipc/contacts");
vi.mock("../../../ipc/opener");
vi.mock("../../../ipc/engagement");
vi.mock("../../../ipc/relationships");

beforeEach(() => {
  vi.mocked(getContact).mockResolvedValue(makeContactDetail());
  vi.mocked(contactHistory).mockResolvedValue([]);
  vi.mocked(openExternal).mockResolvedValue();
  vi.mocked(contactTimeline).mockResolvedValue({ items: [], nextCursor: null });
  vi.mocked(contactRelationships).mockResolvedValue([]);
  vi.mocked(engagementMetrics).mockResolvedValue(makeMetrics());
  vi.mocked(contactFollowUps).mockResolvedValue([]);
  vi.mocked(getCadence).mockResolvedValue(null);
  vi.mocked(interactionConsent).mockResolvedValue([]);
});

describe("ContactDetailPage", () => {
  it("offers to log a call after a phone link opened the phone handler", async () => {
    renderApp("/contacts/42");
    const office = await screen.findByRole("link", { name: "020 7946 0958 ext. 204" });
    await userEvent.click(office);
    const offer = await screen.findByTestId("log-offer");
    expect(offer).toHaveTextContent("Calling 020 7946 0958 ext. 204?");
    await userEvent.click(within(offer).getByTestId("log-offer-accept"));
    const dialog = await screen.findByTestId("log-interaction");
    expect(within(dialog).getByRole("radio", { name: "Call" })).toBeChecked();
    expect(within(dialog).getByRole("radio", { name: "Outbound" })).toBeChecked();
    expect(screen.queryByTestId("log-offer")).toBeNull();
  });

  it("lists the person's relationships from their side, outsiders without a name or link", async () => {
    const relationship = { note: null, startsOn: null, endsOn: null };
    vi.mocked(contactRelationships).mockResolvedValue([
      {
        relationship: { ...relationship, id: "r1", fromId: "42", toId: "7", kind: "reports_to" },
        other: makeMapPerson("7", { displayName: "Sarah Johnson", jobTitle: "CTO" }),
        outgoing: true,
      },
      {
        relationship: { ...relationship, id: "r2", fromId: "hidden-1", toId: "42", kind: "reports_to" },
        other: makeMapPerson("hidden-1", { placeholder: true, displayName: "Someone outside your area", sites: [] }),
        outgoing: false,
      },
    ]);
    renderApp("/contacts/42");
    const [manager, report] = await screen.findAllByTestId("contact-relationship");
    expect(manager).toHaveTextContent("Reports to");
    expect(within(manager).getByRole("link", { name: "Sarah Johnson" })).toHaveAttribute("href", "/contacts/7");
    expect(report).toHaveTextContent("Manages");
    expect(report).toHaveTextContent("Someone outside your area");
    expect(within(report).queryByRole("link")).toBeNull();
  });

  it("shows the contact's activity with its empty states", async () => {
    renderApp("/contacts/42");
    expect(await screen.findByTestId("timeline-empty")).toHaveTextContent("No interactions logged yet.");
    expect(await screen.findByTestId("follow-ups-empty")).toBeInTheDocument();
    expect(await screen.findByTestId("cadence-empty")).toBeInTheDocument();
    expect(await screen.findByTestId("figure-touchpoints")).toHaveTextContent("12");
  });

  it("renders phones as tel: links and emails as mailto: links", async () => {
    renderApp("/contacts/42");

    expect(await screen.findByTestId("contact-name")).toHaveTextContent("Dr. Margaret Ann Whitfield");
    expect(getContact).toHaveBeenCalledWith("42", expect.anything());

    const office = screen.getByRole("link", { name: "020 7946 0958 ext. 204" });
    expect(office).toHaveAttribute("href", "tel:+442079460958;ext=204");
    await userEvent.click(office);
    expect(openExternal).toHaveBeenCalledWith("tel:+442079460958;ext=204");
    expect(screen.getByRole("link", { name: "+44 7700 900123" })).toHaveAttribute("href", "tel:+447700900123");

    expect(screen.getByRole("link", { name: "m.whitfield@acme.example" })).toHaveAttribute(
      "href",
      "mailto:m.whitfield@acme.example",
    );
    expect(screen.getByRole("link", { name: "maggie.w@acme.example" })).toHaveAttribute(
      "href",
      "mailto:maggie.w@acme.example",
    );
  });

  it("shows sites, money in its currency, stale verification and dashes for missing values", async () => {
    renderApp("/contacts/42");
    const detail = await screen.findByTestId("contact-detail");

    const sites = within(detail).getByTestId("card-sites");
    expect(within(sites).getByText("Canal Street HQ")).toBeInTheDocument();
    expect(within(sites).getByText("Primary contact")).toBeInTheDocument();
    expect(within(sites).getByText("Site manager")).toBeInTheDocument();

    const money = new Intl.NumberFormat(undefined, { style: "currency", currency: "GBP" });
    expect(within(detail).getByTestId("card-authority")).toHaveTextContent(money.format(25000));
    expect(sites).toHaveTextContent(money.format(5000));

    expect(within(detail).getByTestId("verification-warning")).toHaveTextContent(
      `Not verified for ${monthsSince("2020-01-15T12:00:00Z")} months`,
    );
    // websites, suffix, employee ID and birthday are empty in the fixture.
    expect(within(within(detail).getByTestId("card-contact-details")).getAllByText("—")).toHaveLength(4);
  });

  it("does not warn about verification done recently", async () => {
    vi.mocked(getContact).mockResolvedValue(makeContactDetail({ verifiedAt: new Date().toISOString() }));
    renderApp("/contacts/42");
    await screen.findByTestId("contact-detail");
    expect(screen.queryByTestId("verification-warning")).toBeNull();
  });

  it("shows a friendly state when the contact does not exist", async () => {
    vi.mocked(getContact).mockRejectedValue(new IpcError({ code: "not_found", message: "No contact 999.", fields: [] }));
    renderApp("/contacts/999");

    const notFound = await screen.findByTestId("contact-not-found");
    expect(notFound).toHaveTextContent("This contact does not exist (any more)");
    expect(within(notFound).getByRole("link", { name: /back to contacts/i })).toHaveAttribute("href", "/contacts");
  });

  it("shows other errors with a Retry", async () => {
    vi.mocked(getContact).mockRejectedValueOnce(
      new IpcError({ code: "unavailable", message: "The database is busy. Try again in a moment.", fields: [] }),
    );
    const { user } = renderApp("/contacts/42");
    const error = await screen.findByTestId("contact-error");
    expect(error).toHaveTextContent("The database is busy. Try again in a moment.");
    await user.click(within(error).getByRole("button", { name: "Retry" }));
    expect(await screen.findByTestId("contact-name")).toBeInTheDocument();
  });

  it("links back to the list with the search and filters it was opened from", async () => {
    renderApp({ pathname: "/contacts/42", state: { listSearch: "?q=ann&status=active" } });
    await screen.findByTestId("contact-detail");
    expect(screen.getByTestId("back-to-contacts")).toHaveAttribute("href", "/contacts?q=ann&status=active");
  });
});
