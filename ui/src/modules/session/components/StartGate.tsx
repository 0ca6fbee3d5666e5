import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { AppInfo, SetupResult } from "../../../ipc/bindings";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { queryKeys } from "../../../ipc/queryKeys";
import { useAppInfo } from "../../shell/hooks/useAppInfo";
import { forgetUserData, setAppInfo } from "../utils/sessionCache";
import { FailedScreen } from "./FailedScreen";
import { RecoveryKeyScreen } from "./RecoveryKeyScreen";
import { RestoreAccessScreen } from "./RestoreAccessScreen";
import { SetupScreen } from "./SetupScreen";
import { SignedIn } from "./SignedIn";
import { SignInScreen } from "./SignInScreen";
import { StartLoading } from "./StartLoading";
import { WelcomeScreen } from "./WelcomeScreen";

export type StartGateProps = {
  /** The main app; mounted only while someone is signed in. */
  children: ReactNode;
  /** The signed-in user left (signed out, timed out, locked out): e.g. reset the route. */
  onSessionEnd?: () => void;
};

type PendingKey = { recoveryKey: string; info: AppInfo };

/** Decides what the window shows, from the core's `appInfo().screen`. */
export function StartGate({ children, onSessionEnd }: StartGateProps) {
  const client = useQueryClient();
  const appInfo = useAppInfo();
  const [pendingKey, setPendingKey] = useState<PendingKey | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const userId = appInfo.data?.session?.user.id ?? null;
  const previousUser = useRef(userId);
  useEffect(() => {
    if (previousUser.current !== null && previousUser.current !== userId) {
      forgetUserData(client);
      onSessionEnd?.();
    }
    previousUser.current = userId;
  }, [userId, client, onSessionEnd]);

  const onOrganisationCreated = (result: SetupResult) => setPendingKey({ recoveryKey: result.recoveryKey, info: result.info });
  const onAccountLocked = (message: string) => {
    setNotice(message);
    void client.invalidateQueries({ queryKey: queryKeys.appInfo() });
  };

  // The recovery key comes first, whatever the core says the next screen is: it is shown once.
  if (pendingKey) {
    return (
      <RecoveryKeyScreen
        recoveryKey={pendingKey.recoveryKey}
        info={pendingKey.info}
        onContinue={() => {
          setAppInfo(client, pendingKey.info);
          setPendingKey(null);
        }}
      />
    );
  }

  if (appInfo.isPending) return <StartLoading />;
  if (appInfo.isError) {
    return <FailedScreen message={formatIpcError(appInfo.error).message} databasePath={null} version={null} />;
  }

  const info = appInfo.data;
  // A notice explains one trip back to the sign-in screen; once signed in again it is done.
  if (notice && info.screen === "main") setNotice(null);
  switch (info.screen) {
    case "welcome":
      return <WelcomeScreen info={info} onOrganisationCreated={onOrganisationCreated} />;
    case "restore_access":
      return <RestoreAccessScreen info={info} />;
    case "setup":
      return <SetupScreen info={info} onOrganisationCreated={onOrganisationCreated} />;
    case "sign_in":
      return <SignInScreen key={notice ?? ""} info={info} notice={notice} />;
    case "failed":
      return (
        <FailedScreen
          message={info.problem?.message ?? "The database cannot be used."}
          databasePath={info.databasePath}
          version={info.version}
        />
      );
    case "main":
      if (!info.session) return <StartLoading />;
      return (
        <SignedIn session={info.session} onAccountLocked={onAccountLocked}>
          {children}
        </SignedIn>
      );
  }
}
