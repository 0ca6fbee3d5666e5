import { act, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { appInfo } from "../../../ipc/app";
import type { ExportProgress } from "../../../ipc/bindings";
import { IpcError } from "../../../ipc/client";
import { countContacts, listContacts, listTerritories } from "../../../ipc/contacts";
import { cancelExport, exportContacts } from "../../../ipc/exports";
import { makeAppInfo, makePage, makeRows } from "../../../test/fixtures";
import { renderApp } from "../../../test/renderApp";
import { listSavedViews } from "../list/ipc";

vi.mock("../../../ipc/app");
vi.mock("../../../ipc/contacts");
vi.mock("../../../ipc/exports");
vi.mock("../list/ipc");

beforeEach(() => {
  vi.mocked(appInfo).mockResolvedValue(makeAppInfo());
  vi.mocked(listContacts).mockResolvedValue(makePage(makeRows(6), { nextCursor: null }));
  vi.mocked(countContacts).mockResolvedValue({ count: 6, exact: true });
  vi.mocked(listTerritories).mockResolvedValue([]);
  vi.mocked(listSavedViews).mockResolvedValue([]);
  vi.mocked(cancelExport).mockResolvedValue(undefined);
});

async function openExport() {
  const view = renderApp("/contacts");
  await screen.findAllByTestId("contact-row");
  await view.user.click(screen.getByTestId("export-contacts"));
  const modal = await screen.findByRole("dialog");
  return { ...view, modal };
}

describe("exporting the contact list", () => {
  it("exports the whole list in the chosen format and says where the file went", async () => {
    vi.mocked(exportContacts).mockImplementation(async (_selection, _format, onProgress) => {
      onProgress({ done: 6, total: 6 });
      return { exported: 6, file: "/home/sam/contacts-2026-11-26.vcf", format: "vcard" };
    });
    const { user, modal } = await openExport();
    expect(within(modal).getByText(/Exports 6 contacts: the whole list/)).toBeInTheDocument();

    await user.click(within(modal).getByLabelText("vCard 4.0"));
    await user.click(within(modal).getByTestId("export-save"));

    const done = await screen.findByTestId("export-done");
    expect(done).toHaveTextContent("6 contacts exported as vCard 4.0 to");
    expect(done).toHaveTextContent("/home/sam/contacts-2026-11-26.vcf");
    expect(exportContacts).toHaveBeenCalledWith(
      { kind: "query", query: { search: null, filter: expect.any(Object) }, except: [] },
      "vcard",
      expect.any(Function),
    );
  });

  it("goes back to the formats when the save dialog is closed without a file", async () => {
    vi.mocked(exportContacts).mockResolvedValue(null);
    const { user, modal } = await openExport();
    await user.click(within(modal).getByTestId("export-save"));
    await waitFor(() => expect(within(modal).getByTestId("export-save")).toBeEnabled());
    expect(screen.queryByTestId("export-done")).toBeNull();
    expect(screen.queryByTestId("export-failed")).toBeNull();
  });

  it("cancels a running export and says no file was written", async () => {
    let report: ((progress: ExportProgress) => void) | undefined;
    let fail: ((error: unknown) => void) | undefined;
    vi.mocked(exportContacts).mockImplementation(
      (_selection, _format, onProgress) =>
        new Promise((_resolve, reject) => {
          report = onProgress;
          fail = reject;
        }),
    );
    vi.mocked(cancelExport).mockImplementation(async () => {
      fail?.(new IpcError({ code: "cancelled", message: "Cancelled.", fields: [] }));
    });
    const { user, modal } = await openExport();
    await user.click(within(modal).getByTestId("export-save"));
    await waitFor(() => expect(report).toBeDefined());
    act(() => report?.({ done: 2000, total: 6000 }));
    expect(await screen.findByText("2,000 of 6,000 contacts written")).toBeInTheDocument();

    await user.click(screen.getByTestId("export-cancel"));
    expect(await screen.findByTestId("export-cancelled")).toHaveTextContent("no file was written");
    expect(cancelExport).toHaveBeenCalledTimes(1);
  });

  it("shows the core's refusal in words", async () => {
    vi.mocked(exportContacts).mockRejectedValue(
      new IpcError({ code: "invalid_input", message: "format: an Excel sheet holds at most 1,048,575 contacts; export as CSV", fields: [] }),
    );
    const { user, modal } = await openExport();
    await user.click(within(modal).getByLabelText("Excel workbook"));
    await user.click(within(modal).getByTestId("export-save"));
    expect(await screen.findByTestId("export-failed")).toHaveTextContent("export as CSV");
  });
});
