//! Form values in words, for the review step and the conflict panel ("Job title: Buyer → Head of
//! Purchasing").
import { formatCalendarDate } from "../../utils/formatDateTime";
import { formatLanguage } from "../../utils/formatLanguage";
import {
  addressKindLabels,
  channelLabels,
  contactTypeLabels,
  emailKindLabels,
  lifecycleStageLabels,
  phoneKindLabels,
  siteRoleLabels,
} from "../../utils/labels";
import { CHANNEL_ORDER, normalField } from "./compare";
import type { AddressEntry, ContactFormValues, FormField, PhoneEntry } from "./formValues";
import { priorityWords } from "./options";

export const fieldLabels: Record<FormField, string> = {
  contactType: "Contact type",
  contactTypeOther: "Kind of contact",
  salutation: "Salutation",
  firstName: "First name",
  middleName: "Middle name",
  lastName: "Last name",
  preferredName: "Preferred name",
  suffix: "Suffix",
  jobTitle: "Job title",
  department: "Department",
  authorityLevel: "Authority level",
  authorityScope: "Authority scope",
  approvalLimit: "Approval limit",
  employeeId: "Employee ID",
  emails: "Emails",
  phones: "Phones",
  addresses: "Addresses",
  lifecycleStage: "Lifecycle stage",
  priority: "Priority",
  tags: "Tags",
  owner: "Owner",
  preferredMethod: "Preferred method",
  preferredTimes: "Preferred times",
  timeZone: "Time zone",
  language: "Language",
  channelPreferences: "Notifications and consent",
  specialInstructions: "Special instructions",
  notes: "Notes",
  birthday: "Birthday",
  websites: "Websites",
  sites: "Sites and roles",
  approvalSource: "Approval source",
  approvalDate: "Approval date",
};

/** What the describers need besides the form: names for ids. */
export type DescribeContext = {
  siteName: (siteId: string) => string;
  ownerName: (username: string) => string;
};

export const NOTHING = "—";

export function phoneText(p: PhoneEntry): string {
  const number = p.number.trim();
  const country = p.country && !number.startsWith("+") ? ` (${p.country})` : "";
  const ext = p.extension?.trim() ? ` ext. ${p.extension.trim()}` : "";
  return `${number}${country}${ext}`;
}

export function addressText(a: AddressEntry): string {
  return [a.line1, a.line2, a.city, a.region, a.postalCode, a.country.toUpperCase()]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(", ");
}

function amountText(value: string | null): string {
  const amount = value?.trim();
  return amount ? `${amount} GBP` : NOTHING;
}

/** One field's value as a line of text; `—` when nothing is entered. */
export function describeField(field: FormField, values: ContactFormValues, ctx: DescribeContext): string {
  const plain = normalField(field, values);
  if (plain === "" || (Array.isArray(plain) && plain.length === 0)) return NOTHING;
  switch (field) {
    case "contactType":
      return contactTypeLabels[values.contactType];
    case "lifecycleStage":
      return lifecycleStageLabels[values.lifecycleStage];
    case "priority":
      return priorityWords[values.priority];
    case "preferredMethod":
      return values.preferredMethod ? channelLabels[values.preferredMethod] : NOTHING;
    case "language":
      return values.language ? `${formatLanguage(values.language)} (${values.language})` : NOTHING;
    case "owner":
      return values.owner ? ctx.ownerName(values.owner) : NOTHING;
    case "approvalLimit":
      return amountText(values.approvalLimit);
    case "birthday":
    case "approvalDate": {
      const date = values[field];
      return date ? formatCalendarDate(date) : NOTHING;
    }
    case "emails":
      return values.emails
        .filter((e) => e.address.trim())
        .map((e) => `${e.address.trim()} (${emailKindLabels[e.kind].toLowerCase()})`)
        .join("; ");
    case "phones":
      return values.phones
        .filter((p) => p.number.trim())
        .map((p) => `${phoneText(p)} (${phoneKindLabels[p.kind].toLowerCase()})`)
        .join("; ");
    case "addresses":
      return values.addresses
        .filter((a) => addressText(a))
        .map((a) => `${addressText(a)} (${addressKindLabels[a.kind].toLowerCase()})`)
        .join("; ");
    case "tags":
    case "websites":
      return (plain as string[]).join(", ");
    case "channelPreferences":
      return [...values.channelPreferences]
        .filter((p) => p.notify || p.consent)
        .sort((a, b) => CHANNEL_ORDER.indexOf(a.channel) - CHANNEL_ORDER.indexOf(b.channel))
        .map((p) => {
          const what = [p.notify ? "notify" : null, p.consent ? "consent" : null].filter(Boolean).join(" + ");
          return `${channelLabels[p.channel]}: ${what}`;
        })
        .join("; ");
    case "sites":
      return values.sites
        .filter((s) => s.siteId)
        .map((s) => {
          const limit = s.authorityLimit?.trim() ? `, limit ${s.authorityLimit.trim()} GBP` : "";
          return `${ctx.siteName(s.siteId)} as ${siteRoleLabels[s.role].toLowerCase()}${limit}`;
        })
        .join("; ");
    default: {
      const value = values[field];
      return typeof value === "string" && value.trim() ? value.trim() : NOTHING;
    }
  }
}

const addressPartLabels: Record<string, string> = {
  line1: "street",
  line2: "line 2",
  city: "city",
  region: "region",
  postalCode: "postcode",
  country: "country",
};

/** A core field path in words: "emails.0.address" → "Business email", "sites.1.siteId" → the site's name. */
export function pathLabel(path: string, values: ContactFormValues, ctx: DescribeContext): string {
  const [root, indexText, sub] = path.split(".");
  const index = Number(indexText);
  switch (root) {
    case "emails": {
      const kind = values.emails[index]?.kind;
      return kind ? `${emailKindLabels[kind]} email` : "Email";
    }
    case "phones": {
      const kind = values.phones[index]?.kind;
      return kind ? `${phoneKindLabels[kind]} phone` : "Phone";
    }
    case "addresses": {
      const kind = values.addresses[index]?.kind;
      const what = kind ? `${addressKindLabels[kind]} address` : "Address";
      return sub ? `${what}: ${addressPartLabels[sub] ?? sub}` : what;
    }
    case "sites": {
      const site = values.sites[index];
      if (!site) return fieldLabels.sites;
      const name = site.siteId ? ctx.siteName(site.siteId) : "A site";
      return sub === "authorityLimit" ? `Authority limit at ${name}` : name;
    }
    case "channelPreferences": {
      const channel = values.channelPreferences[index]?.channel;
      return channel ? `${channelLabels[channel]} preference` : fieldLabels.channelPreferences;
    }
    case "tags":
      return indexText === undefined ? "Tags" : `Tag ${index + 1}`;
    case "websites":
      return indexText === undefined ? "Websites" : `Website ${index + 1}`;
    default:
      return root in fieldLabels
        ? fieldLabels[root as FormField]
        : root.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/^./, (c) => c.toUpperCase());
  }
}
