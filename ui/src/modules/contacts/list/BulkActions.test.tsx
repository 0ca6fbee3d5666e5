import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { appInfo } from "../../../ipc/app";
import type { BulkProgress, BulkReport } from "../../../ipc/bindings";
import { IpcError } from "../../../ipc/client";
import { countContacts, listContacts, listTerritories } from "../../../ipc/contacts";
import { makeAppInfo, makePage, makeRows, makeSession, makeUser } from "../../../test/fixtures";
import { contactRoutes, renderApp } from "../../../test/renderApp";
import { cancelBulkAction, countBulkSelection, listOwners, listSavedViews, runBulkAction, searchSites } from "./ipc";

vi.mock("../../../ipc/app");
vi.mock("../../../ipc/contacts");
vi.mock("./ipc");

const fmt = (n: number) => new Intl.NumberFormat().format(n);
const row = (id: string) => screen.getAllByTestId("contact-row").find((r) => r.getAttribute("data-contact-id") === id)!;
const checkbox = (id: string) => within(row(id)).getByTestId("contact-row-check") as HTMLInputElement;
const selectedText = () => screen.getByTestId("bulk-selected-count").textContent;

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

beforeEach(() => {
  vi.mocked(appInfo).mockResolvedValue(makeAppInfo());
  vi.mocked(listContacts).mockResolvedValue(makePage(makeRows(6), { nextCursor: null }));
  vi.mocked(countContacts).mockResolvedValue({ count: 6, exact: true });
  vi.mocked(listTerritories).mockResolvedValue([{ id: "t1", name: "Scotland", regionName: "United Kingdom" }]);
  vi.mocked(listSavedViews).mockResolvedValue([]);
  vi.mocked(listOwners).mockResolvedValue([
    { username: "admin", displayName: "Sam Okafor" },
    { username: "regional", displayName: "Priya Raman" },
  ]);
  vi.mocked(searchSites).mockResolvedValue([]);
});

