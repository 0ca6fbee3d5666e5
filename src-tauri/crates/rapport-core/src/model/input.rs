//! What a person types: the contact form shared by the creation wizard, the edit screen, import
//! and the CLI, and the answers the core gives about it before it is saved.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{
    AddressKind, ChannelPreference, ContactChannel, ContactType, EmailKind, LifecycleStage,
    PhoneKind, Priority, SiteRole,
};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct EmailInput {
    pub kind: EmailKind,
    pub address: String,
}

/// A phone as typed: the number, the country it was typed for (ISO 3166 alpha-2; ignored when
/// the number starts with `+`) and an optional extension.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct PhoneInput {
    pub kind: PhoneKind,
    pub number: String,
    pub country: String,
    pub extension: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct AddressInput {
    pub kind: AddressKind,
    pub line1: String,
    pub line2: Option<String>,
    pub city: String,
    pub region: Option<String>,
    pub postal_code: Option<String>,
    pub country: String,
}

/// The contact's role at one site, with a limit of authority that applies there only.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct SiteAssociationInput {
    pub site_id: String,
    pub role: SiteRole,
    /// A decimal amount in the contact's currency, e.g. "2500.00".
    pub authority_limit: Option<String>,
}

/// Every field of a contact a person can set. Status, verification and primary-contact flags
/// have their own actions and are not part of the form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct ContactInput {
    pub contact_type: ContactType,
    pub contact_type_other: Option<String>,
    pub salutation: Option<String>,
    pub first_name: String,
    pub middle_name: Option<String>,
    pub last_name: String,
    pub preferred_name: Option<String>,
    pub suffix: Option<String>,
    pub job_title: Option<String>,
    pub department: Option<String>,
    pub authority_level: Option<String>,
    pub authority_scope: Option<String>,
    /// A decimal amount, e.g. "10000.00".
    pub approval_limit: Option<String>,
    pub employee_id: Option<String>,
    pub emails: Vec<EmailInput>,
    pub phones: Vec<PhoneInput>,
    pub addresses: Vec<AddressInput>,
    pub lifecycle_stage: LifecycleStage,
    pub priority: Priority,
    pub tags: Vec<String>,
    /// User name of the person responsible for this contact.
    pub owner: Option<String>,
    pub preferred_method: Option<ContactChannel>,
    pub preferred_times: Option<String>,
    pub time_zone: Option<String>,
    pub language: Option<String>,
    pub channel_preferences: Vec<ChannelPreference>,
    pub special_instructions: Option<String>,
    pub notes: Option<String>,
    pub birthday: Option<NaiveDate>,
    pub websites: Vec<String>,
    pub sites: Vec<SiteAssociationInput>,
    pub approval_source: Option<String>,
    pub approval_date: Option<NaiveDate>,
}

/// Why a significant change is made and who approved it (seed: "document business
/// justification", "obtain customer management approval").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct Justification {
    pub reason: String,
    pub approved_by: String,
    pub approved_on: Option<NaiveDate>,
}

/// A recorded approval, as the contact's page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ApprovalRecord {
    pub fields: Vec<String>,
    pub justification: String,
    pub approved_by: String,
    pub approved_on: NaiveDate,
    pub recorded_by: String,
    pub recorded_at: chrono::DateTime<chrono::Utc>,
}

/// A stored contact that may be the same person as the one being entered.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DuplicateCandidate {
    pub id: String,
    pub reference: String,
    pub display_name: String,
    pub company: Option<String>,
    /// 0 to 100.
    pub score: u32,
    /// E.g. "same email", "same phone", "similar name at Northwind Traders".
    pub reasons: Vec<String>,
}

/// The core's verdict on a contact form before it is saved: errors block saving, warnings do
/// not (they become data-quality findings).
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ContactCheck {
    pub problems: Vec<crate::FieldProblem>,
    pub warnings: Vec<crate::FieldProblem>,
    pub duplicates: Vec<DuplicateCandidate>,
}

/// The wizard's saved state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ContactDraft {
    pub step: u32,
    pub input: ContactInput,
    pub updated_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// A site as the site picker offers it; `in_scope` is false for sites the user may not assign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SiteOption {
    pub site_id: String,
    pub site_name: String,
    pub account_id: String,
    pub account_name: String,
    pub account_kind: super::AccountKind,
    pub territory: String,
    pub region: String,
    pub city: String,
    pub in_scope: bool,
}

/// A user who can own contacts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct OwnerOption {
    pub username: String,
    pub display_name: String,
}
