//! Test data in the shapes of the IPC contract.
import type { AppInfo, ContactDetail, ContactPage, ContactRow, DemoUser, Permission, Role, SessionInfo, UserProfile } from "../ipc/bindings";

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

const ADMIN_PERMISSIONS: Permission[] = [
  { action: "view_contacts", reach: "all" },
  { action: "edit_contacts", reach: "all" },
  { action: "deactivate", reach: "all" },
  { action: "archived", reach: "all" },
  { action: "import", reach: "all" },
  { action: "merge", reach: "all" },
  { action: "administer", reach: "all" },
];

const SCOPED_PERMISSIONS: Permission[] = [
  { action: "view_contacts", reach: "scope" },
  { action: "edit_contacts", reach: "scope" },
  { action: "deactivate", reach: "scope" },
  { action: "archived", reach: "none" },
  { action: "import", reach: "scope" },
  { action: "merge", reach: "scope" },
  { action: "administer", reach: "none" },
];

/** A signed-in user; a site administrator unless `role` says otherwise. */
export function makeUser(overrides: Partial<UserProfile> = {}): UserProfile {
  const role: Role = overrides.role ?? "site_admin";
  return {
    id: "1",
    username: "admin",
    displayName: "Sam Okafor",
    role,
    permissions: role === "site_admin" ? ADMIN_PERMISSIONS : SCOPED_PERMISSIONS,
    ...overrides,
  };
}

export function makeSession(overrides: Partial<SessionInfo> = {}): SessionInfo {
  return { user: makeUser(), locked: false, idleLockMinutes: 15, timeZone: null, ...overrides };
}

export const demoUsers: DemoUser[] = [
  { username: "admin", displayName: "Sam Okafor", role: "site_admin", password: "rapport-demo", scope: "everything" },
  { username: "regional", displayName: "Priya Raman", role: "regional_manager", password: "rapport-demo", scope: "United Kingdom & Ireland" },
  { username: "territory", displayName: "Tom Becker", role: "territory_manager", password: "rapport-demo", scope: "Scotland" },
  { username: "billing", displayName: "Dana Whitfield", role: "billing_admin", password: "rapport-demo", scope: "billing contacts in every territory" },
];

/** Signed in on the demo database unless overridden (`session: null` for the start screens). */
export function makeAppInfo(overrides: Partial<AppInfo> = {}): AppInfo {
  const isDemo = overrides.isDemo ?? true;
  return {
    version: "0.1.0",
    databasePath: "/home/test/.local/share/rapport/rapport.sqlite3",
    screen: "main",
    problem: null,
    isDemo,
    demoUsers: isDemo ? demoUsers : [],
    lastUsername: "admin",
    session: makeSession(),
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
        role: "site_manager",
        isPrimary: true,
        authorityLimit: { amount: "5000", currency: "GBP" },
      },
    ],
    createdAt: "2019-05-01T08:00:00Z",
    updatedAt: "2025-03-14T09:30:00Z",
    version: 7,
    statusChangedAt: null,
    erased: false,
    approvals: [],
    findings: [],
    qualityScore: 100,
    ...overrides,
  };
}
