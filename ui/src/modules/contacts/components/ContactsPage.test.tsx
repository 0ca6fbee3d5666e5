import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { appInfo } from "../../../ipc/app";
import { IpcError } from "../../../ipc/client";
import { contactHistory, countContacts, getContact, listContacts, listTerritories } from "../../../ipc/contacts";
import { makeAppInfo, makeContactDetail, makePage, makeRow, makeRows, makeSession, makeUser } from "../../../test/fixtures";
import { renderApp } from "../../../test/renderApp";
import { listSavedViews } from "../list/ipc";

vi.mock("../../../ipc/app");
vi.mock("../../../ipc/contacts");
vi.mock("../list/ipc");

const searches = () => vi.mocked(listContacts).mock.calls.map(([query]) => query.search);

beforeEach(() => {
  vi.mocked(appInfo).mockResolvedValue(makeAppInfo());
  vi.mocked(listSavedViews).mockResolvedValue([]);
  vi.mocked(listContacts).mockResolvedValue(
    makePage([
      makeRow(1, { displayName: "Ada Lovelace" }),
      makeRow(2, { displayName: "Grace Hopper", email: null }),
      makeRow(3, { displayName: "Katherine Johnson" }),
    ]),
  );
  vi.mocked(countContacts).mockResolvedValue({ count: 5000, exact: true });
  vi.mocked(listTerritories).mockResolvedValue([
    { id: "t1", name: "London North", regionName: "London" },
    { id: "t2", name: "Manchester", regionName: "North West" },
  ]);
  vi.mocked(getContact).mockImplementation(async (id) => makeContactDetail({ id, displayName: `Contact ${id}` }));
  vi.mocked(contactHistory).mockResolvedValue([]);
});

