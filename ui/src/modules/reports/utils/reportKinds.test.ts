import { describe, expect, it } from "vitest";
import { isReportKind, monthOptions, periodOptions, quarterOptions } from "./reportKinds";

describe("report periods", () => {
  const today = new Date(Date.UTC(2026, 0, 15));

  it("offers the last twelve months across a year's end", () => {
    const months = monthOptions(today);
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ value: "2026-01", label: "January 2026" });
    expect(months[1]).toEqual({ value: "2025-12", label: "December 2025" });
    expect(months[11]).toEqual({ value: "2025-02", label: "February 2025" });
  });

  it("offers the last eight quarters", () => {
    const quarters = quarterOptions(today);
    expect(quarters.map((q) => q.value)).toEqual(["2026-Q1", "2025-Q4", "2025-Q3", "2025-Q2", "2025-Q1", "2024-Q4", "2024-Q3", "2024-Q2"]);
  });

  it("gives reports of the present state no period", () => {
    expect(periodOptions("data_quality", today)).toEqual([]);
    expect(periodOptions("quarterly_review", today)[0].label).toBe("Q1 2026");
    expect(isReportKind("verification")).toBe(true);
    expect(isReportKind("weekly")).toBe(false);
  });
});
