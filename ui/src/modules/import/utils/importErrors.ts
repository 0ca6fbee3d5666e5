import { isIpcError } from "../../../ipc/client";

/** The user stopped the preview or the import; the core rolled back and stored nothing. */
export function isCancelled(error: unknown): boolean {
  return isIpcError(error) && error.code === "cancelled";
}

/** The core refused the request's options (the site, a mapping, a required field), not the file. */
export function isRequestProblem(error: unknown): boolean {
  return isIpcError(error) && error.code === "invalid_input";
}
