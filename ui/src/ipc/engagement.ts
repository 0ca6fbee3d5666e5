//! Typed wrappers for the engagement commands: interactions, timelines, follow-ups, cadences,
//! escalation and engagement figures.
import { commands } from "./bindings";
import type {
  Cadence,
  CadenceInput,
  ConsentWarning,
  Direction,
  EngagementMetrics,
  Escalation,
  EscalationPolicy,
  FollowUp,
  FollowUpChange,
  FollowUpCounts,
  FollowUpInput,
  FollowUpPage,
  FollowUpQuery,
  Interaction,
  InteractionChannel,
  InteractionInput,
  LoggedInteraction,
  MetricsOf,
  TimelinePage,
  TimelineQuery,
} from "./bindings";
import { call, type CallOptions } from "./client";

/** The contacts among `contactIds` who have not consented to an outbound interaction on `channel`. */
export function interactionConsent(
  contactIds: string[],
  channel: InteractionChannel,
  direction: Direction,
  options?: CallOptions,
): Promise<ConsentWarning[]> {
  return call(() => commands.interactionConsent(contactIds, channel, direction), options);
}

export function logInteraction(input: InteractionInput): Promise<LoggedInteraction> {
  return call(() => commands.logInteraction(input));
}

export function updateInteraction(id: string, version: number, input: InteractionInput): Promise<Interaction> {
  return call(() => commands.updateInteraction(id, version, input));
}

export function deleteInteraction(id: string): Promise<null> {
  return call(() => commands.deleteInteraction(id));
}

export function contactTimeline(contactId: string, query: TimelineQuery, options?: CallOptions): Promise<TimelinePage> {
  return call(() => commands.contactTimeline(contactId, query), options);
}

export function accountTimeline(accountId: string, query: TimelineQuery, options?: CallOptions): Promise<TimelinePage> {
  return call(() => commands.accountTimeline(accountId, query), options);
}

export function createFollowUp(input: FollowUpInput): Promise<FollowUp> {
  return call(() => commands.createFollowUp(input));
}

export function changeFollowUp(id: string, change: FollowUpChange): Promise<FollowUp> {
  return call(() => commands.changeFollowUp(id, change));
}

export function reassignFollowUp(id: string, owner: string): Promise<FollowUp> {
  return call(() => commands.reassignFollowUp(id, owner));
}

export function myFollowUps(query: FollowUpQuery, options?: CallOptions): Promise<FollowUpPage> {
  return call(() => commands.myFollowUps(query), options);
}

export function overdueFollowUps(query: FollowUpQuery, options?: CallOptions): Promise<FollowUpPage> {
  return call(() => commands.overdueFollowUps(query), options);
}

export function contactFollowUps(contactId: string, options?: CallOptions): Promise<FollowUp[]> {
  return call(() => commands.contactFollowUps(contactId), options);
}

export function followUpCounts(options?: CallOptions): Promise<FollowUpCounts> {
  return call(() => commands.followUpCounts(), options);
}

export function getCadence(contactId: string, options?: CallOptions): Promise<Cadence | null> {
  return call(() => commands.getCadence(contactId), options);
}

export function setCadence(contactId: string, input: CadenceInput): Promise<Cadence> {
  return call(() => commands.setCadence(contactId, input));
}

export function removeCadence(contactId: string): Promise<null> {
  return call(() => commands.removeCadence(contactId));
}

export function cadenceQueue(options?: CallOptions): Promise<Cadence[]> {
  return call(() => commands.cadenceQueue(), options);
}

export function getEscalationPolicy(options?: CallOptions): Promise<EscalationPolicy> {
  return call(() => commands.getEscalationPolicy(), options);
}

export function saveEscalationPolicy(policy: EscalationPolicy): Promise<EscalationPolicy> {
  return call(() => commands.saveEscalationPolicy(policy));
}

export function escalationQueue(options?: CallOptions): Promise<Escalation[]> {
  return call(() => commands.escalationQueue(), options);
}

export function nonResponsiveContacts(territoryId: string | null, options?: CallOptions): Promise<Escalation[]> {
  return call(() => commands.nonResponsiveContacts(territoryId), options);
}

export function resolveEscalation(id: string): Promise<Escalation> {
  return call(() => commands.resolveEscalation(id));
}

export function engagementMetrics(of: MetricsOf, options?: CallOptions): Promise<EngagementMetrics> {
  return call(() => commands.engagementMetrics(of), options);
}
