//! TanStack Query keys of the relationship screens, named after the commands that fill them.
import type { NetworkSource } from "../types/map";

export const relationshipKeys = {
  listMapAccounts: (query: string) => ["listMapAccounts", query] as const,
  accountMap: (accountId: string) => ["accountMap", accountId] as const,
  contactRelationships: (contactId: string) => ["contactRelationships", contactId] as const,
  network: (source: NetworkSource, depth: number, kinds: string[]) =>
    ["network", source.kind, source.id, depth, kinds] as const,
  relationshipKinds: () => ["relationshipKinds"] as const,
};

/** Everything a relationship, level or flow change can alter. */
export const RELATIONSHIP_QUERIES = new Set<string>(["accountMap", "contactRelationships", "network", "listMapAccounts"]);
