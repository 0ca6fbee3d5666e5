//! Typed wrappers for the administration commands (site administrators; the core refuses the rest).
import { commands } from "./bindings";
import type {
  Account,
  AccountInput,
  AppInfo,
  AuditPage,
  AuditVerification,
  BackupFile,
  Region,
  RegionInput,
  SecurityPolicy,
  Site,
  SiteInput,
  TerritoryInput,
  UserInput,
  UserSummary,
} from "./bindings";
import { call, type CallOptions } from "./client";

export function listUsers(options?: CallOptions): Promise<UserSummary[]> {
  return call(() => commands.listUsers(), options);
}

/** Creates a user when `id` is null, else replaces that user's details. */
export function saveUser(id: string | null, input: UserInput): Promise<UserSummary> {
  return call(() => commands.saveUser(id, input));
}

export function resetUserPassword(id: string, newPassword: string): Promise<null> {
  return call(() => commands.resetUserPassword(id, newPassword));
}

export function resetUserTotp(id: string): Promise<null> {
  return call(() => commands.resetUserTotp(id));
}

export function unlockUser(id: string): Promise<null> {
  return call(() => commands.unlockUser(id));
}

export function getSecurityPolicy(options?: CallOptions): Promise<SecurityPolicy> {
  return call(() => commands.getSecurityPolicy(), options);
}

export function saveSecurityPolicy(policy: SecurityPolicy): Promise<null> {
  return call(() => commands.saveSecurityPolicy(policy));
}

export function listRegions(options?: CallOptions): Promise<Region[]> {
  return call(() => commands.listRegions(), options);
}

/** Returns the region's id. */
export function saveRegion(id: string | null, input: RegionInput): Promise<string> {
  return call(() => commands.saveRegion(id, input));
}

/** Returns the territory's id. */
export function saveTerritory(id: string | null, input: TerritoryInput): Promise<string> {
  return call(() => commands.saveTerritory(id, input));
}

/** At most 200 accounts whose name matches `search` (all when empty). */
export function listAccounts(search: string, options?: CallOptions): Promise<Account[]> {
  return call(() => commands.listAccounts(search), options);
}

/** Returns the account's id. */
export function saveAccount(id: string | null, input: AccountInput): Promise<string> {
  return call(() => commands.saveAccount(id, input));
}

export function listSites(accountId: string, options?: CallOptions): Promise<Site[]> {
  return call(() => commands.listSites(accountId), options);
}

/** Returns the site's id. */
export function saveSite(id: string | null, input: SiteInput): Promise<string> {
  return call(() => commands.saveSite(id, input));
}

export function listBackups(options?: CallOptions): Promise<BackupFile[]> {
  return call(() => commands.listBackups(), options);
}

export function createBackup(): Promise<BackupFile> {
  return call(() => commands.createBackup());
}

/** Replaces the database with the named backup; everyone is signed out, so the new AppInfo follows. */
export function restoreBackup(name: string): Promise<AppInfo> {
  return call(() => commands.restoreBackup(name));
}

export function showRecoveryKey(password: string): Promise<string> {
  return call(() => commands.showRecoveryKey(password));
}

/** 100 events, newest first, older than `before` (the previous page's `nextBefore`). */
export function listAuditEvents(before: string | null, options?: CallOptions): Promise<AuditPage> {
  return call(() => commands.listAuditEvents(before), options);
}

export function verifyAudit(): Promise<AuditVerification> {
  return call(() => commands.verifyAudit());
}
