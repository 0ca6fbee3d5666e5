//! Privacy requests: everything held about a person (JSON and vCard 4.0), and erasure of their
//! personal data, which leaves an anonymous tombstone so the audit chain still verifies.

mod erase;
mod export;

use serde::Serialize;

pub use erase::{erase_person, resume_purge, TOMBSTONE_NAME};
pub use export::{export_person, EXPORT_FORMAT_VERSION};

/// A person's data, ready to save as files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PersonExport {
    /// E.g. "C-000123": the files are named after it.
    pub reference: String,
    pub json: String,
    pub vcard: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ErasureReport {
    pub reference: String,
    /// Audit payloads (before/after values) removed.
    pub payloads_erased: u32,
}
