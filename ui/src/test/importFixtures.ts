//! Import test data in the shapes of the IPC contract.
import type { FileGrant, ImportOutcome, ImportPreview, ImportSummary, PreviewRow, SiteOption } from "../ipc/bindings";

export function makeGrant(id: string, overrides: Partial<FileGrant> = {}): FileGrant {
  return { id, name: `${id}.csv`, size: 2048, ...overrides };
}

export function makePreviewRow(record: number, overrides: Partial<PreviewRow> = {}): PreviewRow {
  return {
    record,
    action: "create",
    name: `Person ${record}`,
    organization: "Acme Corporation",
    jobTitle: "Facilities Manager",
    emails: [`person${record}@acme.example`],
    phones: ["+442079460000"],
    problem: null,
    warnings: [],
    matches: [],
    matchReasons: [],
    sameAsRecord: null,
    ...overrides,
  };
}

/** Three new records, one matching Jane Doe, one rejected (no email). */
export function makePreview(overrides: Partial<ImportPreview> = {}): ImportPreview {
  return {
    file: "contacts.csv",
    format: "csv",
    encoding: "UTF-8",
    sheets: [],
    columns: [
      { header: "First", field: "given_name", samples: ["Ann", "Bob"] },
      { header: "Mail", field: "email.other", samples: ["ann@acme.example"] },
      { header: "Comment", field: "ignore", samples: [] },
    ],
    records: 1204,
    toCreate: 1100,
    toUpdate: 50,
    toSkip: 30,
    rejected: 24,
    duplicates: 80,
    rows: [
      makePreviewRow(1),
      makePreviewRow(2, {
        action: "skip",
        matches: [{ id: "123", reference: "C-000123", name: "Jane Doe" }],
        matchReasons: ["email"],
      }),
      makePreviewRow(3, {
        action: "reject",
        name: "",
        organization: null,
        jobTitle: null,
        emails: [],
        phones: [],
        problem: { reason: "invalid_email", field: "email", message: "not an email address" },
      }),
      makePreviewRow(4, { action: "skip", sameAsRecord: 1 }),
    ],
    truncated: false,
    refused: null,
    ...overrides,
  };
}

export function makeOutcome(overrides: Partial<ImportOutcome> = {}): ImportOutcome {
  return {
    file: "contacts.csv",
    importId: "41",
    records: 1204,
    imported: 1100,
    updated: 50,
    skipped: 30,
    rejected: 24,
    refused: null,
    ...overrides,
  };
}

export function makeImportSummary(overrides: Partial<ImportSummary> = {}): ImportSummary {
  return {
    id: "41",
    fileName: "contacts.csv",
    format: "csv",
    encoding: "UTF-8",
    user: "admin",
    userName: "Sam Okafor",
    siteId: "7",
    siteName: "Canal Street HQ, Acme Corporation",
    records: 1204,
    imported: 1100,
    updated: 50,
    skipped: 30,
    rejected: 24,
    createdAt: "2025-03-14T09:30:00Z",
    undoneAt: null,
    undoneBy: null,
    undoneByName: null,
    ...overrides,
  };
}

export function makeSiteOption(id: string, overrides: Partial<SiteOption> = {}): SiteOption {
  return {
    siteId: id,
    siteName: "Canal Street HQ",
    accountId: "1",
    accountName: "Acme Corporation",
    accountKind: "business",
    territory: "London North",
    region: "United Kingdom",
    city: "London",
    inScope: true,
    ...overrides,
  };
}
