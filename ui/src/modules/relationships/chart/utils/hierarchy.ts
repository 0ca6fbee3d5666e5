//! The reports-to forest as maps, robust to data the core should never send (cycles, strangers).
import type { MapPerson, Relationship } from "../../types/map";

export type Hierarchy = {
  managerOf: Map<string, string>;
  reportsOf: Map<string, string[]>;
  /** The reports_to relationship id of each person who has a manager. */
  edgeIdOf: Map<string, string>;
};

export function buildHierarchy(people: MapPerson[], relationships: Relationship[]): Hierarchy {
  const known = new Set(people.map((person) => person.id));
  const managerOf = new Map<string, string>();
  const edgeIdOf = new Map<string, string>();
  for (const relationship of relationships) {
    if (relationship.kind !== "reports_to") continue;
    const { fromId, toId } = relationship;
    if (fromId === toId || !known.has(fromId) || !known.has(toId) || managerOf.has(fromId)) continue;
    managerOf.set(fromId, toId);
    edgeIdOf.set(fromId, relationship.id);
  }
  // Cut cycles: walk up from each person; a chain that comes back to itself loses its last link.
  const state = new Map<string, "walking" | "done">();
  for (const person of people) {
    const path: string[] = [];
    let current: string | undefined = person.id;
    while (current !== undefined && !state.has(current)) {
      state.set(current, "walking");
      path.push(current);
      current = managerOf.get(current);
    }
    if (current !== undefined && state.get(current) === "walking") {
      const last = path[path.length - 1];
      managerOf.delete(last);
      edgeIdOf.delete(last);
    }
    for (const id of path) state.set(id, "done");
  }
  const reportsOf = new Map<string, string[]>();
  for (const person of people) {
    const manager = managerOf.get(person.id);
    if (manager === undefined) continue;
    const list = reportsOf.get(manager);
    if (list) list.push(person.id);
    else reportsOf.set(manager, [person.id]);
  }
  return { managerOf, reportsOf, edgeIdOf };
}

/** Is candidate the person or anyone below them? (Dropping a person there would make a cycle.) */
export function isInSubtree(managerOf: Map<string, string>, personId: string, candidateId: string): boolean {
  let current: string | undefined = candidateId;
  let steps = 0;
  while (current !== undefined && steps <= managerOf.size) {
    if (current === personId) return true;
    current = managerOf.get(current);
    steps += 1;
  }
  return false;
}

/** Everyone above the person, nearest first. */
export function ancestorsOf(managerOf: Map<string, string>, personId: string): string[] {
  const result: string[] = [];
  let current = managerOf.get(personId);
  while (current !== undefined && result.length <= managerOf.size) {
    result.push(current);
    current = managerOf.get(current);
  }
  return result;
}
