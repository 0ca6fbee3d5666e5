import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import { formatDateTime } from "../../contacts/utils/formatDateTime";
import { useRecentMerges, useUnmergeContacts } from "../hooks/useMerge";
import { Refusal } from "./Refusal";

const SHOWN = 5;

/** The latest merges the user may undo, newest first; nothing when there are none. */
export function RecentMerges() {
  const merges = useRecentMerges();
  const undo = useUnmergeContacts();
  const [all, setAll] = useState(false);
  const list = merges.data ?? [];
  if (list.length === 0) return null;
  const shown = all ? list : list.slice(0, SHOWN);
  return (
    <Paper withBorder radius="md" p="md" data-testid="recent-merges">
      <Stack gap="xs">
        <Title order={4}>Recent merges</Title>
        {undo.isError ? <Refusal error={undo.error} testId="recent-merge-undo-failed" /> : null}
        {shown.map((merge) => (
          <Group key={merge.mergeId} justify="space-between" wrap="nowrap" data-testid="recent-merge" data-merge-id={merge.mergeId}>
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" truncate="end">
                <Anchor component={Link} to={`/contacts/${merge.survivorId}`} fw={600}>
                  {merge.survivorName}
                </Anchor>{" "}
                ({merge.survivorReference}) {merge.undoneAt ? "was merged with" : "holds"} {merge.merged.join(", ")}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(merge.mergedAt)}
                {merge.mergedBy ? ` by ${merge.mergedBy}` : ""}
              </Text>
            </Stack>
            {merge.undoneAt ? (
              <Badge variant="light" color="gray" tt="none" style={{ flexShrink: 0 }}>
                Undone {formatDateTime(merge.undoneAt)}
              </Badge>
            ) : (
              <Button
                size="xs"
                variant="default"
                style={{ flexShrink: 0 }}
                loading={undo.isPending && undo.variables === merge.mergeId}
                onClick={() => undo.mutate(merge.mergeId)}
                data-testid="recent-merge-undo"
              >
                Undo
              </Button>
            )}
          </Group>
        ))}
        {list.length > SHOWN ? (
          <Button variant="subtle" size="xs" w="fit-content" onClick={() => setAll((v) => !v)}>
            {all ? "Show fewer" : `Show all ${list.length}`}
          </Button>
        ) : null}
      </Stack>
    </Paper>
  );
}
