//! Exporting contacts to a file: CSV (Rapport's own columns, Outlook's or Google's), vCard 4.0
//! or XLSX, for a selection (ids, or a search and filter minus exclusions) within the user's
//! scope.
//!
//! - **Scope**: the selection is resolved exactly as a bulk action resolves it
//!   (`contact::bulk`): the same authorisation, the same scoped SQL. The matrix has one row for
//!   "view, search, export contacts", so exporting asks for [`Action::ViewContacts`]: whoever
//!   may see a contact may take it away in a file, and no one gets more than they can see.
//! - **Streaming**: the ids are resolved in one read transaction, then the contacts are read
//!   [`BATCH`] at a time from the same snapshot and written as they come; memory holds one
//!   batch (and the ids). Progress is reported, and `cancel` checked, between batches.
//! - **No half files**: the file is written under a temporary name in the target's folder and
//!   renamed over `out` at the end. On an error or a cancel the temporary file is removed and
//!   `out` is untouched.
//! - **Audit**: one `export` event with the format, the count, the exported ids as ranges and
//!   a description of the selection without personal data (no search text).
//! - **Round trip**: every format is read back by `import::import_file` to the same contacts
//!   (see the module docs of [`columns`] for the header sets and `tests/core/export.rs` for
//!   what is compared).

mod columns;
pub(crate) mod csv;
mod neutralise;
pub(crate) mod vcard;
mod xlsx;

