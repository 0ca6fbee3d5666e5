//! Typed wrappers for the contact commands.
import { commands } from "./bindings";
import type {
  ContactCount,
  ContactCountQuery,
  ContactDetail,
  ContactListQuery,
  ContactPage,
  FieldChange,
  LifecyclePolicy,
  OwnerOption,
  SiteOption,
  TerritoryOption,
} from "./bindings";
import { call, type CallOptions } from "./client";

export function listContacts(query: ContactListQuery, options?: CallOptions): Promise<ContactPage> {
  return call(() => commands.listContacts(query), options);
}

export function countContacts(query: ContactCountQuery, options?: CallOptions): Promise<ContactCount> {
  return call(() => commands.countContacts(query), options);
}

export function getContact(id: string, options?: CallOptions): Promise<ContactDetail> {
  return call(() => commands.getContact(id), options);
}

/** The contact's field changes, newest first. */
export function contactHistory(id: string, options?: CallOptions): Promise<FieldChange[]> {
  return call(() => commands.contactHistory(id), options);
}

export function listTerritories(options?: CallOptions): Promise<TerritoryOption[]> {
  return call(() => commands.listTerritories(), options);
}

/** Sites whose site, account, territory or city name contains `query`, usable ones first. */
export function searchSites(query: string, options?: CallOptions): Promise<SiteOption[]> {
  return call(() => commands.searchSites(query), options);
}

/** Users who can own contacts. */
export function listOwners(options?: CallOptions): Promise<OwnerOption[]> {
  return call(() => commands.listOwners(), options);
}

export function getContactPolicy(options?: CallOptions): Promise<LifecyclePolicy> {
  return call(() => commands.getContactPolicy(), options);
}
