import { describe, expect, it } from "vitest";
import { makeRows } from "../../../test/fixtures";
import {
  clearLoaded,
  isSelected,
  loadedState,
  NO_SELECTION,
  selectAllMatching,
  selectedCount,
  selectLoaded,
  toBulkSelection,
  toggle,
  toggleRange,
} from "./selection";

const rows = makeRows(10);
const ids = (selection: Parameters<typeof isSelected>[0]) => rows.filter((row) => isSelected(selection, row.id)).map((row) => row.id);
const query = { search: "ann", filter: { contactType: null, territoryId: "t1", status: null, unassigned: false } };

describe("list selection", () => {
  it("toggles one row on and off", () => {
    const one = toggle(NO_SELECTION, "3");
    expect(ids(one)).toEqual(["3"]);
    expect(ids(toggle(one, "3"))).toEqual([]);
  });

  it("selects the range from the last clicked row to the shift-clicked one, in either direction", () => {
    const anchored = toggle(NO_SELECTION, "3");
    expect(ids(toggleRange(anchored, rows, "6"))).toEqual(["3", "4", "5", "6"]);
    const upwards = toggle(NO_SELECTION, "8");
    expect(ids(toggleRange(upwards, rows, "5"))).toEqual(["5", "6", "7", "8"]);
  });

  it("a shift-click on a ticked row unticks the range, and the anchor stays for the next shift-click", () => {
    let selection = toggle(NO_SELECTION, "2");
    selection = toggleRange(selection, rows, "7"); // 2..7 ticked
    selection = toggleRange(selection, rows, "4"); // 4 was ticked: 2..4 unticked
    expect(ids(selection)).toEqual(["5", "6", "7"]);
  });

  it("a shift-click without an earlier click ticks just that row", () => {
    expect(ids(toggleRange(NO_SELECTION, rows, "5"))).toEqual(["5"]);
  });

  it("selects the loaded rows, reports the header state and clears them", () => {
    expect(loadedState(NO_SELECTION, rows)).toBe("none");
    expect(loadedState(toggle(NO_SELECTION, "1"), rows)).toBe("some");
    const all = selectLoaded(toggle(NO_SELECTION, "1"), rows);
    expect(loadedState(all, rows)).toBe("all");
    expect(selectedCount(all, 5000)).toBe(10);
    expect(loadedState(clearLoaded(all, rows), rows)).toBe("none");
  });

  it("all matching: counts from the list's count, minus the rows unticked afterwards", () => {
    let selection = selectAllMatching();
    expect(selectedCount(selection, 5000)).toBe(5000);
    expect(selectedCount(selection, null)).toBeNull();
    selection = toggle(toggle(selection, "4"), "9");
    expect(isSelected(selection, "4")).toBe(false);
    expect(isSelected(selection, "12345")).toBe(true); // never loaded, still selected
    expect(selectedCount(selection, 5000)).toBe(4998);
    // Ticking one again takes it off the exceptions.
    selection = toggle(selection, "4");
    expect(selectedCount(selection, 5000)).toBe(4999);
    expect(toBulkSelection(selection, query)).toEqual({ kind: "query", query, except: ["9"] });
  });

  it("ids become an ids selection in the order they were ticked", () => {
    const selection = toggle(toggle(NO_SELECTION, "7"), "2");
    expect(toBulkSelection(selection, query)).toEqual({ kind: "ids", ids: ["7", "2"] });
  });

  it("the header checkbox clears an all-matching selection entirely", () => {
    expect(selectedCount(clearLoaded(selectAllMatching(), rows), 5000)).toBe(0);
  });
});
