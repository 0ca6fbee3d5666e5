import type { ReactNode } from "react";
import type { SessionInfo } from "../../../ipc/bindings";
import { useIdleLock } from "../hooks/useIdleLock";
import { LockOverlay } from "./LockOverlay";

export type SignedInProps = {
  session: SessionInfo;
  onAccountLocked: (message: string) => void;
  children: ReactNode;
};

/** The main app, with the idle lock watching and the lock overlay on top when locked. */
export function SignedIn({ session, onAccountLocked, children }: SignedInProps) {
  useIdleLock(session.idleLockMinutes, !session.locked);
  return (
    <>
      {children}
      {session.locked ? <LockOverlay user={session.user} onAccountLocked={onAccountLocked} /> : null}
    </>
  );
}
