//! Typed wrappers for first start, signing in and out, the lock, and the user's own account.
//! `appInfo()` stays in ./app: it is what every screen reads first.
import { commands } from "./bindings";
import type { AppInfo, SetupInput, SetupResult, TotpEnrolment } from "./bindings";
import { call } from "./client";

export function createDemoDatabase(): Promise<AppInfo> {
  return call(() => commands.createDemoDatabase());
}

export function createOrganisationDatabase(input: SetupInput): Promise<SetupResult> {
  return call(() => commands.createOrganisationDatabase(input));
}

export function restoreAccess(recoveryKey: string): Promise<AppInfo> {
  return call(() => commands.restoreAccess(recoveryKey));
}

/** `code` is the authenticator's 6-digit code or a recovery code, once the core asked for one. */
export function signIn(username: string, password: string, code: string | null): Promise<AppInfo> {
  return call(() => commands.signIn(username, password, code));
}

export function signOut(): Promise<AppInfo> {
  return call(() => commands.signOut());
}

export function lockSession(): Promise<null> {
  return call(() => commands.lockSession());
}

export function unlockSession(password: string): Promise<AppInfo> {
  return call(() => commands.unlockSession(password));
}

export function reportActivity(): Promise<null> {
  return call(() => commands.reportActivity());
}

export function changeOwnPassword(currentPassword: string, newPassword: string): Promise<null> {
  return call(() => commands.changeOwnPassword(currentPassword, newPassword));
}

export function beginTotpEnrolment(): Promise<TotpEnrolment> {
  return call(() => commands.beginTotpEnrolment());
}

/** Resolves with the recovery codes, which are shown once. */
export function confirmTotpEnrolment(code: string): Promise<string[]> {
  return call(() => commands.confirmTotpEnrolment(code));
}

/** The zone the user reads and types times in (IANA); null follows this computer's clock. */
export function setOwnTimeZone(timeZone: string | null): Promise<AppInfo> {
  return call(() => commands.setOwnTimeZone(timeZone));
}
