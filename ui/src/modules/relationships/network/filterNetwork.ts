//! The level and territory filters of the network view: which people and relationships stay.
import type { MapPerson, Network, Relationship } from "../types/map";

export type NetworkFilters = {
  /** A level's name ("Executive"): the same name in every account counts. */
  level: string | null;
  territoryId: string | null;
};

export const NO_FILTERS: NetworkFilters = { level: null, territoryId: null };

export type FilterOption = { value: string; label: string };

/** The levels met in the network, in the accounts' order of levels, each name once. */
export function levelOptions(network: Network): FilterOption[] {
  const names = [...network.groups]
    .filter((group) => group.kind === "level")
    .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
    .map((group) => group.name);
  return [...new Set(names)].map((name) => ({ value: name, label: name }));
}

/** The territories of the sites in the network, by name. */
export function territoryOptions(network: Network): FilterOption[] {
  const byId = new Map(network.sites.map((site) => [site.territoryId, site.territoryName]));
  return [...byId]
    .sort(([, a], [, b]) => a.localeCompare(b))
    .map(([value, label]) => ({ value, label }));
}

/** The territory names and level names of each person, for the filters and the node's tooltip. */
export function personFacts(network: Network): Map<string, { territories: string[]; levels: string[] }> {
  const territoryOf = new Map(network.sites.map((site) => [site.id, site.territoryName]));
  const levelOf = new Map(
    network.groups.filter((group) => group.kind === "level").map((group) => [group.id, group.name]),
  );
  const facts = new Map<string, { territories: string[]; levels: string[] }>();
  for (const person of network.people) {
    const territories = new Set<string>();
    for (const site of person.sites) {
      const name = territoryOf.get(site.siteId);
      if (name) territories.add(name);
    }
    const levels = new Set<string>();
    for (const id of person.groupIds) {
      const name = levelOf.get(id);
      if (name) levels.add(name);
    }
    facts.set(person.id, { territories: [...territories], levels: [...levels] });
  }
  return facts;
}

/**
 * The people matching every filter set, and the relationships between them. `keep` stays
 * whatever the filters (the person a contact's network is drawn around). A placeholder has no
 * sites or levels to match, so it goes as soon as a filter is set.
 */
export function filterNetwork(
  network: Network,
  filters: NetworkFilters,
  keep: ReadonlySet<string>,
): { people: MapPerson[]; relationships: Relationship[] } {
  if (!filters.level && !filters.territoryId) return { people: network.people, relationships: network.relationships };
  const territoryOfSite = new Map(network.sites.map((site) => [site.id, site.territoryId]));
  const levelIds = new Set(
    network.groups.filter((group) => group.kind === "level" && group.name === filters.level).map((group) => group.id),
  );
  const matches = (person: MapPerson) =>
    keep.has(person.id) ||
    (!person.placeholder &&
      (!filters.level || person.groupIds.some((id) => levelIds.has(id))) &&
      (!filters.territoryId || person.sites.some((site) => territoryOfSite.get(site.siteId) === filters.territoryId)));
  const people = network.people.filter(matches);
  const ids = new Set(people.map((person) => person.id));
  const relationships = network.relationships.filter(
    (relationship) => ids.has(relationship.fromId) && ids.has(relationship.toId),
  );
  return { people, relationships };
}
