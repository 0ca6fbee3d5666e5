import { Anchor, Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import type { ImportSummary } from "../../../ipc/bindings";
import { formatCount } from "../../contacts/utils/formatCount";
import { formatDateTime } from "../../contacts/utils/formatDateTime";

/** The latest imports, each with what it did; the whole history is one click away. */
export function ImportsCard({ imports }: { imports: ImportSummary[] }) {
  return (
    <Card withBorder radius="md" padding="md" h="100%" data-testid="dashboard-imports">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h5">
            Last imports
          </Title>
          <Anchor component={Link} to="/import?tab=history" size="sm" data-testid="dashboard-import-history">
            Import history
          </Anchor>
        </Group>
        {imports.length === 0 ? (
          <Text c="dimmed" size="sm">
            No imports yet.
          </Text>
        ) : (
          imports.map((summary) => (
            <Group key={summary.id} justify="space-between" wrap="nowrap" data-testid="dashboard-import">
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={500} truncate>
                  {summary.fileName}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(summary.createdAt)}
                  {summary.userName ? ` · ${summary.userName}` : ""}
                </Text>
              </div>
              {summary.undoneAt ? (
                <Badge color="gray" variant="light">
                  Undone
                </Badge>
              ) : (
                <Text size="xs" c="dimmed" ta="right" style={{ whiteSpace: "nowrap" }}>
                  {formatCount(summary.imported)} new · {formatCount(summary.updated)} updated
                </Text>
              )}
            </Group>
          ))
        )}
      </Stack>
    </Card>
  );
}
