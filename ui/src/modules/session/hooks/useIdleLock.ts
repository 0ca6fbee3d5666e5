import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { reportActivity } from "../../../ipc/session";
import { handleSessionError } from "../utils/sessionCache";
import { useLockSession } from "./useLockSession";

/** The core counts idle time from the last report; more reports would only add IPC traffic. */
export const ACTIVITY_REPORT_INTERVAL_MS = 30_000;
const IDLE_CHECK_INTERVAL_MS = 5_000;
const ACTIVITY_EVENTS = ["keydown", "pointerdown", "pointermove", "wheel", "touchstart"] as const;

/**
 * Watches the window for keyboard, pointer and wheel activity while signed in and unlocked:
 * reports it to the core (leading edge, at most every 30 s) and locks once nothing happened for
 * `idleLockMinutes`. The core also locks on its own clock; this makes the overlay appear on time
 * instead of at the next command.
 */
export function useIdleLock(idleLockMinutes: number, active: boolean) {
  const client = useQueryClient();
  const lock = useLockSession();

  useEffect(() => {
    if (!active) return;
    const idleMs = idleLockMinutes * 60_000;
    // Signing in or unlocking has just counted as activity in the core.
    let lastActivity = Date.now();
    let lastReport = lastActivity;

    const onActivity = () => {
      lastActivity = Date.now();
      if (lastActivity - lastReport < ACTIVITY_REPORT_INTERVAL_MS) return;
      lastReport = lastActivity;
      reportActivity().catch((error: unknown) => handleSessionError(client, error));
    };
    const check = () => {
      if (Date.now() - lastActivity < idleMs) return;
      window.clearInterval(timer);
      lock();
    };

    const timer = window.setInterval(check, Math.min(IDLE_CHECK_INTERVAL_MS, idleMs));
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
      window.clearInterval(timer);
    };
  }, [active, idleLockMinutes, client, lock]);
}
