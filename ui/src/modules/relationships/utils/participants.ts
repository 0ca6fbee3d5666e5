import type { AccountMap, FlowParticipant, FlowParticipantInput } from "../../../ipc/bindings";
import { peopleOptions } from "./peopleOptions";

// A flow's participants are people or whole levels/teams; one select holds both, told apart by prefix.
const GROUP = "group:";
const PERSON = "person:";

export function participantOptions(account: AccountMap) {
  return [
    {
      group: "Levels and teams",
      items: account.groups.map((group) => ({ value: `${GROUP}${group.id}`, label: group.name })),
    },
    {
      group: "People",
      items: peopleOptions(account.people).map((option) => ({ ...option, value: `${PERSON}${option.value}` })),
    },
  ].filter((section) => section.items.length > 0);
}

export function participantValues(participants: FlowParticipant[]): string[] {
  return participants.map((p) => (p.groupId ? `${GROUP}${p.groupId}` : `${PERSON}${p.contactId}`));
}

export function participantsFromValues(values: string[]): FlowParticipantInput[] {
  return values.map((value) =>
    value.startsWith(GROUP)
      ? { contactId: null, groupId: value.slice(GROUP.length) }
      : { contactId: value.slice(PERSON.length), groupId: null },
  );
}
