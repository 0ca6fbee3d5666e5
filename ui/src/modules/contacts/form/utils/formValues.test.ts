import { describe, expect, it } from "vitest";
import { phoneForForm, toInput, wizardValues } from "./formValues";

describe("wizardValues", () => {
  it("puts entries in the wizard's fixed places by kind and keeps the others after them", () => {
    const values = wizardValues({
      emails: [{ kind: "alternate", address: "alt@x.com" }],
      phones: [
        { kind: "fax", number: "1" },
        { kind: "mobile", number: "2" },
      ],
    });
    expect(values.emails.map((e) => [e.kind, e.address])).toEqual([
      ["business", ""],
      ["alternate", "alt@x.com"],
    ]);
    expect(values.phones.map((p) => [p.kind, p.number])).toEqual([
      ["office", ""],
      ["mobile", "2"],
      ["fax", "1"],
    ]);
    expect(values.addresses).toHaveLength(1);
  });
});

describe("toInput", () => {
  it("sends blank dates and amounts as null and keeps list places", () => {
    const input = toInput({ ...wizardValues(), approvalDate: "", approvalLimit: " ", sites: [{ siteId: "3", role: "billing", authorityLimit: "" }] });
    expect(input.approvalDate).toBeNull();
    expect(input.approvalLimit).toBeNull();
    expect(input.sites).toEqual([{ siteId: "3", role: "billing", authorityLimit: null }]);
    expect(input.phones).toHaveLength(2);
  });
});

describe("phoneForForm", () => {
  it("shows a stored number as the core displays it, without the extension that has its own field", () => {
    expect(phoneForForm({ display: "020 7946 0958 ext. 204", e164: "+442079460958", extension: "204" })).toBe("020 7946 0958");
    expect(phoneForForm({ display: "+31 10 766 7508", e164: "+31107667508", extension: null })).toBe("+31 10 766 7508");
    expect(phoneForForm({ display: "", e164: "+31107667508", extension: null })).toBe("+31107667508");
  });
});
