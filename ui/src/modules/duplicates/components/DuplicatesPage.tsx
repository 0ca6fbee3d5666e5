import { Alert, Button, Group, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { IconCopy, IconPlayerPlay, IconUsersGroup } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { ErrorState } from "../../shell/components/ErrorState";
import { StatePanel } from "../../shell/components/StatePanel";
import { useContactRows } from "../hooks/useContactRows";
import { useDuplicateScan } from "../hooks/useDuplicateScan";
import { DuplicateGroupCard } from "./DuplicateGroupCard";
import { RecentMerges } from "./RecentMerges";
import { ScanProgress } from "./ScanProgress";

/** Groups per page: their rows come in one call. */
export const GROUPS_PER_PAGE = 20;

const THRESHOLDS = [
  { value: "75", label: "Likely (75+)" },
  { value: "60", label: "Possible (60+)" },
];

/** The duplicate scan of everyone the user may see, and the groups of records it found. */
export function DuplicatesPage() {
  const { state, last, start, cancel } = useDuplicateScan();
  const [threshold, setThreshold] = useState("75");
  const [page, setPage] = useState(0);
  const groups = last?.scan.groups;
  const pages = groups ? Math.max(1, Math.ceil(groups.length / GROUPS_PER_PAGE)) : 1;
  const current = Math.min(page, pages - 1);
  const shown = useMemo(
    () => (groups ?? []).slice(current * GROUPS_PER_PAGE, (current + 1) * GROUPS_PER_PAGE),
    [groups, current],
  );
  const ids = useMemo(() => shown.flatMap((group) => group.contacts), [shown]);
  const rows = useContactRows(ids);
  const rowById = useMemo(() => (rows.data ? new Map(rows.data.map((row) => [row.id, row])) : null), [rows.data]);
  const running = state.phase === "running";

  const run = () => {
    setPage(0);
    start(Number(threshold));
  };

  let results;
  if (!last) {
    results = running ? null : (
      <StatePanel icon={<IconCopy size={24} />} title="No scan yet" testId="duplicates-none">
        A scan compares every contact you can see by name (nicknames, other spellings and swapped first and last
        names included), email, phone, company and address, and groups the records that look like the same person.
      </StatePanel>
    );
  } else if (last.scan.groups.length === 0) {
    results = (
      <StatePanel icon={<IconUsersGroup size={24} />} title="No duplicates found" testId="duplicates-empty">
        None of the {last.scan.contactsScanned.toLocaleString()} contacts you can see looks like another one at this
        threshold.
      </StatePanel>
    );
  } else {
    const first = current * GROUPS_PER_PAGE + 1;
    const lastShown = Math.min(last.scan.groups.length, (current + 1) * GROUPS_PER_PAGE);
    const pager = (
      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="duplicates-range">
          Groups {first.toLocaleString()}–{lastShown.toLocaleString()} of {last.scan.groups.length.toLocaleString()}
        </Text>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            disabled={current === 0}
            onClick={() => setPage(current - 1)}
            data-testid="duplicates-previous"
          >
            Previous
          </Button>
          <Button
            size="xs"
            variant="default"
            disabled={current >= pages - 1}
            onClick={() => setPage(current + 1)}
            data-testid="duplicates-next"
          >
            Next
          </Button>
        </Group>
      </Group>
    );
    // The pager sits above the groups, so turning pages needs no scrolling past twenty of them.
    results = (
      <Stack gap="md">
        {pager}
        {rows.isError ? <ErrorState error={rows.error} onRetry={() => void rows.refetch()} /> : null}
        {shown.map((group) => (
          <DuplicateGroupCard key={group.contacts.join(",")} group={group} rows={rowById} />
        ))}
      </Stack>
    );
  }

  return (
    <Stack gap="lg" p="lg" maw={1100} data-testid="duplicates-page">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
        <Stack gap={4}>
          <Group gap="xs">
            <IconCopy size={22} />
            <Title order={2}>Duplicates</Title>
          </Group>
          <Text size="sm" c="dimmed">
            Records that look like the same person, among the contacts you can see.
          </Text>
        </Stack>
        <Group gap="sm">
          <SegmentedControl
            size="xs"
            data={THRESHOLDS}
            value={threshold}
            onChange={setThreshold}
            disabled={running}
            aria-label="Which matches to show"
            data-testid="duplicates-threshold"
          />
          <Button leftSection={<IconPlayerPlay size={16} />} onClick={run} loading={running} data-testid="duplicates-scan">
            {last ? "Scan again" : "Scan for duplicates"}
          </Button>
        </Group>
      </Group>
      {running ? <ScanProgress progress={state.phase === "running" ? state.progress : null} onCancel={cancel} /> : null}
      {state.phase === "cancelled" ? (
        <Alert color="gray" title="Scan cancelled" data-testid="duplicates-cancelled">
          Nothing was changed. {last ? "The results below are from the previous scan." : "Start it again when you like."}
        </Alert>
      ) : null}
      {state.phase === "failed" ? <ErrorState error={state.error} onRetry={run} testId="duplicates-error" /> : null}
      {last ? (
        <Text size="sm" data-testid="duplicates-summary">
          {last.scan.groups.length.toLocaleString()} {last.scan.groups.length === 1 ? "group" : "groups"} among{" "}
          {last.scan.contactsScanned.toLocaleString()} contacts ({last.scan.pairsCompared.toLocaleString()} likely pairs
          compared, {last.minScore}+), scanned at {last.finishedAt.toLocaleTimeString()}
        </Text>
      ) : null}
      <RecentMerges />
      {results}
    </Stack>
  );
}
