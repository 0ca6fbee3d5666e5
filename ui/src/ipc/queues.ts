//! Typed wrappers for the verification and review queues.
import { commands } from "./bindings";
import type { QueueAssignee, QueueAssignReport, QueueAssignment, QueuePage, QueueQuery } from "./bindings";
import type { CallOptions } from "./client";
import { call } from "./client";

export function reviewQueue(query: QueueQuery, options?: CallOptions): Promise<QueuePage> {
  return call(() => commands.reviewQueue(query), options);
}

export function queueAssignees(options?: CallOptions): Promise<QueueAssignee[]> {
  return call(() => commands.queueAssignees(), options);
}

export function assignQueue(assignment: QueueAssignment): Promise<QueueAssignReport> {
  return call(() => commands.assignQueue(assignment));
}
