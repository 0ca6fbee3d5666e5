//! A contact with every stored field, as the detail screen shows it.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{
    AddressKind, ContactChannel, ContactStatus, ContactType, EmailKind, LifecycleStage, PhoneKind,
    Priority, SiteRole,
};

/// An amount in a currency; `amount` is a decimal string so no precision is lost on the wire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Money {
    pub amount: String,
    pub currency: String,
}

impl Money {
    pub fn from_minor(minor: i64, currency: &str) -> Self {
        let sign = if minor < 0 { "-" } else { "" };
        let abs = minor.unsigned_abs();
        Self {
            amount: format!("{sign}{}.{:02}", abs / 100, abs % 100),
            currency: currency.into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct EmailAddress {
    pub kind: EmailKind,
    pub address: String,
    pub is_primary: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PhoneNumber {
    pub kind: PhoneKind,
    pub e164: String,
    pub extension: Option<String>,
    /// Formatted for the organisation's home country (national there, international elsewhere).
    pub display: String,
    /// RFC 3966 link, extension included.
    pub tel_uri: String,
    pub is_primary: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PostalAddress {
    pub kind: AddressKind,
    pub line1: String,
    pub line2: Option<String>,
    pub city: String,
    pub region: Option<String>,
    pub postal_code: Option<String>,
    pub country: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ChannelPreference {
    pub channel: ContactChannel,
    pub notify: bool,
    pub consent: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct LifecycleChange {
    pub stage: LifecycleStage,
    pub changed_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ContactSite {
    pub site_id: String,
    pub site_name: String,
    pub account_id: String,
    pub account_name: String,
    pub territory: String,
    pub region: String,
    pub role: SiteRole,
    pub is_primary: bool,
    pub authority_limit: Option<Money>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ContactDetail {
    pub id: String,
    pub reference: String,
    pub display_name: String,
    pub salutation: Option<String>,
    pub first_name: String,
    pub middle_name: Option<String>,
    pub last_name: String,
    pub preferred_name: Option<String>,
    pub suffix: Option<String>,
    pub job_title: Option<String>,
    pub department: Option<String>,
    pub employee_id: Option<String>,
    pub contact_type: ContactType,
    pub contact_type_other: Option<String>,
    pub authority_level: Option<String>,
    pub authority_scope: Option<String>,
    pub approval_limit: Option<Money>,
    pub emails: Vec<EmailAddress>,
    pub phones: Vec<PhoneNumber>,
    pub addresses: Vec<PostalAddress>,
    pub birthday: Option<NaiveDate>,
    pub websites: Vec<String>,
    pub notes: Option<String>,
    pub has_photo: bool,
    pub preferred_method: Option<ContactChannel>,
    pub preferred_times: Option<String>,
    pub time_zone: Option<String>,
    pub language: Option<String>,
    pub channel_preferences: Vec<ChannelPreference>,
    pub lifecycle_stage: LifecycleStage,
    pub lifecycle_history: Vec<LifecycleChange>,
    pub priority: Priority,
    pub tags: Vec<String>,
    pub owner: Option<String>,
    pub special_instructions: Option<String>,
    pub status: ContactStatus,
    pub status_reason: Option<String>,
    pub verified_at: Option<DateTime<Utc>>,
    pub verified_by: Option<String>,
    pub verification_method: Option<String>,
    pub approval_source: Option<String>,
    pub approval_date: Option<NaiveDate>,
    pub sites: Vec<ContactSite>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: u32,
    /// When it last became inactive, archived or active again.
    pub status_changed_at: Option<DateTime<Utc>>,
    /// The person's data was erased; this is the anonymous tombstone.
    pub erased: bool,
    /// Significant changes and who approved them, newest first.
    pub approvals: Vec<super::ApprovalRecord>,
    /// Data-quality findings: missing, invalid, stale or inconsistent data.
    pub findings: Vec<Finding>,
    /// 100 less the weight of each finding (see `contact::findings::score`).
    pub quality_score: u32,
}

/// One data-quality problem of a contact, with the form field it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// Stable code, e.g. `missing_last_name`, `verification_stale`.
    pub code: String,
    pub field: Option<String>,
    pub message: String,
}
