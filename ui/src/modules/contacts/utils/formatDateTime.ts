//! Timestamps arrive in UTC (RFC 3339) and are shown in the user's locale and time zone.
import { userTimeZone } from "../../shell/utils/timeZone";
import { userLocale } from "../../shell/utils/userLocale";

const zoned = new Map<string, { date: Intl.DateTimeFormat; dateTime: Intl.DateTimeFormat }>();

/** The formats for the user's zone, made once per zone. */
function inUserZone() {
  const zone = userTimeZone();
  let formats = zoned.get(zone);
  if (!formats) {
    formats = {
      date: new Intl.DateTimeFormat(userLocale, { dateStyle: "medium", timeZone: zone }),
      dateTime: new Intl.DateTimeFormat(userLocale, { dateStyle: "medium", timeStyle: "short", timeZone: zone }),
    };
    zoned.set(zone, formats);
  }
  return formats;
}
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
  return date ? inUserZone().date.format(date) : iso;
}

export function formatDateTime(iso: string): string {
  const date = parse(iso);
  return date ? inUserZone().dateTime.format(date) : iso;
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
