//! The log dialog's values: defaults, local checks, the core's input, and the core's field
//! problems sorted onto the dialog's fields.
import type { FieldProblem, Interaction, InteractionInput } from "../../../ipc/bindings";
import { isIpcError } from "../../../ipc/client";
import { formatIpcError } from "../../../ipc/formatIpcError";
import type {
  InteractionErrors,
  InteractionField,
  InteractionFormValues,
  InteractionPrefill,
} from "../types/interactionForm";
import { canBeUnanswered } from "./labels";
import { userTimeZone } from "../../shell/utils/timeZone";
import { addDays, isDate, isTime, localDate, localTime, resolveTyped, toDueInput, toOffsetIso } from "./localTime";

/** A week is the usual "get back to them" in the seed's procedures. */
const DEFAULT_FOLLOW_UP_DAYS = 7;

export function newInteractionValues(contactId: string, now: Date, prefill?: InteractionPrefill): InteractionFormValues {
  return {
    contactId,
    otherContactIds: [],
    channel: prefill?.channel ?? "call",
    direction: prefill?.direction ?? "outbound",
    date: localDate(now),
    time: localTime(now),
    duration: "",
    category: "operational",
    subject: "",
    outcome: "",
    nextSteps: "",
    noAnswer: false,
    attachments: [],
    acknowledgeConsent: false,
    followUp: false,
    dueDate: localDate(addDays(now, DEFAULT_FOLLOW_UP_DAYS)),
    dueTime: "",
    priority: "normal",
    owner: "",
  };
}

/** An interaction's values for editing, its time shown in this computer's zone. */
export function editInteractionValues(contactId: string, interaction: Interaction): InteractionFormValues {
  const at = new Date(interaction.occurredAt);
  return {
    ...newInteractionValues(contactId, at),
    otherContactIds: interaction.contacts.map((c) => c.id).filter((id) => id !== contactId),
    channel: interaction.channel,
    direction: interaction.direction,
    duration: interaction.durationMinutes === null ? "" : String(interaction.durationMinutes),
    category: interaction.category,
    subject: interaction.subject,
    outcome: interaction.outcome ?? "",
    nextSteps: interaction.nextSteps ?? "",
    noAnswer: interaction.noAnswer,
    attachments: interaction.attachments,
  };
}

/** What can be told without asking the core; the core checks everything again. */
export function checkInteraction(values: InteractionFormValues, consentWarnings: number): InteractionErrors {
  const errors: InteractionErrors = {};
  if (!values.subject.trim()) errors.subject = "Subject is required";
  if (!isDate(values.date) || !isTime(values.time)) errors.occurredAt = "Enter the date as YYYY-MM-DD and the time as HH:MM";
  else if (resolveTyped(values.date, values.time).skipped) {
    errors.occurredAt = `${values.time.trim()} does not exist on ${values.date.trim()} in ${userTimeZone()}: the clocks go forward then`;
  }
  const duration = values.duration.trim();
  if (duration && !/^\d+$/.test(duration)) errors.duration = "Duration is a whole number of minutes";
  if (consentWarnings > 0 && !values.acknowledgeConsent) {
    errors.acknowledgeConsent = "Confirm that you log it anyway, or change the channel";
  }
  if (values.followUp) {
    if (!values.nextSteps.trim()) errors.nextSteps = "Next steps are needed to make a follow-up from them";
    if (!isDate(values.dueDate) || (values.dueTime.trim() && !isTime(values.dueTime))) {
      errors.dueDate = "Enter the due date as YYYY-MM-DD and, if you like, a time as HH:MM";
    }
  }
  return errors;
}

function optional(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === "" ? null : trimmed;
}

export function toInteractionInput(values: InteractionFormValues, editing: boolean): InteractionInput {
  const duration = values.duration.trim();
  return {
    contactIds: [values.contactId, ...values.otherContactIds.filter((id) => id !== values.contactId)],
    channel: values.channel,
    category: values.category,
    direction: values.direction,
    occurredAt: toOffsetIso(values.date, values.time),
    durationMinutes: duration ? Number(duration) : null,
    noAnswer: canBeUnanswered(values.channel, values.direction) && values.noAnswer,
    subject: values.subject.trim(),
    outcome: optional(values.outcome),
    nextSteps: optional(values.nextSteps),
    attachments: values.attachments.map((a) => a.trim()).filter(Boolean),
    acknowledgeConsent: values.acknowledgeConsent,
    followUp:
      values.followUp && !editing
        ? {
            contactId: values.contactId,
            due: toDueInput(values.dueDate, values.dueTime),
            owner: optional(values.owner),
            priority: values.priority,
          }
        : null,
  };
}

/** The core's field names (`attachments.2`, `followUp.due.date`) → the dialog field showing them. */
function fieldOf(name: string): InteractionField | null {
  if (name === "contactIds") return "otherContactIds";
  if (name === "durationMinutes") return "duration";
  if (name.startsWith("attachments")) return "attachments";
  if (name.startsWith("followUp.due") || name === "followUp") return "dueDate";
  if (name === "followUp.owner") return "owner";
  if (name === "followUp.priority") return "priority";
  const direct: InteractionField[] = ["occurredAt", "subject", "outcome", "nextSteps", "acknowledgeConsent"];
  return direct.find((field) => field === name) ?? null;
}

const LABELS: Record<InteractionField, string> = {
  otherContactIds: "Contacts",
  occurredAt: "Date and time",
  duration: "Duration",
  subject: "Subject",
  outcome: "Outcome",
  nextSteps: "Next steps",
  attachments: "Attachment",
  acknowledgeConsent: "Consent",
  dueDate: "Due date",
  owner: "Owner",
  priority: "Priority",
};

/** The core words its messages to follow the field's name ("is required"); others stand alone. */
function sentence(field: InteractionField, message: string): string {
  const text = message.trim();
  const joined = /^(must|is|are|cannot|should|has)\b/i.test(text) ? `${LABELS[field]} ${text}` : text;
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

export type SortedProblems = { fields: InteractionErrors; general: string | null };

/** Puts each field problem next to its field; the rest (or a failure without fields) goes above the form. */
export function sortProblems(error: unknown): SortedProblems {
  if (!isIpcError(error) || error.fields.length === 0) return { fields: {}, general: formatIpcError(error).message };
  const fields: InteractionErrors = {};
  const elsewhere: FieldProblem[] = [];
  for (const problem of error.fields) {
    const field = fieldOf(problem.field);
    if (field) {
      // Several consent problems (one per person) read as one list.
      fields[field] = fields[field] ? `${fields[field]} ${sentence(field, problem.message)}` : sentence(field, problem.message);
    } else {
      elsewhere.push(problem);
    }
  }
  const general = elsewhere.length ? elsewhere.map((p) => `${p.field}: ${p.message}`).join(" ") : null;
  return { fields, general };
}
