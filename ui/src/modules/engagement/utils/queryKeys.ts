//! TanStack Query keys of the engagement screens, named after the commands that fill them.
import type { Direction, FollowUpQuery, InteractionChannel, MetricsOf, TimelineQuery } from "../../../ipc/bindings";

/** The timeline's filters without paging: the pages of one filtered timeline share a key. */
export type TimelineFilterKey = Omit<TimelineQuery, "cursor" | "limit">;

export const engagementKeys = {
  contactTimeline: (contactId: string, filters: TimelineFilterKey) => ["contactTimeline", contactId, filters] as const,
  accountTimeline: (accountId: string, filters: TimelineFilterKey) => ["accountTimeline", accountId, filters] as const,
  engagementMetrics: (of: MetricsOf) => ["engagementMetrics", of] as const,
  contactFollowUps: (contactId: string) => ["contactFollowUps", contactId] as const,
  getCadence: (contactId: string) => ["getCadence", contactId] as const,
  interactionConsent: (contactIds: string[], channel: InteractionChannel, direction: Direction) =>
    ["interactionConsent", contactIds, channel, direction] as const,
  myFollowUps: (query: FollowUpQuery) => ["myFollowUps", query] as const,
  overdueFollowUps: (query: FollowUpQuery) => ["overdueFollowUps", query] as const,
  followUpCounts: () => ["followUpCounts"] as const,
  cadenceQueue: () => ["cadenceQueue"] as const,
  escalationQueue: () => ["escalationQueue"] as const,
  nonResponsiveContacts: (territoryId: string | null) => ["nonResponsiveContacts", territoryId] as const,
  getEscalationPolicy: () => ["getEscalationPolicy"] as const,
  listOwners: () => ["listOwners"] as const,
  contactSearch: (search: string) => ["listContacts", "engagementSearch", search] as const,
};

/** Everything an interaction, follow-up or cadence change can alter (timelines, queues, figures, counts). */
export const ENGAGEMENT_QUERIES = new Set<string>([
  "contactTimeline",
  "accountTimeline",
  "engagementMetrics",
  "contactFollowUps",
  "getCadence",
  "myFollowUps",
  "overdueFollowUps",
  "followUpCounts",
  "cadenceQueue",
  "escalationQueue",
  "nonResponsiveContacts",
]);
