import { Alert, Card, Group, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import type { ImportPreview, OnDuplicate, RecordDecision } from "../../../ipc/bindings";
import { formatCount } from "../../contacts/utils/formatCount";
import type { PreviewRowFilter } from "../types/previewRowFilter";
import { countOf } from "../utils/counts";
import { withDecision } from "../utils/importRequest";
import { rowFilterLabels } from "../utils/labels";
import { filterRows } from "../utils/previewRows";
import { PreviewRowsTable } from "./PreviewRowsTable";

export type PreviewRowsCardProps = {
  preview: ImportPreview;
  decisions: RecordDecision[];
  onDuplicate: OnDuplicate;
  stale: boolean;
  onDecisions: (decisions: RecordDecision[]) => void;
};

const FILTERS = (Object.keys(rowFilterLabels) as PreviewRowFilter[]).map((value) => ({
  value,
  label: rowFilterLabels[value],
}));

const EMPTY_TEXT: Record<PreviewRowFilter, string> = {
  all: "The file has no records.",
  problems: "No listed record has a problem or a warning.",
  duplicates: "No listed record matches an existing contact or another record of the file.",
};

/** The records as they would be stored, with their problems and matches, and a decision for each duplicate. */
export function PreviewRowsCard({ preview, decisions, onDuplicate, stale, onDecisions }: PreviewRowsCardProps) {
  const [filter, setFilter] = useState<PreviewRowFilter>("all");
  const rows = useMemo(() => filterRows(preview.rows, filter), [preview.rows, filter]);
  const unlisted = Math.max(0, preview.records - preview.rows.length);

  return (
    <Card data-testid="import-rows-card">
      <Stack gap="sm">
        <Group justify="space-between" align="center" wrap="wrap" gap="sm">
          <Group gap="sm" align="baseline">
            <Title order={4}>Records</Title>
            <Text size="sm" c="dimmed" data-testid="import-rows-count">
              {filter === "all"
                ? `${countOf(preview.rows.length, "record")} listed`
                : `${formatCount(rows.length)} of ${countOf(preview.rows.length, "listed record")}`}
            </Text>
          </Group>
          <SegmentedControl
            size="xs"
            data={FILTERS}
            value={filter}
            onChange={(value) => setFilter(value as PreviewRowFilter)}
            data-testid="import-row-filter"
          />
        </Group>
        {preview.truncated ? (
          <Alert color="gray" variant="light" icon={<IconInfoCircle size={16} />} py={8} data-testid="import-truncated">
            Showing the first records and those with problems or matches; {formatCount(unlisted)} more{" "}
            {unlisted === 1 ? "is" : "are"} not listed.
          </Alert>
        ) : null}
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed" ta="center" py="xl" data-testid="import-rows-empty">
            {EMPTY_TEXT[filter]}
          </Text>
        ) : (
          <PreviewRowsTable
            rows={rows}
            decisions={decisions}
            onDuplicate={onDuplicate}
            stale={stale}
            onDecide={(record, action) => onDecisions(withDecision(decisions, record, action))}
          />
        )}
      </Stack>
    </Card>
  );
}
