import { Center, Loader } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { useState } from "react";
import type { ContactDraft } from "../../../../ipc/bindings";
import { formatIpcError } from "../../../../ipc/formatIpcError";
import { reachOf } from "../../../session/utils/permissions";
import { useSessionUser } from "../../../session/hooks/useSessionUser";
import { ErrorState } from "../../../shell/components/ErrorState";
import { StatePanel } from "../../../shell/components/StatePanel";
import { useContactDraft } from "../hooks/useContactDraft";
import { useContactPolicy } from "../hooks/useContactPolicy";
import { discardContactDraft } from "../ipc";
import { forgetOwnDraft, isOwnDraft } from "../utils/draftSession";
import { displayNameOf, freshWizardValues, wizardValues, type ContactFormValues } from "../utils/formValues";
import { ContactWizard } from "./ContactWizard";
import { DraftPrompt } from "./DraftPrompt";
import { FormPage } from "./FormPage";

/** `/contacts/new`: the wizard, after offering to resume an unfinished draft. */
export function NewContactPage() {
  const user = useSessionUser();
  const policy = useContactPolicy();
  const draft = useContactDraft();

  let body;
  if (user && reachOf(user, "edit_contacts") === "none") {
    body = (
      <StatePanel icon={<IconLock size={24} />} title="Your role cannot add contacts" testId="wizard-forbidden">
        Ask a site administrator to add the contact, or to change your role.
      </StatePanel>
    );
  } else if (policy.isError || draft.isError) {
    const error = policy.error ?? draft.error;
    body = (
      <ErrorState
        error={error}
        onRetry={() => {
          if (policy.isError) void policy.refetch();
          if (draft.isError) void draft.refetch();
        }}
        retrying={policy.isRefetching || draft.isRefetching}
        testId="wizard-error"
      />
    );
  } else if (policy.data === undefined || draft.data === undefined) {
    body = (
      <Center py={64}>
        <Loader aria-label="Loading" />
      </Center>
    );
  } else {
    body = <DraftGate draft={draft.data} smsEnabled={policy.data.smsEnabled} owner={user?.username ?? null} />;
  }

  return (
    <FormPage backTo="/contacts" backLabel="Contacts" testId="new-contact-page">
      {body}
    </FormPage>
  );
}

type Start = { values: ContactFormValues; step: number };

type DraftGateProps = { draft: ContactDraft | null; smsEnabled: boolean; owner: string | null };

/**
 * Decides once how the wizard starts: fresh, with the draft this window was working on (back from
 * a duplicate it opened), or, for a draft from an earlier session, after asking.
 */
function DraftGate({ draft, smsEnabled, owner }: DraftGateProps) {
  const [start, setStart] = useState<Start | null>(() => {
    if (!draft) return { values: freshWizardValues(owner), step: 0 };
    if (isOwnDraft()) return { values: wizardValues(draft.input), step: draft.step };
    return null;
  });
  const [discarding, setDiscarding] = useState(false);
  const [error, setError] = useState<unknown>(null);

  if (start) {
    return (
      <ContactWizard
        initial={start.values}
        initialStep={start.step}
        smsEnabled={smsEnabled}
        fresh={() => freshWizardValues(owner)}
      />
    );
  }
  const startOver = async () => {
    setDiscarding(true);
    try {
      await discardContactDraft();
      forgetOwnDraft();
      setStart({ values: freshWizardValues(owner), step: 0 });
    } catch (e) {
      setError(e);
    } finally {
      setDiscarding(false);
    }
  };
  const resumed = draft ? wizardValues(draft.input) : null;
  return (
    <>
      {draft && resumed ? (
        <DraftPrompt
          draft={draft}
          name={displayNameOf(resumed)}
          discarding={discarding}
          onResume={() => setStart({ values: resumed, step: draft.step })}
          onStartOver={() => void startOver()}
        />
      ) : null}
      {error ? (
        <Center mt="sm" c="red" data-testid="draft-error">
          {formatIpcError(error).message}
        </Center>
      ) : null}
    </>
  );
}
