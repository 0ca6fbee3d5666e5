//! The contact form's state: a `ContactInput` with every field present, so inputs always have a
//! value and the form compares field by field. What is sent is this state as it is; the core skips
//! blank list entries but names problems by their index, so a list entry keeps its index.
import type {
  AddressInput,
  ContactDetail,
  ContactInput,
  EmailInput,
  PhoneInput,
  PhoneNumber,
  SiteAssociationInput,
} from "../../../../ipc/bindings";

export type EmailEntry = Required<EmailInput>;
export type PhoneEntry = Required<PhoneInput>;
export type AddressEntry = Required<AddressInput>;
export type SiteEntry = Required<SiteAssociationInput>;

export type ContactFormValues = Omit<Required<ContactInput>, "emails" | "phones" | "addresses" | "sites"> & {
  emails: EmailEntry[];
  phones: PhoneEntry[];
  addresses: AddressEntry[];
  sites: SiteEntry[];
};

export type FormField = keyof ContactFormValues;

export function emptyEmail(kind: EmailEntry["kind"] = "business"): EmailEntry {
  return { kind, address: "" };
}

/** `country` "" is the organisation's own country: the core reads the number there. */
export function emptyPhone(kind: PhoneEntry["kind"] = "office"): PhoneEntry {
  return { kind, number: "", country: "", extension: null };
}

export function emptyAddress(kind: AddressEntry["kind"] = "mailing"): AddressEntry {
  return { kind, line1: "", line2: null, city: "", region: null, postalCode: null, country: "" };
}

/** A new, empty form: the core's defaults (primary contact, active customer, medium priority). */
export function emptyValues(): ContactFormValues {
  return {
    contactType: "primary",
    contactTypeOther: null,
    salutation: null,
    firstName: "",
    middleName: null,
    lastName: "",
    preferredName: null,
    suffix: null,
    jobTitle: null,
    department: null,
    authorityLevel: null,
    authorityScope: null,
    approvalLimit: null,
    employeeId: null,
    emails: [],
    phones: [],
    addresses: [],
    lifecycleStage: "active_customer",
    priority: "medium",
    tags: [],
    owner: null,
    preferredMethod: null,
    preferredTimes: null,
    timeZone: null,
    language: null,
    channelPreferences: [],
    specialInstructions: null,
    notes: null,
    birthday: null,
    websites: [],
    sites: [],
    approvalSource: null,
    approvalDate: null,
  };
}

/** Any input (a saved draft, a partial object) with every field present. */
export function valuesOfInput(input: ContactInput): ContactFormValues {
  const empty = emptyValues();
  const values = { ...empty } as Record<string, unknown>;
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined && key in empty) values[key] = value;
  }
  const v = values as ContactFormValues;
  return {
    ...v,
    emails: (input.emails ?? []).map((e) => ({ ...emptyEmail(), ...e })),
    phones: (input.phones ?? []).map((p) => ({ ...emptyPhone(), ...p })),
    addresses: (input.addresses ?? []).map((a) => ({ ...emptyAddress(), ...a })),
    sites: (input.sites ?? []).map((s) => ({ siteId: "", role: "operations", authorityLimit: null, ...s })),
    tags: [...(input.tags ?? [])],
    websites: [...(input.websites ?? [])],
    channelPreferences: (input.channelPreferences ?? []).map((c) => ({ ...c })),
  };
}

/**
 * The wizard's fixed places: emails 0 business and 1 alternate, phones 0 office and 1 mobile,
 * address 0 mailing. A draft the wizard saved is already in this shape; anything else is sorted
 * into it by kind (entries that fit no place are kept after them).
 */
export const WIZARD_SLOTS = {
  businessEmail: 0,
  alternateEmail: 1,
  officePhone: 0,
  mobilePhone: 1,
  mailingAddress: 0,
} as const;

