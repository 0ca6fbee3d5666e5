import { Button, Divider, Group, Skeleton, Stack, Text } from "@mantine/core";
import { IconMessages, IconPlus, IconRefresh } from "@tabler/icons-react";
import { Fragment, useState } from "react";
import type { Interaction } from "../../../ipc/bindings";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { ConfirmModal } from "../../admin/components/ConfirmModal";
import { DetailCard } from "../../contacts/components/DetailCard";
import { useTimeline } from "../hooks/useTimeline";
import { useDeleteInteraction } from "../hooks/useDeleteInteraction";
import type { TimelineFilterValues } from "../types/timelineFilters";
import type { TimelineSource } from "../types/timelineSource";
import { hasTimelineFilters, NO_TIMELINE_FILTERS, timelineDateError, timelineQuery } from "../utils/timelineQuery";
import { TimelineFilters } from "./TimelineFilters";
import { TimelineEntry } from "./TimelineEntry";

export type TimelineCardProps = {
  source: TimelineSource;
  /** Offered on an empty timeline; an account's timeline logs from its people's pages instead. */
  onLog?(): void;
  onEdit(interaction: Interaction): void;
};

/** A contact's or an account's interactions, newest first, filtered and paged by the core. */
export function TimelineCard({ source, onLog, onEdit }: TimelineCardProps) {
  const [filters, setFilters] = useState<TimelineFilterValues>(NO_TIMELINE_FILTERS);
  const timeline = useTimeline(source, timelineQuery(filters));
  const [deleting, setDeleting] = useState<Interaction | null>(null);
  const remove = useDeleteInteraction();
  const items = timeline.data?.pages.flatMap((page) => page.items) ?? [];

  let body;
  if (timeline.isPending) {
    body = (
      <Stack gap="md" aria-busy="true" aria-label="Loading the timeline" data-testid="timeline-loading">
        {[0, 1, 2].map((row) => (
          <Group key={row} gap="sm" wrap="nowrap">
            <Skeleton height={32} circle />
            <Stack gap={6} flex={1}>
              <Skeleton height={12} width="60%" />
              <Skeleton height={10} width="35%" />
            </Stack>
          </Group>
        ))}
      </Stack>
    );
  } else if (timeline.isError) {
    body = (
      <Group justify="space-between" wrap="nowrap" data-testid="timeline-error">
        <Text size="sm" c="red">
          {formatIpcError(timeline.error).message}
        </Text>
        <Button size="xs" variant="light" leftSection={<IconRefresh size={14} />} onClick={() => void timeline.refetch()}>
          Retry
        </Button>
      </Group>
    );
  } else if (items.length === 0) {
    body = (
      <Stack align="center" gap={6} py="lg" data-testid="timeline-empty">
        <Text size="sm" c="dimmed">
          {hasTimelineFilters(filters) ? "No interaction matches these filters." : "No interactions logged yet."}
        </Text>
        {hasTimelineFilters(filters) || !onLog ? null : (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={onLog}>
            Log the first one
          </Button>
        )}
      </Stack>
    );
  } else {
    body = (
      <Stack gap="sm" data-testid="timeline">
        {items.map((interaction, index) => (
          <Fragment key={interaction.id}>
            {index > 0 ? <Divider variant="dashed" /> : null}
            <TimelineEntry
              interaction={interaction}
              contactId={source.kind === "contact" ? source.id : null}
              onEdit={onEdit}
              onDelete={setDeleting}
            />
          </Fragment>
        ))}
        {timeline.hasNextPage ? (
          <Group justify="center">
            <Button
              size="xs"
              variant="subtle"
              onClick={() => void timeline.fetchNextPage()}
              loading={timeline.isFetchingNextPage}
              data-testid="timeline-more"
            >
              Load more
            </Button>
          </Group>
        ) : null}
      </Stack>
    );
  }

  return (
    <DetailCard title="Timeline" icon={<IconMessages size={16} />} testId="card-timeline">
      <Stack gap="md">
        <TimelineFilters value={filters} onChange={setFilters} dateError={timelineDateError(filters)} />
        {body}
      </Stack>
      {deleting ? (
        <ConfirmModal
          title="Delete this interaction?"
          confirmLabel="Delete"
          pending={remove.isPending}
          error={remove.error ? formatIpcError(remove.error).message : null}
          onConfirm={() => remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
          onCancel={() => {
            remove.reset();
            setDeleting(null);
          }}
          testId="delete-interaction"
          confirmTestId="delete-interaction-confirm"
        >
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            “{deleting.subject}” is removed from the timeline of everyone who took part. The deletion is recorded in the
            audit trail.
          </Text>
        </ConfirmModal>
      ) : null}
    </DetailCard>
  );
}
