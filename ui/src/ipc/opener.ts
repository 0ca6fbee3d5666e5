//! Opens mail, phone and web links with the operating system's handlers; following them inside
//! the app window would navigate away from Rapport.
import { openUrl } from "@tauri-apps/plugin-opener";

export function openExternal(url: string): Promise<void> {
  return openUrl(url);
}