function slotted<T extends { kind: string }>(entries: T[], kinds: T["kind"][], make: (kind: T["kind"]) => T): T[] {
  const rest = [...entries];
  const slots = kinds.map((kind) => {
    const at = rest.findIndex((entry) => entry.kind === kind);
    return at >= 0 ? rest.splice(at, 1)[0] : make(kind);
  });
  return [...slots, ...rest];
}

export function wizardValues(input: ContactInput = {}): ContactFormValues {
  const values = valuesOfInput(input);
  return {
    ...values,
    emails: slotted(values.emails, ["business", "alternate"], emptyEmail),
    phones: slotted(values.phones, ["office", "mobile"], emptyPhone),
    addresses: slotted(values.addresses, ["mailing"], emptyAddress),
  };
}

/**
 * A stored number as the person reads it: the core's display form ("020 7946 0958" at home,
 * "+31 10 766 7508" abroad), which it reads back as the same number, without the extension that has
 * a field of its own.
 */
export function phoneForForm(p: Pick<PhoneNumber, "display" | "e164" | "extension">): string {
  const shown = p.extension ? p.display.replace(/[\s,;]*(ext\.?|extension|x|#)\s*\d+\s*$/i, "") : p.display;
  return shown.trim() || p.e164;
}

/** A stored contact as its edit form (the same shape the core compares an edit with). */
export function valuesOfDetail(d: ContactDetail): ContactFormValues {
  return {
    contactType: d.contactType,
    contactTypeOther: d.contactTypeOther,
    salutation: d.salutation,
    firstName: d.firstName,
    middleName: d.middleName,
    lastName: d.lastName,
    preferredName: d.preferredName,
    suffix: d.suffix,
    jobTitle: d.jobTitle,
    department: d.department,
    authorityLevel: d.authorityLevel,
    authorityScope: d.authorityScope,
    approvalLimit: d.approvalLimit?.amount ?? null,
    employeeId: d.employeeId,
    emails: d.emails.map((e) => ({ kind: e.kind, address: e.address })),
    phones: d.phones.map((p) => ({ kind: p.kind, number: phoneForForm(p), country: "", extension: p.extension })),
    addresses: d.addresses.map((a) => ({
      kind: a.kind,
      line1: a.line1,
      line2: a.line2,
      city: a.city,
      region: a.region,
      postalCode: a.postalCode,
      country: a.country,
    })),
    lifecycleStage: d.lifecycleStage,
    priority: d.priority,
    tags: [...d.tags],
    owner: d.owner,
    preferredMethod: d.preferredMethod,
    preferredTimes: d.preferredTimes,
    timeZone: d.timeZone,
    language: d.language,
    channelPreferences: d.channelPreferences.map((c) => ({ ...c })),
    specialInstructions: d.specialInstructions,
    notes: d.notes,
    birthday: d.birthday,
    websites: [...d.websites],
    sites: d.sites.map((s) => ({ siteId: s.siteId, role: s.role, authorityLimit: s.authorityLimit?.amount ?? null })),
    approvalSource: d.approvalSource,
    approvalDate: d.approvalDate,
  };
}

function blankToNull(value: string | null): string | null {
  return value === null || value.trim() === "" ? null : value;
}

/**
 * What goes to the core. Text is sent as typed (the core trims and normalises it); only dates and
 * amounts, which the wire types as dates and decimals, turn blank into null.
 */
export function toInput(values: ContactFormValues): ContactInput {
  return {
    ...values,
    approvalLimit: blankToNull(values.approvalLimit),
    birthday: blankToNull(values.birthday),
    approvalDate: blankToNull(values.approvalDate),
    sites: values.sites.map((s) => ({ ...s, authorityLimit: blankToNull(s.authorityLimit) })),
  };
}

/** A new wizard form; the owner defaults to the signed-in user, who is responsible until they pass it on. */
export function freshWizardValues(owner: string | null): ContactFormValues {
  return { ...wizardValues(), owner };
}

/** The name as a person would read it, for headings and prompts. */
export function displayNameOf(values: Pick<ContactFormValues, "firstName" | "lastName">): string {
  return [values.firstName.trim(), values.lastName.trim()].filter(Boolean).join(" ");
}
