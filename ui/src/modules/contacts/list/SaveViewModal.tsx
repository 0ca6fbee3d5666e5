import { Badge, Group, Modal, Stack, Switch, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState, type FormEvent } from "react";
import type { SavedView, TerritoryOption } from "../../../ipc/bindings";
import { FormActions } from "../../admin/components/FormActions";
import { FormAlert } from "../../admin/components/FormAlert";
import { useFormErrors } from "../../admin/hooks/useFormErrors";
import type { ContactListState } from "../types/contactList";
import { useSaveView } from "./useSaveView";
import { describeListState, fromViewQuery, toViewQuery } from "./viewQuery";

export type SaveViewModalProps = {
  /** null: a new view of `state`; a view: rename it or change its sharing (its query stays). */
  view: SavedView | null;
  /** The list as it is now (what a new view saves). */
  state: ContactListState;
  territories: readonly TerritoryOption[] | undefined;
  onSaved: (view: SavedView) => void;
  onClose: () => void;
};

const LABELS = { name: "Name", shared: "Share with everyone" };

/** The core words some problems to follow the field's name ("you already have a view with this name"). */
function sentence(message: string | undefined): string | undefined {
  return message ? message.charAt(0).toUpperCase() + message.slice(1) : message;
}

export function SaveViewModal({ view, state, territories, onSaved, onClose }: SaveViewModalProps) {
  const [name, setName] = useState(view?.name ?? "");
  const [shared, setShared] = useState(view?.shared ?? false);
  const { errors, clear, fromError, check } = useFormErrors(LABELS);
  const save = useSaveView();
  const saves = view ? fromViewQuery(view.query) : state;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!check({ name: trimmed ? undefined : "Give the view a name" })) return;
    save.mutate(
      { id: view?.id ?? null, name: trimmed, shared, query: view ? view.query : toViewQuery(state) },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: "teal",
            title: view ? "View saved" : "View created",
            message: `${saved.name} is saved${saved.shared ? " and shared with everyone" : ""}.`,
          });
          onSaved(saved);
        },
        onError: fromError,
      },
    );
  };

  return (
    <Modal
      opened
      onClose={save.isPending ? () => {} : onClose}
      title={view ? `Rename or share “${view.name}”` : "Save view"}
      centered
      data-testid="save-view-form"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert message={errors.general} />
          <TextInput
            label={LABELS.name}
            placeholder="e.g. Scotland billing contacts"
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              clear("name");
            }}
            error={sentence(errors.fields.name)}
            required
            maxLength={80}
            autoComplete="off"
            data-autofocus
            data-testid="save-view-name"
          />
          <Switch
            label={LABELS.shared}
            description="Everyone can apply a shared view; each person still sees only the contacts in their own scope."
            checked={shared}
            onChange={(event) => setShared(event.currentTarget.checked)}
            data-testid="save-view-shared"
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {view ? "The view shows" : "The view keeps"}
            </Text>
            <Group gap={6} data-testid="save-view-summary">
              {describeListState(saves, territories).map((part) => (
                <Badge key={part} variant="light" color="gray" tt="none" fw={500} maw="100%">
                  {part}
                </Badge>
              ))}
            </Group>
          </Stack>
          <FormActions
            submitLabel={view ? "Save" : "Save view"}
            pending={save.isPending}
            onCancel={onClose}
            submitTestId="save-view-submit"
          />
        </Stack>
      </form>
    </Modal>
  );
}
