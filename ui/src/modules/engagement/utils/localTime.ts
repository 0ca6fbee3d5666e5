//! Dates and times as the user types them (their own zone) and as the core takes them (RFC 3339
//! with the offset, or a day + time + offset for follow-ups).
import type { DueInput } from "../../../ipc/bindings";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

function pad(value: number, width = 2): string {
  return String(Math.abs(value)).padStart(width, "0");
}

export function localDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function localTime(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function addDays(date: Date, days: number): Date {
  const copy = new Date(date);
  copy.setDate(copy.getDate() + days);
  return copy;
}

export function isDate(text: string): boolean {
  const match = DATE.exec(text.trim());
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
}

export function isTime(text: string): boolean {
  return TIME.test(text.trim());
}

/** The moment a local day and time name, as this computer's clock would show it. */
function localMoment(date: string, time: string): Date {
  const [year, month, day] = date.trim().split("-").map(Number);
  const [hours, minutes] = time.trim().split(":").map(Number);
  return new Date(year, month - 1, day, hours, minutes);
}

/** Minutes east of UTC at that moment (daylight saving time included). */
export function offsetMinutesAt(moment: Date): number {
  return -moment.getTimezoneOffset();
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  return `${sign}${pad(Math.trunc(minutes / 60))}:${pad(minutes % 60)}`;
}

/** "2026-11-02" + "14:30" → "2026-11-02T14:30:00+01:00" in the user's zone. */
export function toOffsetIso(date: string, time: string): string {
  const moment = localMoment(date, time);
  const [hh, mm] = time.trim().split(":");
  return `${date.trim()}T${pad(Number(hh))}:${mm}:00${offsetText(offsetMinutesAt(moment))}`;
}

/** A follow-up's due day, with its time when one was typed. */
export function toDueInput(date: string, time: string): DueInput {
  const withTime = time.trim() !== "";
  return {
    date: date.trim(),
    time: withTime ? `${localTime(localMoment(date, time))}:00` : null,
    utcOffsetMinutes: offsetMinutesAt(localMoment(date, withTime ? time : "12:00")),
  };
}

/** The start of a local day in UTC, for the timeline's date range. */
export function dayStartUtc(date: string): string {
  return localMoment(date, "00:00").toISOString();
}
