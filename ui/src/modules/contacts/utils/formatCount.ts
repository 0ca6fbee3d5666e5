import { userLocale } from "../../shell/utils/userLocale";
const numberFormat = new Intl.NumberFormat(userLocale);

export function formatCount(value: number): string {
  return numberFormat.format(value);
}

/** "1 contact", "5,000 contacts", "10,000+ contacts" (exact: false means counting stopped early). */
export function formatContactCount(count: number, exact: boolean): string {
  const noun = count === 1 && exact ? "contact" : "contacts";
  return `${formatCount(count)}${exact ? "" : "+"} ${noun}`;
}
