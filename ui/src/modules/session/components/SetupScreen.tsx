import type { AppInfo, SetupResult } from "../../../ipc/bindings";
import { SetupForm } from "./SetupForm";
import { StartFooter } from "./StartFooter";
import { StartLayout } from "./StartLayout";

export type SetupScreenProps = {
  info: AppInfo;
  onOrganisationCreated: (result: SetupResult) => void;
};

/** The database exists but has no user yet (its setup was interrupted). */
export function SetupScreen({ info, onOrganisationCreated }: SetupScreenProps) {
  return (
    <StartLayout footer={<StartFooter info={info} />} testId="setup-screen">
      <SetupForm onCreated={onOrganisationCreated} />
    </StartLayout>
  );
}