use std::io::{BufWriter, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::Utc;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::access::scope::search_scope;
use crate::access::{authorize, Action, Actor};
use crate::audit::{self, Event, Who};
use crate::contact::bulk::{requested_ids, BulkSelection};
use crate::error::{CoreError, CoreResult};
use crate::store::bulk::id_ranges;
use crate::store::contacts;
use crate::store::export::{contacts_by_id, database_identity, list_widths, ListWidths};
use crate::Database;

use columns::Layout;

/// Contacts read and written per batch.
pub const BATCH: usize = 2_000;

/// A file format of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// Rapport's own columns: every field the import reads.
    Csv,
    /// Outlook's English CSV headers.
    CsvOutlook,
    /// Google Contacts' CSV headers.
    CsvGoogle,
    /// vCard 4.0, one card per contact in one file.
    Vcard,
    /// An Excel workbook with Rapport's own columns.
    Xlsx,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 5] = [
        Self::Csv,
        Self::CsvOutlook,
        Self::CsvGoogle,
        Self::Vcard,
        Self::Xlsx,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::CsvOutlook => "csv_outlook",
            Self::CsvGoogle => "csv_google",
            Self::Vcard => "vcard",
            Self::Xlsx => "xlsx",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.as_str() == text)
    }

    /// The usual file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Csv | Self::CsvOutlook | Self::CsvGoogle => "csv",
            Self::Vcard => "vcf",
            Self::Xlsx => "xlsx",
        }
    }

    fn layout(self) -> Option<Layout> {
        match self {
            Self::Csv | Self::Xlsx => Some(Layout::Rapport),
            Self::CsvOutlook => Some(Layout::Outlook),
            Self::CsvGoogle => Some(Layout::Google),
            Self::Vcard => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ExportProgress {
    pub done: u32,
    pub total: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ExportReport {
    /// Contacts written to the file.
    pub exported: u32,
    /// The file written, as given.
    pub file: String,
    pub format: ExportFormat,
}

/// Where the contacts go, format by format.
enum Sink {
    Csv(
        csv::CsvWriter<BufWriter<std::fs::File>>,
        Layout,
        Vec<columns::Column>,
    ),
    Vcard(BufWriter<std::fs::File>, String),
    Xlsx(Box<xlsx::XlsxWriter>),
}

fn write_failed(err: &std::io::Error) -> CoreError {
    CoreError::invalid("file", format!("cannot be written: {err}"))
}

/// Writes the contacts of `selection` that `actor` may see to `out` in `format`, replacing
/// `out` if it exists (callers ask before overwriting). See the module documentation.
pub async fn export_contacts(
    db: &Database,
    actor: &Actor,
    selection: &BulkSelection,
    format: ExportFormat,
    out: &Path,
    mut progress: impl FnMut(ExportProgress) + Send,
    cancel: &AtomicBool,
) -> CoreResult<ExportReport> {
    // Refusals are audited by these checks, before the read transaction starts.
    let (scope, except) = match selection {
        BulkSelection::Ids { .. } => {
            authorize(db, actor, Action::ViewContacts).await?;
            (None, Vec::new())
        }
        BulkSelection::Query { query, except } => {
            let except = crate::contact::bulk::excluded_ids(except)?;
            contacts::authorize_selection(db, actor, &query.filter).await?;
            (search_scope(db.reader(), actor).await?, except)
        }
    };
    let folder = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    if out.is_dir() {
        return Err(CoreError::invalid("file", "is a folder"));
    }

    // One snapshot: the ids and every batch read from it agree.
    let mut tx = db.reader().begin().await?;
    let ids: Vec<i64> = match selection {
        BulkSelection::Ids { ids } => {
            let (numbers, _) = requested_ids(ids);
            contacts::visible_among(&mut tx, actor, &numbers).await?
        }
        BulkSelection::Query { query, .. } => {
            contacts::matching_ids(&mut tx, actor, scope.as_deref(), query)
                .await?
                .into_iter()
                .filter(|id| except.binary_search(id).is_err())
                .collect()
        }
    };
    let total = u32::try_from(ids.len()).unwrap_or(u32::MAX);
    if format == ExportFormat::Xlsx && total > xlsx::MAX_ROWS {
        return Err(CoreError::invalid(
            "format",
            format!(
                "a worksheet holds at most {} contacts; this selection has {total}: export it as CSV",
                xlsx::MAX_ROWS
            ),
        ));
    }
    progress(ExportProgress { done: 0, total });

    let temp = tempfile::Builder::new()
        .prefix(".rapport-export-")
        .suffix(".part")
        .tempfile_in(&folder)
        .map_err(|e| write_failed(&e))?;
    let file = temp.reopen().map_err(|e| write_failed(&e))?;
    let mut sink = match format.layout() {
        Some(layout) => {
            // The numbered columns are as many as the widest contact needs.
            let mut widths = ListWidths::default();
            for batch in ids.chunks(BATCH) {
                widths = widths.max(list_widths(&mut tx, batch).await?);
                if cancel.load(Ordering::SeqCst) {
                    return Err(CoreError::Cancelled);
                }
            }
            let columns = columns::columns(layout, widths);
            if format == ExportFormat::Xlsx {
                Sink::Xlsx(Box::new(xlsx::XlsxWriter::new(columns, &folder)?))
            } else {
                let writer = csv::CsvWriter::new(BufWriter::new(file), &columns)
                    .map_err(|e| write_failed(&e))?;
                Sink::Csv(writer, layout, columns)
            }
        }
        None => Sink::Vcard(BufWriter::new(file), database_identity(&mut tx).await?),
    };

    let mut exported: Vec<i64> = Vec::new();
    let mut done = 0u32;
    for batch in ids.chunks(BATCH) {
        let contacts = contacts_by_id(&mut tx, batch).await?;
        for contact in &contacts {
            match &mut sink {
                Sink::Csv(writer, layout, columns) => writer
                    .record(&columns::row(*layout, columns, contact))
                    .map_err(|e| write_failed(&e))?,
                Sink::Vcard(out, identity) => out
                    .write_all(vcard::contact_card(contact, identity).as_bytes())
                    .map_err(|e| write_failed(&e))?,
                Sink::Xlsx(writer) => writer.record(contact)?,
            }
            exported.push(contact.id);
        }
        done += u32::try_from(batch.len()).unwrap_or(u32::MAX);
        progress(ExportProgress { done, total });
        if cancel.load(Ordering::SeqCst) {
            return Err(CoreError::Cancelled);
        }
    }
    tx.commit().await?;

    match sink {
        Sink::Csv(writer, ..) => {
            writer
                .finish()
                .and_then(|out| out.into_inner().map_err(|e| e.into_error()))
                .and_then(|file| file.sync_all())
                .map_err(|e| write_failed(&e))?;
        }
        Sink::Vcard(out, _) => {
            out.into_inner()
                .map_err(|e| e.into_error())
                .and_then(|file| file.sync_all())
                .map_err(|e| write_failed(&e))?;
        }
        Sink::Xlsx(writer) => {
            writer.finish(temp.as_file())?;
            temp.as_file().sync_all().map_err(|e| write_failed(&e))?;
        }
    }

    let count = u32::try_from(exported.len()).unwrap_or(u32::MAX);
    // Audited before the file takes its name: an export is never left unrecorded.
    audit::record_alone(
        db,
        Who::User(actor),
        Utc::now(),
        Event::new("export", "contact", None).summary(json!({
            "format": format.as_str(),
            "count": count,
            "selection": describe(selection),
            "idRanges": id_ranges(exported.into_iter()),
        })),
    )
    .await?;
    temp.persist(out).map_err(|e| write_failed(&e.error))?;
    Ok(ExportReport {
        exported: count,
        file: out.display().to_string(),
        format,
    })
}

/// The selection for the audit trail: its kind and filters, never the search text (it may be
/// a person's name).
fn describe(selection: &BulkSelection) -> Value {
    match selection {
        BulkSelection::Ids { ids } => json!({ "kind": "ids", "requested": ids.len() }),
        BulkSelection::Query { query, except } => json!({
            "kind": "query",
            "search": query.search.as_deref().is_some_and(|s| !s.trim().is_empty()),
            "contactType": query.filter.contact_type.map(|t| t.as_str()),
            "status": query.filter.status.map(|s| s.as_str()),
            "territoryId": query.filter.territory_id,
            "unassigned": query.filter.unassigned,
            "except": except.len(),
        }),
    }
}
