//! What the app shows before an import: a dry run of the whole file, boiled down to what a
//! person can review: the columns and their fields, the first records as they would be stored,
//! and every record that has a problem or matches someone (up to a limit a screen can hold).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::atomic::AtomicBool;

use rapport_import::fields::ContactFields;
use rapport_import::mapping::Target;
use serde::{Deserialize, Serialize};
use sqlx::{QueryBuilder, Sqlite};

use super::records::{self, Defaults};
use super::{import_file, FileReport, ImportOptions, ImportProgress};
use crate::access::Actor;
use crate::error::CoreResult;
use crate::model::{contact_reference, ContactType};
use crate::Database;

/// Records listed at most: the first ones, then those with matches, warnings or problems.
const LISTED: usize = 2_000;

/// A field a column can feed, for the mapping editor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportField {
    /// The key the CLI's `--mapping` files use: `given_name`, `email.work`, `note`, `ignore`...
    pub key: String,
    pub label: String,
}

/// Every field a column can be mapped to, in the order a list shows them.
pub fn import_fields() -> Vec<ImportField> {
    Target::all()
        .into_iter()
        .map(|t| ImportField {
            key: t.key(),
            label: t.label(),
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PreviewColumn {
    pub header: String,
    /// The field key it feeds (see [`ImportField`]).
    pub field: String,
    /// Its first values, as read.
    pub samples: Vec<String>,
}

/// A stored contact a record matches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MatchedContact {
    pub id: String,
    pub reference: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum PreviewAction {
    Create,
    Update,
    Skip,
    Reject,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PreviewRow {
    pub record: u32,
    pub action: PreviewAction,
    /// The contact as it would be stored (empty for a rejected record).
    pub name: String,
    pub organization: Option<String>,
    pub job_title: Option<String>,
    pub emails: Vec<String>,
    /// Each as it would be stored: E.164 with its extension, or as written when it has none.
    pub phones: Vec<String>,
    /// Why the record is refused: the field (when one is to blame) and the message.
    pub problem: Option<RowProblem>,
    pub warnings: Vec<String>,
    /// Stored contacts it matches, best first, and on what.
    pub matches: Vec<MatchedContact>,
    pub match_reasons: Vec<String>,
    /// The first record of this file that is the same person.
    pub same_as_record: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RowProblem {
    pub reason: String,
    pub field: Option<String>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportPreview {
    pub file: String,
    pub format: String,
    pub encoding: String,
    /// The workbook's sheets (empty for other files).
    pub sheets: Vec<String>,
    /// Empty for vCards, whose properties name their fields.
    pub columns: Vec<PreviewColumn>,
    pub records: u32,
    pub to_create: u32,
    pub to_update: u32,
    /// Blank records and duplicates left alone.
    pub to_skip: u32,
    pub rejected: u32,
    /// Records matching a stored contact or an earlier record of the file.
    pub duplicates: u32,
    /// In record order; see [`LISTED`].
    pub rows: Vec<PreviewRow>,
    /// More records are worth a look than `rows` holds.
    pub truncated: bool,
    /// Why the whole file cannot be imported (then nothing else is filled in).
    pub refused: Option<RowProblem>,
}

/// A dry run of `path` with `options`, as the preview screen shows it.
pub async fn preview_file(
    db: &Database,
    actor: &Actor,
    path: &Path,
    options: &ImportOptions,
    home: &str,
    progress: &mut (dyn FnMut(ImportProgress) + Send),
    cancel: &AtomicBool,
) -> CoreResult<ImportPreview> {
    let options = ImportOptions {
        dry_run: true,
        list_contacts: true,
        preview: Some(LISTED),
        ..options.clone()
    };
    let report = import_file(db, actor, path, &options, home, progress, cancel).await?;
    let sheets = {
        let path = path.to_path_buf();
        tokio::task::spawn_blocking(move || rapport_import::sheet_names(&path).unwrap_or_default())
            .await
            .unwrap_or_default()
    };
    let names = matched_names(db, &report).await?;
    Ok(summarise(report, sheets, &names))
}

async fn matched_names(
    db: &Database,
    report: &FileReport,
) -> CoreResult<HashMap<String, MatchedContact>> {
    let ids: Vec<i64> = report
        .matches
        .iter()
        .take(LISTED)
        .flat_map(|m| m.contacts.iter().filter_map(|id| id.parse().ok()))
        .collect();
    let mut names = HashMap::new();
    for chunk in ids.chunks(500) {
        let mut query =
            QueryBuilder::<Sqlite>::new("SELECT id, display_name FROM contacts WHERE id IN (");
        let mut list = query.separated(", ");
        for id in chunk {
            list.push_bind(*id);
        }
        query.push(")");
        let rows: Vec<(i64, String)> = query.build_query_as().fetch_all(db.reader()).await?;
        for (id, name) in rows {
            names.insert(
                id.to_string(),
                MatchedContact {
                    id: id.to_string(),
                    reference: contact_reference(id),
                    name,
                },
            );
        }
    }
    Ok(names)
}

fn small(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn summarise(
    report: FileReport,
    sheets: Vec<String>,
    names: &HashMap<String, MatchedContact>,
) -> ImportPreview {
    let columns = report
        .mapping
        .iter()
        .enumerate()
        .map(|(i, (header, field))| PreviewColumn {
            header: header.clone(),
            field: field.clone(),
            samples: report
                .samples
                .iter()
                .filter_map(|row| row.get(i).filter(|c| !c.trim().is_empty()).cloned())
                .collect(),
        })
        .collect();
    let same_as: HashMap<u64, u64> = report
        .duplicate_groups
        .iter()
        .flat_map(|group| {
            let first = group.iter().copied().min().unwrap_or_default();
            group
                .iter()
                .filter(move |r| **r != first)
                .map(move |r| (*r, first))
        })
        .collect();
    let matches: HashMap<u64, _> = report.matches.iter().map(|m| (m.record, m)).collect();
    let duplicates = report
        .matches
        .iter()
        .map(|m| m.record)
        .chain(same_as.keys().copied())
        .collect::<std::collections::HashSet<_>>()
        .len();

    let mut rows: BTreeMap<u64, PreviewRow> = BTreeMap::new();
    for listed in &report.contacts {
        let action = match listed.action.as_str() {
            "created" => PreviewAction::Create,
            "updated" => PreviewAction::Update,
            _ => PreviewAction::Skip,
        };
        let matched = matches.get(&listed.record);
        rows.insert(
            listed.record,
            PreviewRow {
                record: small(listed.record),
                action,
                name: display_name(&listed.fields),
                organization: listed.fields.organization.clone(),
                job_title: listed.fields.job_title.clone(),
                emails: listed
                    .fields
                    .emails
                    .iter()
                    .map(|e| e.value.clone())
                    .collect(),
                phones: listed
                    .fields
                    .phones
                    .iter()
                    .map(|p| match (&p.e164, &p.extension) {
                        (Some(e164), Some(ext)) => format!("{e164} ext. {ext}"),
                        (Some(e164), None) => e164.clone(),
                        (None, _) => p.value.clone(),
                    })
                    .collect(),
                problem: None,
                warnings: listed.warnings.clone(),
                matches: matched
                    .map(|m| {
                        m.contacts
                            .iter()
                            .filter_map(|id| names.get(id).cloned())
                            .collect()
                    })
                    .unwrap_or_default(),
                match_reasons: matched.map(|m| m.reasons.clone()).unwrap_or_default(),
                same_as_record: same_as.get(&listed.record).map(|r| small(*r)),
            },
        );
    }
    let room = LISTED.saturating_sub(rows.len());
    for rejected in report.rejected.iter().filter(|r| r.record > 0).take(room) {
        rows.insert(
            rejected.record,
            PreviewRow {
                record: small(rejected.record),
                action: PreviewAction::Reject,
                name: String::new(),
                organization: None,
                job_title: None,
                emails: Vec::new(),
                phones: Vec::new(),
                problem: Some(RowProblem {
                    reason: rejected.reason.clone(),
                    field: rejected.field.clone(),
                    message: rejected.message.clone(),
                }),
                warnings: Vec::new(),
                matches: Vec::new(),
                match_reasons: Vec::new(),
                same_as_record: None,
            },
        );
    }
    let truncated = report.rejected.len() > room || report.contacts.len() >= LISTED;
    let refused = report.refusal();
    ImportPreview {
        file: report.file,
        format: report.format,
        encoding: report.encoding,
        sheets,
        columns,
        records: small(report.records),
        to_create: small(report.imported),
        to_update: small(report.updated),
        to_skip: small(report.skipped),
        rejected: small(report.rejected.len() as u64),
        duplicates: small(duplicates as u64),
        rows: rows.into_values().collect(),
        truncated,
        refused,
    }
}

/// The name the contact list will show, as the stored contact computes it.
fn display_name(fields: &ContactFields) -> String {
    let defaults = Defaults {
        contact_type: ContactType::Operations,
        owner: String::new(),
        site: None,
        now: chrono::Utc::now(),
    };
    let name = records::contact_record(0, fields, &defaults).display_name();
    if name.trim().is_empty() {
        // A record with only an organisation or an address: the list shows the company.
        fields.organization.clone().unwrap_or_default()
    } else {
        name
    }
}
