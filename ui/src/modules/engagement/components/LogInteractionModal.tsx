import {
  Alert,
  Button,
  Checkbox,
  Group,
  Kbd,
  Modal,
  NativeSelect,
  SegmentedControl,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useMemo, useState, type FormEvent, type KeyboardEvent } from "react";
import type { Direction, Interaction, InteractionCategory, InteractionChannel } from "../../../ipc/bindings";
import { offsetLabel, userTimeZone, zoneLabel } from "../../shell/utils/timeZone";
import { useConsentWarnings } from "../hooks/useConsentWarnings";
import { useSaveInteraction } from "../hooks/useSaveInteraction";
import type { InteractionErrors, InteractionFormValues, InteractionPrefill } from "../types/interactionForm";
import {
  checkInteraction,
  editInteractionValues,
  newInteractionValues,
  sortProblems,
  toInteractionInput,
} from "../utils/interactionForm";
import {
  canBeUnanswered,
  CATEGORIES,
  categoryLabels,
  CHANNELS,
  channelLabels,
  DIRECTIONS,
  directionLabels,
  needsConsent,
} from "../utils/labels";
import { ConsentAlert } from "./ConsentAlert";
import { ContactPicker } from "./ContactPicker";
import { FollowUpPlanFields } from "./FollowUpPlanFields";

export type LogInteractionModalProps = {
  contact: { id: string; displayName: string };
  /** The interaction to edit; a new one is logged when absent. */
  editing?: Interaction | null;
  prefill?: InteractionPrefill;
  onClose(): void;
};

const isMac = typeof navigator !== "undefined" && /Mac/i.test(navigator.platform);

/**
 * Logs (or edits) an interaction with the contact, keyboard first: the subject has the focus,
 * Ctrl/Cmd+Enter saves from any field and Esc closes. Mounted only while open, so every opening
 * starts from fresh values.
 */
