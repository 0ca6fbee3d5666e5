//! Typed wrappers for the relationship-map commands: accounts with their maps, reports-to and
//! other relationships, levels and teams, communication flows (each edit answers with a change
//! that can be undone).
import { commands } from "./bindings";
import type {
  AccountMap,
  ContactRelationship,
  FlowInput,
  FlowSaved,
  MapAccount,
  MapGroupInput,
  MapGroupSaved,
  Network,
  RelationshipChange,
  RelationshipInput,
  RelationshipKind,
  RelationshipKindInput,
} from "./bindings";
import { call, type CallOptions } from "./client";

export function listMapAccounts(query: string | null, options?: CallOptions): Promise<MapAccount[]> {
  return call(() => commands.listMapAccounts(query), options);
}

export function accountMap(accountId: string, options?: CallOptions): Promise<AccountMap> {
  return call(() => commands.accountMap(accountId), options);
}

export function contactRelationships(contactId: string, options?: CallOptions): Promise<ContactRelationship[]> {
  return call(() => commands.contactRelationships(contactId), options);
}

/** The people around a contact up to `depth` (1..4) steps, along `kinds` (empty: every kind). */
export function contactNetwork(contactId: string, depth: number, kinds: string[], options?: CallOptions): Promise<Network> {
  return call(() => commands.contactNetwork(contactId, depth, kinds), options);
}

/**
 * An account's people in the user's scope and everyone up to `depth` (1..4) steps out along
 * `kinds` (empty: every kind), across accounts.
 */
export function accountNetwork(accountId: string, depth: number, kinds: string[], options?: CallOptions): Promise<Network> {
  return call(() => commands.accountNetwork(accountId, depth, kinds), options);
}

export function relationshipKinds(options?: CallOptions): Promise<RelationshipKind[]> {
  return call(() => commands.relationshipKinds(), options);
}

/** Adds a kind when `input.code` is empty, else changes that kind (administrators only). */
export function saveRelationshipKind(input: RelationshipKindInput): Promise<RelationshipKind> {
  return call(() => commands.saveRelationshipKind(input));
}

/** Makes `managerId` the person's manager; null removes the manager. */
export function setReportsTo(contactId: string, managerId: string | null): Promise<RelationshipChange> {
  return call(() => commands.setReportsTo(contactId, managerId));
}

export function addRelationship(input: RelationshipInput): Promise<RelationshipChange> {
  return call(() => commands.addRelationship(input));
}

export function removeRelationship(id: string): Promise<RelationshipChange> {
  return call(() => commands.removeRelationship(id));
}

/** Puts back what the change altered; answers with the undo, itself a change. */
export function undoRelationshipChange(changeId: string): Promise<RelationshipChange> {
  return call(() => commands.undoRelationshipChange(changeId));
}

/** Creates a level or team when `id` is null, else replaces it. */
export function saveMapGroup(id: string | null, input: MapGroupInput): Promise<MapGroupSaved> {
  return call(() => commands.saveMapGroup(id, input));
}

export function deleteMapGroup(id: string): Promise<RelationshipChange> {
  return call(() => commands.deleteMapGroup(id));
}

/** Creates a communication flow when `id` is null, else replaces it. */
export function saveCommunicationFlow(id: string | null, input: FlowInput): Promise<FlowSaved> {
  return call(() => commands.saveCommunicationFlow(id, input));
}

export function deleteCommunicationFlow(id: string): Promise<RelationshipChange> {
  return call(() => commands.deleteCommunicationFlow(id));
}

/** Asks where to save the exported map and writes it; false when the dialog was cancelled. */
export function saveMapImage(fileName: string, format: "svg" | "png", base64: string): Promise<boolean> {
  return call(() => commands.saveMapImage(fileName, format, base64));
}
