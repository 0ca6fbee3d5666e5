import { describe, expect, it } from "vitest";
import { makeContactDetail } from "../../../../test/fixtures";
import { changedFields } from "./compare";
import { findConflict, reapply } from "./conflicts";
import { valuesOfDetail, type ContactFormValues } from "./formValues";

const base = valuesOfDetail(makeContactDetail());

function edit(values: ContactFormValues, patch: Partial<ContactFormValues>): ContactFormValues {
  return { ...values, ...patch };
}

describe("findConflict", () => {
  it("separates their changes, mine, and the fields both changed to different values", () => {
    const latest = edit(base, { jobTitle: "Director of Estates", department: "Property", tags: ["vip"] });
    const mine = edit(base, { jobTitle: "Head of Property", notes: "Moved to the new office.", tags: ["vip"] });

    const conflict = findConflict(base, latest, mine);

    expect(conflict.theirs).toEqual(["jobTitle", "department", "tags"]);
    expect(conflict.mine).toEqual(["jobTitle", "tags", "notes"]);
    // Both set the same tags: no choice to make there.
    expect(conflict.both).toEqual(["jobTitle"]);
  });

  it("finds nothing when the other save changed nothing the form shows", () => {
    expect(findConflict(base, base, edit(base, { notes: "x" }))).toEqual({ theirs: [], mine: ["notes"], both: [] });
  });
});

describe("reapply", () => {
  it("puts my changed fields on the latest contact and keeps theirs elsewhere", () => {
    const latest = edit(base, { department: "Property", jobTitle: "Director of Estates" });
    const mine = edit(base, { jobTitle: "Head of Property", notes: "Moved." });
    const { mine: myFields } = findConflict(base, latest, mine);

    const merged = reapply(latest, mine, myFields);

    expect(merged.department).toBe("Property");
    expect(merged.jobTitle).toBe("Head of Property");
    expect(merged.notes).toBe("Moved.");
    // Nothing of either side is lost: the only differences from the latest are my fields.
    expect(changedFields(latest, merged)).toEqual(["jobTitle", "notes"]);
  });

  it("keeps their value where the user chose it", () => {
    const latest = edit(base, { jobTitle: "Director of Estates" });
    const mine = edit(base, { jobTitle: "Head of Property", notes: "Moved." });

    const merged = reapply(latest, mine, ["jobTitle", "notes"], new Set(["jobTitle"]));

    expect(merged.jobTitle).toBe("Director of Estates");
    expect(merged.notes).toBe("Moved.");
  });
});
