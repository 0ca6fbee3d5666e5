import { describe, expect, it } from "vitest";
import { daysInWords } from "./daysInWords";

describe("daysInWords", () => {
  it("says months below a year and half years above", () => {
    expect(daysInWords(90)).toBe("about 3 months");
    expect(daysInWords(30)).toBe("about 1 month");
    expect(daysInWords(365)).toBe("about 1 year");
    expect(daysInWords(6 * 365)).toBe("about 6 years");
    expect(daysInWords(550)).toBe("about 1.5 years");
  });

  it("leaves short periods to the number", () => {
    expect(daysInWords(0)).toBeNull();
    expect(daysInWords(14)).toBeNull();
  });
});
