import { describe, expect, it } from "vitest";
import { autoTick, decidedChannels, preferenceOf, withPreference } from "./channels";
import { wizardValues, type ContactFormValues } from "./formValues";

function typeEmail(values: ContactFormValues, address: string): ContactFormValues {
  return { ...values, emails: values.emails.map((e, i) => (i === 0 ? { ...e, address } : e)) };
}

function typeMobile(values: ContactFormValues, number: string): ContactFormValues {
  return { ...values, phones: values.phones.map((p) => (p.kind === "mobile" ? { ...p, number } : p)) };
}

describe("autoTick", () => {
  it("ticks the notification (never the consent) of a channel the first time its detail is entered", () => {
    const empty = wizardValues();
    const { values, decided } = autoTick(empty, typeEmail(empty, "a"), new Set(), false);
    expect(preferenceOf(values, "email")).toEqual({ channel: "email", notify: true, consent: false });
    expect(decided.has("email")).toBe(true);
  });

  it("does not tick again a channel the user unticked", () => {
    const empty = wizardValues();
    const first = autoTick(empty, typeEmail(empty, "a"), new Set(), false);
    const unticked = withPreference(first.values, "email", { notify: false });
    // The email is cleared and typed again: the user's "no" stands.
    const cleared = autoTick(unticked, typeEmail(unticked, ""), first.decided, false);
    const retyped = autoTick(cleared.values, typeEmail(cleared.values, "b@x.com"), cleared.decided, false);
    expect(preferenceOf(retyped.values, "email").notify).toBe(false);
  });

  it("ticks SMS for a mobile where SMS is enabled, the phone otherwise", () => {
    const empty = wizardValues();
    expect(preferenceOf(autoTick(empty, typeMobile(empty, "07700"), new Set(), true).values, "sms").notify).toBe(true);
    const noSms = autoTick(empty, typeMobile(empty, "07700"), new Set(), false).values;
    expect(preferenceOf(noSms, "sms").notify).toBe(false);
    expect(preferenceOf(noSms, "phone").notify).toBe(true);
  });

  it("counts channels with details or a stored preference as decided when a form opens", () => {
    const stored = { ...typeEmail(wizardValues(), "a@b.co"), channelPreferences: [{ channel: "post" as const, notify: false, consent: false }] };
    expect([...decidedChannels(stored, true)].sort()).toEqual(["email", "post"]);
  });
});

describe("withPreference", () => {
  it("drops a channel unticked on both counts unless it was stored that way", () => {
    const ticked = withPreference(wizardValues(), "post", { notify: true });
    expect(withPreference(ticked, "post", { notify: false }).channelPreferences).toEqual([]);
    expect(withPreference(ticked, "post", { notify: false }, new Set(["post"])).channelPreferences).toEqual([
      { channel: "post", notify: false, consent: false },
    ]);
  });
});
