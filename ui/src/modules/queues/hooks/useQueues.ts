import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { QueueAssignment, QueueAssignReport, QueueKind, QueueQuery } from "../../../ipc/bindings";
import { assignQueue, queueAssignees, reviewQueue } from "../../../ipc/queues";

const QUEUE = "review-queue";

export function useReviewQueue(query: QueueQuery) {
  return useQuery({
    queryKey: [QUEUE, query],
    queryFn: ({ signal }) => reviewQueue(query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useQueueAssignees(enabled: boolean) {
  return useQuery({
    queryKey: ["queue-assignees"],
    queryFn: ({ signal }) => queueAssignees({ signal }),
    enabled,
    staleTime: 60_000,
  });
}

/** The next `count` unassigned contacts of a queue (in its order), for one user. */
export type NextAssignment = { kind: QueueKind; next: number; assigneeId: string };

/**
 * Hands the queue's next unassigned contacts (oldest verification first) to a user: the page
 * of them is read, then assigned, each checked again by the core.
 */
async function assignNext({ kind, next, assigneeId }: NextAssignment): Promise<QueueAssignReport> {
  const page = await reviewQueue({ kind, filter: "unassigned", offset: 0, limit: next });
  if (page.entries.length === 0) return { changed: 0, refused: [] };
  return assignQueue({ kind, contactIds: page.entries.map((e) => e.contact.id), assigneeId });
}

/**
 * Assigns (or unassigns) the chosen queue contacts, or the next unassigned ones; every page of
 * every queue is counted again after.
 */
export function useAssignQueue() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (assignment: QueueAssignment | NextAssignment) =>
      "next" in assignment ? assignNext(assignment) : assignQueue(assignment),
    onSettled: () => client.invalidateQueries({ queryKey: [QUEUE] }),
  });
}
