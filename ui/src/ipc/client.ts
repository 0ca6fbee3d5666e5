//! The one place where IPC results become values or exceptions.
import type { AppError, ErrorCode, FieldProblem } from "./bindings";

/** What every generated command resolves to. */
export type CommandResult<T> = { status: "ok"; data: T } | { status: "error"; error: AppError };

/** A Record, so adding or removing a code in the generated bindings fails the type check here. */
const ERROR_CODES: Record<ErrorCode, true> = {
  not_found: true,
  invalid_input: true,
  unavailable: true,
  internal: true,
  key_missing: true,
  key_rejected: true,
  keychain_unavailable: true,
  unauthenticated: true,
  sign_in_refused: true,
  totp_required: true,
  account_locked: true,
  forbidden: true,
  conflict: true,
  justification_required: true,
  session_locked: true,
  cancelled: true,
};

/** An error reported by the Rapport core, carried to the UI unchanged. */
export class IpcError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldProblem[];

  constructor(error: AppError, options?: { cause?: unknown }) {
    super(error.message, options);
    this.name = "IpcError";
    this.code = error.code;
    this.fields = error.fields;
  }
}

export function isIpcError(value: unknown): value is IpcError {
  return value instanceof IpcError;
}

function isAppError(value: unknown): value is AppError {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Partial<AppError>;
  return (
    typeof candidate.code === "string" &&
    Object.prototype.hasOwnProperty.call(ERROR_CODES, candidate.code) &&
    typeof candidate.message === "string"
  );
}

/**
 * Turns a command `Result` into its value, or throws an `IpcError`.
 * Anything that is not a well-formed `AppError` (e.g. Tauri's own "command not found" string)
 * becomes an `internal` error with a neutral message; the raw value is kept as `cause`.
 */
export function unwrap<T>(result: CommandResult<T>): T {
  if (result.status === "ok") return result.data;
  const error: unknown = result.error;
  if (isAppError(error)) {
    throw new IpcError({ ...error, fields: Array.isArray(error.fields) ? error.fields : [] });
  }
  throw new IpcError(
    { code: "internal", message: "Rapport received an unexpected answer from its database.", fields: [] },
    { cause: error },
  );
}

export type CallOptions = { signal?: AbortSignal };

/**
 * Runs a command and unwraps its result. Tauri's invoke cannot be aborted, so an aborted `signal`
 * only makes the caller stop waiting: the late answer is ignored.
 */
export async function call<T>(run: () => Promise<CommandResult<T>>, options: CallOptions = {}): Promise<T> {
  const { signal } = options;
  signal?.throwIfAborted();
  const pending = run().then(unwrap);
  if (!signal) return pending;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    pending.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
