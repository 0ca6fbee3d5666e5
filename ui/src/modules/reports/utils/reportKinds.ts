import type { ReportKind } from "../../../ipc/bindings";

export type ReportKindInfo = {
  kind: ReportKind;
  label: string;
  description: string;
  /** Which periods the report takes: a month, a quarter, or none (the present state). */
  period: "month" | "quarter" | null;
};

export const reportKinds: ReportKindInfo[] = [
  {
    kind: "monthly",
    label: "Monthly contact management",
    description: "New, changed and deactivated contacts, interactions, follow-ups and imports of a month.",
    period: "month",
  },
  {
    kind: "quarterly_review",
    label: "Quarterly review",
    description: "Who was reviewed this quarter and who still awaits it, with authority and preferences to check.",
    period: "quarter",
  },
  {
    kind: "data_quality",
    label: "Data quality",
    description: "Findings, scores by region and territory, and the trend over the last 90 days.",
    period: null,
  },
  {
    kind: "verification",
    label: "Verification status",
    description: "Verified, overdue and never verified contacts, by territory and method.",
    period: null,
  },
  {
    kind: "response_rates",
    label: "Response rates",
    description: "Attempts, responses and response times by territory, and the non-responsive contacts.",
    period: null,
  },
];

export function reportKindInfo(kind: ReportKind): ReportKindInfo {
  return reportKinds.find((k) => k.kind === kind) ?? reportKinds[0];
}

export function isReportKind(value: string | null): value is ReportKind {
  return reportKinds.some((k) => k.kind === value);
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export type PeriodOption = { value: string; label: string };

/** The current month and the eleven before it, newest first, as the core names them. */
export function monthOptions(today: Date): PeriodOption[] {
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - i, 1));
    const month = d.getUTCMonth();
    return {
      value: `${d.getUTCFullYear()}-${String(month + 1).padStart(2, "0")}`,
      label: `${MONTHS[month]} ${d.getUTCFullYear()}`,
    };
  });
}

/** The current quarter and the seven before it, newest first. */
export function quarterOptions(today: Date): PeriodOption[] {
  const current = today.getUTCFullYear() * 4 + Math.floor(today.getUTCMonth() / 3);
  return Array.from({ length: 8 }, (_, i) => {
    const n = current - i;
    const year = Math.floor(n / 4);
    const quarter = (n % 4) + 1;
    return { value: `${year}-Q${quarter}`, label: `Q${quarter} ${year}` };
  });
}

export function periodOptions(kind: ReportKind, today: Date): PeriodOption[] {
  const info = reportKindInfo(kind);
  if (info.period === "month") return monthOptions(today);
  if (info.period === "quarter") return quarterOptions(today);
  return [];
}
