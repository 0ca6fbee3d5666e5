import type { UserProfile } from "../../../ipc/bindings";

/** Site administrators are the users whose "administer" permission reaches everything. */
export function isSiteAdmin(user: UserProfile | null | undefined): boolean {
  return Boolean(user?.permissions.some((p) => p.action === "administer" && p.reach === "all"));
}