export function LogInteractionModal({ contact, editing = null, prefill, onClose }: LogInteractionModalProps) {
  const [values, setValues] = useState<InteractionFormValues>(() =>
    editing ? editInteractionValues(contact.id, editing) : newInteractionValues(contact.id, new Date(), prefill),
  );
  const [errors, setErrors] = useState<InteractionErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const save = useSaveInteraction();
  const contactIds = useMemo(
    () => [contact.id, ...values.otherContactIds],
    [contact.id, values.otherContactIds],
  );
  const consent = useConsentWarnings(contactIds, values.channel, values.direction);
  const warnings = needsConsent(values.channel, values.direction) ? (consent.data ?? []) : [];
  const knownNames = useMemo(
    () => Object.fromEntries((editing?.contacts ?? []).map((c) => [c.id, c.displayName])),
    [editing],
  );

  const change = (patch: Partial<InteractionFormValues>) => {
    setValues((current) => {
      const next = { ...current, ...patch };
      // A new channel, direction or set of people asks for consent afresh.
      if (patch.channel || patch.direction || patch.otherContactIds) next.acknowledgeConsent = false;
      return next;
    });
    setErrors((current) => {
      const cleared = { ...current };
      for (const key of Object.keys(patch)) {
        if (key === "date" || key === "time") delete cleared.occurredAt;
        else if (key === "dueTime") delete cleared.dueDate;
        else delete cleared[key as keyof InteractionErrors];
      }
      return cleared;
    });
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (save.isPending) return;
    setGeneral(null);
    const local = checkInteraction(values, warnings.length);
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    save.mutate(
      { input: toInteractionInput(values, editing !== null), editing },
      {
        onSuccess: (logged) => {
          notifications.show({
            color: "teal",
            title: editing ? "Interaction saved" : `${channelLabels[logged.interaction.channel]} logged`,
            message: logged.followUp ? `Follow-up "${logged.followUp.title}" created.` : logged.interaction.subject,
          });
          onClose();
        },
        onError: (cause) => {
          const sorted = sortProblems(cause);
          setErrors(sorted.fields);
          setGeneral(sorted.general);
          // The core found consent problems the page did not know of yet: ask again.
          if (sorted.fields.acknowledgeConsent) void consent.refetch();
        },
      },
    );
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  };

  const showFollowUp = !editing;
  return (
    <Modal
      opened
      onClose={save.isPending ? () => {} : onClose}
      title={
        <Text fw={600} truncate="end" maw={560}>
          {editing ? "Edit interaction" : "Log interaction"} with {contact.displayName}
        </Text>
      }
      size="xl"
      centered
      data-testid="log-interaction"
    >
      <form onSubmit={submit} onKeyDown={onKeyDown} noValidate>
        <Stack gap="sm">
          {general ? (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} role="alert" data-testid="form-error">
              {general}
            </Alert>
          ) : null}
          <TextInput
            label="Subject"
            required
            data-autofocus
            value={values.subject}
            onChange={(event) => change({ subject: event.currentTarget.value })}
            error={errors.subject}
            data-testid="interaction-subject"
          />
          <Group gap="md" align="flex-end" wrap="wrap">
            <Stack gap={4}>
              <Text size="sm" fw={500} id="interaction-channel-label">
                Channel
              </Text>
              <SegmentedControl
                aria-labelledby="interaction-channel-label"
                data={CHANNELS.map((c) => ({ value: c, label: channelLabels[c] }))}
                value={values.channel}
                onChange={(value) => change({ channel: value as InteractionChannel })}
                data-testid="interaction-channel"
              />
            </Stack>
            <Stack gap={4}>
              <Text size="sm" fw={500} id="interaction-direction-label">
                Direction
              </Text>
              <SegmentedControl
                aria-labelledby="interaction-direction-label"
                data={DIRECTIONS.map((d) => ({ value: d, label: directionLabels[d] }))}
                value={values.direction}
                onChange={(value) => change({ direction: value as Direction })}
                data-testid="interaction-direction"
              />
            </Stack>
          </Group>
          {/* Right under the channel, so the warning shows where the choice is made. */}
          <ConsentAlert
            warnings={warnings}
            acknowledged={values.acknowledgeConsent}
            onAcknowledge={(acknowledgeConsent) => change({ acknowledgeConsent })}
            error={errors.acknowledgeConsent}
          />
          <Group grow align="flex-start" gap="sm">
            <TextInput
              label="Date"
              placeholder="YYYY-MM-DD"
              value={values.date}
              onChange={(event) => change({ date: event.currentTarget.value })}
              error={errors.occurredAt}
              data-testid="interaction-date"
            />
            <TextInput
              label="Time"
              placeholder="HH:MM"
              value={values.time}
              onChange={(event) => change({ time: event.currentTarget.value })}
              error={errors.occurredAt ? true : undefined}
              data-testid="interaction-time"
            />
            <TextInput
              label="Duration (minutes)"
              inputMode="numeric"
              value={values.duration}
              onChange={(event) => change({ duration: event.currentTarget.value })}
              error={errors.duration}
              data-testid="interaction-duration"
            />
            <NativeSelect
              label="Category"
              data={CATEGORIES.map((c) => ({ value: c, label: categoryLabels[c] }))}
              value={values.category}
              onChange={(event) => change({ category: event.currentTarget.value as InteractionCategory })}
              data-testid="interaction-category"
            />
          </Group>
          <Text size="xs" c="dimmed" mt={-8} data-testid="interaction-zone">
            Date and time in {zoneLabel(userTimeZone())} ({offsetLabel(userTimeZone())}): your time zone, set in your account menu.
          </Text>
          {canBeUnanswered(values.channel, values.direction) ? (
            <Checkbox
              label={values.channel === "call" ? "No answer (voicemail, nobody picked up)" : "No-show (they did not come)"}
              description="Counts as an attempt awaiting an answer, not a conversation."
              checked={values.noAnswer}
              onChange={(event) => change({ noAnswer: event.currentTarget.checked })}
              data-testid="interaction-no-answer"
            />
          ) : null}
          <Textarea
            label="Outcome"
            autosize
            minRows={2}
            maxRows={6}
            value={values.outcome}
            onChange={(event) => change({ outcome: event.currentTarget.value })}
            error={errors.outcome}
            data-testid="interaction-outcome"
          />
          <Textarea
            label="Next steps"
            autosize
            minRows={2}
            maxRows={6}
            value={values.nextSteps}
            onChange={(event) => change({ nextSteps: event.currentTarget.value })}
            error={errors.nextSteps}
            data-testid="interaction-next-steps"
          />
          {showFollowUp ? (
            <Checkbox
              label="Create a follow-up from the next steps"
              checked={values.followUp}
              onChange={(event) => change({ followUp: event.currentTarget.checked })}
              data-testid="interaction-follow-up"
            />
          ) : null}
          {showFollowUp && values.followUp ? <FollowUpPlanFields values={values} errors={errors} onChange={change} /> : null}
          <ContactPicker
            excludeId={contact.id}
            value={values.otherContactIds}
            onChange={(ids) => change({ otherContactIds: ids })}
            knownNames={knownNames}
            error={errors.otherContactIds}
          />
          <TagsInput
            label="Attachments"
            description="File paths or links; press Enter after each. The files themselves stay where they are."
            value={values.attachments}
            onChange={(attachments) => change({ attachments })}
            error={errors.attachments}
            splitChars={[]}
            clearable
            data-testid="interaction-attachments"
          />
          {/* The core refused for consent the page had not heard of yet (another user changed it). */}
          {errors.acknowledgeConsent && warnings.length === 0 ? (
            <Text size="sm" c="red" role="alert" data-testid="consent-error">
              {errors.acknowledgeConsent}
            </Text>
          ) : null}
          <Group justify="space-between" mt="xs" wrap="nowrap">
            <Text size="xs" c="dimmed">
              <Kbd size="xs">{isMac ? "⌘" : "Ctrl"}</Kbd> + <Kbd size="xs">Enter</Kbd> saves, <Kbd size="xs">Esc</Kbd>{" "}
              cancels
            </Text>
            <Group gap="sm" wrap="nowrap">
              <Button variant="default" onClick={onClose} disabled={save.isPending}>
                Cancel
              </Button>
              <Button type="submit" loading={save.isPending} data-testid="interaction-save">
                {editing ? "Save changes" : "Log interaction"}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