describe("ContactsPage", () => {
  it("renders the rows of the first page and the count", async () => {
    renderApp("/contacts");

    const rows = await screen.findAllByTestId("contact-row");
    expect(rows.map((row) => within(row).getByTestId("contact-row-name").textContent)).toEqual([
      "Ada LovelaceC-000001",
      "Grace HopperC-000002",
      "Katherine JohnsonC-000003",
    ]);
    expect(rows[1]).toHaveAttribute("data-contact-id", "2");
    // A missing value is a muted dash, not a hole.
    expect(within(rows[1]).getAllByText("—").length).toBeGreaterThan(0);
    expect(await screen.findByTestId("contact-count")).toHaveTextContent(
      `${new Intl.NumberFormat().format(5000)} contacts`,
    );
    expect(listContacts).toHaveBeenCalledWith(
      expect.objectContaining({ search: null, cursor: null, limit: 100, sort: { column: "name", direction: "asc" } }),
      expect.anything(),
    );
  });

  it("shows an inexact count with a plus", async () => {
    vi.mocked(countContacts).mockResolvedValue({ count: 10000, exact: false });
    renderApp("/contacts");
    expect(await screen.findByTestId("contact-count")).toHaveTextContent(
      `${new Intl.NumberFormat().format(10000)}+ contacts`,
    );
  });

  it("searches with the typed text after the debounce, not for every keystroke", async () => {
    const { router } = renderApp("/contacts");
    await screen.findAllByTestId("contact-row");

    // Three keystrokes faster than the debounce (synchronous, so a loaded machine cannot
    // stretch the gaps between them past it).
    const input = screen.getByTestId("contact-search");
    for (const typed of ["a", "an", "ann"]) fireEvent.change(input, { target: { value: typed } });

    await waitFor(() => expect(searches()).toContain("ann"));
    expect(searches()).not.toContain("a");
    expect(searches()).not.toContain("an");
    expect(countContacts).toHaveBeenCalledWith(expect.objectContaining({ search: "ann" }), expect.anything());
    expect(router.state.location.search).toBe("?q=ann");
  });

  it("explains substring results", async () => {
    vi.mocked(listContacts).mockResolvedValue(makePage([makeRow(1, { displayName: "Joanna Smith" })], { mode: "substring" }));
    renderApp("/contacts?q=ann");
    expect(await screen.findByTestId("search-mode-hint")).toHaveTextContent(
      "No word starts with “ann” — showing matches inside words",
    );
  });

  it("toggles the sort direction when a sortable header is clicked", async () => {
    const { user } = renderApp("/contacts");
    await screen.findAllByTestId("contact-row");

    const nameHeader = screen.getByRole("columnheader", { name: /name/i });
    expect(nameHeader).toHaveAttribute("aria-sort", "ascending");

    await user.click(within(nameHeader).getByRole("button"));
    await waitFor(() =>
      expect(listContacts).toHaveBeenLastCalledWith(
        expect.objectContaining({ sort: { column: "name", direction: "desc" } }),
        expect.anything(),
      ),
    );
    expect(await screen.findByRole("columnheader", { name: /name/i })).toHaveAttribute("aria-sort", "descending");

    await user.click(within(screen.getByRole("columnheader", { name: /company/i })).getByRole("button"));
    await waitFor(() =>
      expect(listContacts).toHaveBeenLastCalledWith(
        expect.objectContaining({ sort: { column: "company", direction: "asc" } }),
        expect.anything(),
      ),
    );
    expect(screen.getByRole("columnheader", { name: /company/i })).toHaveAttribute("aria-sort", "ascending");
    expect(screen.getByRole("columnheader", { name: /name/i })).toHaveAttribute("aria-sort", "none");
  });

  it("does not offer sorting while searching", async () => {
    renderApp("/contacts?q=ada");
    await screen.findAllByTestId("contact-row");
    const nameHeader = screen.getByRole("columnheader", { name: /name/i });
    expect(within(nameHeader).queryByRole("button")).toBeNull();
    expect(nameHeader).not.toHaveAttribute("aria-sort");
  });

  it("moves from the search box into the table and opens the highlighted row with Enter", async () => {
    const { user, router } = renderApp("/contacts");
    await screen.findAllByTestId("contact-row");

    await user.click(screen.getByTestId("contact-search"));
    await user.keyboard("{ArrowDown}");
    expect(screen.getByTestId("contacts-table")).toHaveFocus();
    await user.keyboard("{ArrowDown}");
    expect(screen.getAllByTestId("contact-row")[1]).toHaveAttribute("aria-selected", "true");
    await user.keyboard("{Enter}");

    await waitFor(() => expect(router.state.location.pathname).toBe("/contacts/2"));
    expect(await screen.findByTestId("contact-name")).toHaveTextContent("Contact 2");
  });

  it("opens a contact when its row is clicked", async () => {
    const { user, router } = renderApp("/contacts");
    const rows = await screen.findAllByTestId("contact-row");
    await user.click(rows[2]);
    await waitFor(() => expect(router.state.location.pathname).toBe("/contacts/3"));
  });

  it("fetches the next page when the user scrolls near the end", async () => {
    vi.mocked(listContacts).mockImplementation(async (query) =>
      query.cursor === null ? makePage(makeRows(100), { nextCursor: "page-2" }) : makePage(makeRows(100, 101)),
    );
    renderApp("/contacts");
    await screen.findAllByTestId("contact-row");
    expect(listContacts).toHaveBeenCalledTimes(1);

    const table = screen.getByTestId("contacts-table");
    table.scrollTop = 100 * 52 - 800;
    fireEvent.scroll(table);

    await waitFor(() =>
      expect(listContacts).toHaveBeenCalledWith(expect.objectContaining({ cursor: "page-2" }), expect.anything()),
    );
  });

  it("shows the empty state and clears search and filters from it", async () => {
    vi.mocked(listContacts).mockResolvedValue(makePage([]));
    vi.mocked(countContacts).mockResolvedValue({ count: 0, exact: true });
    const { user, router } = renderApp("/contacts?q=zzz&status=archived");

    const empty = await screen.findByTestId("contacts-empty");
    expect(empty).toHaveTextContent("No contacts match");
    await user.click(within(empty).getByRole("button", { name: "Clear search and filters" }));

    await waitFor(() => expect(router.state.location.search).toBe(""));
    expect(screen.getByTestId("contact-search")).toHaveValue("");
    expect(listContacts).toHaveBeenLastCalledWith(
      expect.objectContaining({ search: null, filter: { contactType: null, territoryId: null, status: null, unassigned: false } }),
      expect.anything(),
    );
  });

  it("shows the error message with a Retry that loads again", async () => {
    vi.mocked(listContacts).mockRejectedValueOnce(
      new IpcError({ code: "unavailable", message: "The database is locked by another program.", fields: [] }),
    );
    const { user } = renderApp("/contacts");

    const error = await screen.findByTestId("contacts-error");
    expect(error).toHaveTextContent("The database is locked by another program.");
    await user.click(within(error).getByRole("button", { name: "Retry" }));

    expect(await screen.findAllByTestId("contact-row")).toHaveLength(3);
  });

  it("passes the chosen filter to list and count", async () => {
    const { user } = renderApp("/contacts");
    await screen.findAllByTestId("contact-row");

    await user.click(screen.getByTestId("filter-status"));
    await user.click(await screen.findByRole("option", { name: "Inactive" }));

    await waitFor(() =>
      expect(listContacts).toHaveBeenLastCalledWith(
        expect.objectContaining({ filter: { contactType: null, territoryId: null, status: "inactive", unassigned: false } }),
        expect.anything(),
      ),
    );
    expect(countContacts).toHaveBeenLastCalledWith(
      { search: null, filter: { contactType: null, territoryId: null, status: "inactive", unassigned: false } },
      expect.anything(),
    );
  });

  it("lets a site administrator show unassigned contacts, and keeps the choice in the URL", async () => {
    const { user, router } = renderApp("/contacts");
    await screen.findAllByTestId("contact-row");

    const toggle = await screen.findByRole("checkbox", { name: "Unassigned (no site)" });
    expect(toggle).not.toBeChecked();
    await user.click(toggle);

    await waitFor(() => expect(router.state.location.search).toBe("?unassigned=1"));
    expect(toggle).toBeChecked();
    await waitFor(() =>
      expect(listContacts).toHaveBeenLastCalledWith(
        expect.objectContaining({ filter: { contactType: null, territoryId: null, status: null, unassigned: true } }),
        expect.anything(),
      ),
    );
    expect(countContacts).toHaveBeenLastCalledWith(
      { search: null, filter: { contactType: null, territoryId: null, status: null, unassigned: true } },
      expect.anything(),
    );

    // It is a filter like the others: "Clear all" removes it.
    await user.click(screen.getByRole("button", { name: "Clear all" }));
    await waitFor(() => expect(router.state.location.search).toBe(""));
  });

  it("reads the unassigned filter from the URL", async () => {
    renderApp("/contacts?unassigned=1&type=billing");
    expect(await screen.findByRole("checkbox", { name: "Unassigned (no site)" })).toBeChecked();
    await waitFor(() =>
      expect(listContacts).toHaveBeenCalledWith(
        expect.objectContaining({ filter: { contactType: "billing", territoryId: null, status: null, unassigned: true } }),
        expect.anything(),
      ),
    );
  });

  it("says every contact has a site when the unassigned list is empty", async () => {
    vi.mocked(listContacts).mockResolvedValue(makePage([]));
    vi.mocked(countContacts).mockResolvedValue({ count: 0, exact: true });
    const { user, router } = renderApp("/contacts?unassigned=1");

    expect(await screen.findByText("Every contact has a site")).toBeInTheDocument();
    await user.click(within(screen.getByTestId("contacts-empty")).getByRole("button", { name: "Show all contacts" }));
    await waitFor(() => expect(router.state.location.search).toBe(""));
  });

  it("offers no unassigned filter to other roles and ignores it in a pasted link", async () => {
    vi.mocked(appInfo).mockResolvedValue(
      makeAppInfo({ session: makeSession({ user: makeUser({ username: "territory", role: "territory_manager" }) }) }),
    );
    renderApp("/contacts?unassigned=1");
    await screen.findAllByTestId("contact-row");
    await waitFor(() => expect(appInfo).toHaveBeenCalled());

    expect(screen.queryByRole("checkbox", { name: "Unassigned (no site)" })).toBeNull();
    expect(vi.mocked(listContacts).mock.calls.map(([query]) => query.filter.unassigned)).not.toContain(true);
  });
});
