//! The choices the contact form offers. Names of countries, languages and time zones come from the
//! platform (Intl) in the user's language; the lists only say which ones to offer.
import type { ComboboxItem } from "@mantine/core";
import type {
  AddressKind,
  ContactChannel,
  ContactType,
  EmailKind,
  LifecycleStage,
  PhoneKind,
  Priority,
  SiteRole,
} from "../../../../ipc/bindings";
import { userLocale } from "../../../shell/utils/userLocale";
import {
  addressKindLabels,
  channelLabels,
  contactTypeLabels,
  emailKindLabels,
  lifecycleStageLabels,
  phoneKindLabels,
  siteRoleLabels,
} from "../../utils/labels";

export const SALUTATIONS = ["Mr.", "Mrs.", "Ms.", "Miss", "Mx.", "Dr.", "Prof.", "Rev.", "Sir", "Dame", "Lord", "Lady"];

export const SUFFIXES = ["Jr.", "Sr.", "II", "III", "PhD", "MBA", "OBE", "MBE", "CBE", "QC", "KC"];

export const AUTHORITY_LEVELS = [
  "Decision maker",
  "Budget holder",
  "Approver",
  "Recommender",
  "Influencer",
  "Day-to-day contact",
  "Information only",
];

export const PREFERRED_TIMES = [
  "Business hours",
  "Mornings",
  "Afternoons",
  "Before 10:00",
  "After 16:00",
  "Not on Fridays",
  "Weekdays only",
];

export const contactTypeDescriptions: Record<ContactType, string> = {
  primary: "The main point of contact at the customer: documents are addressed to them.",
  billing: "Receives invoices and statements and answers questions about payment.",
  operations: "Looks after day-to-day work at the site: access, schedules, deliveries.",
  emergency: "Called out of hours when something urgent happens at the site.",
  other: "Any other role; describe it in a few words.",
};

export const CONTACT_TYPES: ContactType[] = ["primary", "billing", "operations", "emergency", "other"];
export const SITE_ROLES: SiteRole[] = ["site_manager", "billing", "operations", "emergency", "liaison", "other"];
export const LIFECYCLE_STAGES: LifecycleStage[] = ["lead", "prospect", "active_customer", "former"];
export const PRIORITIES: Priority[] = ["high", "medium", "low"];
export const EMAIL_KINDS: EmailKind[] = ["business", "alternate", "personal"];
export const PHONE_KINDS: PhoneKind[] = ["office", "mobile", "home", "fax", "pager", "other"];
export const ADDRESS_KINDS: AddressKind[] = ["mailing", "site", "home"];

export const priorityWords: Record<Priority, string> = { high: "High", medium: "Medium", low: "Low" };

export const siteRoleOptions: ComboboxItem[] = SITE_ROLES.map((role) => ({ value: role, label: siteRoleLabels[role] }));
export const lifecycleOptions: ComboboxItem[] = LIFECYCLE_STAGES.map((stage) => ({
  value: stage,
  label: lifecycleStageLabels[stage],
}));
export const emailKindOptions: ComboboxItem[] = EMAIL_KINDS.map((k) => ({ value: k, label: emailKindLabels[k] }));
export const phoneKindOptions: ComboboxItem[] = PHONE_KINDS.map((k) => ({ value: k, label: phoneKindLabels[k] }));
export const addressKindOptions: ComboboxItem[] = ADDRESS_KINDS.map((k) => ({ value: k, label: addressKindLabels[k] }));
export const contactTypeOptions: ComboboxItem[] = CONTACT_TYPES.map((t) => ({ value: t, label: contactTypeLabels[t] }));

export function channelOptions(smsEnabled: boolean): ComboboxItem[] {
  const channels: ContactChannel[] = smsEnabled ? ["email", "phone", "sms", "post"] : ["email", "phone", "post"];
  return channels.map((c) => ({ value: c, label: channelLabels[c] }));
}

