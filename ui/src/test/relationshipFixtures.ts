//! Relationship map data for component tests, in the shapes the core sends.
import type { AccountMap, CommunicationFlow, MapPerson } from "../ipc/bindings";

export function makeMapPerson(id: string, overrides: Partial<MapPerson> = {}): MapPerson {
  return {
    id,
    placeholder: false,
    displayName: `Person ${id}`,
    initials: "PE",
    jobTitle: null,
    department: null,
    contactType: "operations",
    status: "active",
    hasPhoto: false,
    quality: null,
    sites: [{ siteId: "s1", role: "operations", isPrimary: false }],
    groupIds: [],
    ...overrides,
  };
}

export function makeFlow(overrides: Partial<CommunicationFlow> = {}): CommunicationFlow {
  return {
    id: "f1",
    accountId: "a1",
    name: "Executive Updates",
    frequency: "monthly",
    format: "Executive summary",
    channel: "meeting",
    ownerUsername: "admin",
    ownerName: "Sam Okafor",
    participants: [{ contactId: null, groupId: "g1", name: "Executive" }],
    lastInteractionAt: null,
    overdue: true,
    ...overrides,
  };
}

/** Acme: Sarah (CTO, primary at the head office) and Jane who reports to her, one level, one flow. */
export function makeAccountMap(overrides: Partial<AccountMap> = {}): AccountMap {
  return {
    accountId: "a1",
    accountName: "Acme Corporation",
    sites: [
      { id: "s1", name: "Acme Head Office", city: "Leeds", territoryName: "Yorkshire" },
      { id: "s2", name: "Acme Depot", city: "Hull", territoryName: "Yorkshire" },
    ],
    people: [
      makeMapPerson("c1", {
        displayName: "Sarah Johnson",
        jobTitle: "CTO",
        sites: [{ siteId: "s1", role: "site_manager", isPrimary: true }],
        groupIds: ["g1"],
      }),
      makeMapPerson("c2", {
        displayName: "Jane Smith",
        jobTitle: "Director, Engineering",
        quality: "no email or phone",
        sites: [{ siteId: "s1", role: "operations", isPrimary: false }],
      }),
    ],
    relationships: [
      { id: "r1", fromId: "c2", toId: "c1", kind: "reports_to", note: null, startsOn: null, endsOn: null },
    ],
    groups: [{ id: "g1", accountId: "a1", kind: "level", name: "Executive", position: 1, memberIds: ["c1"] }],
    flows: [makeFlow()],
    kinds: [{ code: "reports_to", label: "Reports to", builtIn: true, hierarchical: true, directed: true }],
    mayEdit: true,
    ...overrides,
  };
}
