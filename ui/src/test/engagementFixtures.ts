//! Engagement test data in the shapes of the IPC contract.
import type { Cadence, EngagementMetrics, Escalation, FollowUp, Interaction } from "../ipc/bindings";

export function makeInteraction(overrides: Partial<Interaction> = {}): Interaction {
  return {
    id: "i1",
    contacts: [{ id: "42", reference: "C-000042", displayName: "Margaret Whitfield" }],
    channel: "call",
    category: "technical",
    direction: "outbound",
    occurredAt: "2026-11-20T14:30:00Z",
    utcOffsetMinutes: 0,
    durationMinutes: 25,
    noAnswer: false,
    subject: "Boiler replacement plan",
    outcome: "Agreed on the schedule",
    nextSteps: "Send the quote",
    attachments: [],
    loggedBy: { username: "admin", displayName: "Sam Okafor" },
    createdAt: "2026-11-20T14:31:00Z",
    updatedAt: "2026-11-20T14:31:00Z",
    version: 1,
    ...overrides,
  };
}

export function makeFollowUp(overrides: Partial<FollowUp> = {}): FollowUp {
  return {
    id: "f1",
    contact: { id: "42", reference: "C-000042", displayName: "Margaret Whitfield" },
    interactionId: null,
    owner: { username: "admin", displayName: "Sam Okafor" },
    title: "Send the quote",
    notes: null,
    dueDate: "2026-11-27",
    dueTime: null,
    utcOffsetMinutes: 0,
    dueAt: "2026-11-27T00:00:00Z",
    overdueAt: "2026-11-28T00:00:00Z",
    priority: "normal",
    status: "open",
    state: "upcoming",
    closedAt: null,
    createdAt: "2026-11-20T14:31:00Z",
    updatedAt: "2026-11-20T14:31:00Z",
    ...overrides,
  };
}

export function makeMetrics(overrides: Partial<EngagementMetrics> = {}): EngagementMetrics {
  return {
    contacts: 1,
    touchpoints: 12,
    touchpointsPerContact: 12,
    attempts: 8,
    inbound: 5,
    responseRate: 0.75,
    medianResponseMinutes: 180,
    lastContactAt: "2026-11-20T14:30:00Z",
    nonResponsive: 0,
    ...overrides,
  };
}

export function makeCadence(overrides: Partial<Cadence> = {}): Cadence {
  return {
    contact: { id: "42", reference: "C-000042", displayName: "Margaret Whitfield" },
    everyDays: 30,
    owner: { username: "admin", displayName: "Sam Okafor" },
    ownerNamed: false,
    lastContactAt: "2026-11-20T14:30:00Z",
    nextDueAt: "2026-12-20T14:30:00Z",
    due: false,
    ...overrides,
  };
}

export function makeEscalation(overrides: Partial<Escalation> = {}): Escalation {
  return {
    id: "e1",
    contact: { id: "77", reference: "C-000077", displayName: "Rory Quiet" },
    reason: "unanswered_attempts",
    startedAt: "2026-11-01T09:00:00Z",
    unanswered: 3,
    steps: [
      { level: "owner", user: { username: "admin", displayName: "Sam Okafor" }, at: "2026-11-01T09:00:00Z" },
      { level: "territory_manager", user: { username: "territory", displayName: "Tom Becker" }, at: "2026-11-08T09:00:00Z" },
    ],
    resolvedAt: null,
    ...overrides,
  };
}
