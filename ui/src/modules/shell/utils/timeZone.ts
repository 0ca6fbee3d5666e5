//! The zone the signed-in user reads and types times in (their preference, else this
//! computer's), and local days and times in any IANA zone, through the platform's Intl (which
//! carries the time zone database: no zone data is bundled here).
import type { ComboboxItem } from "@mantine/core";

/** This computer's zone, e.g. "Europe/London"; "UTC" when the platform does not say. */
export function computerTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

let chosen: string | null = null;

/** Set from the session: the user's zone, or null to follow the computer's clock. */
export function setUserTimeZone(zone: string | null): void {
  chosen = zone;
}

/** The zone every screen shows and reads times in. */
export function userTimeZone(): string {
  return chosen ?? computerTimeZone();
}

function supportedTimeZones(): string[] {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return ["UTC", "Europe/London", "Europe/Dublin", "Europe/Paris", "Europe/Berlin", "America/New_York"];
  }
}

export const zoneLabel = (zone: string) => zone.replace(/_/g, " ").replace(/\//g, " / ");
const zoneList = supportedTimeZones();
if (!zoneList.includes("UTC")) zoneList.push("UTC");
const timeZones: ComboboxItem[] = zoneList.map((zone) => ({ value: zone, label: zoneLabel(zone) }));

/** The platform's time zones ("Europe/London" shown as "Europe / London"), with the current value kept. */
export function timeZoneOptions(current: string | null): ComboboxItem[] {
  if (!current || zoneList.includes(current)) return timeZones;
  return [{ value: current, label: zoneLabel(current) }, ...timeZones];
}

export type LocalParts = { year: number; month: number; day: number; hour: number; minute: number };

const partFormats = new Map<string, Intl.DateTimeFormat>();

function partFormat(zone: string): Intl.DateTimeFormat {
  let format = partFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
    partFormats.set(zone, format);
  }
  return format;
}

/** The calendar day and wall-clock time `moment` shows in `zone`. */
export function localParts(moment: Date, zone: string = userTimeZone()): LocalParts {
  const parts: Record<string, number> = {};
  for (const part of partFormat(zone).formatToParts(moment)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute };
}

/** Minutes east of UTC in `zone` at `moment` (daylight saving time included). */
export function offsetMinutesAt(moment: Date, zone: string = userTimeZone()): number {
  const p = localParts(moment, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  const whole = Math.floor(moment.getTime() / 60_000) * 60_000;
  return Math.round((asUtc - whole) / 60_000);
}

export type ResolvedTime = {
  /** The moment; for a time the clocks skip, that time read with the offset before the change. */
  moment: Date;
  offsetMinutes: number;
  /** The clocks skip this time on that day (daylight saving time starts). */
  skipped: boolean;
};

/**
 * The moment a wall-clock day and time name in `zone`. A time the clocks pass twice (daylight
 * saving time ends) is the first of the two; one they skip is marked `skipped`.
 */
export function resolveLocal(
  local: { year: number; month: number; day: number; hour: number; minute: number },
  zone: string = userTimeZone(),
): ResolvedTime {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  // The offsets just before and after: one of them makes the wall time true, if any does.
  const candidates = [offsetMinutesAt(new Date(wall - 36 * 3_600_000), zone), offsetMinutesAt(new Date(wall + 36 * 3_600_000), zone)];
  const sorted = [...new Set(candidates)].sort((a, b) => b - a);
  for (const offset of sorted) {
    const moment = new Date(wall - offset * 60_000);
    if (offsetMinutesAt(moment, zone) === offset) return { moment, offsetMinutes: offset, skipped: false };
  }
  const offset = Math.min(...candidates);
  const moment = new Date(wall - offset * 60_000);
  return { moment, offsetMinutes: offsetMinutesAt(moment, zone), skipped: true };
}

/** "UTC+05:30", "UTC−03:00", "UTC" for the offset of `zone` at `moment`. */
export function offsetLabel(zone: string, moment: Date = new Date()): string {
  const minutes = offsetMinutesAt(moment, zone);
  if (minutes === 0) return "UTC";
  const sign = minutes < 0 ? "−" : "+";
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.trunc(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}
