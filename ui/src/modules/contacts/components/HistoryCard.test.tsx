import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { IpcError } from "../../../ipc/client";
import { contactHistory, getContact } from "../../../ipc/contacts";
import { makeContactDetail } from "../../../test/fixtures";
import { renderApp } from "../../../test/renderApp";
import { formatDateTime } from "../utils/formatDateTime";

vi.mock("../../../ipc/contacts");

const hourAgo = new Date(Date.now() - 60 * 60 * 1000).toISOString();

beforeEach(() => {
  vi.mocked(getContact).mockResolvedValue(makeContactDetail());
});

describe("HistoryCard", () => {
  it("lists each field change with its values, who made it and when", async () => {
    vi.mocked(contactHistory).mockResolvedValue([
      { at: hourAgo, username: "jsmith", action: "update", field: "jobTitle", before: "Facilities Manager", after: "Head of Facilities" },
      { at: "2024-02-01T10:00:00Z", username: "admin", action: "update", field: "department", before: null, after: "Estates" },
    ]);
    const { user } = renderApp("/contacts/42");

    const card = await screen.findByTestId("card-history");
    const rows = await within(card).findAllByTestId("history-row");
    expect(contactHistory).toHaveBeenCalledWith("42", expect.anything());
    expect(rows).toHaveLength(2);

    expect(within(rows[0]).getByText("Job title")).toBeInTheDocument();
    expect(within(rows[0]).getByText("Facilities Manager")).toBeInTheDocument();
    expect(within(rows[0]).getByText("Head of Facilities")).toBeInTheDocument();
    expect(within(rows[0]).getByText("jsmith")).toBeInTheDocument();
    const when = within(rows[0]).getByText("1 hour ago");
    expect(when).toHaveAttribute("datetime", hourAgo);

    // A value that was not there before reads as "empty", not as a blank.
    expect(within(rows[1]).getByText("Department")).toBeInTheDocument();
    expect(within(rows[1]).getByText("empty")).toBeInTheDocument();

    // The exact time is in the tooltip.
    await user.hover(when);
    expect(await screen.findByRole("tooltip")).toHaveTextContent(formatDateTime(hourAgo));
  });

  it("shows lists of sites as their names, and an empty list as empty", async () => {
    vi.mocked(contactHistory).mockResolvedValue([
      { at: hourAgo, username: "admin", action: "set_primary", field: "primary", before: "[]", after: '["Canal Street HQ","Depot"]' },
    ]);
    renderApp("/contacts/42");
    const [row] = await within(await screen.findByTestId("card-history")).findAllByTestId("history-row");
    expect(within(row).getByText("empty")).toBeInTheDocument();
    expect(within(row).getByText("Canal Street HQ, Depot")).toBeInTheDocument();
  });

  it("says so when nothing has changed yet", async () => {
    vi.mocked(contactHistory).mockResolvedValue([]);
    renderApp("/contacts/42");
    expect(await screen.findByTestId("history-empty")).toHaveTextContent("No changes recorded yet");
  });

  it("shows a failure inside the card, with Retry, and keeps the rest of the page", async () => {
    vi.mocked(contactHistory)
      .mockRejectedValueOnce(new IpcError({ code: "unavailable", message: "The database is busy.", fields: [] }))
      .mockResolvedValue([]);
    const { user } = renderApp("/contacts/42");

    const error = await screen.findByTestId("history-error");
    expect(error).toHaveTextContent("The database is busy.");
    expect(screen.getByTestId("contact-name")).toHaveTextContent("Dr. Margaret Ann Whitfield");

    await user.click(within(error).getByRole("button", { name: "Retry" }));
    expect(await screen.findByTestId("history-empty")).toBeInTheDocument();
  });
});
