import {
  IconCalendarEvent,
  IconMail,
  IconMessage,
  IconNote,
  IconPhone,
  type Icon,
} from "@tabler/icons-react";
import type {
  ContactChannel,
  Direction,
  EscalationLevel,
  EscalationReason,
  FollowUpPriority,
  InteractionCategory,
  InteractionChannel,
} from "../../../ipc/bindings";

export const CHANNELS: InteractionChannel[] = ["email", "call", "meeting", "note", "sms"];
export const CATEGORIES: InteractionCategory[] = ["strategic", "technical", "operational", "commercial", "support", "other"];
export const DIRECTIONS: Direction[] = ["outbound", "inbound"];
export const PRIORITIES: FollowUpPriority[] = ["low", "normal", "high", "urgent"];

export const channelLabels: Record<InteractionChannel, string> = {
  email: "Email",
  call: "Call",
  meeting: "Meeting",
  note: "Note",
  sms: "SMS",
};

export const channelIcons: Record<InteractionChannel, Icon> = {
  email: IconMail,
  call: IconPhone,
  meeting: IconCalendarEvent,
  note: IconNote,
  sms: IconMessage,
};

export const categoryLabels: Record<InteractionCategory, string> = {
  strategic: "Strategic",
  technical: "Technical",
  operational: "Operational",
  commercial: "Commercial",
  support: "Support",
  other: "Other",
};

export const directionLabels: Record<Direction, string> = {
  outbound: "Outbound",
  inbound: "Inbound",
};

export const priorityLabels: Record<FollowUpPriority, string> = {
  low: "Low",
  normal: "Normal",
  high: "High",
  urgent: "Urgent",
};

export const priorityColors: Record<FollowUpPriority, string> = {
  low: "gray",
  normal: "blue",
  high: "orange",
  urgent: "red",
};

export const consentChannelLabels: Record<ContactChannel, string> = {
  email: "email",
  phone: "phone calls",
  sms: "text messages",
  post: "post",
};

export const escalationLevelLabels: Record<EscalationLevel, string> = {
  owner: "Owner",
  territory_manager: "Territory manager",
  regional_manager: "Regional manager",
  site_admin: "Site administrator",
};

export const escalationReasonLabels: Record<EscalationReason, string> = {
  unanswered_attempts: "Unanswered attempts",
  no_response: "No response in time",
};

/** Channels on which an outbound interaction needs the contact's consent. */
export function needsConsent(channel: InteractionChannel, direction: Direction): boolean {
  return direction === "outbound" && (channel === "email" || channel === "call" || channel === "sms");
}

/** A call or meeting can fail to reach the person (voicemail, no-show); an email cannot tell. */
export function canBeUnanswered(channel: InteractionChannel, direction: Direction): boolean {
  return direction === "outbound" && (channel === "call" || channel === "meeting");
}
