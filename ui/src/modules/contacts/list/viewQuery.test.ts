import { describe, expect, it } from "vitest";
import type { SavedView } from "../../../ipc/bindings";
import type { ContactListState } from "../types/contactList";
import { describeListState, fromViewQuery, isModified, sameListState, toViewQuery } from "./viewQuery";

const state: ContactListState = {
  search: null,
  filter: { contactType: "billing", territoryId: "t2", status: null, unassigned: false },
  sort: { column: "company", direction: "desc" },
};

function view(query: SavedView["query"]): SavedView {
  return { id: "1", name: "Billing", shared: false, owner: "Sam Okafor", mine: true, query };
}

describe("saved view queries", () => {
  it("round-trips the list state", () => {
    expect(fromViewQuery(toViewQuery(state))).toEqual(state);
    expect(isModified(view(toViewQuery(state)), state)).toBe(false);
  });

  it("fills in defaults for a view saved with fewer fields", () => {
    expect(fromViewQuery({ search: "  ann ", filter: { contactType: null, territoryId: null, status: "inactive" } })).toEqual({
      search: "ann",
      filter: { contactType: null, territoryId: null, status: "inactive", unassigned: false },
      sort: { column: "name", direction: "asc" },
    });
    expect(fromViewQuery({})).toEqual({
      search: null,
      filter: { contactType: null, territoryId: null, status: null, unassigned: false },
      sort: { column: "name", direction: "asc" },
    });
  });

  it("is modified by any change of search, filter or sort", () => {
    const saved = view(toViewQuery(state));
    expect(isModified(saved, { ...state, search: "x" })).toBe(true);
    expect(isModified(saved, { ...state, filter: { ...state.filter, territoryId: null } })).toBe(true);
    expect(isModified(saved, { ...state, filter: { ...state.filter, unassigned: true } })).toBe(true);
    expect(isModified(saved, { ...state, sort: { column: "company", direction: "asc" } })).toBe(true);
  });

  it("ignores the sort while searching: results come by match", () => {
    const searching = { ...state, search: "ann" };
    expect(sameListState(searching, { ...searching, sort: { column: "name", direction: "asc" } })).toBe(true);
  });

  it("describes a list in words", () => {
    const territories = [{ id: "t2", name: "Scotland", regionName: "UK" }];
    expect(describeListState({ ...state, search: "ann", filter: { ...state.filter, status: "active" } }, territories)).toEqual([
      "Search “ann”",
      "Type: Billing",
      "Territory: Scotland",
      "Status: Active",
    ]);
    expect(describeListState({ ...state, filter: { contactType: null, territoryId: null, status: null } }, [])).toEqual([
      "All contacts",
      "Sorted by company, descending",
    ]);
    // A shared view's territory the user cannot see.
    expect(describeListState(state, [])).toContain("Territory: not in your scope");
  });
});
