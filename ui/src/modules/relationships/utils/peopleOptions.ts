import type { MapPerson } from "../../../ipc/bindings";

/** The account's people as select options, by name; placeholders cannot be chosen. */
export function peopleOptions(people: MapPerson[]): { value: string; label: string }[] {
  return people
    .filter((person) => !person.placeholder)
    .map((person) => ({
      value: person.id,
      label: person.jobTitle ? `${person.displayName} (${person.jobTitle})` : person.displayName,
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
