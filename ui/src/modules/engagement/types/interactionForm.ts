import type { Direction, FollowUpPriority, InteractionCategory, InteractionChannel } from "../../../ipc/bindings";

/** The log dialog's values, as typed (numbers and dates are checked before saving). */
export type InteractionFormValues = {
  /** The contact whose page the dialog was opened on; always takes part. */
  contactId: string;
  otherContactIds: string[];
  channel: InteractionChannel;
  direction: Direction;
  date: string;
  time: string;
  duration: string;
  category: InteractionCategory;
  subject: string;
  outcome: string;
  nextSteps: string;
  noAnswer: boolean;
  attachments: string[];
  acknowledgeConsent: boolean;
  followUp: boolean;
  dueDate: string;
  dueTime: string;
  priority: FollowUpPriority;
  /** A username; empty for the signed-in user. */
  owner: string;
};

/** Where a problem is shown: one of the dialog's fields. */
export type InteractionField =
  | "otherContactIds"
  | "occurredAt"
  | "duration"
  | "subject"
  | "outcome"
  | "nextSteps"
  | "attachments"
  | "acknowledgeConsent"
  | "dueDate"
  | "owner"
  | "priority";

export type InteractionErrors = Partial<Record<InteractionField, string>>;

/** What the dialog starts with when it is opened from an email or phone link. */
export type InteractionPrefill = { channel: InteractionChannel; direction: Direction };
