//! Communication preferences per channel. Entering an email, phone, mobile or address ticks the
//! matching notification preference the first time (seed 002); once the user has ticked or
//! unticked a channel, or it was ticked for them, it is theirs and is never ticked again.
//! Consent is never ticked for the user: it is what the person agreed to, not a convenience.
import type { ChannelPreference, ContactChannel } from "../../../../ipc/bindings";
import { CHANNEL_ORDER } from "./compare";
import type { ContactFormValues } from "./formValues";

const filled = (value: string | null | undefined) => Boolean(value?.trim());

/** The channels the form's contact details make possible (a mobile means SMS where SMS is enabled). */
export function reachableChannels(
  values: Pick<ContactFormValues, "emails" | "phones" | "addresses">,
  smsEnabled: boolean,
): Set<ContactChannel> {
  const out = new Set<ContactChannel>();
  if (values.emails.some((e) => filled(e.address))) out.add("email");
  for (const phone of values.phones) {
    if (!filled(phone.number)) continue;
    if (phone.kind === "mobile" && smsEnabled) out.add("sms");
    else if (phone.kind !== "fax") out.add("phone");
  }
  if (values.addresses.some((a) => filled(a.line1))) out.add("post");
  return out;
}

export function preferenceOf(values: Pick<ContactFormValues, "channelPreferences">, channel: ContactChannel): ChannelPreference {
  return values.channelPreferences.find((p) => p.channel === channel) ?? { channel, notify: false, consent: false };
}

/**
 * Sets one channel's preference. The list keeps its order (the core names problems by index);
 * a new channel goes at the end, and one unticked on both counts is dropped unless `keep` says it
 * was stored that way.
 */
export function withPreference(
  values: ContactFormValues,
  channel: ContactChannel,
  patch: Partial<Pick<ChannelPreference, "notify" | "consent">>,
  keep: ReadonlySet<ContactChannel> = new Set(),
): ContactFormValues {
  const current = preferenceOf(values, channel);
  const next = { ...current, ...patch };
  const exists = values.channelPreferences.some((p) => p.channel === channel);
  let list = exists
    ? values.channelPreferences.map((p) => (p.channel === channel ? next : p))
    : [...values.channelPreferences, next];
  if (!next.notify && !next.consent && !keep.has(channel)) list = list.filter((p) => p.channel !== channel);
  return { ...values, channelPreferences: list };
}

/** Channels that count as already decided when a form opens: those with details or a preference. */
export function decidedChannels(values: ContactFormValues, smsEnabled: boolean): Set<ContactChannel> {
  const out = reachableChannels(values, smsEnabled);
  for (const p of values.channelPreferences) out.add(p.channel);
  return out;
}

/**
 * After an edit from `before` to `after`: ticks "notify" for each channel the edit made reachable
 * that is not yet decided, and returns the form and the channels now decided.
 */
export function autoTick(
  before: ContactFormValues,
  after: ContactFormValues,
  decided: ReadonlySet<ContactChannel>,
  smsEnabled: boolean,
): { values: ContactFormValues; decided: Set<ContactChannel> } {
  const was = reachableChannels(before, smsEnabled);
  const now = reachableChannels(after, smsEnabled);
  const nextDecided = new Set(decided);
  let values = after;
  for (const channel of CHANNEL_ORDER) {
    if (now.has(channel) && !was.has(channel) && !nextDecided.has(channel)) {
      values = withPreference(values, channel, { notify: true });
      nextDecided.add(channel);
    }
  }
  return { values, decided: nextDecided };
}
