//! Privacy requests: everything held about a person (JSON and vCard 4.0), and erasure of their
//! personal data, which leaves an anonymous tombstone so the audit chain still verifies.

use serde::Serialize;

use crate::access::Actor;
use crate::error::CoreResult;
use crate::Database;

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

/// Everything stored about one person.
pub async fn export_person(
    db: &Database,
    actor: &Actor,
    id: &str,
    home: &str,
) -> CoreResult<PersonExport> {
    let _ = (db, actor, id, home);
    todo!()
}

/// Erases a person's personal data; `confirmation` must be the contact's reference number.
pub async fn erase_person(
    db: &Database,
    actor: &Actor,
    id: &str,
    confirmation: &str,
) -> CoreResult<ErasureReport> {
    let _ = (db, actor, id, confirmation);
    todo!()
}
