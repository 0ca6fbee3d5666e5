import { isIpcError } from "../../../ipc/client";
import { formatIpcError } from "../../../ipc/formatIpcError";

/**
 * The core's own words for a refused map edit. Its field problems are whole sentences ("Marie
 * Klein cannot report to …") meant for a form field; a chart has no field, so they stand alone.
 */
export function refusalMessage(error: unknown): string {
  if (isIpcError(error) && error.fields.length > 0) return error.fields.map((problem) => problem.message).join(" ");
  return formatIpcError(error).message;
}
