// The relationship map's shapes, as the core sends them (generated into ui/src/ipc/bindings.ts).
export type {
  AccountMap,
  CommunicationFlow,
  FlowFrequency,
  FlowParticipant,
  GroupKind,
  MapGroup,
  MapPerson,
  MapSite,
  Network,
  NetworkSite,
  Relationship,
  RelationshipChange,
  RelationshipKind,
} from "../../../ipc/bindings";

/** Whose network is drawn: the people around one contact, or around an account's people. */
export type NetworkSource = { kind: "contact"; id: string } | { kind: "account"; id: string };
