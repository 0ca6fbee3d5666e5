//! The home dashboard: what the user's contacts look like and what needs doing, each figure
//! counted as the contact list counts the same filter.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{ContactStatus, ContactType, LifecycleStage};
use crate::import::history::ImportSummary;

/// One bar or segment: how many visible contacts have this value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Tally<T> {
    pub value: T,
    pub count: u32,
}

/// One territory's bar: the contacts with a site there (a contact with sites in two
/// territories counts in both, as the list's territory filter finds it in both).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TerritoryTally {
    pub territory_id: String,
    pub name: String,
    pub region_name: String,
    pub count: u32,
}

/// The contacts' data quality, from the findings the database can count: a contact is
/// flagged when it has no email address and no phone number, or when it is active and its
/// details were never verified or not within the verification period. Erased contacts are
/// never flagged.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DataQuality {
    /// Contacts counted (every visible contact).
    pub contacts: u32,
    /// Contacts with none of the findings below.
    pub clean: u32,
    pub unreachable: u32,
    pub unverified: u32,
    /// `clean / contacts` as a whole percentage (100 when there are no contacts).
    pub score: u32,
    /// The verification period the `unverified` figure used, in days.
    pub verification_days: u32,
    /// The score over the last 90 days, from the daily snapshots, oldest first.
    pub trend: Vec<super::QualityPoint>,
}

/// The month's changes, from `since` (the first of the month, UTC) to now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MonthChanges {
    pub since: DateTime<Utc>,
    pub created: u32,
    /// Created before the month and changed in it.
    pub updated: u32,
    /// Inactive or archived now, since a status change this month.
    pub deactivated: u32,
}

/// The signed-in user's follow-ups and the escalations of their scope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DashboardWork {
    /// The user's own open follow-ups that are due now, and those overdue.
    pub due: u32,
    pub overdue: u32,
    /// Overdue follow-ups of anyone, for contacts in the user's scope.
    pub overdue_in_scope: u32,
    /// Contacts marked non-responsive (an open escalation), in the user's scope.
    pub non_responsive: u32,
}

/// How long each part of the dashboard took to read, in milliseconds (`rapport bench` reports
/// them).
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DashboardTimings {
    pub breakdown_ms: f64,
    pub territories_ms: f64,
    pub month_ms: f64,
    pub work_ms: f64,
    pub imports_ms: f64,
    pub total_ms: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Dashboard {
    pub generated_at: DateTime<Utc>,
    /// Every contact the user may see (the contact list's count without filters).
    pub total: u32,
    pub by_type: Vec<Tally<ContactType>>,
    pub by_stage: Vec<Tally<LifecycleStage>>,
    pub by_status: Vec<Tally<ContactStatus>>,
    /// The territories the user may see, each with its count (zero included).
    pub by_territory: Vec<TerritoryTally>,
    pub month: MonthChanges,
    pub quality: DataQuality,
    pub work: DashboardWork,
    /// The latest imports the user may see (none for users who may not import), newest first.
    pub imports: Vec<ImportSummary>,
    pub timings: DashboardTimings,
}
