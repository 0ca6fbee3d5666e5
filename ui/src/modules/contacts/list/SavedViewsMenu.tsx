import { Badge, Button, Divider, Group, Popover, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  IconArrowBackUp,
  IconBookmarks,
  IconChevronDown,
  IconDeviceFloppy,
  IconPlus,
} from "@tabler/icons-react";
import { useState } from "react";
import type { SavedView, TerritoryOption } from "../../../ipc/bindings";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { ConfirmModal } from "../../admin/components/ConfirmModal";
import type { ContactListState } from "../types/contactList";
import { SaveViewModal } from "./SaveViewModal";
import { useDeleteView } from "./useDeleteView";
import { useSavedViews } from "./useSavedViews";
import { useSaveView } from "./useSaveView";
import { fromViewQuery, isModified, toViewQuery } from "./viewQuery";
import classes from "./ViewsList.module.css";
import { ViewsList } from "./ViewsList";

export type SavedViewsMenuProps = {
  /** What the list shows now. */
  state: ContactListState;
  /** The view the list was opened from, if any. */
  viewId: string | null;
  /** Shows `state` as coming from the view `viewId` (null: from no view). */
  onApply: (viewId: string | null, state: ContactListState) => void;
  territories: readonly TerritoryOption[] | undefined;
};

type Editing = { view: SavedView | null } | null;

/** The views button: applies, saves, renames, shares and deletes saved views of the list. */
export function SavedViewsMenu({ state, viewId, onApply, territories }: SavedViewsMenuProps) {
  const views = useSavedViews();
  const saveChanges = useSaveView();
  const remove = useDeleteView();
  const [opened, setOpened] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<SavedView | null>(null);

  const active = viewId === null ? null : (views.data?.find((view) => view.id === viewId) ?? null);
  const modified = active !== null && isModified(active, state);

  const apply = (view: SavedView) => {
    setOpened(false);
    onApply(view.id, fromViewQuery(view.query));
  };

  const onSaveChanges = (view: SavedView) => {
    setOpened(false);
    saveChanges.mutate(
      { id: view.id, name: view.name, shared: view.shared, query: toViewQuery(state) },
      {
        onSuccess: (saved) =>
          notifications.show({ color: "teal", title: "View saved", message: `${saved.name} now shows this list.` }),
        onError: (error) =>
          notifications.show({ color: "red", title: "The view was not saved", message: formatIpcError(error).message }),
      },
    );
  };

  const confirmDelete = (view: SavedView) => {
    remove.mutate(view.id, {
      onSuccess: () => {
        setDeleting(null);
        notifications.show({ color: "teal", title: "View deleted", message: `${view.name} is deleted.` });
        // The list stays as it is; it just no longer comes from a view.
        if (view.id === viewId) onApply(null, state);
      },
    });
  };

  return (
    <Group gap={6} wrap="nowrap" miw={0}>
      <Popover opened={opened} onChange={setOpened} position="bottom-start" width={340} shadow="md" trapFocus>
        <Popover.Target>
          <Button
            variant="default"
            size="sm"
            leftSection={<IconBookmarks size={16} stroke={1.6} />}
            rightSection={<IconChevronDown size={14} />}
            onClick={() => setOpened((o) => !o)}
            aria-haspopup="dialog"
            aria-expanded={opened}
            maw={300}
            styles={{ label: { overflow: "hidden" } }}
            title={active ? active.name : undefined}
            data-testid="views-menu"
          >
            <span className={classes.ellipsis} data-testid="active-view-name">
              {active ? active.name : "Views"}
            </span>
          </Button>
        </Popover.Target>
        <Popover.Dropdown p={6} data-testid="views-panel">
          {/* A plain scroller: an autosizing ScrollArea grows to the longest name instead of cutting it. */}
          <div className={classes.scroller}>
            <ViewsList
              views={views.data}
              loading={views.isPending}
              error={views.error}
              activeId={active?.id ?? null}
              onApply={apply}
              onEdit={(view) => {
                setOpened(false);
                setEditing({ view });
              }}
              onDelete={(view) => {
                setOpened(false);
                remove.reset();
                setDeleting(view);
              }}
            />
          </div>
          <Divider my={6} />
          <Stack gap={2}>
            {active && modified && active.mine ? (
              <Button
                variant="subtle"
                justify="flex-start"
                leftSection={<IconDeviceFloppy size={16} />}
                onClick={() => onSaveChanges(active)}
                styles={{ label: { overflow: "hidden" } }}
                data-testid="view-save-changes"
              >
                <span className={classes.ellipsis}>Save changes to “{active.name}”</span>
              </Button>
            ) : null}
            {active && modified ? (
              <Button
                variant="subtle"
                color="gray"
                justify="flex-start"
                leftSection={<IconArrowBackUp size={16} />}
                onClick={() => apply(active)}
                styles={{ label: { overflow: "hidden" } }}
                data-testid="view-revert"
              >
                <span className={classes.ellipsis}>Back to “{active.name}” as saved</span>
              </Button>
            ) : null}
            <Button
              variant="subtle"
              justify="flex-start"
              leftSection={<IconPlus size={16} />}
              onClick={() => {
                setOpened(false);
                setEditing({ view: null });
              }}
              data-testid="view-save-new"
            >
              Save view…
            </Button>
          </Stack>
        </Popover.Dropdown>
      </Popover>
      {modified ? (
        <Badge variant="light" color="yellow" tt="none" fw={500} data-testid="view-modified" title="The list no longer shows what the view saved">
          Modified
        </Badge>
      ) : null}
      {modified && active?.mine ? (
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => onSaveChanges(active)}
          loading={saveChanges.isPending}
          data-testid="view-save-changes-quick"
        >
          Save changes
        </Button>
      ) : null}
      {editing ? (
        <SaveViewModal
          view={editing.view}
          state={state}
          territories={territories}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            // A new view becomes the list's view; a renamed one keeps showing what it showed.
            if (!editing.view) onApply(saved.id, state);
          }}
        />
      ) : null}
      {deleting ? (
        <ConfirmModal
          title={`Delete the view “${deleting.name}”?`}
          confirmLabel="Delete view"
          pending={remove.isPending}
          error={remove.isError ? formatIpcError(remove.error).message : null}
          onConfirm={() => confirmDelete(deleting)}
          onCancel={() => setDeleting(null)}
          testId="delete-view-confirm"
        >
          <Text size="sm">
            {deleting.shared
              ? "The view disappears for you and for everyone it is shared with."
              : "The view disappears from your views."}{" "}
            No contact is changed.
          </Text>
        </ConfirmModal>
      ) : null}
    </Group>
  );
}
