/**
 * The locale numbers and dates are formatted in: the user's, unless the system reports none
 * (a "C"/POSIX session gives ICU's root locale, which prints "€ 72600.00" without grouping).
 */
export const userLocale: string = resolveLocale(typeof navigator === "undefined" ? [] : navigator.languages);

export function resolveLocale(candidates: readonly string[]): string {
  for (const candidate of candidates) {
    try {
      const [canonical] = Intl.getCanonicalLocales(candidate);
      if (canonical && !/^(c|posix|und)\b/i.test(canonical)) return canonical;
    } catch {
      // Not a BCP 47 tag (e.g. "C.UTF-8"): try the next one.
    }
  }
  return "en-GB";
}
