import { userLocale } from "../../shell/utils/userLocale";
//! Timestamps arrive in UTC (RFC 3339) and are shown in the user's locale and time zone.

const dateFormat = new Intl.DateTimeFormat(userLocale, { dateStyle: "medium" });
const dateTimeFormat = new Intl.DateTimeFormat(userLocale, { dateStyle: "medium", timeStyle: "short" });
const calendarFormat = new Intl.DateTimeFormat(userLocale, { dateStyle: "long", timeZone: "UTC" });
const dayMonthFormat = new Intl.DateTimeFormat(userLocale, { day: "numeric", month: "long", timeZone: "UTC" });

/** The year the core stores birthdays in when the year is unknown (imported "--MM-DD"). */
export const NO_YEAR = "1604";

function parse(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatDate(iso: string): string {
  const date = parse(iso);
  return date ? dateFormat.format(date) : iso;
}

export function formatDateTime(iso: string): string {
  const date = parse(iso);
  return date ? dateTimeFormat.format(date) : iso;
}

/** A calendar date without time ("1984-03-07"): formatted in UTC so it never shifts by a day. */
export function formatCalendarDate(ymd: string): string {
  const date = parse(/^\d{4}-\d{2}-\d{2}$/.test(ymd) ? `${ymd}T00:00:00Z` : ymd);
  return date ? calendarFormat.format(date) : ymd;
}

/** A birthday: without its year when the year is unknown. */
export function formatBirthday(ymd: string): string {
  if (ymd.startsWith(`${NO_YEAR}-`)) {
    const date = parse(`${ymd}T00:00:00Z`);
    return date ? dayMonthFormat.format(date) : ymd;
  }
  return formatCalendarDate(ymd);
}
