/** Whole calendar months from `iso` to `now` (0 when in the future or unparsable). */
export function monthsSince(iso: string, now: Date = new Date()): number {
  const then = new Date(iso);
  if (Number.isNaN(then.getTime())) return 0;
  let months = (now.getFullYear() - then.getFullYear()) * 12 + (now.getMonth() - then.getMonth());
  if (now.getDate() < then.getDate()) months -= 1;
  return Math.max(0, months);
}

/** Verification older than this is flagged on the contact page. */
export const VERIFICATION_STALE_MONTHS = 6;
