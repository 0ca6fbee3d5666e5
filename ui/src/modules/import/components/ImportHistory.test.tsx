import { notifications } from "@mantine/notifications";
import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { appInfo } from "../../../ipc/app";
import { IpcError } from "../../../ipc/client";
import { getImportPolicy, listImports, undoImport } from "../../../ipc/imports";
import { makeAppInfo } from "../../../test/fixtures";
import { makeGrant, makeImportSummary, makeOutcome } from "../../../test/importFixtures";
import { renderApp } from "../../../test/renderApp";
import { importQueue } from "../utils/importQueue";
import { ImportPage } from "./ImportPage";

vi.mock("../../../ipc/app");
vi.mock("../../../ipc/imports");

const routes = [{ path: "/import", element: <ImportPage /> }];
const fmt = (n: number) => new Intl.NumberFormat().format(n);

beforeEach(() => {
  importQueue.clear();
  vi.mocked(appInfo).mockResolvedValue(makeAppInfo());
  vi.mocked(getImportPolicy).mockResolvedValue({ required: [], requirable: [] });
  vi.mocked(listImports).mockResolvedValue([
    makeImportSummary(),
    makeImportSummary({
      id: "40",
      fileName: "old.vcf",
      format: "vcard",
      siteName: null,
      undoneAt: "2025-03-15T10:00:00Z",
      undoneBy: "regional",
      undoneByName: "Priya Raman",
    }),
  ]);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the import history", () => {
  it("lists each import with what it stored, and who undid the undone ones", async () => {
    const { user } = renderApp("/import", routes);
    await user.click(await screen.findByTestId("import-history-tab"));
    const rows = await screen.findAllByTestId("import-history-row");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("contacts.csv");
    expect(rows[0]).toHaveTextContent("Canal Street HQ, Acme Corporation");
    expect(rows[0]).toHaveTextContent("by Sam Okafor");
    expect(rows[0]).toHaveTextContent(fmt(1100));
    expect(within(rows[0]).getByTestId("undo-import")).toHaveAttribute("data-import-id", "41");
    expect(rows[1]).toHaveTextContent("vCard");
    expect(rows[1]).toHaveTextContent("No site");
    expect(within(rows[1]).queryByTestId("undo-import")).toBeNull();
    expect(within(rows[1]).getByTestId("import-undone-state")).toHaveTextContent(/^Undone by Priya Raman on /);
  });

  it("says exactly what an undo does before doing it, then reports what it did", async () => {
    const show = vi.spyOn(notifications, "show");
    vi.mocked(undoImport).mockResolvedValue({ importId: "41", removed: 1100, restored: 50, changedSince: 3 });
    // The same import's file, still on the queue, can be imported again afterwards.
    importQueue.add([makeGrant("g1", { name: "contacts.csv" })]);
    importQueue.setImported("g1", makeOutcome());
    const { user } = renderApp("/import?tab=history", routes);

    await user.click(await screen.findByTestId("undo-import"));
    const dialog = await screen.findByTestId("undo-import-modal");
    expect(within(dialog).getByTestId("undo-import-consequence")).toHaveTextContent(
      `Deletes the ${fmt(1100)} contacts this import created and puts back the 50 contacts it updated as they were before it; later changes to them are lost.`,
    );
    // Cancel has the focus: Enter does not undo by accident.
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(undoImport).not.toHaveBeenCalled();

    vi.mocked(listImports).mockResolvedValue([makeImportSummary({ undoneAt: "2025-03-16T08:00:00Z", undoneBy: "admin" })]);
    await user.click(screen.getAllByTestId("undo-import")[0]);
    await user.click(await screen.findByTestId("undo-import-confirm"));
    await waitFor(() => expect(undoImport).toHaveBeenCalledWith("41"));
    await waitFor(() =>
      expect(show).toHaveBeenCalledWith(
        expect.objectContaining({
          title: "Import undone",
          message: `${fmt(1100)} contacts removed and 50 put back as they were. 3 of them had been changed since the import: those later changes are gone too.`,
        }),
      ),
    );
    await waitFor(() => expect(screen.queryByTestId("undo-import-modal")).toBeNull());
    expect(await screen.findByTestId("import-undone-state")).toHaveTextContent("Undone by admin");
    expect(importQueue.getState().files[0].status).toBe("waiting");
  });

  it("keeps the dialog open with the core's reason when the undo is refused", async () => {
    vi.mocked(undoImport).mockRejectedValue(
      new IpcError({ code: "invalid_input", message: "this import was already undone", fields: [] }),
    );
    const { user } = renderApp("/import?tab=history", routes);
    await user.click(await screen.findByTestId("undo-import"));
    await user.click(await screen.findByTestId("undo-import-confirm"));
    expect(await within(screen.getByTestId("undo-import-modal")).findByRole("alert")).toHaveTextContent(
      "this import was already undone",
    );
  });

  it("says so when there are no imports yet", async () => {
    vi.mocked(listImports).mockResolvedValue([]);
    renderApp("/import?tab=history", routes);
    expect(await screen.findByTestId("import-history-empty")).toHaveTextContent("No imports yet");
  });
});
