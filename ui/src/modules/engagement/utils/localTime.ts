//! Dates and times as the user types them (in their zone: their preference, else this
//! computer's) and as the core takes them (RFC 3339 with the offset, or a day + time + offset
//! for follow-ups).
import type { DueInput } from "../../../ipc/bindings";
import { localParts, resolveLocal, userTimeZone, type ResolvedTime } from "../../shell/utils/timeZone";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;

function pad(value: number, width = 2): string {
  return String(Math.abs(value)).padStart(width, "0");
}

/** "2026-11-02": the day `date` falls on in the user's zone. */
export function localDate(date: Date, zone: string = userTimeZone()): string {
  const p = localParts(date, zone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** "14:30": the wall-clock time of `date` in the user's zone. */
export function localTime(date: Date, zone: string = userTimeZone()): string {
  const p = localParts(date, zone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function isDate(text: string): boolean {
  const match = DATE.exec(text.trim());
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isTime(text: string): boolean {
  return TIME.test(text.trim());
}

/** The moment a day and time typed by the user name, in their zone. */
export function resolveTyped(date: string, time: string, zone: string = userTimeZone()): ResolvedTime {
  const [year, month, day] = date.trim().split("-").map(Number);
  const [hour, minute] = time.trim().split(":").map(Number);
  return resolveLocal({ year, month, day, hour, minute }, zone);
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  return `${sign}${pad(Math.trunc(minutes / 60))}:${pad(minutes % 60)}`;
}

/** "2026-11-02" + "14:30" → "2026-11-02T14:30:00+01:00" in the user's zone. */
export function toOffsetIso(date: string, time: string, zone: string = userTimeZone()): string {
  const resolved = resolveTyped(date, time, zone);
  return `${localDate(resolved.moment, zone)}T${localTime(resolved.moment, zone)}:00${offsetText(resolved.offsetMinutes)}`;
}

/** A follow-up's due day, with its time when one was typed. */
export function toDueInput(date: string, time: string): DueInput {
  const withTime = time.trim() !== "";
  const resolved = resolveTyped(date, withTime ? time : "12:00");
  return {
    date: date.trim(),
    time: withTime ? `${localTime(resolved.moment)}:00` : null,
    utcOffsetMinutes: resolved.offsetMinutes,
  };
}

/** The calendar day after "2026-11-02" ("2026-11-03"), whatever the zone. */
export function nextDay(date: string): string {
  return new Date(Date.parse(`${date.trim()}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** The start of a local day in UTC, for the timeline's date range. */
export function dayStartUtc(date: string): string {
  return resolveTyped(date, "00:00").moment.toISOString();
}
