import type { Money } from "../../../ipc/bindings";
import { userLocale } from "../../shell/utils/userLocale";

/** Amounts travel as decimal strings with an ISO 4217 currency code. */
export function formatMoney(money: Money): string {
  const amount = Number(money.amount);
  if (!Number.isFinite(amount)) return `${money.amount} ${money.currency}`;
  try {
    return new Intl.NumberFormat(userLocale, { style: "currency", currency: money.currency }).format(amount);
  } catch {
    // An unknown currency code: show the figures rather than nothing.
    return `${new Intl.NumberFormat(userLocale).format(amount)} ${money.currency}`;
  }
}
