import { describe, expect, it } from "vitest";
import { makePreview } from "../../../test/importFixtures";
import { previewSummary, undoConsequence, undoneMessage } from "./counts";

const fmt = (n: number) => new Intl.NumberFormat().format(n);

describe("counts in sentences", () => {
  it("summarises a preview with thousands separators", () => {
    expect(previewSummary(makePreview())).toBe(
      `${fmt(1204)} records: ${fmt(1100)} new, 50 updates, 30 skipped, 24 rejected, 80 duplicates`,
    );
    expect(
      previewSummary(makePreview({ records: 1, toCreate: 0, toUpdate: 1, toSkip: 0, rejected: 0, duplicates: 1 })),
    ).toBe("1 record: 0 new, 1 update, 0 skipped, 0 rejected, 1 duplicate");
  });

  it("says exactly what undoing an import does", () => {
    expect(undoConsequence(3, 2)).toBe(
      "Deletes the 3 contacts this import created and puts back the 2 contacts it updated as they were before it; later changes to them are lost.",
    );
    expect(undoConsequence(1, 0)).toBe("Deletes the 1 contact this import created; later changes to it are lost.");
    expect(undoConsequence(0, 2)).toBe("Puts back the 2 contacts it updated as they were before it; later changes to them are lost.");
    expect(undoneMessage({ importId: "1", removed: 3, restored: 2, changedSince: 1 })).toBe(
      "3 contacts removed and 2 put back as they were. 1 of them had been changed since the import: those later changes are gone too.",
    );
  });
});
