import { describe, expect, it } from "vitest";
import { makeSiteOption } from "../../../test/importFixtures";
import { DEFAULT_FILE_OPTIONS } from "./importQueue";
import { columnField, decisionFor, isOverridden, needsSite, toImportRequest, withColumnField, withDecision } from "./importRequest";

describe("the import request", () => {
  it("starts with the core's automatic mapping, no site and skipping duplicates", () => {
    expect(toImportRequest(DEFAULT_FILE_OPTIONS)).toEqual({
      siteId: null,
      mapping: {},
      rememberMapping: false,
      onDuplicate: "skip",
      decisions: [],
      sheet: null,
      contactType: "operations",
      require: [],
    });
  });

  it("names the chosen site by id, and no site for the administrators' choice", () => {
    const site = { kind: "site" as const, site: makeSiteOption("7") };
    expect(toImportRequest({ ...DEFAULT_FILE_OPTIONS, target: site }).siteId).toBe("7");
    expect(toImportRequest({ ...DEFAULT_FILE_OPTIONS, target: { kind: "none" } }).siteId).toBeNull();
  });

  it("carries the columns the user mapped, over the automatic mapping", () => {
    let mapping = withColumnField({}, "Mail", "email.work");
    mapping = withColumnField(mapping, "Comment", "note");
    mapping = withColumnField(mapping, "Mail", "email.home");
    const request = toImportRequest({ ...DEFAULT_FILE_OPTIONS, mapping, rememberMapping: true });
    expect(request.mapping).toEqual({ Mail: "email.home", Comment: "note" });
    expect(request.rememberMapping).toBe(true);
    expect(columnField(mapping, "Mail", "email.other")).toBe("email.home");
    expect(columnField(mapping, "First", "given_name")).toBe("given_name");
    expect(isOverridden(mapping, "First")).toBe(false);
    // A header that looks like an object's property is a header like any other.
    expect(columnField({}, "constructor", "ignore")).toBe("ignore");
  });

  it("keeps one decision per record, in record order", () => {
    let decisions = withDecision([], 12, "update");
    decisions = withDecision(decisions, 3, "create");
    decisions = withDecision(decisions, 12, "skip");
    expect(decisions).toEqual([
      { record: 3, action: "create" },
      { record: 12, action: "skip" },
    ]);
    expect(decisionFor(decisions, 12)).toBe("skip");
    expect(decisionFor(decisions, 4)).toBeNull();
    expect(toImportRequest({ ...DEFAULT_FILE_OPTIONS, decisions: [...decisions].reverse() }).decisions).toEqual(decisions);
  });

  it("asks for a site unless the user may import without one", () => {
    expect(needsSite(null, false)).toBe(true);
    expect(needsSite({ kind: "none" }, false)).toBe(true);
    expect(needsSite({ kind: "site", site: makeSiteOption("7") }, false)).toBe(false);
    expect(needsSite(null, true)).toBe(false);
  });
});
