//! Typed wrappers for application-level commands.
import { commands } from "./bindings";
import type { AppInfo } from "./bindings";
import { call, type CallOptions } from "./client";

export function appInfo(options?: CallOptions): Promise<AppInfo> {
  return call(() => commands.appInfo(), options);
}
