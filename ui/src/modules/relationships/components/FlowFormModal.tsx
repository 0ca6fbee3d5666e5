import { MultiSelect, Select, TextInput } from "@mantine/core";
import { useState } from "react";
import type { AccountMap, CommunicationFlow, FlowFrequency } from "../../../ipc/bindings";
import { saveCommunicationFlow } from "../../../ipc/relationships";
import { FormModal } from "../../admin/components/FormModal";
import { formErrors, NO_ERRORS, type FormErrors } from "../../admin/utils/fieldErrors";
import { useOwnerOptions } from "../../contacts/form/hooks/useOwnerOptions";
import { channelLabels } from "../../engagement/utils/labels";
import { useMapEdit } from "../hooks/useMapEdit";
import { useUndoNotice } from "../hooks/useUndoNotice";
import { frequencyLabels } from "../utils/labels";
import { participantOptions, participantsFromValues, participantValues } from "../utils/participants";

export type FlowFormModalProps = {
  account: AccountMap;
  /** The flow to edit; a new one when null. */
  flow: CommunicationFlow | null;
  onClose(): void;
};

const FIELD_LABELS = { name: "Name", participants: "Participants", format: "Format", ownerUsername: "Owner" };

type FlowValues = {
  name: string;
  frequency: FlowFrequency;
  format: string;
  channel: string | null;
  owner: string | null;
  participants: string[];
};

function initialValues(flow: CommunicationFlow | null): FlowValues {
  return {
    name: flow?.name ?? "",
    frequency: flow?.frequency ?? "monthly",
    format: flow?.format ?? "",
    channel: flow?.channel ?? null,
    owner: flow?.ownerUsername ?? null,
    participants: flow ? participantValues(flow.participants) : [],
  };
}

/** Creates or edits one row of the account's communication matrix. */
export function FlowFormModal({ account, flow, onClose }: FlowFormModalProps) {
  const [values, setValues] = useState<FlowValues>(() => initialValues(flow));
  const owners = useOwnerOptions();
  const noticeUndo = useUndoNotice();
  const save = useMapEdit((v: FlowValues) =>
    saveCommunicationFlow(flow?.id ?? null, {
      accountId: account.accountId,
      name: v.name,
      frequency: v.frequency,
      format: v.format.trim() || null,
      channel: v.channel,
      ownerUsername: v.owner,
      participants: participantsFromValues(v.participants),
    }),
  );
  const errors: FormErrors<keyof typeof FIELD_LABELS> = save.error ? formErrors(save.error, FIELD_LABELS) : NO_ERRORS;

  return (
    <FormModal
      title={flow ? `Edit ${flow.name}` : "New communication flow"}
      testIdPrefix="flow"
      size="lg"
      error={errors.general}
      submitLabel="Save"
      pending={save.isPending}
      onSubmit={() =>
        save.mutate(values, {
          onSuccess: (saved) => {
            onClose();
            noticeUndo(saved.change);
          },
        })
      }
      onClose={onClose}
    >
      <TextInput
        label="Name"
        placeholder="Executive updates"
        required
        value={values.name}
        onChange={(event) => setValues({ ...values, name: event.currentTarget.value })}
        error={errors.fields.name}
        data-testid="flow-name"
        data-autofocus
      />
      <Select
        label="Frequency"
        required
        allowDeselect={false}
        data={Object.entries(frequencyLabels).map(([value, label]) => ({ value, label }))}
        value={values.frequency}
        onChange={(frequency) => setValues({ ...values, frequency: (frequency ?? "monthly") as FlowFrequency })}
        data-testid="flow-frequency"
      />
      <MultiSelect
        label="Participants"
        description="People of this account, or whole levels and teams."
        searchable
        data={participantOptions(account)}
        value={values.participants}
        onChange={(participants) => setValues({ ...values, participants })}
        error={errors.fields.participants}
        maxDropdownHeight={260}
        data-testid="flow-participants"
      />
      <TextInput
        label="Format"
        placeholder="Executive summary"
        value={values.format}
        onChange={(event) => setValues({ ...values, format: event.currentTarget.value })}
        error={errors.fields.format}
      />
      <Select
        label="Usual channel"
        clearable
        data={Object.entries(channelLabels).map(([value, label]) => ({ value, label }))}
        value={values.channel}
        onChange={(channel) => setValues({ ...values, channel })}
      />
      <Select
        label="Owner"
        description="Who makes sure it happens."
        clearable
        searchable
        data={(owners.data ?? []).map((owner) => ({ value: owner.username, label: owner.displayName }))}
        value={values.owner}
        onChange={(owner) => setValues({ ...values, owner })}
        error={errors.fields.ownerUsername}
      />
    </FormModal>
  );
}
