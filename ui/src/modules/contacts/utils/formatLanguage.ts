import { userLocale } from "../../shell/utils/userLocale";
/** "de-CH" becomes "German (Switzerland)" in the user's language; free text is shown as stored. */
export function formatLanguage(value: string): string {
  try {
    const names = new Intl.DisplayNames(userLocale, { type: "language" });
    return names.of(value) ?? value;
  } catch {
    return value;
  }
}
