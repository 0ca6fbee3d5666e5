import { afterEach, describe, expect, it } from "vitest";
import { setUserTimeZone } from "../../shell/utils/timeZone";
import { dayStartUtc, isDate, localDate, localTime, nextDay, toDueInput, toOffsetIso } from "./localTime";

afterEach(() => setUserTimeZone(null));

describe("times typed in the user's zone", () => {
  it("reads and writes them in the zone the user chose, not this computer's", () => {
    setUserTimeZone("Asia/Tokyo");
    const moment = new Date("2026-11-01T20:15:00Z");
    expect(localDate(moment)).toBe("2026-11-02");
    expect(localTime(moment)).toBe("05:15");
    expect(toOffsetIso("2026-11-02", "9:05")).toBe("2026-11-02T09:05:00+09:00");
    expect(toDueInput("2026-11-02", "")).toEqual({ date: "2026-11-02", time: null, utcOffsetMinutes: 540 });
    expect(dayStartUtc("2026-11-02")).toBe("2026-11-01T15:00:00.000Z");

    setUserTimeZone("America/New_York");
    // Summer time ends on 1 November 2026 in New York.
    expect(toOffsetIso("2026-10-31", "12:00")).toBe("2026-10-31T12:00:00-04:00");
    expect(toOffsetIso("2026-11-02", "12:00")).toBe("2026-11-02T12:00:00-05:00");
    expect(toDueInput("2026-11-02", "17:30")).toEqual({ date: "2026-11-02", time: "17:30:00", utcOffsetMinutes: -300 });
  });

  it("checks calendar days and steps over month and year ends", () => {
    expect(isDate("2028-02-29")).toBe(true);
    expect(isDate("2026-02-29")).toBe(false);
    expect(isDate("2026-13-01")).toBe(false);
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
    expect(nextDay("2028-02-28")).toBe("2028-02-29");
  });
});
