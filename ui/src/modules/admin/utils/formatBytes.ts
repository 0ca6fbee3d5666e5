import { userLocale } from "../../shell/utils/userLocale";

const UNITS = ["bytes", "KB", "MB", "GB", "TB"];

/** 1024-based sizes with one decimal above a kilobyte ("12.4 MB"). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : 1;
  const number = new Intl.NumberFormat(userLocale, { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return `${number.format(value)} ${UNITS[unit]}`;
}
