//! Test data in the shapes of the IPC contract.
import type { AppInfo, ContactDetail, ContactPage, ContactRow } from "../ipc/bindings";

export function makeRow(index: number, overrides: Partial<ContactRow> = {}): ContactRow {
  return {
    id: String(index),
    reference: `C-${String(index).padStart(6, "0")}`,
    displayName: `Person ${index}`,
    jobTitle: "Facilities Manager",
    company: "Acme Corporation",
    contactType: "primary",
    status: "active",
    email: `person${index}@acme.example`,
    phone: "+44 20 7946 0000",
    territory: "London North",
    updatedAt: "2025-03-14T09:30:00Z",
    ...overrides,
  };
}

export function makeRows(count: number, start = 1): ContactRow[] {
  return Array.from({ length: count }, (_, offset) => makeRow(start + offset));
}

export function makePage(rows: ContactRow[], overrides: Partial<ContactPage> = {}): ContactPage {
  return { rows, nextCursor: null, mode: "browse", ...overrides };
}

export function makeAppInfo(overrides: Partial<AppInfo> = {}): AppInfo {
  return {
    version: "0.1.0",
    databasePath: "/home/test/.local/share/rapport/rapport.sqlite3",
    isDemo: true,
    contactCount: 5000,
    ...overrides,
  };
}

export function makeContactDetail(overrides: Partial<ContactDetail> = {}): ContactDetail {
  return {
    id: "42",
    reference: "C-000042",
    displayName: "Dr. Margaret Ann Whitfield",
    salutation: "Dr.",
    firstName: "Margaret",
    middleName: "Ann",
    lastName: "Whitfield",
    preferredName: "Maggie",
    suffix: null,
    jobTitle: "Head of Facilities",
    department: "Estates",
    employeeId: null,
    contactType: "primary",
    contactTypeOther: null,
    authorityLevel: "Budget holder",
    authorityScope: "All London sites",
    approvalLimit: { amount: "25000.00", currency: "GBP" },
    emails: [
      { kind: "business", address: "m.whitfield@acme.example", isPrimary: true },
      { kind: "alternate", address: "maggie.w@acme.example", isPrimary: false },
    ],
    phones: [
      {
        kind: "office",
        e164: "+442079460958",
        extension: "204",
        display: "020 7946 0958 ext. 204",
        telUri: "tel:+442079460958;ext=204",
        isPrimary: true,
      },
      {
        kind: "mobile",
        e164: "+447700900123",
        extension: null,
        display: "+44 7700 900123",
        telUri: "tel:+447700900123",
        isPrimary: false,
      },
    ],
    addresses: [
      {
        kind: "mailing",
        line1: "1 Canal Street",
        line2: null,
        city: "London",
        region: null,
        postalCode: "N1 9GU",
        country: "United Kingdom",
      },
    ],
    birthday: null,
    websites: [],
    notes: "Prefers meetings on Tuesdays.",
    hasPhoto: false,
    preferredMethod: "email",
    preferredTimes: "Mornings",
    timeZone: "Europe/London",
    language: "en-GB",
    channelPreferences: [
      { channel: "email", notify: true, consent: true },
      { channel: "sms", notify: false, consent: false },
    ],
    lifecycleStage: "active_customer",
    lifecycleHistory: [
      { stage: "prospect", changedAt: "2023-01-10T10:00:00Z" },
      { stage: "active_customer", changedAt: "2023-06-01T10:00:00Z" },
    ],
    priority: "high",
    tags: ["key account", "newsletter"],
    owner: "jsmith",
    specialInstructions: "Call reception before visiting.",
    status: "active",
    statusReason: null,
    verifiedAt: "2020-01-15T12:00:00Z",
    verifiedBy: "jsmith",
    verificationMethod: "Phone call",
    approvalSource: "Signed form",
    approvalDate: "2020-01-20T00:00:00Z",
    sites: [
      {
        siteId: "s1",
        siteName: "Canal Street HQ",
        accountId: "a1",
        accountName: "Acme Corporation",
        territory: "London North",
        region: "London",
        role: "Site contact",
        isPrimary: true,
        authorityLimit: { amount: "5000", currency: "GBP" },
      },
    ],
    createdAt: "2019-05-01T08:00:00Z",
    updatedAt: "2025-03-14T09:30:00Z",
    version: 7,
    ...overrides,
  };
}
