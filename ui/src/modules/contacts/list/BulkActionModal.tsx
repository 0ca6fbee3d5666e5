import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { IconCircleCheck, IconInfoCircle } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import type { BulkAction, BulkReport, BulkSelection } from "../../../ipc/bindings";
import { FormAlert } from "../../admin/components/FormAlert";
import { useFormErrors } from "../../admin/hooks/useFormErrors";
import { JobModal } from "../../shell/components/JobModal";
import { JobProgress } from "../../shell/components/JobProgress";
import { JobStopped } from "../../shell/components/JobStopped";
import { JustificationModal } from "../components/JustificationModal";
import { formatCount } from "../utils/formatCount";
import { BulkActionForm } from "./BulkActionForm";
import {
  buildAction,
  BULK_FIELD_LABELS,
  bulkKindLabels,
  confirmLabel,
  confirmQuestion,
  contactsWord,
  EMPTY_BULK_FORM,
  groupSkips,
  type ActionNames,
  type BulkField,
  type BulkFormValues,
} from "./bulkActions";
import { progressPercent, type BulkKind } from "./bulkFlow";
import { useBulkFlow } from "./useBulkFlow";

export type BulkActionModalProps = {
  kind: BulkKind;
  selection: BulkSelection;
  /** What the action bar says is selected (null when the count is not known yet). */
  selectedCount: number | null;
  onChanged: () => void;
  onClose: () => void;
};

/** One bulk action from its form through the confirmation and the progress to its summary. */
export function BulkActionModal({ kind, selection, selectedCount, onChanged, onClose }: BulkActionModalProps) {
  const [values, setValues] = useState<BulkFormValues>(EMPTY_BULK_FORM);
  const { errors, clear, fromError, check } = useFormErrors(BULK_FIELD_LABELS);
  const flow = useBulkFlow({ selection, onChanged, onFormError: fromError });
  const { state } = flow;

  const names: ActionNames = {
    owner: values.owner ? values.owner.displayName : null,
    site: values.site ? `${values.site.siteName} (${values.site.accountName})` : null,
  };

  const onChange = (change: Partial<BulkFormValues>, field: BulkField) => {
    setValues((current) => ({ ...current, ...change }));
    clear(field);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = buildAction(kind, values);
    if (!check(built.errors ?? {}) || !built.action) return;
    void flow.prepare(built.action);
  };

  if (state.step === "justify") {
    return (
      <JustificationModal
        opened
        fields={state.fields}
        submitting={false}
        error={state.error}
        onCancel={flow.back}
        onSubmit={flow.justify}
      />
    );
  }

  const busy = state.step === "running" || state.step === "counting";
  let title: string = bulkKindLabels[kind];
  let body;
  switch (state.step) {
    case "form":
    case "counting":
      body = (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {selectedCount === null ? "For the selected contacts." : `For the ${contactsWord(selectedCount)} selected.`}
            </Text>
            <FormAlert message={errors.general} />
            <BulkActionForm kind={kind} values={values} onChange={onChange} errors={errors.fields} />
            <Group justify="flex-end" gap="sm" mt="sm">
              <Button variant="default" onClick={onClose} disabled={state.step === "counting"}>
                Cancel
              </Button>
              <Button type="submit" loading={state.step === "counting"} data-testid="bulk-continue">
                Continue
              </Button>
            </Group>
          </Stack>
        </form>
      );
      break;
    case "confirm":
      title = `${bulkKindLabels[kind]}: confirm`;
      body = (
        <ConfirmStep
          action={state.action}
          count={state.count}
          question={confirmQuestion(state.action, state.count, names)}
          onBack={flow.back}
          onConfirm={flow.confirm}
        />
      );
      break;
    case "running": {
      title = `${bulkKindLabels[kind]}: in progress`;
      body = (
        <JobProgress
          testIdPrefix="bulk"
          label="Progress"
          percent={progressPercent(state.progress)}
          description={confirmQuestion(state.action, state.count, names).replace(/\?$/, "…")}
          status={
            state.progress
              ? `${formatCount(state.progress.done)} of ${formatCount(state.progress.total)} contacts`
              : "Starting…"
          }
          cancelling={state.cancelling}
          cancelError={flow.cancelError}
          onCancel={() => void flow.cancel()}
        />
      );
      break;
    }
    case "done":
      title = `${bulkKindLabels[kind]}: done`;
      body = <Summary report={state.report} onClose={onClose} />;
      break;
    case "cancelled":
    case "failed":
      title = `${bulkKindLabels[kind]}: ${state.step === "cancelled" ? "cancelled" : "not done"}`;
      body = (
        <JobStopped
          stop={state}
          testIdPrefix="bulk"
          cancelledText="Cancelled. Nothing was changed."
          untouchedText="Nothing was changed."
          onBack={state.step === "failed" ? flow.back : undefined}
          onClose={onClose}
        />
      );
      break;
  }

  return (
    <JobModal
      busy={busy}
      onClose={onClose}
      title={title}
      centered
      size="md"
      data-testid="bulk-modal"
      data-step={state.step}
    >
      {body}
    </JobModal>
  );
}

