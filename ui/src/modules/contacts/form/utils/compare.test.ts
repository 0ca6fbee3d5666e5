import { describe, expect, it } from "vitest";
import { makeContactDetail } from "../../../../test/fixtures";
import { changedFields, normalAmount } from "./compare";
import { emptyEmail, valuesOfDetail, wizardValues } from "./formValues";

const base = valuesOfDetail(makeContactDetail());

describe("changedFields", () => {
  it("treats blank and missing as the same and ignores empty list entries", () => {
    const same = {
      ...base,
      suffix: "",
      employeeId: "  ",
      emails: [...base.emails, emptyEmail("personal")],
      tags: [...base.tags].reverse(),
    };
    expect(changedFields(base, same)).toEqual([]);
  });

  it("names each field whose value changed, in screen order", () => {
    const changed = {
      ...base,
      notes: "New note",
      firstName: "Maggie",
      approvalLimit: "30000",
      channelPreferences: base.channelPreferences.map((p) => (p.channel === "email" ? { ...p, notify: !p.notify } : p)),
    };
    expect(changedFields(base, changed)).toEqual(["firstName", "approvalLimit", "channelPreferences", "notes"]);
  });

  it("reads amounts as amounts", () => {
    expect(normalAmount("25000")).toBe("25000.00");
    expect(normalAmount("25,000.0")).toBe("25000.00");
    expect(normalAmount("abc")).toBe("abc");
    expect(changedFields(base, { ...base, approvalLimit: "25000" })).toEqual([]);
  });

  it("sees nothing entered in a fresh wizard form", () => {
    expect(changedFields(wizardValues(), wizardValues({ firstName: " " }))).toEqual([]);
  });
});
