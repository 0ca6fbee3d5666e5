import { afterEach, describe, expect, it } from "vitest";
import { localParts, offsetLabel, offsetMinutesAt, resolveLocal, setUserTimeZone, userTimeZone } from "./timeZone";

afterEach(() => setUserTimeZone(null));

describe("time zones", () => {
  it("reads a moment's wall clock and offset in any zone", () => {
    const moment = new Date("2026-07-01T12:00:00Z");
    expect(localParts(moment, "Asia/Tokyo")).toEqual({ year: 2026, month: 7, day: 1, hour: 21, minute: 0 });
    expect(offsetMinutesAt(moment, "Europe/London")).toBe(60);
    expect(offsetMinutesAt(moment, "America/St_Johns")).toBe(-150);
    expect(offsetMinutesAt(moment, "Asia/Kolkata")).toBe(330);
    expect(offsetLabel("Asia/Kolkata", moment)).toBe("UTC+05:30");
    expect(offsetLabel("America/New_York", moment)).toBe("UTC−04:00");
    expect(offsetLabel("UTC", moment)).toBe("UTC");
  });

  it("resolves a typed time in the zone, the first of two when the clocks go back", () => {
    expect(resolveLocal({ year: 2026, month: 1, day: 15, hour: 9, minute: 30 }, "America/New_York")).toEqual({
      moment: new Date("2026-01-15T14:30:00Z"),
      offsetMinutes: -300,
      skipped: false,
    });
    // 01:30 happens twice in London on 25 October 2026: first in summer time.
    const twice = resolveLocal({ year: 2026, month: 10, day: 25, hour: 1, minute: 30 }, "Europe/London");
    expect(twice).toEqual({ moment: new Date("2026-10-25T00:30:00Z"), offsetMinutes: 60, skipped: false });
  });

  it("marks a time the clocks skip", () => {
    // London's clocks go from 01:00 to 02:00 on 29 March 2026.
    const skipped = resolveLocal({ year: 2026, month: 3, day: 29, hour: 1, minute: 30 }, "Europe/London");
    expect(skipped.skipped).toBe(true);
    const after = resolveLocal({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, "Europe/London");
    expect(after).toEqual({ moment: new Date("2026-03-29T01:30:00Z"), offsetMinutes: 60, skipped: false });
  });

  it("follows the user's choice, else this computer's zone", () => {
    const computer = userTimeZone();
    setUserTimeZone("Pacific/Auckland");
    expect(userTimeZone()).toBe("Pacific/Auckland");
    setUserTimeZone(null);
    expect(userTimeZone()).toBe(computer);
  });
});
