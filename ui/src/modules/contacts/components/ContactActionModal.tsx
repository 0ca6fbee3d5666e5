import type { ContactDetail } from "../../../ipc/bindings";
import type { ContactAction } from "./contactActions";
import { ErasePersonModal } from "./ErasePersonModal";
import { ExportPersonModal } from "./ExportPersonModal";
import { SetPrimaryModal } from "./SetPrimaryModal";
import { StatusChangeModal } from "./StatusChangeModal";
import { VerifyModal } from "./VerifyModal";

export type OpenAction = { action: ContactAction; siteId?: string };

export type ContactActionModalProps = {
  contact: ContactDetail;
  open: OpenAction | null;
  seesArchived: boolean;
  onClose(): void;
  /** After a status change that leaves the contact out of the user's sight (archived by a non-administrator). */
  onLostSight(): void;
};

/** The dialog of the action the user picked on the contact's page. */
export function ContactActionModal({ contact, open, seesArchived, onClose, onLostSight }: ContactActionModalProps) {
  if (!open) return null;
  switch (open.action) {
    case "verify":
      return <VerifyModal contact={contact} onClose={onClose} />;
    case "primary":
      return <SetPrimaryModal contact={contact} siteId={open.siteId} onClose={onClose} />;
    case "deactivate":
    case "archive":
    case "reactivate":
      return (
        <StatusChangeModal
          change={open.action}
          contact={contact}
          seesArchived={seesArchived}
          onClose={onClose}
          onDone={(visible) => (visible ? onClose() : onLostSight())}
        />
      );
    case "export":
      return <ExportPersonModal contact={contact} onClose={onClose} />;
    case "erase":
      return <ErasePersonModal person={contact} onClose={onClose} />;
  }
}
