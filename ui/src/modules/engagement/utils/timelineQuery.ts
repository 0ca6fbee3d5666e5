import type { TimelineFilterValues } from "../types/timelineFilters";
import { dayStartUtc, isDate, nextDay } from "./localTime";
import type { TimelineFilterKey } from "./queryKeys";

/** Half-typed dates are ignored (the list does not jump while typing); the user sees why below. */
export function timelineQuery(filters: TimelineFilterValues): TimelineFilterKey {
  const from = filters.from.trim();
  const until = filters.until.trim();
  return {
    channels: filters.channels,
    categories: filters.category ? [filters.category] : [],
    directions: filters.direction ? [filters.direction] : [],
    from: isDate(from) ? dayStartUtc(from) : null,
    // "Until" names the last day shown; the core's bound is exclusive, so it is the next day's start.
    until: isDate(until) ? dayStartUtc(nextDay(until)) : null,
  };
}

export function timelineDateError(filters: TimelineFilterValues): string | undefined {
  const bad = [filters.from, filters.until].some((text) => text.trim() !== "" && !isDate(text));
  return bad ? "Dates are YYYY-MM-DD" : undefined;
}

export const NO_TIMELINE_FILTERS: TimelineFilterValues = {
  channels: [],
  category: "",
  direction: "",
  from: "",
  until: "",
};

export function hasTimelineFilters(value: TimelineFilterValues): boolean {
  return (
    value.channels.length > 0 || value.category !== "" || value.direction !== "" || value.from !== "" || value.until !== ""
  );
}
