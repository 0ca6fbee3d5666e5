import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { appInfo } from "../../../ipc/app";
import type { SavedView } from "../../../ipc/bindings";
import { IpcError } from "../../../ipc/client";
import { countContacts, listContacts, listTerritories } from "../../../ipc/contacts";
import { makeAppInfo, makePage, makeRows } from "../../../test/fixtures";
import { renderApp } from "../../../test/renderApp";
import { deleteView, listSavedViews, saveView } from "./ipc";

vi.mock("../../../ipc/app");
vi.mock("../../../ipc/contacts");
vi.mock("./ipc");

const billingScotland: SavedView = {
  id: "7",
  name: "Scotland billing",
  shared: false,
  owner: "Sam Okafor",
  mine: true,
  query: {
    search: null,
    filter: { contactType: "billing", territoryId: "t2", status: null, unassigned: false },
    sort: { column: "company", direction: "asc" },
  },
};
const sharedByPriya: SavedView = {
  id: "9",
  name: "Leads named Ann",
  shared: true,
  owner: "Priya Raman",
  mine: false,
  query: { search: "ann", filter: { contactType: null, territoryId: null, status: "active", unassigned: false } },
};

const lastListQuery = () => vi.mocked(listContacts).mock.lastCall?.[0];

beforeEach(() => {
  vi.mocked(appInfo).mockResolvedValue(makeAppInfo());
  vi.mocked(listContacts).mockResolvedValue(makePage(makeRows(3)));
  vi.mocked(countContacts).mockResolvedValue({ count: 3, exact: true });
  vi.mocked(listTerritories).mockResolvedValue([
    { id: "t1", name: "London North", regionName: "London" },
    { id: "t2", name: "Scotland", regionName: "United Kingdom" },
  ]);
  vi.mocked(listSavedViews).mockResolvedValue([sharedByPriya, billingScotland]);
});

async function openViews(user: ReturnType<typeof renderApp>["user"]) {
  await user.click(await screen.findByTestId("views-menu"));
  const panel = await screen.findByTestId("views-panel");
  await within(panel).findAllByTestId("view-item");
  return panel;
}

