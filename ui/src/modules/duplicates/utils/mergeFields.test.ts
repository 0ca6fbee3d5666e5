import { describe, expect, it } from "vitest";
import { formatMergeValue, mergeFieldLabel } from "./mergeFields";

describe("formatMergeValue", () => {
  it("reads codes through the contact labels and keeps other text as written", () => {
    expect(formatMergeValue("lifecycleStage", "active_customer")).toBe("Active customer");
    expect(formatMergeValue("websites", '["https://example.com/a_b"]')).toBe("https://example.com/a_b");
    expect(formatMergeValue("notes", "call_back after 5")).toBe("call_back after 5");
  });

  it("joins the columns of a field and shows a photo as present", () => {
    expect(formatMergeValue("contactType", '{"contact_type":"other","contact_type_other":"IT contact"}')).toBe(
      "other · IT contact",
    );
    expect(formatMergeValue("verification", '{"verified_at":null,"verified_by":"admin","verification_method":"email_reply"}')).toBe(
      "admin · email reply",
    );
    expect(formatMergeValue("photo", "1")).toBe("Has a photo");
    expect(formatMergeValue("jobTitle", null)).toBeNull();
  });

  it("names fields in words", () => {
    expect(mergeFieldLabel("jobTitle")).toBe("Job title");
    expect(mergeFieldLabel("verification")).toBe("Verification");
  });
});
