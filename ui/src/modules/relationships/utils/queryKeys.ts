//! TanStack Query keys of the relationship screens, named after the commands that fill them.

export const relationshipKeys = {
  listMapAccounts: (query: string) => ["listMapAccounts", query] as const,
  accountMap: (accountId: string) => ["accountMap", accountId] as const,
  contactRelationships: (contactId: string) => ["contactRelationships", contactId] as const,
  contactNetwork: (contactId: string, depth: number, kinds: string[]) =>
    ["contactNetwork", contactId, depth, kinds] as const,
  relationshipKinds: () => ["relationshipKinds"] as const,
};

/** Everything a relationship, level or flow change can alter. */
export const RELATIONSHIP_QUERIES = new Set<string>(["accountMap", "contactRelationships", "contactNetwork", "listMapAccounts"]);
