//! Typed wrapper for the home dashboard.
import { commands } from "./bindings";
import type { Dashboard } from "./bindings";
import type { CallOptions } from "./client";
import { call } from "./client";

/** The signed-in user's dashboard: every contact figure as the contact list counts it. */
export function dashboard(options?: CallOptions): Promise<Dashboard> {
  return call(() => commands.dashboard(), options);
}
