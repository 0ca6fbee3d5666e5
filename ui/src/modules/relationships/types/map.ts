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
  Relationship,
  RelationshipChange,
  RelationshipKind,
} from "../../../ipc/bindings";
