import { act, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { DuplicateScan, DuplicateScanProgress } from "../../../ipc/bindings";
import { IpcError } from "../../../ipc/client";
import { cancelDuplicateScan, contactRows, recentMerges, scanDuplicates, unmergeContacts } from "../../../ipc/duplicates";
import { makeRow } from "../../../test/fixtures";
import { renderApp } from "../../../test/renderApp";
import { DuplicatesPage } from "./DuplicatesPage";

vi.mock("../../../ipc/duplicates");

/** 25 pairs: contact 2n-1 and 2n. */
function scanOf(pairs: number): DuplicateScan {
  return {
    groups: Array.from({ length: pairs }, (_, i) => ({
      contacts: [String(2 * i + 1), String(2 * i + 2)],
      score: 95 - (i % 20),
      reasons: ["same email", "similar name (0.94)"],
    })),
    contactsScanned: 5000,
    pairsCompared: 812,
  };
}

type Pending = { progress: (p: DuplicateScanProgress) => void; resolve: (s: DuplicateScan) => void; reject: (e: unknown) => void };

let pending: Pending | null = null;

beforeEach(() => {
  pending = null;
  vi.mocked(scanDuplicates).mockImplementation(
    (_options, onProgress) =>
      new Promise((resolve, reject) => {
        pending = { progress: onProgress, resolve, reject };
      }),
  );
  vi.mocked(cancelDuplicateScan).mockResolvedValue(undefined);
  vi.mocked(recentMerges).mockResolvedValue([]);
  vi.mocked(contactRows).mockImplementation((ids) =>
    Promise.resolve(ids.map((id) => makeRow(Number(id), { displayName: `Person ${id}`, email: `p${id}@example.com` }))),
  );
});

function renderPage() {
  return renderApp("/duplicates", [{ path: "/duplicates", element: <DuplicatesPage /> }]);
}

describe("DuplicatesPage", () => {
  it("scans with progress, then lists the groups side by side, a page at a time", async () => {
    const { user } = renderPage();
    expect(screen.getByTestId("duplicates-none")).toBeInTheDocument();
    await user.click(screen.getByTestId("duplicates-scan"));
    expect(scanDuplicates).toHaveBeenCalledWith({ minScore: 75 }, expect.any(Function));
    act(() => pending?.progress({ contactsRead: 3000, pairsCompared: 0, pairsTotal: 0 }));
    expect(screen.getByTestId("duplicates-progress")).toHaveTextContent("Read 3,000 contacts");
    act(() => pending?.progress({ contactsRead: 5000, pairsCompared: 400, pairsTotal: 812 }));
    expect(screen.getByTestId("duplicates-progress")).toHaveTextContent("Compared 400 of 812 likely pairs among 5,000 contacts");

    await act(async () => pending?.resolve(scanOf(25)));
    expect(await screen.findByTestId("duplicates-summary")).toHaveTextContent("25 groups among 5,000 contacts");
    expect(screen.getAllByTestId("duplicate-group")).toHaveLength(20);
    const first = screen.getAllByTestId("duplicate-group")[0];
    expect(first).toHaveAttribute("data-contact-ids", "1,2");
    expect(first).toHaveTextContent("same email");
    await waitFor(() => expect(within(first).getAllByTestId("duplicate-contact")).toHaveLength(2));
    expect(within(first).getByRole("link", { name: "Person 1" })).toHaveAttribute("href", "/contacts/1");
    // The rows of a whole page come in one call.
    expect(contactRows).toHaveBeenCalledTimes(1);
    expect(vi.mocked(contactRows).mock.calls[0][0]).toHaveLength(40);

    await user.click(screen.getByTestId("duplicates-next"));
    expect(screen.getAllByTestId("duplicate-group")).toHaveLength(5);
    expect(screen.getByTestId("duplicates-range")).toHaveTextContent("Groups 21–25 of 25");
    expect(screen.getByTestId("duplicates-next")).toBeDisabled();
  });

  it("stops when cancelled and says nothing was changed", async () => {
    const { user } = renderPage();
    await user.click(screen.getByTestId("duplicates-scan"));
    await user.click(screen.getByTestId("duplicates-cancel"));
    expect(cancelDuplicateScan).toHaveBeenCalled();
    await act(async () => pending?.reject(new IpcError({ code: "cancelled", message: "Cancelled.", fields: [] })));
    expect(await screen.findByTestId("duplicates-cancelled")).toHaveTextContent("Nothing was changed");
    expect(screen.queryByTestId("duplicates-progress")).not.toBeInTheDocument();
  });

  it("says so when nothing looks alike, and scans again at the lower threshold", async () => {
    const { user } = renderPage();
    await user.click(screen.getByTestId("duplicates-scan"));
    await act(async () => pending?.resolve(scanOf(0)));
    expect(await screen.findByTestId("duplicates-empty")).toHaveTextContent("None of the 5,000 contacts");
    await user.click(within(screen.getByTestId("duplicates-threshold")).getByText("Possible (60+)"));
    await user.click(screen.getByTestId("duplicates-scan"));
    expect(scanDuplicates).toHaveBeenLastCalledWith({ minScore: 60 }, expect.any(Function));
  });

  it("shows a failure with a way to try again", async () => {
    const { user } = renderPage();
    await user.click(screen.getByTestId("duplicates-scan"));
    await act(async () => pending?.reject(new IpcError({ code: "unavailable", message: "The database is busy.", fields: [] })));
    expect(await screen.findByTestId("duplicates-error")).toHaveTextContent("The database is busy.");
  });

  it("lists recent merges and undoes one", async () => {
    const merge = {
      mergeId: "5",
      survivorId: "17",
      survivorName: "Luca Esposito",
      survivorReference: "C-000017",
      merged: ["Luca Esposito (C-000001)"],
      mergedAt: "2026-11-26T10:00:00Z",
      mergedBy: "Sam Okafor",
      undoneAt: null,
    };
    vi.mocked(recentMerges).mockResolvedValueOnce([merge]).mockResolvedValue([{ ...merge, undoneAt: "2026-11-26T10:05:00Z" }]);
    vi.mocked(unmergeContacts).mockResolvedValue({ mergeId: "5", survivorId: "17", merged: ["1"] });
    const { user } = renderPage();
    const row = await screen.findByTestId("recent-merge");
    expect(row).toHaveTextContent("Luca Esposito (C-000017) holds Luca Esposito (C-000001)");
    await user.click(within(row).getByTestId("recent-merge-undo"));
    expect(unmergeContacts).toHaveBeenCalledWith("5");
    await waitFor(() => expect(screen.queryByTestId("recent-merge-undo")).not.toBeInTheDocument());
    expect(screen.getByTestId("recent-merge")).toHaveTextContent("Undone");
  });
});
