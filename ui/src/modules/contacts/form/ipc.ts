//! Typed wrappers for the commands the new-contact wizard and the edit screen use. They belong with
//! the other contact commands in `src/ipc/contacts.ts`; they live here until that file's owner moves
//! them, and component tests mock this module the same way.
import { commands } from "../../../ipc/bindings";
import type {
  ContactCheck,
  ContactDetail,
  ContactDraft,
  ContactInput,
  CreatedContact,
  Justification,
} from "../../../ipc/bindings";
import { call, type CallOptions } from "../../../ipc/client";

/** The core's verdict on a form: problems, warnings and possible duplicates. */
export function checkContact(input: ContactInput, contactId: string | null, options?: CallOptions): Promise<ContactCheck> {
  return call(() => commands.checkContact(input, contactId), options);
}

export function createContact(input: ContactInput): Promise<CreatedContact> {
  return call(() => commands.createContact(input));
}

export function updateContact(
  id: string,
  version: number,
  input: ContactInput,
  justification: Justification | null,
): Promise<ContactDetail> {
  return call(() => commands.updateContact(id, version, input, justification));
}

export function loadContactDraft(options?: CallOptions): Promise<ContactDraft | null> {
  return call(() => commands.loadContactDraft(), options);
}

export function saveContactDraft(step: number, input: ContactInput): Promise<void> {
  return call(() => commands.saveContactDraft(step, input)).then(() => undefined);
}

export function discardContactDraft(): Promise<void> {
  return call(() => commands.discardContactDraft()).then(() => undefined);
}

export { searchSites, listOwners, getContactPolicy } from "../../../ipc/contacts";
