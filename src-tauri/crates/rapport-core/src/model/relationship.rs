//! Relationship maps as the UI sees them: relationships between contacts, an account's map
//! (people, levels and teams, communication flows), a person's network, and the inputs of their
//! edits. People outside the user's scope appear only as anonymous placeholders.

use serde::{Deserialize, Serialize};

use super::{ContactStatus, ContactType, FlowFrequency, GroupKind, SiteRole};

/// A kind of relationship: the four built in, or one an administrator added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RelationshipKind {
    pub code: String,
    pub label: String,
    pub built_in: bool,
    /// A hierarchy: an edge that would close a loop is refused.
    pub hierarchical: bool,
    /// Whether from -> to differs from to -> from ("works with" does not).
    pub directed: bool,
}

/// One relationship. `reports_to`: from = the person, to = their manager; `assistant_of`:
/// from = the assistant, to = the principal; `influences`: from influences to. An id of a
/// person outside the user's scope is a placeholder's ("hidden-1").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Relationship {
    pub id: String,
    pub from_id: String,
    pub to_id: String,
    pub kind: String,
    pub note: Option<String>,
    /// YYYY-MM-DD
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
}

/// A person on a map. A placeholder (`placeholder: true`, id "hidden-N") stands for someone
/// outside the user's scope and carries no personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MapPerson {
    pub id: String,
    pub placeholder: bool,
    pub display_name: String,
    pub initials: String,
    pub job_title: Option<String>,
    pub department: Option<String>,
    pub contact_type: Option<ContactType>,
    pub status: Option<ContactStatus>,
    pub has_photo: bool,
    /// A short data-quality marker ("no email or phone", "not verified for a year",
    /// "inactive"); none when the record is fine.
    pub quality: Option<String>,
    /// The sites (of the map's account, on an account map) this person serves, with the role
    /// there; none for a placeholder.
    pub sites: Vec<MapPersonSite>,
    pub group_ids: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MapPersonSite {
    pub site_id: String,
    pub role: SiteRole,
    pub is_primary: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MapSite {
    pub id: String,
    pub name: String,
    pub city: String,
    pub territory_name: String,
}

/// A level or team inside an account. `memberIds` lists the members the user may see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MapGroup {
    pub id: String,
    pub account_id: String,
    pub kind: GroupKind,
    pub name: String,
    pub position: u32,
    pub member_ids: Vec<String>,
}

/// A participant of a flow: a contact or a group. A contact outside the user's scope has
/// neither id and the placeholder's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FlowParticipant {
    pub contact_id: Option<String>,
    pub group_id: Option<String>,
    pub name: String,
}

/// A line of the account's communication matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CommunicationFlow {
    pub id: String,
    pub account_id: String,
    pub name: String,
    pub frequency: FlowFrequency,
    pub format: Option<String>,
    pub channel: Option<String>,
    /// The user who makes sure it happens, by sign-in name (as contact owners are named).
    pub owner_username: Option<String>,
    pub owner_name: Option<String>,
    pub participants: Vec<FlowParticipant>,
    /// The latest interaction with any participant (group members included), UTC RFC 3339.
    pub last_interaction_at: Option<String>,
    /// The last interaction is older than the frequency allows (or there is none).
    pub overdue: bool,
}

/// An account's relationship map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AccountMap {
    pub account_id: String,
    pub account_name: String,
    pub sites: Vec<MapSite>,
    pub people: Vec<MapPerson>,
    pub relationships: Vec<Relationship>,
    pub groups: Vec<MapGroup>,
    pub flows: Vec<CommunicationFlow>,
    pub kinds: Vec<RelationshipKind>,
    /// The user's role lets them edit the map (within their scope).
    pub may_edit: bool,
}

/// The network around a person or an account, across accounts, a few steps deep.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Network {
    /// The people the walk started from: the person, or the account's people in scope.
    pub start_ids: Vec<String>,
    pub people: Vec<MapPerson>,
    pub relationships: Vec<Relationship>,
    /// The sites of the people shown, with their account and territory, so the network can be
    /// filtered by territory and labelled by account.
    pub sites: Vec<NetworkSite>,
    /// The levels and teams the people shown belong to (members limited to them), in every
    /// account they serve.
    pub groups: Vec<MapGroup>,
    /// The walk stopped at its limit of people.
    pub truncated: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NetworkSite {
    pub id: String,
    pub name: String,
    pub account_id: String,
    pub account_name: String,
    pub territory_id: String,
    pub territory_name: String,
}

/// A relationship of one contact, with the person at its other end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ContactRelationship {
    pub relationship: Relationship,
    pub other: MapPerson,
    /// The contact is the relationship's `from` end.
    pub outgoing: bool,
}

/// What a relationship edit did, so the UI can offer to undo it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RelationshipChange {
    pub change_id: String,
    pub summary: String,
}

/// A saved level or team, and the undo log's entry of the save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MapGroupSaved {
    pub group: MapGroup,
    pub change: RelationshipChange,
}

/// A saved communication flow, and the undo log's entry of the save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FlowSaved {
    pub flow: CommunicationFlow,
    pub change: RelationshipChange,
}

/// An account the user can open a map of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MapAccount {
    pub id: String,
    pub name: String,
    pub site_count: u32,
    /// People of the account the user may see.
    pub people_count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RelationshipInput {
    pub from_id: String,
    pub to_id: String,
    pub kind: String,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub starts_on: Option<String>,
    #[serde(default)]
    pub ends_on: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MapGroupInput {
    pub account_id: String,
    pub kind: GroupKind,
    pub name: String,
    #[serde(default)]
    pub position: u32,
    #[serde(default)]
    pub member_ids: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FlowParticipantInput {
    #[serde(default)]
    pub contact_id: Option<String>,
    #[serde(default)]
    pub group_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FlowInput {
    pub account_id: String,
    pub name: String,
    pub frequency: FlowFrequency,
    #[serde(default)]
    pub format: Option<String>,
    #[serde(default)]
    pub channel: Option<String>,
    #[serde(default)]
    pub owner_username: Option<String>,
    #[serde(default)]
    pub participants: Vec<FlowParticipantInput>,
}

/// A new kind (no code: made from the label) or a change to an existing one's label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RelationshipKindInput {
    #[serde(default)]
    pub code: Option<String>,
    pub label: String,
    #[serde(default)]
    pub hierarchical: bool,
    #[serde(default = "yes")]
    pub directed: bool,
}

fn yes() -> bool {
    true
}
