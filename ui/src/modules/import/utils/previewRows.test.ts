import { describe, expect, it } from "vitest";
import { makePreview, makePreviewRow } from "../../../test/importFixtures";
import { fieldLabel, filterRows, notesText, problemText } from "./previewRows";

const records = (filter: Parameters<typeof filterRows>[1]) =>
  filterRows(
    [
      ...makePreview().rows,
      makePreviewRow(5, { warnings: ["phone +44 20 ... has no country code; read as a UK number"] }),
    ],
    filter,
  ).map((row) => row.record);

describe("filtering the preview rows", () => {
  it("lists every row, the rows with problems or warnings, or the duplicates", () => {
    expect(records("all")).toEqual([1, 2, 3, 4, 5]);
    expect(records("problems")).toEqual([3, 5]);
    // A stored contact matched, or an earlier record of the file.
    expect(records("duplicates")).toEqual([2, 4]);
  });

  it("says in the notes what is wrong and whom a record matches", () => {
    const [, matched, rejected, sameAs] = makePreview().rows;
    expect(notesText(rejected)).toBe("email: not an email address");
    expect(notesText(matched)).toBe("Matches Jane Doe (C-000123) on email");
    expect(notesText(sameAs)).toBe("Same person as record 1");
    expect(notesText(makePreviewRow(9, { problem: { reason: "blank", field: null, message: "the record is empty" } }))).toBe(
      "the record is empty",
    );
  });
});

describe("naming the field a problem is about", () => {
  it("names list fields by position and other fields by their label", () => {
    expect(fieldLabel("emails.0")).toBe("Email");
    expect(fieldLabel("phones.2")).toBe("Phone 3");
    expect(fieldLabel("job_title")).toBe("Job title");
    expect(fieldLabel("shoe_size")).toBe("shoe size");
  });

  it("puts the label before the core's message", () => {
    const row = makePreviewRow(3, {
      action: "reject",
      problem: { reason: "invalid_email", field: "emails.0", message: 'Email address "piet@nodot" has no dot.' },
    });
    expect(problemText(row)).toBe('Email: Email address "piet@nodot" has no dot.');
  });
});
