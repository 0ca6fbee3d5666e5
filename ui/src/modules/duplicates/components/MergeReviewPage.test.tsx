import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { MergePreview } from "../../../ipc/bindings";
import { IpcError } from "../../../ipc/client";
import { mergeContacts, mergePreview, unmergeContacts } from "../../../ipc/duplicates";
import { renderApp } from "../../../test/renderApp";
import { MergeReviewPage } from "./MergeReviewPage";

vi.mock("../../../ipc/duplicates");

const PREVIEW: MergePreview = {
  records: [
    { id: "1", reference: "C-000001", displayName: "Luca Esposito", verifiedAt: null, createdAt: "2026-01-02T10:00:00Z", completeness: 20 },
    { id: "17", reference: "C-000017", displayName: "Luca Esposito", verifiedAt: "2026-05-01T10:00:00Z", createdAt: "2024-01-02T10:00:00Z", completeness: 25 },
  ],
  defaultSurvivor: "17",
  fields: [
    { field: "firstName", values: ["Luca", "Luca"], defaultChoice: "17" },
    { field: "jobTitle", values: ["Executive Assistant", "HR Business Partner"], defaultChoice: "17" },
    { field: "department", values: ["Administration", null], defaultChoice: "1" },
    { field: "notes", values: [null, null], defaultChoice: "17" },
  ],
  combined: { emails: 2, phones: 1, addresses: 0, tags: 0, sites: 1, relationships: 0, interactions: 3, followUps: 0 },
};

beforeEach(() => {
  vi.mocked(mergePreview).mockResolvedValue(PREVIEW);
  vi.mocked(mergeContacts).mockResolvedValue({ mergeId: "5", survivorId: "17", merged: ["1"] });
  vi.mocked(unmergeContacts).mockResolvedValue({ mergeId: "5", survivorId: "17", merged: ["1"] });
});

function renderPage(ids = "1,17") {
  return renderApp(`/duplicates/merge?ids=${ids}`, [{ path: "/duplicates/merge", element: <MergeReviewPage /> }]);
}

describe("MergeReviewPage", () => {
  it("shows only the fields that differ, and merges with the values the user chose", async () => {
    const { user } = renderPage();
    await screen.findByTestId("merge-table");
    expect(mergePreview).toHaveBeenCalledWith(["1", "17"], expect.anything());
    const rows = screen.getAllByTestId("merge-field").map((row) => row.getAttribute("data-field"));
    expect(rows).toEqual(["jobTitle"]);
    // The kept record's value by default; the other record's department fills its gap.
    expect(screen.getByTestId("merge-choice-jobTitle-17")).toHaveAttribute("data-chosen", "true");
    expect(within(screen.getByTestId("merge-result")).getByText("Administration")).toBeInTheDocument();

    await user.click(screen.getByTestId("merge-choice-jobTitle-1"));
    expect(screen.getByTestId("merge-choice-jobTitle-1")).toHaveAttribute("data-chosen", "true");
    expect(within(screen.getByTestId("merge-result")).getByText("Executive Assistant")).toBeInTheDocument();
    expect(screen.getByTestId("merge-combined")).toHaveTextContent("2 email addresses, 1 phone number, 1 site, 3 interactions");

    await user.click(screen.getByTestId("merge-confirm-open"));
    await user.click(await screen.findByTestId("merge-confirm-button"));
    expect(mergeContacts).toHaveBeenCalledWith({ survivorId: "17", contactIds: ["1", "17"], choices: { jobTitle: "1" } });
    expect(await screen.findByTestId("merge-done")).toHaveTextContent("Merged into Luca Esposito");

    await user.click(screen.getByTestId("merge-undo"));
    expect(unmergeContacts).toHaveBeenCalledWith("5");
    expect(await screen.findByTestId("merge-undone")).toBeInTheDocument();
  });

  it("keeps the user's choices and says why when the merge is refused", async () => {
    vi.mocked(mergeContacts).mockRejectedValue(
      new IpcError({ code: "conflict", message: "One of these records was changed; review again.", fields: [] }),
    );
    const { user } = renderPage();
    await screen.findByTestId("merge-table");
    await user.click(screen.getByTestId("merge-survivor-1"));
    await user.click(screen.getByTestId("merge-confirm-open"));
    await user.click(await screen.findByTestId("merge-confirm-button"));
    await waitFor(() => expect(screen.getByTestId("merge-failed")).toHaveTextContent("One of these records was changed"));
    expect(mergeContacts).toHaveBeenCalledWith({ survivorId: "1", contactIds: ["1", "17"], choices: {} });
    expect(screen.getByTestId("merge-table")).toBeInTheDocument();
  });

  it("asks for a group when fewer than two records are named", () => {
    renderPage("1");
    expect(screen.getByTestId("merge-none")).toBeInTheDocument();
    expect(mergePreview).not.toHaveBeenCalled();
  });
});
