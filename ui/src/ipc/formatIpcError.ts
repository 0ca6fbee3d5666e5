//! Human wording for errors that reach the screen.
import type { ErrorCode } from "./bindings";
import { isIpcError } from "./client";

export type FormattedError = { title: string; message: string };

const TITLES: Record<ErrorCode, string> = {
  not_found: "Not found",
  invalid_input: "That request was not accepted",
  unavailable: "The database is busy or unavailable",
  internal: "Something went wrong",
  key_missing: "This computer has no key for the database",
  key_rejected: "The key does not open the database",
  keychain_unavailable: "The system keychain cannot be used",
  unauthenticated: "Signed out",
  sign_in_refused: "Sign-in refused",
  totp_required: "A one-time code is needed",
  account_locked: "Account locked",
  forbidden: "Not allowed for your role",
  conflict: "Someone else changed this meanwhile",
  justification_required: "A justification is needed",
  session_locked: "Rapport is locked",
  cancelled: "Cancelled",
};

const FALLBACK_MESSAGE = "Rapport could not reach its database. Try again; if this keeps happening, restart Rapport.";

/** Never returns technical text: core messages are written for users, anything else gets a neutral sentence. */
export function formatIpcError(error: unknown): FormattedError {
  if (isIpcError(error)) {
    return { title: TITLES[error.code], message: error.message || FALLBACK_MESSAGE };
  }
  return { title: TITLES.internal, message: FALLBACK_MESSAGE };
}