describe("selecting contacts in the list", () => {
  it("ticks rows with their checkbox and Shift+click ticks a range", async () => {
    const { user, router } = renderApp("/contacts");
    await screen.findAllByTestId("contact-row");
    expect(screen.queryByTestId("bulk-bar")).toBeNull();

    await user.click(checkbox("2"));
    expect(selectedText()).toBe("1 selected");
    // Ticking does not open the contact.
    expect(router.state.location.pathname).toBe("/contacts");

    await user.keyboard("{Shift>}");
    await user.click(checkbox("5"));
    await user.keyboard("{/Shift}");
    expect(selectedText()).toBe("4 selected");
    expect(["1", "2", "3", "4", "5", "6"].map((id) => checkbox(id).checked)).toEqual([false, true, true, true, true, false]);
    expect(row("3")).toHaveAttribute("data-checked", "true");
  });

  it("Ctrl+click toggles a row instead of opening it; a plain click still opens it", async () => {
    const { user, router } = renderApp("/contacts");
    await screen.findAllByTestId("contact-row");
    await user.keyboard("{Control>}");
    await user.click(within(row("3")).getByTestId("contact-row-name"));
    await user.click(within(row("4")).getByTestId("contact-row-name"));
    await user.click(within(row("3")).getByTestId("contact-row-name"));
    await user.keyboard("{/Control}");
    expect(selectedText()).toBe("1 selected");
    expect(checkbox("4").checked).toBe(true);
    expect(router.state.location.pathname).toBe("/contacts");

    await user.click(within(row("6")).getByTestId("contact-row-name"));
    await waitFor(() => expect(router.state.location.pathname).toBe("/contacts/6"));
  });

  it("Space toggles the highlighted row, Ctrl+A ticks the loaded rows and Escape clears", async () => {
    const { user } = renderApp("/contacts");
    await screen.findAllByTestId("contact-row");
    await user.click(screen.getByTestId("contact-search"));
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(screen.getByTestId("contacts-table")).toHaveFocus();
    await user.keyboard(" ");
    expect(checkbox("2").checked).toBe(true);
    expect(selectedText()).toBe("1 selected");

    await user.keyboard("{Control>}a{/Control}");
    expect(selectedText()).toBe("6 selected");
    expect(screen.getByTestId("select-loaded")).toBeChecked();

    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("bulk-bar")).toBeNull();
  });

  it("Ctrl+A in the search box selects its text, not the rows", async () => {
    const { user } = renderApp("/contacts");
    await screen.findAllByTestId("contact-row");
    await user.click(screen.getByTestId("contact-search"));
    await user.keyboard("{Control>}a{/Control}");
    expect(screen.queryByTestId("bulk-bar")).toBeNull();
  });

  it("keeps ticked rows while they are scrolled out of the virtualised table", async () => {
    vi.mocked(listContacts).mockResolvedValue(makePage(makeRows(100)));
    vi.mocked(countContacts).mockResolvedValue({ count: 100, exact: true });
    const { user } = renderApp("/contacts");
    await screen.findAllByTestId("contact-row");
    await user.click(checkbox("1"));

    const table = screen.getByTestId("contacts-table");
    table.scrollTop = 100 * 52;
    fireEvent.scroll(table);
    await waitFor(() => expect(screen.queryAllByTestId("contact-row").some((r) => r.getAttribute("data-contact-id") === "1")).toBe(false));
    expect(selectedText()).toBe("1 selected");

    table.scrollTop = 0;
    fireEvent.scroll(table);
    await waitFor(() => expect(checkbox("1").checked).toBe(true));
  });

  it("clears the selection when the search changes", async () => {
    const { user } = renderApp("/contacts");
    await screen.findAllByTestId("contact-row");
    await user.click(checkbox("1"));
    expect(selectedText()).toBe("1 selected");
    await user.type(screen.getByTestId("contact-search"), "ann");
    await waitFor(() => expect(listContacts).toHaveBeenLastCalledWith(expect.objectContaining({ search: "ann" }), expect.anything()));
    await waitFor(() => expect(screen.queryByTestId("bulk-bar")).toBeNull());
    expect(checkbox("1").checked).toBe(false);
  });

  it("offers every matching contact once the loaded rows are ticked, and remembers rows unticked afterwards", async () => {
    vi.mocked(listContacts).mockResolvedValue(makePage(makeRows(6), { nextCursor: "more" }));
    vi.mocked(countContacts).mockResolvedValue({ count: 5000, exact: true });
    vi.mocked(countBulkSelection).mockResolvedValue(4999);
    const { user } = renderApp("/contacts?q=smith&type=billing");
    await screen.findAllByTestId("contact-row");

    await user.click(screen.getByTestId("select-loaded"));
    const banner = await screen.findByTestId("selection-banner");
    expect(banner).toHaveTextContent("All 6 contacts loaded so far are selected.");
    await user.click(within(banner).getByTestId("select-all-matching"));

    expect(selectedText()).toBe(`${fmt(5000)} selected`);
    expect(screen.getByTestId("selection-banner")).toHaveTextContent(`All ${fmt(5000)} contacts matching this list are selected.`);
    await user.click(checkbox("2"));
    expect(selectedText()).toBe(`${fmt(4999)} selected`);

    await user.click(screen.getByTestId("bulk-action-addTag"));
    await user.type(await screen.findByTestId("bulk-tag"), "VIP");
    await user.click(screen.getByTestId("bulk-continue"));

    expect(await screen.findByTestId("bulk-confirm-question")).toHaveTextContent(`Add the tag “VIP” to ${fmt(4999)} contacts?`);
    expect(countBulkSelection).toHaveBeenCalledWith({
      kind: "query",
      query: { search: "smith", filter: { contactType: "billing", territoryId: null, status: null, unassigned: false } },
      except: ["2"],
    });
  });

  it("promises no number for everything matching when the count stopped early", async () => {
    vi.mocked(listContacts).mockResolvedValue(makePage(makeRows(6), { nextCursor: "more" }));
    vi.mocked(countContacts).mockResolvedValue({ count: 10000, exact: false });
    vi.mocked(countBulkSelection).mockResolvedValue(12345);
    const { user } = renderApp("/contacts?q=a");
    await screen.findAllByTestId("contact-row");
    await user.click(screen.getByTestId("select-loaded"));
    await user.click(await screen.findByTestId("select-all-matching"));
    expect(selectedText()).toBe(`${fmt(10000)}+ selected`);
    await user.click(screen.getByTestId("bulk-action-addTag"));
    expect(await screen.findByText("For the selected contacts.")).toBeInTheDocument();
    await user.type(screen.getByTestId("bulk-tag"), "VIP");
    await user.click(screen.getByTestId("bulk-continue"));
    // The confirmation has the exact number.
    expect(await screen.findByTestId("bulk-confirm-question")).toHaveTextContent(`Add the tag “VIP” to ${fmt(12345)} contacts?`);
  });

  it("hides selection from users who may change nothing, and Deactivate from those who may not deactivate", async () => {
    const billing = makeUser({
      role: "billing_admin",
      permissions: [
        { action: "view_contacts", reach: "scope" },
        { action: "edit_contacts", reach: "scope" },
        { action: "deactivate", reach: "none" },
      ],
    });
    vi.mocked(appInfo).mockResolvedValue(makeAppInfo({ session: makeSession({ user: billing }) }));
    const { user, unmount } = renderApp("/contacts");
    await screen.findAllByTestId("contact-row");
    await user.click(await within(row("1")).findByTestId("contact-row-check"));
    expect(screen.getByTestId("bulk-action-addTag")).toBeInTheDocument();
    expect(screen.queryByTestId("bulk-action-deactivate")).toBeNull();
    unmount();

    const reader = makeUser({ role: "territory_manager", permissions: [{ action: "view_contacts", reach: "scope" }] });
    vi.mocked(appInfo).mockResolvedValue(makeAppInfo({ session: makeSession({ user: reader }) }));
    renderApp("/contacts");
    await screen.findAllByTestId("contact-row");
    await waitFor(() => expect(screen.queryByTestId("new-contact")).toBeNull());
    expect(screen.queryByTestId("contact-row-check")).toBeNull();
    expect(screen.queryByTestId("select-loaded")).toBeNull();
  });
});

