//! The signed-in state lives in the `appInfo` query; these keep it and the cached rows in step.
import type { QueryClient } from "@tanstack/react-query";
import type { AppInfo } from "../../../ipc/bindings";
import { isIpcError } from "../../../ipc/client";
import { queryKeys } from "../../../ipc/queryKeys";

export function setAppInfo(client: QueryClient, info: AppInfo) {
  client.setQueryData(queryKeys.appInfo(), info);
}

/** Shows the lock overlay; the app underneath stays mounted so unsaved input survives. */
export function markLocked(client: QueryClient) {
  client.setQueryData<AppInfo>(queryKeys.appInfo(), (info) =>
    info?.session && !info.session.locked ? { ...info, session: { ...info.session, locked: true } } : info,
  );
}

/** Drops everything read for the last user, so the next one never sees their rows. */
export function forgetUserData(client: QueryClient) {
  const appInfoKey = queryKeys.appInfo()[0];
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== appInfoKey });
  client.getMutationCache().clear();
}

/** After unlocking, whatever failed because of the lock is read again. */
export function refetchFailed(client: QueryClient) {
  void client.invalidateQueries({ predicate: (query) => query.state.status === "error" });
}

/**
 * Reacts to the two errors any command can return once the session changed behind the UI's
 * back. Returns true when the error was one of them (callers then skip their own message).
 */
export function handleSessionError(client: QueryClient, error: unknown): boolean {
  if (!isIpcError(error)) return false;
  if (error.code === "session_locked") {
    markLocked(client);
    return true;
  }
  if (error.code === "unauthenticated") {
    void client.invalidateQueries({ queryKey: queryKeys.appInfo() });
    return true;
  }
  return false;
}
