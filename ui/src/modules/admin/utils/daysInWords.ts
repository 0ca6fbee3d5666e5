//! A number of days as a person thinks of it, beside the number a policy stores.

/** 0 → null; 90 → "about 3 months"; 2190 → "about 6 years"; 10 → null (the number says it). */
export function daysInWords(days: number): string | null {
  if (!Number.isFinite(days) || days < 28) return null;
  if (days < 365) {
    const months = Math.round(days / 30.44);
    return `about ${months} ${months === 1 ? "month" : "months"}`;
  }
  const years = Math.round((days / 365.25) * 2) / 2;
  return `about ${years} ${years === 1 ? "year" : "years"}`;
}
