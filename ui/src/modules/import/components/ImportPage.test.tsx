import { act, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { appInfo } from "../../../ipc/app";
import type { ImportOutcome, ImportPreview, ImportProgress, ImportRequest } from "../../../ipc/bindings";
import { IpcError } from "../../../ipc/client";
import { countContacts, listContacts, searchSites } from "../../../ipc/contacts";
import {
  cancelImport,
  getImportPolicy,
  importFields,
  pickImportFiles,
  previewImport,
  runImport,
  undoImport,
} from "../../../ipc/imports";
import { makeAppInfo, makeSession, makeUser } from "../../../test/fixtures";
import { makeGrant, makeOutcome, makePreview, makePreviewRow, makeSiteOption } from "../../../test/importFixtures";
import { renderApp } from "../../../test/renderApp";
import { importQueue } from "../utils/importQueue";
import { ImportPage } from "./ImportPage";

vi.mock("../../../ipc/app");
vi.mock("../../../ipc/contacts");
vi.mock("../../../ipc/imports");

const routes = [
  { path: "/import", element: <ImportPage /> },
  { path: "/contacts", element: <div data-testid="contacts-page" /> },
];
const fmt = (n: number) => new Intl.NumberFormat().format(n);

type Pending<T> = {
  request: ImportRequest;
  onProgress: (progress: ImportProgress) => void;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
};

/** Checks (or runs) the test answers itself, in the order they were asked for. */
function pendingCalls<T>(mock: typeof previewImport | typeof runImport) {
  const calls: Pending<T>[] = [];
  vi.mocked(mock).mockImplementation(
    (_file: string, request: ImportRequest, onProgress: (progress: ImportProgress) => void) =>
      new Promise<never>((resolve, reject) => {
        calls.push({ request, onProgress, resolve: resolve as (value: T) => void, reject });
      }),
  );
  return calls;
}

const rows = () => screen.getAllByTestId("import-row");
const row = (record: number) => rows().find((r) => r.getAttribute("data-record") === String(record))!;
const mappingSelect = (header: string) =>
  screen.getAllByTestId("mapping-select").find((s) => s.getAttribute("data-header") === header)!;

async function choose(user: ReturnType<typeof renderApp>["user"], input: HTMLElement, option: string | RegExp) {
  await user.click(input);
  await user.click(await screen.findByRole("option", { name: option }));
}

beforeEach(() => {
  importQueue.clear();
  vi.mocked(appInfo).mockResolvedValue(makeAppInfo());
  vi.mocked(listContacts).mockResolvedValue({ rows: [], nextCursor: null, mode: "browse" });
  vi.mocked(countContacts).mockResolvedValue({ count: 0, exact: true });
  vi.mocked(searchSites).mockResolvedValue([makeSiteOption("7"), makeSiteOption("8", { siteName: "Glasgow Docks", inScope: false })]);
  vi.mocked(getImportPolicy).mockResolvedValue({
    required: ["email"],
    requirable: [
      { key: "given_name", label: "Given name" },
      { key: "email", label: "Email address" },
    ],
  });
  vi.mocked(importFields).mockResolvedValue([
    { key: "given_name", label: "Given name" },
    { key: "email.other", label: "Email (other)" },
    { key: "email.work", label: "Email (work)" },
    { key: "note", label: "Note" },
    { key: "ignore", label: "Ignore" },
  ]);
  vi.mocked(previewImport).mockResolvedValue(makePreview());
  vi.mocked(cancelImport).mockResolvedValue(undefined);
});

describe("the Import page", () => {
  it("starts with a drop area; picked files are queued and checked with the automatic mapping", async () => {
    vi.mocked(pickImportFiles).mockResolvedValue([makeGrant("g1", { name: "customers-2025.csv", size: 5_242_880 })]);
    const { user } = renderApp("/import", routes);
    expect(await screen.findByTestId("import-empty")).toHaveTextContent(
      "Drop CSV, TSV, vCard, Excel or OpenDocument files anywhere on the window",
    );
    await user.click(screen.getByTestId("import-choose-files"));

    const file = await screen.findByTestId("import-file");
    expect(file).toHaveAttribute("data-name", "customers-2025.csv");
    expect(file).toHaveTextContent("5.0 MB");
    await waitFor(() =>
      expect(previewImport).toHaveBeenCalledWith(
        "g1",
        { siteId: null, mapping: {}, rememberMapping: false, onDuplicate: "skip", decisions: [], sheet: null, contactType: "operations", require: [] },
        expect.any(Function),
      ),
    );
    expect(await screen.findByTestId("import-summary")).toHaveTextContent(
      `${fmt(1204)} records: ${fmt(1100)} new, 50 updates, 30 skipped, 24 rejected, 80 duplicates`,
    );
    expect(file).toHaveAttribute("data-status", "ready");
    expect(screen.getByTestId("import-format")).toHaveTextContent("CSV");
    expect(screen.getByTestId("import-encoding")).toHaveTextContent("UTF-8");
    expect(screen.getByTestId("import-run")).toHaveTextContent(`Import ${fmt(1150)} contacts`);
    expect(screen.getByTestId("import-run")).toBeEnabled();
    // Site administrators may leave the contacts without a site.
    expect(screen.getByTestId("import-target-site")).toHaveValue("No site (visible to administrators only)");
    expect(screen.getByTestId("import-required-fields")).toHaveTextContent("Email address");

    expect(rows().map((r) => [r.getAttribute("data-record"), r.getAttribute("data-action")])).toEqual([
      ["1", "create"],
      ["2", "skip"],
      ["3", "reject"],
      ["4", "skip"],
    ]);
    expect(within(row(3)).getByTestId("row-action")).toHaveTextContent("Rejected");
    expect(within(row(3)).getByTestId("row-notes")).toHaveTextContent("email: not an email address");
    const match = within(row(2)).getByRole("link", { name: "Jane Doe (C-000123)" });
    expect(match).toHaveAttribute("href", "/contacts/123");
    expect(within(row(4)).getByTestId("row-notes")).toHaveTextContent("Same person as record 1");
    // Only duplicates get a decision of their own.
    expect(within(row(1)).queryByTestId("decision")).toBeNull();
    expect(within(row(2)).getByTestId("decision")).toHaveValue("Skip");
  });

  it("filters the rows to problems or duplicates", async () => {
    importQueue.add([makeGrant("g1")]);
    const { user } = renderApp("/import", routes);
    await screen.findAllByTestId("import-row");
    const filter = screen.getByTestId("import-row-filter");
    await user.click(within(filter).getByLabelText("Problems"));
    expect(rows().map((r) => r.getAttribute("data-record"))).toEqual(["3"]);
    await user.click(within(filter).getByLabelText("Duplicates"));
    expect(rows().map((r) => r.getAttribute("data-record"))).toEqual(["2", "4"]);
    await user.click(within(filter).getByLabelText("All"));
    expect(rows()).toHaveLength(4);
  });

  it("waits for a site before checking the file for roles that must choose one", async () => {
    vi.mocked(appInfo).mockResolvedValue(
      makeAppInfo({ session: makeSession({ user: makeUser({ role: "territory_manager" }) }) }),
    );
    importQueue.add([makeGrant("g1")]);
    const { user } = renderApp("/import", routes);
    expect(await screen.findByTestId("import-needs-site")).toBeInTheDocument();
    expect(screen.getByTestId("import-run")).toBeDisabled();
    expect(previewImport).not.toHaveBeenCalled();

    await user.click(screen.getByTestId("import-target-site"));
    expect(screen.queryByRole("option", { name: /No site/ })).toBeNull();
    expect(await screen.findByRole("option", { name: /Glasgow Docks/ })).toHaveAttribute("data-combobox-disabled", "true");
    await user.click(screen.getByRole("option", { name: /^Canal Street HQ — Acme Corporation \(London North\)/ }));

    await waitFor(() => expect(previewImport).toHaveBeenCalledWith("g1", expect.objectContaining({ siteId: "7" }), expect.any(Function)));
    await waitFor(() => expect(screen.getByTestId("import-run")).toBeEnabled());
  });

  it("checks again when a column is mapped differently; a newer check supersedes an older one", async () => {
    const previews = pendingCalls<ImportPreview>(previewImport);
    importQueue.add([makeGrant("g1")]);
    const { user } = renderApp("/import", routes);
    await waitFor(() => expect(previews).toHaveLength(1));
    await act(async () => previews[0].resolve(makePreview()));
    await screen.findAllByTestId("mapping-select");
    expect(mappingSelect("Comment")).toHaveValue("Ignore");

    await choose(user, mappingSelect("Comment"), "Note");
    await waitFor(() => expect(previews).toHaveLength(2));
    expect(previews[1].request.mapping).toEqual({ Comment: "note" });
    expect(screen.getByTestId("import-run")).toBeDisabled();
    expect(screen.getByTestId("import-checking")).toBeInTheDocument();

    // Progress of the running check.
    act(() => previews[1].onProgress({ records: 1500, stored: 0, done: false }));
    expect(screen.getByTestId("import-checking-text")).toHaveTextContent(`Checking… ${fmt(1500)} records`);

    await choose(user, mappingSelect("Mail"), "Email (work)");
    await waitFor(() => expect(previews).toHaveLength(3));
    expect(cancelImport).toHaveBeenCalled();
    expect(previews[2].request.mapping).toEqual({ Comment: "note", Mail: "email.work" });

    // The superseded check answers late: it is ignored.
    await act(async () => previews[1].resolve(makePreview({ records: 999 })));
    expect(screen.getByTestId("import-checking")).toBeInTheDocument();
    await act(async () => previews[2].resolve(makePreview({ records: 1300 })));
    expect(await screen.findByTestId("import-summary")).toHaveTextContent(`${fmt(1300)} records`);
    expect(screen.queryByTestId("import-checking")).toBeNull();

    await user.click(screen.getByTestId("mapping-reset"));
    await waitFor(() => expect(previews).toHaveLength(4));
    expect(previews[3].request.mapping).toEqual({});
    expect(previews[3].request.rememberMapping).toBe(false);
  });

  it("stores a decision for a duplicate record and shows the action it leads to", async () => {
    importQueue.add([makeGrant("g1")]);
    const { user } = renderApp("/import", routes);
    await screen.findAllByTestId("import-row");
    const updated = makePreview();
    updated.rows[1] = { ...updated.rows[1], action: "update" };
    vi.mocked(previewImport).mockResolvedValue(updated);

    const decision = screen.getAllByTestId("decision").find((input) => input.getAttribute("data-record") === "2")!;
    expect(row(2)).toContainElement(decision);
    await choose(user, decision, "Update existing");
    await waitFor(() =>
      expect(previewImport).toHaveBeenLastCalledWith(
        "g1",
        expect.objectContaining({ onDuplicate: "skip", decisions: [{ record: 2, action: "update" }] }),
        expect.any(Function),
      ),
    );
    await waitFor(() => expect(row(2)).toHaveAttribute("data-action", "update"));
    expect(within(row(2)).getByTestId("row-action")).toHaveTextContent("Update");
    expect(within(row(2)).getByTestId("decision")).toHaveValue("Update existing");

    // The file-wide choice applies to the records without a decision of their own.
    await user.click(within(screen.getByTestId("import-on-duplicate")).getByLabelText("Create anyway"));
    await waitFor(() =>
      expect(previewImport).toHaveBeenLastCalledWith(
        "g1",
        expect.objectContaining({ onDuplicate: "create", decisions: [{ record: 2, action: "update" }] }),
        expect.any(Function),
      ),
    );
    await waitFor(() => expect(within(row(4)).getByTestId("decision")).toHaveValue("Create anyway"));
  });

  it("stops a check on Cancel and offers to check again", async () => {
    const previews = pendingCalls<ImportPreview>(previewImport);
    importQueue.add([makeGrant("g1")]);
    const { user } = renderApp("/import", routes);
    await waitFor(() => expect(previews).toHaveLength(1));
    await user.click(await screen.findByTestId("import-preview-cancel"));
    expect(cancelImport).toHaveBeenCalledTimes(1);
    await act(async () => previews[0].reject(new IpcError({ code: "cancelled", message: "cancelled", fields: [] })));
    const stopped = await screen.findByTestId("import-preview-cancelled");
    expect(screen.getByTestId("import-file")).toHaveAttribute("data-status", "waiting");
    await user.click(within(stopped).getByRole("button", { name: "Check again" }));
    await waitFor(() => expect(previews).toHaveLength(2));
  });

  it("shows why a whole file is refused, and nothing else", async () => {
    vi.mocked(previewImport).mockResolvedValue(
      makePreview({
        columns: [],
        rows: [],
        records: 0,
        toCreate: 0,
        toUpdate: 0,
        toSkip: 0,
        rejected: 1,
        duplicates: 0,
        refused: { reason: "unreadable", field: null, message: "This is not a contact file Rapport can read." },
      }),
    );
    importQueue.add([makeGrant("g1", { name: "holiday.jpg" })]);
    renderApp("/import", routes);
    expect(await screen.findByTestId("import-refused")).toHaveTextContent("This is not a contact file Rapport can read.");
    expect(screen.queryByTestId("import-rows")).toBeNull();
    expect(screen.queryByTestId("import-summary")).toBeNull();
    expect(screen.getByTestId("import-run")).toBeDisabled();
    expect(screen.getByTestId("import-file")).toHaveAttribute("data-status", "refused");
  });

  it("removes a file from the queue and selects the next one", async () => {
    importQueue.add([makeGrant("a"), makeGrant("b")]);
    importQueue.select("a");
    const { user } = renderApp("/import", routes);
    const [first] = await screen.findAllByTestId("import-file");
    await user.click(within(first).getByTestId("import-file-remove"));
    const remaining = screen.getAllByTestId("import-file");
    expect(remaining.map((f) => f.getAttribute("data-name"))).toEqual(["b.csv"]);
    expect(remaining[0]).toHaveAttribute("data-selected", "true");
  });
});

describe("importing", () => {
  it("shows progress, and cancelling says calmly that nothing was stored", async () => {
    const runs = pendingCalls<ImportOutcome>(runImport);
    importQueue.add([makeGrant("g1")]);
    const { user } = renderApp("/import", routes);
    await waitFor(() => expect(screen.getByTestId("import-run")).toBeEnabled());
    await user.click(screen.getByTestId("import-run"));

    await waitFor(() => expect(runs).toHaveLength(1));
    expect(runImport).toHaveBeenCalledWith("g1", expect.objectContaining({ siteId: null, onDuplicate: "skip" }), expect.any(Function));
    act(() => runs[0].onProgress({ records: 602, stored: 550, done: false }));
    expect(screen.getByTestId("import-progress-text")).toHaveTextContent(`602 of ${fmt(1204)} records checked, 550 stored`);
    expect(within(screen.getByTestId("import-progress")).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "50");

    await user.click(screen.getByTestId("import-cancel"));
    expect(cancelImport).toHaveBeenCalledTimes(1);
    await act(async () => runs[0].reject(new IpcError({ code: "cancelled", message: "The import was cancelled.", fields: [] })));
    expect(await screen.findByTestId("import-cancelled")).toHaveTextContent("Import cancelled: nothing was stored");
    expect(screen.getByTestId("import-file")).toHaveAttribute("data-status", "ready");
  });

  it("shows the outcome, refreshes the contacts and undoes the import on request", async () => {
    vi.mocked(runImport).mockResolvedValue(makeOutcome());
    vi.mocked(undoImport).mockResolvedValue({ importId: "41", removed: 1100, restored: 50, changedSince: 0 });
    importQueue.add([makeGrant("g1")]);
    const { user, queryClient } = renderApp("/import", routes);
    const invalidate = vi.spyOn(queryClient, "invalidateQueries");
    await waitFor(() => expect(screen.getByTestId("import-run")).toBeEnabled());
    await user.click(screen.getByTestId("import-run"));

    const result = await screen.findByTestId("import-result");
    expect(within(result).getByTestId("import-result-imported")).toHaveTextContent(`${fmt(1100)} Imported`);
    expect(within(result).getByTestId("import-result-updated")).toHaveTextContent("50");
    expect(within(result).getByTestId("import-result-skipped")).toHaveTextContent("30");
    expect(within(result).getByTestId("import-result-rejected")).toHaveTextContent("24");
    expect(screen.getByTestId("import-file")).toHaveAttribute("data-status", "imported");
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ["listContacts"] });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ["countContacts"] });

    await user.click(within(result).getByTestId("import-undo-now"));
    await waitFor(() => expect(undoImport).toHaveBeenCalledWith("41"));
    expect(await screen.findByTestId("import-undone")).toHaveTextContent(`${fmt(1100)} contacts removed and 50 put back`);
    expect(within(result).queryByTestId("import-undo-now")).toBeNull();
    // Undone, the file can be checked and imported again.
    await waitFor(() => expect(screen.getByTestId("import-file")).toHaveAttribute("data-status", "ready"));
  });

  it("goes to the contact list from the outcome", async () => {
    vi.mocked(runImport).mockResolvedValue(makeOutcome());
    importQueue.add([makeGrant("g1")]);
    const { user, router } = renderApp("/import", routes);
    await waitFor(() => expect(screen.getByTestId("import-run")).toBeEnabled());
    await user.click(screen.getByTestId("import-run"));
    await user.click(await screen.findByTestId("import-show-contacts"));
    await waitFor(() => expect(router.state.location.pathname).toBe("/contacts"));
  });

  it("keeps the run's problem in the dialog when the core refuses it", async () => {
    vi.mocked(runImport).mockRejectedValue(
      new IpcError({
        code: "invalid_input",
        message: "site 9 is not a site you can import into",
        fields: [{ field: "site", message: "site 9 is not a site you can import into" }],
      }),
    );
    vi.mocked(previewImport).mockResolvedValue(makePreview({ rows: [makePreviewRow(1)] }));
    importQueue.add([makeGrant("g1")]);
    const { user } = renderApp("/import", routes);
    await waitFor(() => expect(screen.getByTestId("import-run")).toBeEnabled());
    await user.click(screen.getByTestId("import-run"));
    expect(await screen.findByTestId("import-failed")).toHaveTextContent(
      "site 9 is not a site you can import into Nothing was stored.",
    );
  });
});
