import { Alert, Box, Button, Group, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconArrowBackUp, IconCheck } from "@tabler/icons-react";
import { useState } from "react";
import { useNavigate } from "react-router";
import type { AccountMap, RelationshipChange } from "../../../ipc/bindings";
import { formatIpcError } from "../../../ipc/formatIpcError";
import {
  addRelationship,
  removeRelationship,
  saveMapImage,
  setReportsTo,
  undoRelationshipChange,
} from "../../../ipc/relationships";
import { OrgChart } from "../chart/OrgChart";
import { useMapEdit } from "../hooks/useMapEdit";
import { imageBase64 } from "../utils/imageBase64";
import { refusalMessage } from "../utils/refusalMessage";

export type OrgChartPanelProps = {
  account: AccountMap;
};

type Edit =
  | { kind: "reparent"; personId: string; managerId: string | null }
  | { kind: "add"; fromId: string; toId: string; relationship: string }
  | { kind: "remove"; id: string };

function runEdit(edit: Edit): Promise<RelationshipChange> {
  switch (edit.kind) {
    case "reparent":
      return setReportsTo(edit.personId, edit.managerId);
    case "add":
      return addRelationship({ fromId: edit.fromId, toId: edit.toId, kind: edit.relationship, note: null, startsOn: null, endsOn: null });
    case "remove":
      return removeRelationship(edit.id);
  }
}

/**
 * The account's org chart with its edits: each edit goes to the core, which checks it (a
 * reports-to cycle is refused with the core's own message) and records it; the last change can
 * be undone from the bar above the chart.
 */
export function OrgChartPanel({ account }: OrgChartPanelProps) {
  const navigate = useNavigate();
  const [lastChange, setLastChange] = useState<RelationshipChange | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const edit = useMapEdit(runEdit);
  const undo = useMapEdit((changeId: string) => undoRelationshipChange(changeId));

  const apply = (next: Edit) => {
    setRefusal(null);
    edit.mutate(next, {
      onSuccess: (change) => setLastChange(change),
      onError: (error) => setRefusal(refusalMessage(error)),
    });
  };

  const exportImage = async (format: "svg" | "png", data: string | Blob) => {
    try {
      const saved = await saveMapImage(`${account.accountName} org chart.${format}`, format, await imageBase64(data));
      if (saved) notifications.show({ color: "teal", title: "Map exported", message: `Saved as ${format.toUpperCase()}.` });
    } catch (error) {
      notifications.show({ color: "red", title: "Could not export the map", message: formatIpcError(error).message });
    }
  };

  return (
    // The chart takes the window's height below the page header (the header, tabs and status bar
    // are about 250 px), so big accounts get all the room there is.
    <Box style={{ height: "calc(100vh - 250px)", minHeight: 480, display: "flex", flexDirection: "column" }}>
      {refusal ? (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={16} />}
          withCloseButton
          onClose={() => setRefusal(null)}
          mb="sm"
          role="alert"
          data-testid="org-refusal"
        >
          {refusal}
        </Alert>
      ) : null}
      {lastChange && !refusal ? (
        <Alert color="teal" variant="light" icon={<IconCheck size={16} />} mb="sm" data-testid="org-last-change">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{lastChange.summary}</Text>
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconArrowBackUp size={14} />}
              loading={undo.isPending}
              onClick={() =>
                undo.mutate(lastChange.changeId, {
                  onSuccess: () => setLastChange(null),
                  onError: (error) => setRefusal(refusalMessage(error)),
                })
              }
              data-testid="org-undo"
            >
              Undo
            </Button>
          </Group>
        </Alert>
      ) : null}
      <OrgChart
        people={account.people}
        relationships={account.relationships}
        groups={account.groups}
        kinds={account.kinds}
        mayEdit={account.mayEdit && !edit.isPending}
        onOpenPerson={(id) => void navigate(`/contacts/${id}`)}
        onReparent={(personId, managerId) => apply({ kind: "reparent", personId, managerId })}
        onAddRelationship={(fromId, toId, relationship) => apply({ kind: "add", fromId, toId, relationship })}
        onRemoveRelationship={(id) => apply({ kind: "remove", id })}
        onExport={(format, data) => void exportImage(format, data)}
        exportTitle={account.accountName}
      />
    </Box>
  );
}
