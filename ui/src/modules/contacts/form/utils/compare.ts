//! Whether two forms differ, field by field, the way a person would judge it: blank and missing
//! are the same, list entries left empty do not count, and the order of tags or sites does not
//! matter. The edit screen uses it for "unsaved changes" and for working out a conflict.
import type { ChannelPreference, ContactChannel } from "../../../../ipc/bindings";
import type { ContactFormValues, FormField } from "./formValues";
import { FIELD_GROUPS } from "./steps";

export const CHANNEL_ORDER: ContactChannel[] = ["email", "phone", "sms", "post"];

/** Every field of the form, in the order the screens show them. */
export const FORM_FIELDS: FormField[] = Object.values(FIELD_GROUPS).flat();

function text(value: string | null | undefined): string {
  return (value ?? "").trim();
}

/** "2500", "2500.0" and "2,500.00" are the same amount; anything unreadable compares as typed. */
export function normalAmount(value: string | null | undefined): string {
  const typed = text(value).replace(/,/g, "");
  if (/^\d+(\.\d+)?$/.test(typed)) return Number(typed).toFixed(2);
  return text(value);
}

function channels(prefs: ChannelPreference[]): ChannelPreference[] {
  return prefs
    .filter((p) => p.notify || p.consent)
    .map((p) => ({ channel: p.channel, notify: p.notify, consent: p.consent }))
    .sort((a, b) => CHANNEL_ORDER.indexOf(a.channel) - CHANNEL_ORDER.indexOf(b.channel));
}

/** A field's value reduced to what matters for "has it changed". */
export function normalField(field: FormField, values: ContactFormValues): unknown {
  switch (field) {
    case "emails":
      return values.emails.filter((e) => text(e.address)).map((e) => [e.kind, text(e.address)]);
    case "phones":
      return values.phones
        .filter((p) => text(p.number))
        .map((p) => [p.kind, text(p.number), text(p.country).toUpperCase(), text(p.extension)]);
    case "addresses":
      return values.addresses
        .map((a) => [a.kind, text(a.line1), text(a.line2), text(a.city), text(a.region), text(a.postalCode), text(a.country).toUpperCase()])
        .filter(([, ...parts]) => parts.slice(0, 5).some(Boolean));
    case "tags":
      return values.tags
        .map(text)
        .filter(Boolean)
        .sort((a, b) => a.localeCompare(b));
    case "websites":
      return values.websites.map(text).filter(Boolean);
    case "channelPreferences":
      return channels(values.channelPreferences);
    case "sites":
      return values.sites
        .filter((s) => s.siteId)
        .map((s) => [s.siteId, s.role, normalAmount(s.authorityLimit)])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    case "approvalLimit":
      return normalAmount(values.approvalLimit);
    default: {
      const value = values[field];
      return typeof value === "string" || value === null ? text(value) : value;
    }
  }
}

export function sameField(field: FormField, a: ContactFormValues, b: ContactFormValues): boolean {
  return JSON.stringify(normalField(field, a)) === JSON.stringify(normalField(field, b));
}

/** The fields that differ between `from` and `to`, in screen order. */
export function changedFields(from: ContactFormValues, to: ContactFormValues): FormField[] {
  return FORM_FIELDS.filter((field) => !sameField(field, from, to));
}
