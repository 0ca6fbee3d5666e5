import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { QueueAssignment, QueueQuery } from "../../../ipc/bindings";
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

/** Assigns (or unassigns) queue contacts; every page of every queue is counted again after. */
export function useAssignQueue() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (assignment: QueueAssignment) => assignQueue(assignment),
    onSettled: () => client.invalidateQueries({ queryKey: [QUEUE] }),
  });
}
