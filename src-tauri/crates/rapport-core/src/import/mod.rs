//! Importing contact files: each file read by `rapport_import`, every record checked by the
//! contact rules, matched against the file itself and the stored contacts, then stored in one
//! transaction with its history, so that a whole import can be undone.
//!
//! The CLI's `rapport import` and the app's import screen both call [`import_file`]; the JSON
//! report ([`FileReport`]) is the contract the CLI prints.

pub mod checks;
pub mod history;
mod matching;
pub mod policy;
pub mod preview;
pub mod records;
pub mod report;
mod run;
mod snapshot;
mod source;
mod update;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::ContactType;

pub use history::{list_imports, undo_import, ImportSummary, UndoReport};
pub use policy::{load_policy, requirable_fields, save_policy, ImportPolicy};
pub use preview::{import_fields, preview_file, ImportField, ImportPreview};
pub use report::{FileReport, RecordMatch, RejectedRecord, ReportContact};
pub use run::{import_file, ImportProgress, BULK_CACHE_KIB};

/// What to do with a record that matches a stored contact (or an earlier record of the file).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum OnDuplicate {
    /// Leave the stored contact alone (the default).
    #[default]
    Skip,
    /// Fill the stored contact with the record's values.
    Update,
    /// Store the record as a contact of its own.
    Create,
}

impl OnDuplicate {
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "skip" => Some(Self::Skip),
            "update" => Some(Self::Update),
            "create" => Some(Self::Create),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Skip => "skip",
            Self::Update => "update",
            Self::Create => "create",
        }
    }
}

/// How to import one file.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Check and report without storing anything.
    pub dry_run: bool,
    /// `{"header": "field key"}` over the automatic mapping.
    pub mapping: BTreeMap<String, String>,
    /// Remember the final mapping for the next file with the same headers.
    pub remember_mapping: bool,
    pub on_duplicate: OnDuplicate,
    /// Decisions for single records, over `on_duplicate`.
    pub decisions: BTreeMap<u64, OnDuplicate>,
    /// The site new contacts are associated with (required for managers).
    pub site_id: Option<String>,
    /// Field keys from [`checks::REQUIRABLE`]; with the administrator's setting.
    pub require: Vec<String>,
    /// ISO 3166 country for numbers written without a country code (default: the home country).
    pub region: Option<String>,
    /// The worksheet of a workbook (default: the first with data).
    pub sheet: Option<String>,
    pub contact_type: Option<ContactType>,
    /// List every contact in the report (the CLI does; a benchmark does not need to).
    pub list_contacts: bool,
    /// For the app's preview (a dry run): list up to this many records, skipped duplicates
    /// included (the file's first records, then the ones with matches or warnings).
    pub preview: Option<usize>,
    /// The file's name in the report and history, when it differs from the path's (the app
    /// imports through file grants).
    pub file_name: Option<String>,
}
