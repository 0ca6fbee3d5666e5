import { ActionIcon, Group, Loader, Stack, Text, Tooltip, UnstyledButton } from "@mantine/core";
import { IconCheck, IconPencil, IconTrash, IconUsers } from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { SavedView } from "../../../ipc/bindings";
import { formatIpcError } from "../../../ipc/formatIpcError";
import classes from "./ViewsList.module.css";

export type ViewsListProps = {
  views: SavedView[] | undefined;
  loading: boolean;
  error: unknown;
  activeId: string | null;
  onApply: (view: SavedView) => void;
  onEdit: (view: SavedView) => void;
  onDelete: (view: SavedView) => void;
};

/** "My views" and "Shared views" (by others), each a button that applies it. */
export function ViewsList({ views, loading, error, activeId, onApply, onEdit, onDelete }: ViewsListProps) {
  if (loading) {
    return (
      <Group gap="xs" p="sm">
        <Loader size={14} />
        <Text size="sm" c="dimmed">
          Loading views…
        </Text>
      </Group>
    );
  }
  if (error) {
    return (
      <Text size="sm" c="red" p="sm" role="alert">
        {formatIpcError(error).message}
      </Text>
    );
  }
  const mine = (views ?? []).filter((view) => view.mine);
  const others = (views ?? []).filter((view) => !view.mine);
  return (
    <Stack gap={4}>
      <Text className={classes.section}>My views</Text>
      {mine.length === 0 ? (
        <Text size="sm" c="dimmed" px="sm" pb={4} data-testid="views-mine-empty">
          None yet. Search or filter the list, then save it as a view to come back to it in one click.
        </Text>
      ) : (
        mine.map((view) => (
          <ViewItem
            key={view.id}
            view={view}
            active={view.id === activeId}
            onApply={onApply}
            actions={
              <>
                <Tooltip label="Rename or share">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="sm"
                    aria-label={`Rename or share ${view.name}`}
                    onClick={() => onEdit(view)}
                    data-testid="view-edit"
                  >
                    <IconPencil size={14} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label="Delete">
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="sm"
                    aria-label={`Delete ${view.name}`}
                    onClick={() => onDelete(view)}
                    data-testid="view-delete"
                  >
                    <IconTrash size={14} />
                  </ActionIcon>
                </Tooltip>
              </>
            }
          />
        ))
      )}
      <Text className={classes.section}>Shared views</Text>
      {others.length === 0 ? (
        <Text size="sm" c="dimmed" px="sm" pb={4}>
          Nobody else has shared a view.
        </Text>
      ) : (
        others.map((view) => <ViewItem key={view.id} view={view} active={view.id === activeId} onApply={onApply} />)
      )}
    </Stack>
  );
}

type ViewItemProps = {
  view: SavedView;
  active: boolean;
  onApply: (view: SavedView) => void;
  actions?: ReactNode;
};

function ViewItem({ view, active, onApply, actions }: ViewItemProps) {
  const detail = view.mine ? (view.shared ? "Shared with everyone" : null) : `by ${view.owner}`;
  return (
    <div className={classes.item} data-active={active || undefined} data-testid="view-item" data-view-id={view.id}>
      <UnstyledButton
        className={classes.apply}
        onClick={() => onApply(view)}
        aria-current={active || undefined}
        data-testid="view-apply"
      >
        <span className={classes.check}>{active ? <IconCheck size={14} stroke={2.2} /> : null}</span>
        <span className={classes.text}>
          <span className={classes.name} title={view.name} data-testid="view-name">
            {view.name}
          </span>
          {detail ? (
            <span className={classes.detail}>
              {view.shared ? <IconUsers size={11} stroke={1.8} /> : null}
              <span data-testid="view-owner">{detail}</span>
            </span>
          ) : null}
        </span>
      </UnstyledButton>
      {actions ? <div className={classes.actions}>{actions}</div> : null}
    </div>
  );
}
