//! The import report: one per file, as the CLI prints it (JSON Lines) and the app shows it.
//! Keys are snake_case and stable: administrators script against them.

use rapport_import::fields::ContactFields;
use serde::Serialize;

/// What became of one file.
#[derive(Debug, Clone, Default, Serialize)]
pub struct FileReport {
    pub file: String,
    pub format: String,
    pub encoding: String,
    /// Every data row or card, blank ones included (a header row is not a record).
    pub records: u64,
    pub imported: u64,
    pub updated: u64,
    /// Blank rows and duplicates left alone.
    pub skipped: u64,
    pub rejected: Vec<RejectedRecord>,
    /// Records of this file that are the same person, by record number.
    pub duplicate_groups: Vec<Vec<u64>>,
    /// Records matching contacts already stored, and what was done with them.
    pub matches: Vec<RecordMatch>,
    /// What would be stored (dry run) or what was stored.
    pub contacts: Vec<ReportContact>,
    /// The column mapping used ("header" → field key); empty for vCards.
    pub mapping: Vec<(String, String)>,
    /// The first rows' cells as read, for the app's mapping editor (not in the JSON report).
    #[serde(skip)]
    pub samples: Vec<Vec<String>>,
    /// The import's id in the history (for undo); absent on a dry run or a refused file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub import_id: Option<String>,
}

impl FileReport {
    /// A file refused as a whole: one rejection with record 0.
    /// Why the whole file was refused (its rejection numbered 0), if it was.
    pub fn refusal(&self) -> Option<super::preview::RowProblem> {
        self.rejected
            .iter()
            .find(|r| r.record == 0)
            .map(|r| super::preview::RowProblem {
                reason: r.reason.clone(),
                field: r.field.clone(),
                message: r.message.clone(),
            })
    }

    pub fn refused(file: &str, reason: &str, message: &str) -> Self {
        Self {
            file: file.into(),
            rejected: vec![RejectedRecord {
                record: 0,
                reason: reason.into(),
                field: None,
                message: message.into(),
            }],
            ..Self::default()
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RejectedRecord {
    pub record: u64,
    /// `empty_record`, `invalid_email`, `invalid_phone`, `missing_required_field:<field>`,
    /// `column_count_mismatch`, `field_too_long`, `truncated_card`, `unsupported_file`,
    /// `empty_file`, `unsafe_file`.
    pub reason: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    pub message: String,
}

/// A record that matches contacts already stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordMatch {
    pub record: u64,
    /// Matching contact ids, best first.
    pub contacts: Vec<String>,
    /// `email`, `phone`, `name` (same name at the same organisation).
    pub reasons: Vec<String>,
    /// `skipped`, `updated` or `created`.
    pub action: String,
}

/// A contact as stored (or as it would be), with the record it came from.
#[derive(Debug, Clone, Serialize)]
pub struct ReportContact {
    pub record: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// `created` or `updated` (and `skipped` in the app's preview).
    pub action: String,
    #[serde(flatten)]
    pub fields: ContactFields,
    /// Kept, but worth a look: a number outside its numbering plan, no family name, an
    /// organisation that is not an account yet.
    pub warnings: Vec<String>,
}