/** Countries offered for phones and addresses, with their calling codes. */
const CALLING_CODES: Record<string, string> = {
  GB: "44", IE: "353", US: "1", CA: "1", AU: "61", NZ: "64", DE: "49", FR: "33", ES: "34", PT: "351",
  IT: "39", NL: "31", BE: "32", LU: "352", CH: "41", AT: "43", DK: "45", SE: "46", NO: "47", FI: "358",
  IS: "354", PL: "48", CZ: "420", SK: "421", HU: "36", RO: "40", BG: "359", GR: "30", CY: "357", MT: "356",
  HR: "385", SI: "386", RS: "381", EE: "372", LV: "371", LT: "370", UA: "380", TR: "90", IL: "972", AE: "971",
  SA: "966", QA: "974", EG: "20", MA: "212", NG: "234", KE: "254", ZA: "27", IN: "91", PK: "92", BD: "880",
  LK: "94", CN: "86", HK: "852", TW: "886", JP: "81", KR: "82", SG: "65", MY: "60", TH: "66", VN: "84",
  PH: "63", ID: "62", MX: "52", BR: "55", AR: "54", CL: "56", CO: "57", PE: "51",
};

function displayNames(type: "region" | "language"): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames(userLocale, { type });
  } catch {
    return null;
  }
}

const regionNames = displayNames("region");
const languageNames = displayNames("language");

function regionName(code: string): string {
  try {
    return regionNames?.of(code) ?? code;
  } catch {
    return code;
  }
}

const COUNTRY_CODES = Object.keys(CALLING_CODES).sort((a, b) => regionName(a).localeCompare(regionName(b), userLocale));

/** A phone's country "" (what the core reads as the organisation's country), as a Select can hold it. */
export const HOME_COUNTRY = "home";

/** Countries as "United Kingdom +44" for a phone's country. */
export const phoneCountryOptions: ComboboxItem[] = [
  { value: HOME_COUNTRY, label: "Organisation's country" },
  ...COUNTRY_CODES.map((code) => ({ value: code, label: `${regionName(code)} +${CALLING_CODES[code]}` })),
];

/** An address's country as the Select holds it: two-letter codes in capitals, anything else as stored. */
export function addressCountryValue(country: string): string | null {
  const typed = country.trim();
  if (!typed) return null;
  return /^[A-Za-z]{2}$/.test(typed) ? typed.toUpperCase() : typed;
}

const addressCountries: ComboboxItem[] = COUNTRY_CODES.map((code) => ({ value: code, label: `${regionName(code)} (${code})` }));

/** Countries for an address, by ISO code (the core stores the two-letter code); a stored value not listed is kept. */
export function addressCountryOptions(current: string): ComboboxItem[] {
  const value = addressCountryValue(current);
  if (!value || CALLING_CODES[value]) return addressCountries;
  return [{ value, label: /^[A-Z]{2}$/.test(value) ? `${regionName(value)} (${value})` : value }, ...addressCountries];
}

export function callingCode(country: string): string | null {
  return CALLING_CODES[country.toUpperCase()] ? `+${CALLING_CODES[country.toUpperCase()]}` : null;
}

const LANGUAGE_TAGS = [
  "en", "en-GB", "en-US", "en-IE", "de", "de-AT", "de-CH", "fr", "fr-BE", "fr-CH", "es", "es-MX", "pt", "pt-BR",
  "it", "nl", "nl-BE", "da", "sv", "nb", "fi", "is", "pl", "cs", "sk", "hu", "ro", "bg", "el", "hr", "sl", "sr",
  "et", "lv", "lt", "uk", "ru", "tr", "he", "ar", "fa", "hi", "ur", "bn", "ta", "zh-Hans", "zh-Hant", "ja", "ko",
  "th", "vi", "ms", "id", "tl", "sw", "cy", "ga", "gd",
];

function languageName(tag: string): string {
  try {
    return languageNames?.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** Languages as "German (Switzerland) · de-CH", with the form's current value kept when it is not listed. */
export function languageOptions(current: string | null): ComboboxItem[] {
  const tags = [...LANGUAGE_TAGS];
  if (current && !tags.includes(current)) tags.unshift(current);
  return tags
    .map((tag) => ({ value: tag, label: `${languageName(tag)} · ${tag}` }))
    .sort((a, b) => a.label.localeCompare(b.label, userLocale));
}
