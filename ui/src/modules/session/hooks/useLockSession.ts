import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { lockSession } from "../../../ipc/session";
import { handleSessionError, markLocked } from "../utils/sessionCache";

/** Locks at once on screen; the core is told too, so every command is refused until unlocked. */
export function useLockSession() {
  const client = useQueryClient();
  return useCallback(() => {
    markLocked(client);
    lockSession().catch((error: unknown) => handleSessionError(client, error));
  }, [client]);
}
