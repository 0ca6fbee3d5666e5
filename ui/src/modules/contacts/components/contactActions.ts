//! Which actions a user is offered on a contact. This only hides what the core would refuse:
//! the core checks every action again.
import type { ContactDetail, UserProfile } from "../../../ipc/bindings";
import { reachOf } from "../../session/utils/permissions";

export type ContactAction = "verify" | "primary" | "deactivate" | "archive" | "reactivate" | "export" | "erase";

export type ContactPermissions = {
  edit: boolean;
  actions: ContactAction[];
};

/** The actions offered on `contact` to `user`, in menu order. */
export function contactPermissions(
  contact: Pick<ContactDetail, "status" | "erased" | "sites">,
  user: UserProfile | null | undefined,
): ContactPermissions {
  // Nothing is left to change on the tombstone of an erased person.
  if (contact.erased || !user) return { edit: false, actions: [] };
  const edit = reachOf(user, "edit_contacts") !== "none";
  const changeStatus = reachOf(user, "deactivate") !== "none";
  const seesArchived = reachOf(user, "archived") === "all";
  const { status } = contact;
  const actions: ContactAction[] = [];
  if (edit) actions.push("verify");
  if (edit && status === "active" && contact.sites.some((site) => !site.isPrimary)) actions.push("primary");
  if (changeStatus && status === "active") actions.push("deactivate");
  if (changeStatus && status !== "archived") actions.push("archive");
  if (changeStatus && (status === "inactive" || (status === "archived" && seesArchived))) actions.push("reactivate");
  actions.push("export");
  // Erasure is a site administrator's: the core asks for the reach over archived contacts.
  if (seesArchived) actions.push("erase");
  return { edit, actions };
}
