//! Typed wrappers for the lifecycle commands (status, verification, primary contact, policy,
//! privacy requests). They belong with the other contact commands in `src/ipc/contacts.ts`; they
//! live here until that file's owner moves them, and component tests mock this module instead.
import { commands } from "../../../ipc/bindings";
import type {
  ErasureCandidate,
  ErasureReport,
  ExportedFiles,
  Justification,
  LifecyclePolicy,
  VerificationInput,
} from "../../../ipc/bindings";
import { call, type CallOptions } from "../../../ipc/client";

export function deactivateContact(id: string, reason: string): Promise<null> {
  return call(() => commands.deactivateContact(id, reason));
}

export function archiveContact(id: string, reason: string): Promise<null> {
  return call(() => commands.archiveContact(id, reason));
}

export function reactivateContact(id: string, reason: string): Promise<null> {
  return call(() => commands.reactivateContact(id, reason));
}

export function verifyContact(id: string, verification: VerificationInput): Promise<null> {
  return call(() => commands.verifyContact(id, verification));
}

/** `confirmation` is the word the user typed; without `justification` the core answers `justification_required`. */
export function setPrimaryContact(
  id: string,
  siteId: string,
  confirmation: string,
  justification: Justification | null,
): Promise<null> {
  return call(() => commands.setPrimaryContact(id, siteId, confirmation, justification));
}

/** Writes the person's JSON and vCard files and says where. */
export function exportPerson(id: string): Promise<ExportedFiles> {
  return call(() => commands.exportPerson(id));
}

/** `confirmation` is the contact's reference number as the user typed it. */
export function erasePerson(id: string, confirmation: string): Promise<ErasureReport> {
  return call(() => commands.erasePerson(id, confirmation));
}

export function listErasureDue(options?: CallOptions): Promise<ErasureCandidate[]> {
  return call(() => commands.listErasureDue(), options);
}

export function saveContactPolicy(policy: LifecyclePolicy): Promise<null> {
  return call(() => commands.saveContactPolicy(policy));
}

export { getContactPolicy, searchSites } from "../../../ipc/contacts";
