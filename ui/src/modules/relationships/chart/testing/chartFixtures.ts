//! Org chart test data in the shapes of the relationship map.
import type { MapGroup, MapPerson, Relationship, RelationshipKind } from "../../types/map";

export function makePerson(id: string, overrides: Partial<MapPerson> = {}): MapPerson {
  const displayName = overrides.displayName ?? `Person ${id}`;
  return {
    id,
    placeholder: false,
    displayName,
    initials: displayName
      .split(/\s+/)
      .map((part) => part[0] ?? "")
      .join("")
      .slice(0, 2)
      .toUpperCase(),
    jobTitle: "Engineer",
    department: null,
    contactType: "operations",
    status: "active",
    hasPhoto: false,
    quality: null,
    sites: [],
    groupIds: [],
    ...overrides,
  };
}

let nextId = 0;

export function reportsTo(personId: string, managerId: string, id = `r${++nextId}`): Relationship {
  return { id, fromId: personId, toId: managerId, kind: "reports_to", note: null, startsOn: null, endsOn: null };
}

export function relation(fromId: string, toId: string, kind: string, id = `x${++nextId}`): Relationship {
  return { id, fromId, toId, kind, note: null, startsOn: null, endsOn: null };
}

export const KINDS: RelationshipKind[] = [
  { code: "reports_to", label: "Reports to", builtIn: true, hierarchical: true, directed: true },
  { code: "assistant_of", label: "Assistant of", builtIn: true, hierarchical: false, directed: true },
  { code: "works_with", label: "Works with", builtIn: true, hierarchical: false, directed: false },
  { code: "influences", label: "Influences", builtIn: true, hierarchical: false, directed: true },
];

export function makeLevel(id: string, name: string, memberIds: string[], position = 0): MapGroup {
  return { id, accountId: "a1", kind: "level", name, position, memberIds };
}

/** A three-level tree: ceo ← (cto, cfo); cto ← (dev1, dev2); cfo ← acc1; plus a loner. */
export function threeLevelTree(): { people: MapPerson[]; relationships: Relationship[] } {
  const people = [
    makePerson("ceo", { displayName: "Ada Chief", jobTitle: "Chief Executive" }),
    makePerson("cto", { displayName: "Ben Tech", jobTitle: "CTO" }),
    makePerson("cfo", { displayName: "Cleo Money", jobTitle: "CFO" }),
    makePerson("dev1", { displayName: "Dan Dev" }),
    makePerson("dev2", { displayName: "Eve Dev" }),
    makePerson("acc1", { displayName: "Finn Ledger", jobTitle: "Accountant" }),
    makePerson("solo", { displayName: "Gus Alone", jobTitle: "Consultant" }),
  ];
  const relationships = [
    reportsTo("cto", "ceo", "r-cto"),
    reportsTo("cfo", "ceo", "r-cfo"),
    reportsTo("dev1", "cto", "r-dev1"),
    reportsTo("dev2", "cto", "r-dev2"),
    reportsTo("acc1", "cfo", "r-acc1"),
  ];
  return { people, relationships };
}

/** A generated forest: `roots` trees, each person with up to `fan` reports, filled breadth first. */
export function generateForest(size: number, roots = Math.max(1, Math.round(size / 1000)), fan = 6) {
  const people: MapPerson[] = [];
  const relationships: Relationship[] = [];
  for (let i = 0; i < size; i += 1) {
    people.push(makePerson(`p${i}`, { displayName: `Person ${i}` }));
    if (i >= roots) {
      const manager = Math.floor((i - roots) / fan);
      relationships.push(reportsTo(`p${i}`, `p${manager}`, `g${i}`));
    }
  }
  return { people, relationships };
}
