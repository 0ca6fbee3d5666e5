import { describe, expect, it } from "vitest";
import { formatBirthday, formatCalendarDate } from "./formatDateTime";

describe("formatBirthday", () => {
  it("leaves out the year of a birthday imported without one", () => {
    const shown = formatBirthday("1604-02-29");
    expect(shown).not.toContain("1604");
    expect(shown).toContain("29");
  });

  it("shows a full birthday as a calendar date", () => {
    expect(formatBirthday("1984-03-07")).toBe(formatCalendarDate("1984-03-07"));
    expect(formatBirthday("1984-03-07")).toContain("1984");
  });
});
