import { describe, expect, it } from "vitest";
import { buildAction, confirmQuestion, EMPTY_BULK_FORM, groupSkips } from "./bulkActions";

const site = {
  siteId: "s1",
  siteName: "Glasgow Central",
  accountId: "a1",
  accountName: "Acme",
  accountKind: "business" as const,
  territory: "Scotland",
  region: "UK",
  city: "Glasgow",
  inScope: true,
};

describe("bulk action forms", () => {
  it("asks for what each action needs", () => {
    expect(buildAction("addTag", { ...EMPTY_BULK_FORM, tag: "   " }).errors).toEqual({ tag: "Enter the tag" });
    expect(buildAction("addTag", { ...EMPTY_BULK_FORM, tag: "x".repeat(61) }).errors?.tag).toMatch(/at most 60/);
    expect(buildAction("setType", EMPTY_BULK_FORM).errors).toEqual({ contactType: "Choose the new type" });
    expect(buildAction("setType", { ...EMPTY_BULK_FORM, contactType: "other" }).errors).toEqual({
      contactTypeOther: "Describe the type",
    });
    expect(buildAction("setStage", EMPTY_BULK_FORM).errors).toEqual({ stage: "Choose the new stage" });
    expect(buildAction("setOwner", EMPTY_BULK_FORM).errors).toEqual({ owner: "Choose the new owner, or nobody" });
    expect(buildAction("assignSite", EMPTY_BULK_FORM).errors).toEqual({ siteId: "Choose a site", role: "Choose the contacts' role at the site" });
    expect(buildAction("assignSite", { ...EMPTY_BULK_FORM, site: { ...site, inScope: false }, role: "billing" }).errors).toEqual({
      siteId: "This site is outside your territories",
    });
    expect(buildAction("deactivate", { ...EMPTY_BULK_FORM, reason: " " }).errors).toEqual({
      reason: "Say why these contacts are deactivated",
    });
  });

  it("builds the core's actions from filled forms", () => {
    expect(buildAction("addTag", { ...EMPTY_BULK_FORM, tag: " VIP " }).action).toEqual({ kind: "addTag", tag: "VIP" });
    expect(buildAction("setType", { ...EMPTY_BULK_FORM, contactType: "billing", contactTypeOther: "ignored" }).action).toEqual({
      kind: "setType",
      contact_type: "billing",
      contact_type_other: null,
      justification: null,
    });
    expect(buildAction("setOwner", { ...EMPTY_BULK_FORM, owner: "" }).action).toEqual({ kind: "setOwner", owner: null });
    expect(
      buildAction("setOwner", { ...EMPTY_BULK_FORM, owner: { username: "regional", displayName: "Priya Raman" } }).action,
    ).toEqual({ kind: "setOwner", owner: "regional" });
    expect(buildAction("assignSite", { ...EMPTY_BULK_FORM, site, role: "liaison" }).action).toEqual({
      kind: "assignSite",
      site_id: "s1",
      role: "liaison",
    });
    expect(buildAction("deactivate", { ...EMPTY_BULK_FORM, reason: " Left " }).action).toEqual({ kind: "deactivate", reason: "Left" });
  });

  it("states the exact count in the confirmation", () => {
    const n = new Intl.NumberFormat().format(1234);
    expect(confirmQuestion({ kind: "deactivate", reason: "x" }, 1234)).toBe(`Deactivate ${n} contacts?`);
    expect(confirmQuestion({ kind: "addTag", tag: "VIP" }, 1)).toBe("Add the tag “VIP” to 1 contact?");
    expect(confirmQuestion({ kind: "setOwner", owner: "regional" }, 2, { owner: "Priya Raman" })).toBe(
      "Make Priya Raman the owner of 2 contacts?",
    );
    expect(confirmQuestion({ kind: "setOwner", owner: null }, 2)).toBe("Remove the owner of 2 contacts?");
    expect(confirmQuestion({ kind: "assignSite", site_id: "s1", role: "billing" }, 3, { site: "Glasgow Central (Acme)" })).toBe(
      "Assign 3 contacts to Glasgow Central (Acme) as Billing?",
    );
    expect(
      confirmQuestion({ kind: "setType", contact_type: "other", contact_type_other: "Security", justification: null }, 5),
    ).toBe("Change the type of 5 contacts to Other (Security)?");
  });

  it("groups skipped contacts by reason in the report's order, with the contacts it names", () => {
    const skip = (id: string, reason: string) => ({ id, reference: `C-${id}`, reason });
    const report = {
      selected: 900,
      changed: 0,
      skippedTotal: 900,
      skipReasons: [
        { reason: "outside your scope", count: 898 },
        { reason: "already inactive", count: 2 },
      ],
      skipped: [skip("1", "already inactive"), skip("2", "outside your scope"), skip("3", "already inactive")],
    };
    expect(groupSkips(report)).toEqual([
      { reason: "outside your scope", count: 898, items: [skip("2", "outside your scope")] },
      { reason: "already inactive", count: 2, items: [skip("1", "already inactive"), skip("3", "already inactive")] },
    ]);
  });
});
