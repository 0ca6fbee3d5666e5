import type { Role } from "../../../ipc/bindings";

export const roleLabels: Record<Role, string> = {
  site_admin: "Site administrator",
  regional_manager: "Regional manager",
  territory_manager: "Territory manager",
  billing_admin: "Billing administrator",
};