describe("bulk actions", () => {
  async function startAction(user: ReturnType<typeof renderApp>["user"], kind: string, ids: string[] = ["1", "3"]) {
    await screen.findAllByTestId("contact-row");
    for (const id of ids) await user.click(checkbox(id));
    await user.click(screen.getByTestId(`bulk-action-${kind}`));
    return screen.findByTestId("bulk-modal");
  }

  it("confirms with the exact count, shows the progress, and ends with a summary of what was skipped and why", async () => {
    vi.mocked(countBulkSelection).mockResolvedValue(2);
    const run = deferred<BulkReport>();
    let progress: (p: BulkProgress) => void = () => {};
    vi.mocked(runBulkAction).mockImplementation((_selection, _action, onProgress) => {
      progress = onProgress;
      return run.promise;
    });
    const { user } = renderApp("/contacts");
    await startAction(user, "deactivate");

    // The form needs a reason before anything is counted.
    await user.click(screen.getByTestId("bulk-continue"));
    expect(await screen.findByText("Say why these contacts are deactivated")).toBeInTheDocument();
    expect(countBulkSelection).not.toHaveBeenCalled();
    await user.type(screen.getByTestId("bulk-reason"), "Left the company");
    await user.click(screen.getByTestId("bulk-continue"));

    expect(await screen.findByTestId("bulk-confirm-question")).toHaveTextContent("Deactivate 2 contacts?");
    expect(countBulkSelection).toHaveBeenCalledWith({ kind: "ids", ids: ["1", "3"] });
    const listCalls = vi.mocked(listContacts).mock.calls.length;
    await user.click(screen.getByTestId("bulk-confirm-button"));

    expect(runBulkAction).toHaveBeenCalledWith(
      { kind: "ids", ids: ["1", "3"] },
      { kind: "deactivate", reason: "Left the company" },
      expect.any(Function),
    );
    expect(await screen.findByTestId("bulk-progress-text")).toHaveTextContent("Starting…");
    progress({ done: 1, total: 2 });
    await waitFor(() => expect(screen.getByTestId("bulk-progress-text")).toHaveTextContent("1 of 2 contacts"));
    expect(within(screen.getByTestId("bulk-progress")).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "50");

    run.resolve({
      selected: 2,
      changed: 1,
      skippedTotal: 1,
      skipReasons: [{ reason: "already inactive", count: 1 }],
      skipped: [{ id: "3", reference: "C-000003", reason: "already inactive" }],
    });
    expect(await screen.findByTestId("bulk-summary-changed")).toHaveTextContent("Changed 1 of 2 contacts.");
    expect(screen.getByTestId("bulk-summary-skipped")).toHaveTextContent("1 contact left as they were.");
    await user.click(screen.getByTestId("bulk-summary-toggle"));
    expect(screen.getByTestId("bulk-skipped-list")).toHaveTextContent("already inactive (1)C-000003");

    // The list and its count are read again, and the selection is gone.
    await waitFor(() => expect(vi.mocked(listContacts).mock.calls.length).toBeGreaterThan(listCalls));
    await user.click(screen.getByTestId("bulk-close"));
    await waitFor(() => expect(screen.queryByTestId("bulk-modal")).toBeNull());
    expect(screen.queryByTestId("bulk-bar")).toBeNull();
  });

  it("says nothing was changed when the run is cancelled", async () => {
    vi.mocked(countBulkSelection).mockResolvedValue(2);
    const run = deferred<BulkReport>();
    vi.mocked(runBulkAction).mockReturnValue(run.promise);
    vi.mocked(cancelBulkAction).mockImplementation(async () => {
      run.reject(new IpcError({ code: "cancelled", message: "Cancelled.", fields: [] }));
    });
    const { user } = renderApp("/contacts");
    await startAction(user, "addTag");
    await user.type(screen.getByTestId("bulk-tag"), "VIP");
    await user.click(screen.getByTestId("bulk-continue"));
    await user.click(await screen.findByTestId("bulk-confirm-button"));
    await user.click(await screen.findByTestId("bulk-cancel"));

    expect(cancelBulkAction).toHaveBeenCalled();
    expect(await screen.findByTestId("bulk-cancelled")).toHaveTextContent("Cancelled. Nothing was changed.");
    // The selection stays for another try.
    await user.click(screen.getByTestId("bulk-close"));
    expect(selectedText()).toBe("2 selected");
  });

  it("asks for the approval when a change of type needs one, then runs again with it", async () => {
    vi.mocked(countBulkSelection).mockResolvedValue(2);
    vi.mocked(runBulkAction)
      .mockRejectedValueOnce(
        new IpcError({
          code: "justification_required",
          message: "A change of contact type needs a justification.",
          fields: [{ field: "contactType", message: "needs a justification" }],
        }),
      )
      .mockResolvedValueOnce({ selected: 2, changed: 2, skippedTotal: 0, skipReasons: [], skipped: [] });
    const { user } = renderApp("/contacts");
    await startAction(user, "setType");
    await user.click(screen.getByTestId("bulk-type"));
    await user.click(await screen.findByRole("option", { name: "Billing" }));
    await user.click(screen.getByTestId("bulk-continue"));
    expect(await screen.findByTestId("bulk-confirm-question")).toHaveTextContent("Change the type of 2 contacts to Billing?");
    await user.click(screen.getByTestId("bulk-confirm-button"));

    const modal = await screen.findByTestId("justification-modal");
    expect(modal).toHaveTextContent("contact type");
    await user.type(within(modal).getByTestId("justification-reason"), "Billing moved to the site office");
    await user.type(within(modal).getByTestId("justification-approved-by"), "Jane Doe");
    await user.click(within(modal).getByTestId("justification-submit"));

    expect(await screen.findByTestId("bulk-summary-changed")).toHaveTextContent("Changed 2 contacts.");
    expect(vi.mocked(runBulkAction).mock.lastCall?.[1]).toEqual({
      kind: "setType",
      contact_type: "billing",
      contact_type_other: null,
      justification: { reason: "Billing moved to the site office", approvedBy: "Jane Doe", approvedOn: expect.any(String) },
    });
  });

  it("shows the core's refusal of a field beside that field", async () => {
    vi.mocked(countBulkSelection).mockResolvedValue(2);
    vi.mocked(runBulkAction).mockRejectedValue(
      new IpcError({ code: "invalid_input", message: "tag: is longer than 60 characters", fields: [{ field: "tag", message: "is longer than 60 characters" }] }),
    );
    const { user } = renderApp("/contacts");
    await startAction(user, "removeTag");
    await user.type(screen.getByTestId("bulk-tag"), "VIP");
    await user.click(screen.getByTestId("bulk-continue"));
    await user.click(await screen.findByTestId("bulk-confirm-button"));
    expect(await screen.findByText("Tag is longer than 60 characters")).toBeInTheDocument();
    expect(screen.getByTestId("bulk-tag")).toHaveValue("VIP");
  });

  it("changes the owner to a user from the list", async () => {
    vi.mocked(countBulkSelection).mockResolvedValue(2);
    vi.mocked(runBulkAction).mockResolvedValue({ selected: 2, changed: 2, skippedTotal: 0, skipReasons: [], skipped: [] });
    const { user } = renderApp("/contacts");
    await startAction(user, "setOwner");
    await user.click(screen.getByTestId("bulk-owner"));
    await user.click(await screen.findByRole("option", { name: "Priya Raman (regional)" }));
    await user.click(screen.getByTestId("bulk-continue"));
    expect(await screen.findByTestId("bulk-confirm-question")).toHaveTextContent("Make Priya Raman the owner of 2 contacts?");
    await user.click(screen.getByTestId("bulk-confirm-button"));
    await screen.findByTestId("bulk-summary");
    expect(vi.mocked(runBulkAction).mock.lastCall?.[1]).toEqual({ kind: "setOwner", owner: "regional" });
  });

  it("assigns to a site found by search, refusing sites outside the user's territories", async () => {
    vi.mocked(countBulkSelection).mockResolvedValue(2);
    vi.mocked(runBulkAction).mockResolvedValue({ selected: 2, changed: 2, skippedTotal: 0, skipReasons: [], skipped: [] });
    const site = (id: string, name: string, inScope: boolean) => ({
      siteId: id,
      siteName: name,
      accountId: "a1",
      accountName: "Acme",
      accountKind: "business" as const,
      territory: inScope ? "Scotland" : "London North",
      region: "United Kingdom",
      city: "Glasgow",
      inScope,
    });
    vi.mocked(searchSites).mockImplementation(async (query) =>
      query.toLowerCase().startsWith("gla") ? [site("s1", "Glasgow Central", true), site("s2", "Glasgow Docks", false)] : [],
    );
    const { user } = renderApp("/contacts");
    await startAction(user, "assignSite");
    await user.type(screen.getByTestId("bulk-site"), "Gla");
    await waitFor(() => expect(searchSites).toHaveBeenCalledWith("Gla", expect.anything()));
    expect(await screen.findByRole("option", { name: /Glasgow Docks/ })).toHaveAttribute("data-combobox-disabled", "true");
    await user.click(await screen.findByRole("option", { name: /Glasgow Central/ }));
    expect(screen.getByTestId("bulk-site-territory")).toHaveTextContent("Territory: Scotland (United Kingdom)");
    await user.click(screen.getByTestId("bulk-role"));
    await user.click(await screen.findByRole("option", { name: "Liaison" }));
    await user.click(screen.getByTestId("bulk-continue"));
    expect(await screen.findByTestId("bulk-confirm-question")).toHaveTextContent("Assign 2 contacts to Glasgow Central (Acme) as Liaison?");
    await user.click(screen.getByTestId("bulk-confirm-button"));
    await screen.findByTestId("bulk-summary");
    expect(vi.mocked(runBulkAction).mock.lastCall?.[1]).toEqual({ kind: "assignSite", site_id: "s1", role: "liaison" });
  });

  it("a confirmation for nobody cannot be confirmed", async () => {
    vi.mocked(countBulkSelection).mockResolvedValue(0);
    const { user } = renderApp("/contacts");
    await startAction(user, "setStage");
    await user.click(screen.getByTestId("bulk-stage"));
    await user.click(await screen.findByRole("option", { name: "Prospect" }));
    await user.click(screen.getByTestId("bulk-continue"));
    expect(await screen.findByTestId("bulk-confirm-none")).toBeInTheDocument();
    expect(screen.getByTestId("bulk-confirm-button")).toBeDisabled();
  });
});

describe("new contact", () => {
  const routes = [...contactRoutes.slice(0, 1), { path: "/contacts/new", element: <p data-testid="wizard">wizard</p> }, ...contactRoutes.slice(1)];

  it("the button and Ctrl+N open the wizard", async () => {
    const { user, router } = renderApp("/contacts", routes);
    await user.click(await screen.findByTestId("new-contact"));
    expect(await screen.findByTestId("wizard")).toBeInTheDocument();

    await router.navigate("/contacts");
    await screen.findAllByTestId("contact-row");
    await user.click(screen.getByTestId("contact-search"));
    await user.keyboard("{Control>}n{/Control}");
    expect(await screen.findByTestId("wizard")).toBeInTheDocument();
  });
});
