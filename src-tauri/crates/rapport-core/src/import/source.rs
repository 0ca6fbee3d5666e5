//! A file turned into numbered records: opened by the readers, its columns mapped (the saved
//! mapping for files with these headers, then the user's choices), each row given its fields
//! or its reason for rejection. Runs on a blocking thread; records go out in batches.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use rapport_import::fields::{ContactFields, FileError, Reason, Rejection};
use rapport_import::mapping::{self, Mapping};
use rapport_import::{Opened, TableRow};
use sha2::{Digest, Sha256};

/// Rows looked at to map a file without a header row.
const SAMPLE_ROWS: usize = 20;
/// Sample rows the app shows beside each column.
const SAMPLES_SHOWN: usize = 3;

#[derive(Debug)]
pub(crate) enum Outcome {
    Blank,
    Fields(Box<ContactFields>),
    Rejected(Rejection),
}

#[derive(Debug)]
pub(crate) struct SourceRecord {
    pub record: u64,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct SourceInfo {
    pub format: String,
    pub encoding: String,
    /// (header, field key) per column; empty for vCards.
    pub mapping: Vec<(String, String)>,
    /// Identifies files with the same columns, for remembering a mapping.
    pub signature: Option<String>,
    /// The first non-blank rows' cells, shown beside each column when mapping it.
    pub samples: Vec<Vec<String>>,
}

/// Why a file gives no records: the file itself, or the caller's mapping.
#[derive(Debug)]
pub(crate) enum OpenError {
    File(FileError),
    /// An override names a column the file does not have, or an unknown field.
    Mapping(String),
}

impl From<FileError> for OpenError {
    fn from(error: FileError) -> Self {
        Self::File(error)
    }
}

pub(crate) type Records = Box<dyn Iterator<Item = Result<SourceRecord, FileError>> + Send>;

/// The key a mapping is remembered under: the header row, whatever the file is called.
pub(crate) fn signature(headers: &[String]) -> String {
    let mut hash = Sha256::new();
    for header in headers {
        hash.update(header.trim().to_lowercase().as_bytes());
        hash.update([0x1F]);
    }
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Opens `path` and maps its columns: automatic, then the `saved` mapping for these headers,
/// then `overrides`.
pub(crate) fn open(
    path: &Path,
    sheet: Option<&str>,
    overrides: &BTreeMap<String, String>,
    saved: &HashMap<String, BTreeMap<String, String>>,
) -> Result<(SourceInfo, Records), OpenError> {
    match rapport_import::open(path, sheet)? {
        Opened::Cards(file) => {
            let info = SourceInfo {
                format: "vcard".into(),
                encoding: file.encoding,
                mapping: Vec::new(),
                signature: None,
                samples: Vec::new(),
            };
            let records = file.cards.into_iter().map(|card| {
                Ok(SourceRecord {
                    record: card.record,
                    outcome: match card.outcome {
                        Ok(fields) if fields.is_blank() => Outcome::Blank,
                        Ok(fields) => Outcome::Fields(Box::new(fields)),
                        Err(rejection) => Outcome::Rejected(rejection),
                    },
                })
            });
            Ok((info, Box::new(records)))
        }
        Opened::Table(mut table) => {
            let mut sample: Vec<Result<TableRow, FileError>> = Vec::new();
            for row in table.rows.by_ref().take(SAMPLE_ROWS) {
                sample.push(row);
            }
            let sample_rows: Vec<TableRow> = sample
                .iter()
                .filter_map(|r| r.as_ref().ok().cloned())
                .collect();
            let headers = table.headers.clone();
            let mut mapped = mapping::auto(&headers, table.has_header, &sample_rows);
            let signature = table.has_header.then(|| signature(&headers));
            if let Some(remembered) = signature.as_ref().and_then(|s| saved.get(s)) {
                // A remembered choice that no longer applies is dropped, not an error.
                let mut trial = mapped.clone();
                if mapping::apply_overrides(&mut trial, &headers, remembered).is_ok() {
                    mapped = trial;
                }
            }
            mapping::apply_overrides(&mut mapped, &headers, overrides)
                .map_err(|e| OpenError::Mapping(e.message))?;
            let info = SourceInfo {
                format: table.format.clone(),
                encoding: table.encoding.clone(),
                mapping: headers
                    .iter()
                    .cloned()
                    .zip(mapped.targets.iter().map(|t| t.key()))
                    .collect(),
                signature,
                samples: sample_rows
                    .iter()
                    .filter(|r| !r.is_blank())
                    .take(SAMPLES_SHOWN)
                    .map(|r| r.cells.clone())
                    .collect(),
            };
            let rows = sample.into_iter().chain(table.rows);
            let records = rows.map(move |row| row.map(|row| table_record(&mapped, &headers, row)));
            Ok((info, Box::new(records)))
        }
    }
}

fn table_record(mapping: &Mapping, headers: &[String], row: TableRow) -> SourceRecord {
    let outcome = if row.is_blank() {
        Outcome::Blank
    } else if row.cells.len() != headers.len() {
        Outcome::Rejected(Rejection::new(
            Reason::ColumnCountMismatch,
            format!(
                "This row has {} columns; the header has {}. Nothing in it was moved to another column.",
                row.cells.len(),
                headers.len()
            ),
        ))
    } else {
        let fields = mapping::apply(mapping, headers, &row.cells);
        if fields.is_blank() {
            Outcome::Blank
        } else {
            Outcome::Fields(Box::new(fields))
        }
    };
    SourceRecord {
        record: row.record,
        outcome,
    }
}
