//! TanStack Query keys, named after the commands that fill them.
import type { ContactCountQuery, ContactListQuery } from "./bindings";

/** The list query without paging: pages of one list share a key. */
export type ContactListKey = Omit<ContactListQuery, "cursor">;

export const queryKeys = {
  appInfo: () => ["appInfo"] as const,
  listContacts: (query: ContactListKey) => ["listContacts", query] as const,
  countContacts: (query: ContactCountQuery) => ["countContacts", query] as const,
  getContact: (id: string) => ["getContact", id] as const,
  contactHistory: (id: string) => ["contactHistory", id] as const,
  listTerritories: () => ["listTerritories"] as const,
  listUsers: () => ["listUsers"] as const,
  getSecurityPolicy: () => ["getSecurityPolicy"] as const,
  listRegions: () => ["listRegions"] as const,
  listAccounts: (search: string) => ["listAccounts", search] as const,
  listSites: (accountId: string) => ["listSites", accountId] as const,
  listBackups: () => ["listBackups"] as const,
  listAuditEvents: () => ["listAuditEvents"] as const,
  searchSites: (query: string) => ["searchSites", query] as const,
  importFields: () => ["importFields"] as const,
  getImportPolicy: () => ["getImportPolicy"] as const,
  listImports: () => ["listImports"] as const,
};
