import { formatDateTime } from "../../contacts/utils/formatDateTime";
import { userLocale } from "../../shell/utils/userLocale";

const timeFormat = new Intl.DateTimeFormat(userLocale, { timeStyle: "short" });

/** A lock ends within the day as a rule: its time alone, or the full date when it is not today. */
export function formatLockedUntil(iso: string, now: Date = new Date()): string {
  const until = new Date(iso);
  if (Number.isNaN(until.getTime())) return iso;
  return until.toDateString() === now.toDateString() ? timeFormat.format(until) : formatDateTime(iso);
}
