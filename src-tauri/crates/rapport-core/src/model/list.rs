//! The contact list: filters, sorting, keyset cursors and the rows the table shows.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{ContactStatus, ContactType, LifecycleStage};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ContactFilter {
    pub contact_type: Option<ContactType>,
    pub territory_id: Option<String>,
    pub status: Option<ContactStatus>,
    /// Only contacts with no site yet (site administrators only).
    #[serde(default)]
    pub unassigned: bool,
    /// Only contacts at this lifecycle stage.
    #[serde(default)]
    #[specta(optional)]
    pub lifecycle_stage: Option<LifecycleStage>,
    /// Only contacts created, changed or deactivated since an instant (the dashboard's
    /// figures of the month).
    #[serde(default)]
    #[specta(optional)]
    pub changed: Option<ChangeFilter>,
}

/// What happened to a contact since an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// Created since then.
    Created,
    /// Created before and changed since then.
    Updated,
    /// Made inactive or archived since then, and still so.
    Deactivated,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ChangeFilter {
    pub kind: ChangeKind,
    pub since: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum SortColumn {
    #[default]
    Name,
    Company,
    JobTitle,
    ContactType,
    Status,
    UpdatedAt,
    Reference,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum SortDirection {
    #[default]
    Asc,
    Desc,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ContactSort {
    pub column: SortColumn,
    pub direction: SortDirection,
}

/// One page request. With `search` the rows are matches (name matches first) and `sort` is
/// ignored; `cursor` is the `nextCursor` of the previous page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ContactListQuery {
    pub search: Option<String>,
    pub filter: ContactFilter,
    pub sort: ContactSort,
    pub cursor: Option<String>,
    pub limit: u32,
}

/// How the rows of a page were found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ListMode {
    /// The sorted list, no search text.
    Browse,
    /// Words starting with what was typed.
    Prefix,
    /// No word starts with it: matches inside words.
    Substring,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ContactPage {
    pub rows: Vec<ContactRow>,
    pub next_cursor: Option<String>,
    pub mode: ListMode,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ContactCountQuery {
    pub search: Option<String>,
    pub filter: ContactFilter,
}

/// A count that stops early on broad searches; `exact` is false when it stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ContactCount {
    pub count: u32,
    pub exact: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ContactRow {
    pub id: String,
    pub reference: String,
    pub display_name: String,
    pub job_title: Option<String>,
    pub company: Option<String>,
    pub contact_type: ContactType,
    pub status: ContactStatus,
    pub email: Option<String>,
    /// Formatted for the organisation's home country.
    pub phone: Option<String>,
    pub territory: Option<String>,
    pub updated_at: DateTime<Utc>,
}
