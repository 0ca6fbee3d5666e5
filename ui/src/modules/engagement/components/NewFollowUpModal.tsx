import { Alert, Button, Group, Modal, NativeSelect, Stack, Textarea, TextInput } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useState, type FormEvent, type KeyboardEvent } from "react";
import type { FollowUpPriority } from "../../../ipc/bindings";
import { isIpcError } from "../../../ipc/client";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { useCreateFollowUp } from "../hooks/useCreateFollowUp";
import { useOwnerChoices } from "../hooks/useOwnerChoices";
import { PRIORITIES, priorityLabels } from "../utils/labels";
import { addDays, isDate, isTime, localDate, toDueInput } from "../utils/localTime";

export type NewFollowUpModalProps = {
  contactId: string;
  onClose(): void;
};

type Field = "title" | "due" | "owner";

/** The core's field names (`due.date`, `due.utcOffsetMinutes`) → this dialog's fields. */
function fieldOf(name: string): Field | null {
  if (name === "title") return "title";
  if (name.startsWith("due")) return "due";
  if (name === "owner") return "owner";
  return null;
}

const LABELS: Record<Field, string> = { title: "Title", due: "Due date", owner: "Owner" };

/** The core words most messages to follow the field's name ("is required"). */
function sentence(field: Field, message: string): string {
  const text = message.trim();
  const joined = /^(must|is|are|cannot|has)\b/i.test(text) ? `${LABELS[field]} ${text}` : text;
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/** A follow-up on its own, not from an interaction's next steps. Ctrl/Cmd+Enter saves. */
export function NewFollowUpModal({ contactId, onClose }: NewFollowUpModalProps) {
  const owners = useOwnerChoices();
  const create = useCreateFollowUp();
  const [title, setTitle] = useState("");
  const [notes, setNotes] = useState("");
  const [dueDate, setDueDate] = useState(() => localDate(addDays(new Date(), 7)));
  const [dueTime, setDueTime] = useState("");
  const [priority, setPriority] = useState<FollowUpPriority>("normal");
  const [owner, setOwner] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (create.isPending) return;
    const local: Partial<Record<Field, string>> = {};
    if (!title.trim()) local.title = "Title is required";
    if (!isDate(dueDate) || (dueTime.trim() && !isTime(dueTime))) local.due = "Enter the date as YYYY-MM-DD and, if you like, a time as HH:MM";
    setErrors(local);
    setGeneral(null);
    if (Object.keys(local).length) return;
    create.mutate(
      {
        contactId,
        interactionId: null,
        title: title.trim(),
        notes: notes.trim() || null,
        due: toDueInput(dueDate, dueTime),
        owner: owner || null,
        priority,
      },
      {
        onSuccess: onClose,
        onError: (cause) => {
          const placed: Partial<Record<Field, string>> = {};
          const rest: string[] = [];
          for (const problem of isIpcError(cause) ? cause.fields : []) {
            const field = fieldOf(problem.field);
            if (field) placed[field] = sentence(field, problem.message);
            else rest.push(`${problem.field}: ${problem.message}`);
          }
          setErrors(placed);
          if (rest.length || Object.keys(placed).length === 0) setGeneral(rest.join(" ") || formatIpcError(cause).message);
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

  return (
    <Modal opened onClose={create.isPending ? () => {} : onClose} title="New follow-up" centered size="lg" data-testid="new-follow-up">
      <form onSubmit={submit} onKeyDown={onKeyDown} noValidate>
        <Stack gap="sm">
          {general ? (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} role="alert">
              {general}
            </Alert>
          ) : null}
          <TextInput
            label="What to do"
            required
            data-autofocus
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={errors.title}
            data-testid="new-follow-up-title"
          />
          <Group grow align="flex-start" gap="sm">
            <TextInput
              label="Due date"
              placeholder="YYYY-MM-DD"
              value={dueDate}
              onChange={(event) => setDueDate(event.currentTarget.value)}
              error={errors.due}
              data-testid="new-follow-up-date"
            />
            <TextInput label="Time (optional)" placeholder="HH:MM" value={dueTime} onChange={(event) => setDueTime(event.currentTarget.value)} />
            <NativeSelect
              label="Priority"
              data={PRIORITIES.map((p) => ({ value: p, label: priorityLabels[p] }))}
              value={priority}
              onChange={(event) => setPriority(event.currentTarget.value as FollowUpPriority)}
            />
            <NativeSelect
              label="Owner"
              data={[{ value: "", label: "Me" }, ...(owners.data ?? []).map((o) => ({ value: o.username, label: o.displayName }))]}
              value={owner}
              onChange={(event) => setOwner(event.currentTarget.value)}
              error={errors.owner}
            />
          </Group>
          <Textarea label="Notes" autosize minRows={2} maxRows={6} value={notes} onChange={(event) => setNotes(event.currentTarget.value)} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={create.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="new-follow-up-save">
              Create follow-up
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
