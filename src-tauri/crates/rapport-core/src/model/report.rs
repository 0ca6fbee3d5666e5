//! Reports: the monthly contact management report, the quarterly review, data quality,
//! verification status and response rates. Every report has the same shape (key figures, then
//! titled tables of text cells), so the screen, the CSV and the PDF render any of them alike.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::ContactRef;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    Monthly,
    QuarterlyReview,
    DataQuality,
    Verification,
    ResponseRates,
}

impl ReportKind {
    pub const ALL: &'static [ReportKind] = &[
        ReportKind::Monthly,
        ReportKind::QuarterlyReview,
        ReportKind::DataQuality,
        ReportKind::Verification,
        ReportKind::ResponseRates,
    ];

    /// The wire name, also the CLI's argument and the start of an exported file's name.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportKind::Monthly => "monthly",
            ReportKind::QuarterlyReview => "quarterly_review",
            ReportKind::DataQuality => "data_quality",
            ReportKind::Verification => "verification",
            ReportKind::ResponseRates => "response_rates",
        }
    }

    pub fn parse(text: &str) -> Option<ReportKind> {
        let text = text.trim().replace('-', "_");
        ReportKind::ALL.iter().copied().find(|k| k.as_str() == text)
    }

    pub fn title(self) -> &'static str {
        match self {
            ReportKind::Monthly => "Monthly contact management report",
            ReportKind::QuarterlyReview => "Quarterly review",
            ReportKind::DataQuality => "Data quality report",
            ReportKind::Verification => "Verification status",
            ReportKind::ResponseRates => "Response rates",
        }
    }
}

/// What to report on: the kind and, for the monthly report and the quarterly review, which
/// month (`2026-11`) or quarter (`2026-Q4`); the current one when absent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ReportRequest {
    pub kind: ReportKind,
    #[serde(default)]
    pub period: Option<String>,
}

/// The time a report covers: `[from, to)`, and how people name it ("November 2026").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ReportPeriod {
    /// The request's form: `2026-11`, `2026-Q4`, or the day for reports as of now.
    pub key: String,
    pub label: String,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
}

/// One key figure at the top of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ReportFigure {
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ReportColumn {
    pub label: String,
    /// Right-aligned on screen and in the PDF.
    pub numeric: bool,
}

/// A titled table. Cells are text as people read them (numbers already formatted), one per
/// column; `note` says what the table leaves out (e.g. "The first 500 of 1,204").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ReportSection {
    pub title: String,
    pub note: Option<String>,
    pub columns: Vec<ReportColumn>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub kind: ReportKind,
    pub title: String,
    pub period: ReportPeriod,
    pub generated_at: DateTime<Utc>,
    /// The signed-in user's display name.
    pub generated_by: String,
    /// Whose contacts it covers: "All contacts", or the user's territories or regions.
    pub scope: String,
    pub figures: Vec<ReportFigure>,
    /// A line drawn above the tables on screen (the data-quality trend); the tables hold the
    /// same figures, so CSV and PDF leave it out.
    pub chart: Option<ReportChart>,
    pub sections: Vec<ReportSection>,
}

/// A series of whole percentages over labelled points (days), oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ReportChart {
    pub title: String,
    pub series: String,
    pub points: Vec<ReportPoint>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ReportPoint {
    pub label: String,
    pub value: u32,
}

/// How a report is exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ReportFormat {
    Csv,
    Pdf,
    Json,
}

impl ReportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Csv => "csv",
            ReportFormat::Pdf => "pdf",
            ReportFormat::Json => "json",
        }
    }
}

/// Data quality on one day, from the day's snapshot, for the user's scope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct QualityPoint {
    /// YYYY-MM-DD (UTC).
    pub day: String,
    pub contacts: u32,
    pub clean: u32,
    pub unreachable: u32,
    pub unverified: u32,
    /// `clean / contacts` as a whole percentage (100 when there are no contacts).
    pub score: u32,
}

/// The seed's regular verification: every month, the contacts whose verification falls due by
/// the month's end; every quarter, the active contacts not reviewed since it began.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum QueueKind {
    Verification,
    Review,
}

impl QueueKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QueueKind::Verification => "verification",
            QueueKind::Review => "review",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum QueueFilter {
    All,
    Mine,
    Unassigned,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct QueueQuery {
    pub kind: QueueKind,
    pub filter: QueueFilter,
    pub offset: u32,
    pub limit: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct QueueEntry {
    pub contact: ContactRef,
    pub company: Option<String>,
    pub territory: Option<String>,
    pub verified_at: Option<DateTime<Utc>>,
    /// When the verification fell or falls due (none: never verified).
    pub due_at: Option<DateTime<Utc>>,
    pub owner: Option<String>,
    pub assignee: Option<QueueAssignee>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct QueueAssignee {
    pub id: String,
    pub username: String,
    pub display_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct QueuePage {
    pub kind: QueueKind,
    /// `2026-11` or `2026-Q4`, and how people name it.
    pub period: String,
    pub period_label: String,
    /// In the user's scope: all in the queue, those nobody is assigned, those assigned to them.
    pub total: u32,
    pub unassigned: u32,
    pub mine: u32,
    /// The page the query asked for, oldest verification first.
    pub entries: Vec<QueueEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct QueueAssignment {
    pub kind: QueueKind,
    pub contact_ids: Vec<String>,
    /// The user to assign; none takes the assignment away.
    pub assignee_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct QueueRefusal {
    pub contact_id: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct QueueAssignReport {
    pub changed: u32,
    pub refused: Vec<QueueRefusal>,
}
