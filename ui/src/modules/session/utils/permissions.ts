import type { Action, Reach, UserProfile } from "../../../ipc/bindings";

/** How far the user's role reaches for `action`; the core refuses the rest anyway. */
export function reachOf(user: UserProfile | null | undefined, action: Action): Reach {
  return user?.permissions.find((permission) => permission.action === action)?.reach ?? "none";
}

export function canAdminister(user: UserProfile | null | undefined): boolean {
  return reachOf(user, "administer") === "all";
}
