import { Button, Group, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowBackUp } from "@tabler/icons-react";
import { useCallback } from "react";
import type { RelationshipChange } from "../../../ipc/bindings";
import { undoRelationshipChange } from "../../../ipc/relationships";
import { refusalMessage } from "../utils/refusalMessage";
import { useMapEdit } from "./useMapEdit";

/**
 * Says what a level, team or flow edit did, with Undo for ten seconds. The undo goes through
 * the core's undo log, which refuses it (and says why) when something changed since.
 */
export function useUndoNotice() {
  const undo = useMapEdit((changeId: string) => undoRelationshipChange(changeId));
  const { mutateAsync } = undo;
  return useCallback(
    (change: RelationshipChange) => {
      const id = `map-change-${change.changeId}`;
      const run = () => {
        notifications.hide(id);
        // mutateAsync: the notice outlives the form that opened it.
        mutateAsync(change.changeId).then(
          (done) => notifications.show({ color: "teal", title: done.summary, message: "The map is as it was before." }),
          (error: unknown) => notifications.show({ color: "red", title: "Could not undo", message: refusalMessage(error) }),
        );
      };
      notifications.show({
        id,
        color: "teal",
        autoClose: 10_000,
        title: change.summary,
        message: (
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm" c="dimmed">
              Undo puts it back as it was.
            </Text>
            <Button size="compact-xs" variant="subtle" leftSection={<IconArrowBackUp size={14} />} onClick={run} data-testid="map-change-undo">
              Undo
            </Button>
          </Group>
        ),
      });
    },
    [mutateAsync],
  );
}
