import { Fragment, type ReactNode } from "react";
import type { SessionInfo } from "../../../ipc/bindings";
import { setUserTimeZone } from "../../shell/utils/timeZone";
import { useIdleLock } from "../hooks/useIdleLock";
import { LockOverlay } from "./LockOverlay";

export type SignedInProps = {
  session: SessionInfo;
  onAccountLocked: (message: string) => void;
  children: ReactNode;
};

/**
 * The main app, with the idle lock watching and the lock overlay on top when locked. Every
 * date and time below is shown in the user's zone: a new zone shows the app again in it.
 */
export function SignedIn({ session, onAccountLocked, children }: SignedInProps) {
  useIdleLock(session.idleLockMinutes, !session.locked);
  setUserTimeZone(session.timeZone);
  return (
    <>
      <Fragment key={session.timeZone ?? ""}>{children}</Fragment>
      {session.locked ? <LockOverlay user={session.user} onAccountLocked={onAccountLocked} /> : null}
    </>
  );
}