type ConfirmStepProps = {
  action: BulkAction;
  count: number;
  question: string;
  onBack: () => void;
  onConfirm: () => void;
};

function ConfirmStep({ action, count, question, onBack, onConfirm }: ConfirmStepProps) {
  return (
    <Stack gap="sm" data-testid="bulk-confirm">
      <Text size="md" fw={600} data-testid="bulk-confirm-question" style={{ overflowWrap: "anywhere" }}>
        {question}
      </Text>
      {action.kind === "deactivate" ? (
        <Text size="sm">
          Reason: <em>{action.reason}</em>. They leave active and communication lists and lose primary roles; their
          history stays and they can be reactivated.
        </Text>
      ) : null}
      {count === 0 ? (
        <Alert color="yellow" variant="light" icon={<IconInfoCircle size={16} />} data-testid="bulk-confirm-none">
          None of the selected contacts can be changed: they no longer match the list or are outside your scope.
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          All of them change together or none does. The audit trail records it as one action.
        </Text>
      )}
      <Group justify="flex-end" gap="sm" mt="sm">
        <Button variant="default" onClick={onBack} data-autofocus>
          Back
        </Button>
        <Button
          color={action.kind === "deactivate" ? "red" : undefined}
          onClick={onConfirm}
          disabled={count === 0}
          data-testid="bulk-confirm-button"
        >
          {confirmLabel(action)}
        </Button>
      </Group>
    </Stack>
  );
}

type SummaryProps = {
  report: BulkReport;
  onClose: () => void;
};

function Summary({ report, onClose }: SummaryProps) {
  const [showSkipped, setShowSkipped] = useState(false);
  const groups = groupSkips(report);
  return (
    <Stack gap="sm" data-testid="bulk-summary">
      <Alert
        color={report.changed > 0 ? "teal" : "gray"}
        variant="light"
        icon={report.changed > 0 ? <IconCircleCheck size={16} /> : <IconInfoCircle size={16} />}
      >
        <Text size="sm" data-testid="bulk-summary-changed">
          {report.changed === report.selected
            ? `Changed ${contactsWord(report.changed)}.`
            : `Changed ${formatCount(report.changed)} of ${contactsWord(report.selected)}.`}
        </Text>
      </Alert>
      {report.skippedTotal > 0 ? (
        <Stack gap={4}>
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm" data-testid="bulk-summary-skipped">
              {contactsWord(report.skippedTotal)} left as they were.
            </Text>
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => setShowSkipped((shown) => !shown)}
              aria-expanded={showSkipped}
              data-testid="bulk-summary-toggle"
            >
              {showSkipped ? "Hide why" : "Show why"}
            </Button>
          </Group>
          {showSkipped ? (
            <Stack gap={6} mah={240} style={{ overflowY: "auto" }} data-testid="bulk-skipped-list">
              {groups.map((group) => (
                <div key={group.reason}>
                  <Text size="sm" fw={500}>
                    {group.reason} ({formatCount(group.count)})
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: "anywhere" }}>
                    {group.items.map((item) => item.reference || item.id).join(", ")}
                    {group.count > group.items.length
                      ? ` and ${formatCount(group.count - group.items.length)} more`
                      : ""}
                  </Text>
                </div>
              ))}
            </Stack>
          ) : null}
        </Stack>
      ) : null}
      <Group justify="flex-end">
        <Button onClick={onClose} data-autofocus data-testid="bulk-close">
          Close
        </Button>
      </Group>
    </Stack>
  );
}
