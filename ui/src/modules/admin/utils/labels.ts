import type { AccountKind, Role } from "../../../ipc/bindings";
import { roleLabels } from "../../session/utils/roleLabels";

/** What each role reaches, in the words of the procedures; shown under the role picker. */
export const roleDescriptions: Record<Role, string> = {
  site_admin: "Everything, including users, the organisation, the audit trail and backups.",
  regional_manager: "Contacts at sites in the chosen regions.",
  territory_manager: "Contacts at sites in the chosen territories.",
  billing_admin: "Billing contacts in every territory.",
};

export const ROLES = Object.keys(roleLabels) as Role[];

export const accountKindLabels: Record<AccountKind, string> = {
  business: "Business",
  private: "Private",
};
