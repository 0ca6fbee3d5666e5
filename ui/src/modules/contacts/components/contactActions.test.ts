import { describe, expect, it } from "vitest";
import type { ContactSite } from "../../../ipc/bindings";
import { makeContactDetail, makeUser } from "../../../test/fixtures";
import { contactPermissions } from "./contactActions";
import { findingFix } from "./findingFix";
import { fieldInWords, fieldsInWords, todayIso } from "./significantFields";
import { verificationMethod } from "./verification";

const site = (overrides: Partial<ContactSite> = {}): ContactSite => ({
  siteId: "s2",
  siteName: "Harbour Road Depot",
  accountId: "a1",
  accountName: "Acme Corporation",
  territory: "London North",
  region: "London",
  role: "operations",
  isPrimary: false,
  authorityLimit: null,
  ...overrides,
});

describe("contactPermissions", () => {
  const admin = makeUser();
  const territory = makeUser({ role: "territory_manager" });

  it("offers a site administrator everything that fits an active contact", () => {
    const contact = makeContactDetail({ sites: [site({ isPrimary: true, siteId: "s1" }), site()] });
    expect(contactPermissions(contact, admin)).toEqual({
      edit: true,
      actions: ["verify", "primary", "deactivate", "archive", "export", "erase"],
    });
  });

  it("does not offer primary when the contact already is primary at each of its sites, or has none", () => {
    expect(contactPermissions(makeContactDetail(), admin).actions).not.toContain("primary");
    expect(contactPermissions(makeContactDetail({ sites: [] }), admin).actions).not.toContain("primary");
  });

  it("offers reactivation of inactive contacts, and of archived ones only to who can see archived contacts", () => {
    const inactive = makeContactDetail({ status: "inactive", sites: [site()] });
    expect(contactPermissions(inactive, territory).actions).toEqual(["verify", "archive", "reactivate", "export"]);
    const archived = makeContactDetail({ status: "archived" });
    expect(contactPermissions(archived, admin).actions).toEqual(["verify", "reactivate", "export", "erase"]);
    expect(contactPermissions(archived, territory).actions).not.toContain("reactivate");
  });

  it("keeps erasure for site administrators", () => {
    expect(contactPermissions(makeContactDetail(), territory).actions).not.toContain("erase");
  });

  it("offers no status change or edit to a role without them", () => {
    const readOnly = makeUser({
      role: "billing_admin",
      permissions: [
        { action: "view_contacts", reach: "scope" },
        { action: "edit_contacts", reach: "none" },
        { action: "deactivate", reach: "none" },
        { action: "archived", reach: "none" },
      ],
    });
    expect(contactPermissions(makeContactDetail({ sites: [site()] }), readOnly)).toEqual({ edit: false, actions: ["export"] });
  });

  it("offers nothing on an erased person's tombstone, or without a signed-in user", () => {
    expect(contactPermissions(makeContactDetail({ erased: true }), admin)).toEqual({ edit: false, actions: [] });
    expect(contactPermissions(makeContactDetail(), undefined)).toEqual({ edit: false, actions: [] });
  });
});

describe("findingFix", () => {
  it("fixes verification findings by verifying and others by editing their field", () => {
    expect(findingFix("42", { code: "verification_stale", field: null, message: "" }, true)).toEqual({ kind: "verify" });
    expect(findingFix("42", { code: "never_verified", field: null, message: "" }, true)).toEqual({ kind: "verify" });
    expect(findingFix("42", { code: "invalid_email", field: "emails.1.address", message: "" }, true)).toEqual({
      kind: "edit",
      to: "/contacts/42/edit?field=emails.1.address",
    });
  });

  it("offers no fix to a user who cannot edit, or for a finding without a field", () => {
    expect(findingFix("42", { code: "missing_last_name", field: "lastName", message: "" }, false)).toEqual({ kind: "none" });
    expect(findingFix("42", { code: "something_else", field: null, message: "" }, true)).toEqual({ kind: "none" });
  });
});

describe("field names in words", () => {
  it("names the significant fields as people say them and joins a list", () => {
    expect(fieldInWords("approvalLimit")).toBe("approval limit");
    expect(fieldInWords("primary")).toBe("primary contact");
    expect(fieldInWords("someNewField")).toBe("some new field");
    expect(fieldsInWords(["contactType"])).toBe("contact type");
    expect(fieldsInWords(["contactType", "authorityLevel", "sites"])).toBe(
      "contact type, authority level and sites and roles",
    );
    expect(fieldsInWords([])).toBe("");
  });

  it("gives today's date in the local calendar", () => {
    expect(todayIso(new Date(2025, 0, 5, 23, 59))).toBe("2025-01-05");
  });
});

describe("verificationMethod", () => {
  it("stores the label of a listed method, or the text typed for another", () => {
    expect(verificationMethod("email", "ignored")).toBe("Email reply");
    expect(verificationMethod("other", "  Confirmed by their assistant ")).toBe("Confirmed by their assistant");
    expect(verificationMethod("other", "   ")).toBe("");
  });
});
