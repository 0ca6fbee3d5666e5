import { Button, Card, Stack } from "@mantine/core";
import { IconHierarchy2, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import type { RelationshipKind } from "../../../ipc/bindings";
import { useRelationshipKinds } from "../../relationships/network/hooks/useRelationshipKinds";
import { ErrorState } from "../../shell/components/ErrorState";
import { StatePanel } from "../../shell/components/StatePanel";
import { RelationshipKindFormModal } from "./RelationshipKindFormModal";
import { RelationshipKindsTable } from "./RelationshipKindsTable";
import { SectionHeader } from "./SectionHeader";
import { TableSkeleton } from "./TableSkeleton";

/** The dialog: null while closed; `kind` null for a new kind. */
type Dialog = { kind: RelationshipKind | null };

export function RelationshipKindsPanel() {
  // The chart's own query: a save here refreshes the same cache its pickers read.
  const kinds = useRelationshipKinds();
  const [dialog, setDialog] = useState<Dialog | null>(null);

  let body;
  if (kinds.isPending) {
    body = <TableSkeleton label="Loading relationship kinds" columns={4} rows={5} testId="kinds-loading" />;
  } else if (kinds.isError) {
    body = (
      <Card>
        <ErrorState error={kinds.error} onRetry={() => void kinds.refetch()} retrying={kinds.isRefetching} testId="kinds-error" />
      </Card>
    );
  } else if (kinds.data.length === 0) {
    body = (
      <Card>
        <StatePanel icon={<IconHierarchy2 size={24} />} title="No relationship kinds" testId="kinds-empty">
          Kinds name how two people are linked on the chart, such as “mentors” or “covers for”. Add the first one.
        </StatePanel>
      </Card>
    );
  } else {
    body = (
      <Card p={0}>
        <RelationshipKindsTable kinds={kinds.data} onEdit={(kind) => setDialog({ kind })} />
      </Card>
    );
  }

  return (
    <Stack gap="md" data-testid="admin-kinds">
      <SectionHeader
        title="Relationship kinds"
        description="How two people can be linked on the org chart and the contact page. The four built-in kinds can be renamed; added kinds choose whether they form a hierarchy and whether they have a direction."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: null })} data-testid="kind-add">
            Add kind
          </Button>
        }
      />
      {body}
      {dialog ? <RelationshipKindFormModal kind={dialog.kind} onClose={() => setDialog(null)} /> : null}
    </Stack>
  );
}
