import { Button, Group, List, Modal, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState, type FormEvent, type ReactNode } from "react";
import type { ContactDetail } from "../../../ipc/bindings";
import { FormAlert } from "../../admin/components/FormAlert";
import { useFormErrors } from "../../admin/hooks/useFormErrors";
import { useChangeContactStatus, type StatusChange } from "../hooks/useChangeContactStatus";

export type StatusChangeModalProps = {
  change: StatusChange;
  contact: Pick<ContactDetail, "id" | "displayName" | "status" | "sites">;
  /** Whether the user can still see the contact once it is archived (site administrators). */
  seesArchived: boolean;
  onClose(): void;
  /** After the change is saved; `visible` is false when the user can no longer see the contact. */
  onDone(visible: boolean): void;
};

const LABELS = { reason: "Reason" };

type Wording = { title: string; button: string; color: string; done: string; explain: ReactNode; placeholder: string };

function primarySites(contact: StatusChangeModalProps["contact"]): string[] {
  return contact.sites.filter((site) => site.isPrimary).map((site) => `${site.siteName} (${site.accountName})`);
}

function wording(
  change: StatusChange,
  contact: StatusChangeModalProps["contact"],
  seesArchived: boolean,
): Wording {
  const primaries = primarySites(contact);
  const stepsDown =
    primaries.length > 0 ? (
      <Text size="sm" data-testid="status-primary-note">
        It stops being the primary contact of {primaries.join(", ")}; choose a new primary contact there afterwards.
      </Text>
    ) : null;
  switch (change) {
    case "deactivate":
      return {
        title: `Deactivate ${contact.displayName}`,
        button: "Deactivate",
        color: "orange",
        done: "is now inactive",
        placeholder: "e.g. Left the company in March; replaced by the new facilities manager",
        explain: (
          <>
            <Text size="sm">The contact becomes inactive:</Text>
            <List size="sm" spacing={2}>
              <List.Item>it leaves the active contact lists and communication lists,</List.Item>
              <List.Item>it gives up every primary contact role,</List.Item>
              <List.Item>its details and history are kept, and it can be reactivated later.</List.Item>
            </List>
            {stepsDown}
          </>
        ),
      };
    case "archive":
      return {
        title: `Archive ${contact.displayName}`,
        button: "Archive",
        color: "orange",
        done: "is archived",
        placeholder: "e.g. No longer works with any of our customers",
        explain: (
          <>
            <Text size="sm">
              Archived contacts are visible to site administrators only, and every time one is opened it is recorded in
              the audit trail. After the retention period an archived contact is listed for erasure.
            </Text>
            {seesArchived ? null : (
              <Text size="sm" fw={500} data-testid="status-archive-hidden">
                You will no longer see this contact once it is archived; only a site administrator can reactivate it.
              </Text>
            )}
            {contact.status === "active" ? stepsDown : null}
          </>
        ),
      };
    case "reactivate":
      return {
        title: `Reactivate ${contact.displayName}`,
        button: "Reactivate",
        color: "teal",
        done: "is active again",
        placeholder: "e.g. Returned from secondment; confirmed by phone",
        explain: (
          <Text size="sm">
            The contact becomes active again and returns to the contact lists. Primary contact roles it gave up are not
            restored: set them again if needed.
          </Text>
        ),
      };
  }
}

/** Asks for the required reason of a deactivation, archival or reactivation, and explains what follows. */
export function StatusChangeModal({ change, contact, seesArchived, onClose, onDone }: StatusChangeModalProps) {
  const [reason, setReason] = useState("");
  const { errors, clear, fromError, check } = useFormErrors(LABELS);
  const mutation = useChangeContactStatus();
  const words = wording(change, contact, seesArchived);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!check({ reason: reason.trim() ? undefined : "Enter the reason" })) return;
    const visible = change !== "archive" || seesArchived;
    mutation.mutate(
      { change, id: contact.id, reason: reason.trim(), leavesSight: !visible },
      {
        onSuccess: () => {
          notifications.show({ color: "teal", title: "Status changed", message: `${contact.displayName} ${words.done}.` });
          onDone(visible);
        },
        onError: fromError,
      },
    );
  };

  return (
    <Modal
      opened
      onClose={mutation.isPending ? () => {} : onClose}
      title={words.title}
      centered
      size="md"
      data-testid={`status-modal-${change}`}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {words.explain}
          <FormAlert message={errors.general} />
          <Textarea
            label={LABELS.reason}
            description="Kept with the contact's history and shown on its page."
            placeholder={words.placeholder}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              clear("reason");
            }}
            error={errors.fields.reason}
            required
            autosize
            minRows={2}
            maxRows={6}
            data-autofocus
            data-testid="status-reason"
          />
          <Group justify="flex-end" gap="sm" mt="sm">
            <Button variant="default" onClick={onClose} disabled={mutation.isPending}>
              Cancel
            </Button>
            <Button type="submit" color={words.color} loading={mutation.isPending} data-testid="status-submit">
              {words.button}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
