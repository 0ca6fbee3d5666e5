//! Administration test data in the shapes of the IPC contract.
import type { AuditEventRow, BackupFile, Region, UserSummary } from "../ipc/bindings";

export function makeUserSummary(overrides: Partial<UserSummary> = {}): UserSummary {
  return {
    id: "1",
    username: "admin",
    displayName: "Sam Okafor",
    role: "site_admin",
    regions: [],
    territories: [],
    disabled: false,
    lockedUntil: null,
    totpEnabled: false,
    lastSignInAt: null,
    ...overrides,
  };
}

export function makeRegions(): Region[] {
  return [
    {
      id: "r1",
      code: "UKI",
      name: "United Kingdom & Ireland",
      territories: [
        { id: "t1", regionId: "r1", code: "UKI-SCO", name: "Scotland", siteCount: 31 },
        { id: "t2", regionId: "r1", code: "UKI-LON", name: "London", siteCount: 48 },
      ],
    },
    {
      id: "r2",
      code: "DACH",
      name: "Germany, Austria & Switzerland",
      territories: [{ id: "t3", regionId: "r2", code: "DACH-S", name: "South Germany", siteCount: 27 }],
    },
  ];
}

export function makeAuditEvent(seq: number, overrides: Partial<AuditEventRow> = {}): AuditEventRow {
  return {
    seq: String(seq),
    at: "2026-11-20T09:30:00Z",
    username: "admin",
    action: "sign_in",
    entity: "user",
    entityId: "1",
    summary: "{}",
    hasValues: false,
    ...overrides,
  };
}

export function makeBackup(overrides: Partial<BackupFile> = {}): BackupFile {
  return {
    name: "rapport-2026-11-20T093000Z.rapport-backup",
    path: "/home/test/.local/share/rapport/backups/rapport-2026-11-20T093000Z.rapport-backup",
    bytes: 12_582_912,
    createdAt: "2026-11-20T09:30:00Z",
    ...overrides,
  };
}
