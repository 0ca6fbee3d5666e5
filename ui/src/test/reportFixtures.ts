import type { Report } from "../ipc/bindings";

/** A monthly report as the core shapes it, with one table and a long, unbroken cell. */
export function makeReport(overrides: Partial<Report> = {}): Report {
  return {
    kind: "monthly",
    title: "Monthly contact management report",
    period: { key: "2026-10", label: "October 2026", from: "2026-10-01T00:00:00Z", to: "2026-11-01T00:00:00Z" },
    generatedAt: "2026-11-02T09:30:00Z",
    generatedBy: "Sam Okafor",
    scope: "All contacts",
    figures: [
      { label: "Contacts", value: "1,204" },
      { label: "New in the month", value: "37" },
      { label: "Data quality", value: "82%" },
    ],
    chart: null,
    sections: [
      {
        title: "Contacts by territory",
        note: null,
        columns: [
          { label: "Territory", numeric: false },
          { label: "Region", numeric: false },
          { label: "Contacts", numeric: true },
        ],
        rows: [
          ["London North", "South East", "640"],
          ["Manchester", "North West", "564"],
        ],
      },
      {
        title: "Imports",
        note: null,
        columns: [
          { label: "Date", numeric: false },
          { label: "File", numeric: false },
        ],
        rows: [],
      },
    ],
    ...overrides,
  };
}
