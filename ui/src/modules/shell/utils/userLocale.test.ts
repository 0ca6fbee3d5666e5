import { describe, expect, it } from "vitest";
import { resolveLocale } from "./userLocale";

describe("resolveLocale", () => {
  it("keeps the user's locale", () => {
    expect(resolveLocale(["de-DE", "en"])).toBe("de-DE");
  });

  it("skips what is not a real locale and falls back to British English", () => {
    expect(resolveLocale(["C.UTF-8", "und"])).toBe("en-GB");
    expect(resolveLocale([])).toBe("en-GB");
  });
});
