import type { UserSummary } from "../../../ipc/bindings";

/** The regions or territories a user reaches, in words. */
export function userScopeText(user: UserSummary): string {
  switch (user.role) {
    case "site_admin":
      return "Everything";
    case "billing_admin":
      return "Billing contacts everywhere";
    case "regional_manager":
      return user.regions.map((r) => r.name).join(", ") || "No region yet";
    case "territory_manager":
      return user.territories.map((t) => t.name).join(", ") || "No territory yet";
  }
}