describe("saved views on the contact list", () => {
  it("lists my views and the views others shared, with their owner", async () => {
    const { user } = renderApp("/contacts");
    const panel = await openViews(user);
    const items = within(panel).getAllByTestId("view-item");
    expect(items.map((item) => within(item).getByTestId("view-name").textContent)).toEqual(["Scotland billing", "Leads named Ann"]);
    // Only my own views can be renamed or deleted.
    expect(within(items[0]).getByRole("button", { name: "Delete Scotland billing" })).toBeInTheDocument();
    expect(within(items[1]).queryByRole("button", { name: /delete/i })).toBeNull();
    expect(within(items[1]).getByTestId("view-owner")).toHaveTextContent("by Priya Raman");
  });

  it("applying a view restores its search, filter and sort, and the URL names it", async () => {
    const { user, router } = renderApp("/contacts?q=zzz");
    const panel = await openViews(user);
    await user.click(within(panel).getAllByTestId("view-apply")[0]);

    await waitFor(() => expect(router.state.location.search).toBe("?type=billing&territory=t2&sort=company&dir=asc&view=7"));
    await waitFor(() =>
      expect(lastListQuery()).toMatchObject({
        search: null,
        filter: { contactType: "billing", territoryId: "t2", status: null, unassigned: false },
        sort: { column: "company", direction: "asc" },
      }),
    );
    expect(screen.getByTestId("active-view-name")).toHaveTextContent("Scotland billing");
    expect(screen.getByTestId("contact-search")).toHaveValue("");
    expect(screen.queryByTestId("view-modified")).toBeNull();
  });

  it("puts a shared view's search text into the search box", async () => {
    const { user } = renderApp("/contacts");
    const panel = await openViews(user);
    await user.click(within(panel).getAllByTestId("view-apply")[1]);
    await waitFor(() => expect(screen.getByTestId("contact-search")).toHaveValue("ann"));
    await waitFor(() => expect(lastListQuery()).toMatchObject({ search: "ann", filter: { status: "active" } }));
  });

  it("marks the view modified when the list diverges, and saves the changes into it", async () => {
    vi.mocked(saveView).mockImplementation(async (input) => ({ ...billingScotland, query: input.query }));
    const { user, router } = renderApp("/contacts?type=billing&territory=t2&sort=company&dir=asc&view=7");
    await waitFor(() => expect(screen.getByTestId("active-view-name")).toHaveTextContent("Scotland billing"));
    expect(screen.queryByTestId("view-modified")).toBeNull();

    await user.click(screen.getByTestId("filter-status"));
    await user.click(await screen.findByRole("option", { name: "Inactive" }));

    expect(await screen.findByTestId("view-modified")).toHaveTextContent("Modified");
    // The view stays named in the URL while the list is changed.
    expect(router.state.location.search).toContain("view=7");
    await user.click(screen.getByTestId("view-save-changes-quick"));

    await waitFor(() =>
      expect(saveView).toHaveBeenCalledWith({
        id: "7",
        name: "Scotland billing",
        shared: false,
        query: {
          search: null,
          filter: { contactType: "billing", territoryId: "t2", status: "inactive", unassigned: false },
          sort: { column: "company", direction: "asc" },
        },
      }),
    );
  });

  it("goes back to the view as saved", async () => {
    const { user, router } = renderApp("/contacts?type=billing&territory=t2&status=inactive&sort=company&dir=asc&view=7");
    expect(await screen.findByTestId("view-modified")).toBeInTheDocument();
    const panel = await openViews(user);
    await user.click(within(panel).getByTestId("view-revert"));
    await waitFor(() => expect(router.state.location.search).toBe("?type=billing&territory=t2&sort=company&dir=asc&view=7"));
    expect(screen.queryByTestId("view-modified")).toBeNull();
  });

  it("offers no 'save changes' for someone else's shared view", async () => {
    renderApp("/contacts?q=ann&status=inactive&view=9");
    expect(await screen.findByTestId("view-modified")).toBeInTheDocument();
    expect(screen.queryByTestId("view-save-changes-quick")).toBeNull();
  });

  it("saves the current list as a new shared view, showing a duplicate name beside the name", async () => {
    vi.mocked(saveView)
      .mockRejectedValueOnce(
        new IpcError({
          code: "invalid_input",
          message: "name: you already have a view with this name",
          fields: [{ field: "name", message: "you already have a view with this name" }],
        }),
      )
      .mockImplementation(async (input) => ({ id: "12", name: input.name, shared: input.shared, owner: "Sam Okafor", mine: true, query: input.query }));
    const { user, router } = renderApp("/contacts?q=smith&type=operations");
    const panel = await openViews(user);
    await user.click(within(panel).getByTestId("view-save-new"));

    const form = await screen.findByTestId("save-view-form");
    expect(within(form).getByTestId("save-view-summary")).toHaveTextContent("Search “smith”Type: Operations");
    // An empty name is refused before asking the core.
    await user.click(within(form).getByTestId("save-view-submit"));
    expect(await within(form).findByText("Give the view a name")).toBeInTheDocument();
    expect(saveView).not.toHaveBeenCalled();

    await user.type(within(form).getByTestId("save-view-name"), "Scotland billing");
    await user.click(within(form).getByTestId("save-view-shared"));
    await user.click(within(form).getByTestId("save-view-submit"));
    const name = within(form).getByTestId("save-view-name");
    await waitFor(() => expect(name).toHaveAttribute("aria-invalid", "true"));
    expect(within(form).getByText("You already have a view with this name")).toBeInTheDocument();

    await user.clear(name);
    await user.type(name, "Smith operations");
    await user.click(within(form).getByTestId("save-view-submit"));
    await waitFor(() => expect(screen.queryByTestId("save-view-form")).toBeNull());
    expect(saveView).toHaveBeenLastCalledWith({
      id: null,
      name: "Smith operations",
      shared: true,
      query: {
        search: "smith",
        filter: { contactType: "operations", territoryId: null, status: null, unassigned: false },
        sort: { column: "name", direction: "asc" },
      },
    });
    await waitFor(() => expect(router.state.location.search).toBe("?q=smith&type=operations&view=12"));
  });

  it("deletes one of my views after asking, and the list stops naming it", async () => {
    vi.mocked(deleteView).mockResolvedValue(undefined);
    const { user, router } = renderApp("/contacts?type=billing&territory=t2&sort=company&dir=asc&view=7");
    const panel = await openViews(user);
    await user.click(within(panel).getByRole("button", { name: "Delete Scotland billing" }));
    const confirm = await screen.findByTestId("delete-view-confirm");
    await user.click(within(confirm).getByTestId("confirm-button"));
    await waitFor(() => expect(deleteView).toHaveBeenCalledWith("7"));
    await waitFor(() => expect(router.state.location.search).toBe("?type=billing&territory=t2&sort=company&dir=asc"));
  });

  it("'Clear all' leaves the view", async () => {
    const { user, router } = renderApp("/contacts?type=billing&territory=t2&view=7");
    await screen.findAllByTestId("contact-row");
    await user.click(screen.getByRole("button", { name: "Clear all" }));
    await waitFor(() => expect(router.state.location.search).toBe(""));
    expect(screen.getByTestId("active-view-name")).toHaveTextContent("Views");
  });

  it("says so when the views cannot be read", async () => {
    vi.mocked(listSavedViews).mockRejectedValue(
      new IpcError({ code: "unavailable", message: "The database is busy.", fields: [] }),
    );
    const { user } = renderApp("/contacts");
    await user.click(await screen.findByTestId("views-menu"));
    expect(await within(await screen.findByTestId("views-panel")).findByRole("alert")).toHaveTextContent(
      "The database is busy.",
    );
  });
});
