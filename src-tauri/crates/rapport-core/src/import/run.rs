//! One file from first byte to commit. Records stream from a reader thread in batches, so a
//! million-row file never sits in memory; the whole import is one transaction, so a failed or
//! cancelled import leaves nothing behind.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::Utc;
use rapport_import::fields::{ContactFields, FileError};
use serde_json::json;
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::checks;
use super::matching::{self, FileDuplicates};
use super::records::{self, Defaults, SiteTarget};
use super::report::{FileReport, RecordMatch, RejectedRecord, ReportContact};
use super::source::{self, Outcome, SourceInfo, SourceRecord};
use super::{policy, snapshot, update, ImportOptions, OnDuplicate};
use crate::access::{authorize, scope, Action, Actor};
use crate::audit::{self, Event, Who};
use crate::error::{CoreError, CoreResult};
use crate::model::{contact_reference, ContactType, Role};
use crate::store::bulk::{self, ContactRecord};
use crate::store::{search_index, timestamp};
use crate::{text, Database};

/// Records per batch: one round of duplicate lookups and one multi-row insert per table.
const BATCH: usize = 2_000;
/// A preview lists the file's first records whatever they are, then only those worth a look.
const PREVIEW_FIRST_RECORDS: u64 = 200;

/// How far an import has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportProgress {
    /// Records read and checked so far.
    pub records: u32,
    /// Of those, records stored as new contacts or as updates.
    pub stored: u32,
    /// The last report of the file: everything is read (and, unless a dry run, committed).
    pub done: bool,
}

/// Imports (or with `dry_run`, checks) one file. A file that cannot be read at all gives a
/// report with one rejection numbered 0; errors are for what the caller must fix (the site,
/// the required fields, permissions) and for cancellation.
pub async fn import_file(
    db: &Database,
    actor: &Actor,
    path: &Path,
    options: &ImportOptions,
    home: &str,
    progress: &mut (dyn FnMut(ImportProgress) + Send),
    cancel: &AtomicBool,
) -> CoreResult<FileReport> {
    authorize(db, actor, Action::Import).await?;
    let site = match options.site_id.as_deref() {
        Some(id) => Some(site_target(db, actor, id).await?),
        None if actor.role() != Role::SiteAdmin => {
            return Err(CoreError::invalid(
                "site",
                "choose a site in your area for the imported contacts; without one only site administrators could see them",
            ));
        }
        None => None,
    };
    let required = policy::required_fields(db, &options.require).await?;
    let region = options
        .region
        .clone()
        .unwrap_or_else(|| home.to_string())
        .to_ascii_uppercase();
    let file_name = options.file_name.clone().unwrap_or_else(|| {
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    });
    let saved = saved_mappings(db).await?;
    let accounts = account_names(db).await?;

    let (info_tx, info_rx) =
        tokio::sync::oneshot::channel::<Result<SourceInfo, source::OpenError>>();
    let (batch_tx, mut batch_rx) =
        tokio::sync::mpsc::channel::<Result<Vec<SourceRecord>, FileError>>(4);
    let reader_path = path.to_path_buf();
    let sheet = options.sheet.clone();
    let overrides = options.mapping.clone();
    let reader = tokio::task::spawn_blocking(move || {
        let (info, records) = match source::open(&reader_path, sheet.as_deref(), &overrides, &saved)
        {
            Ok(opened) => opened,
            Err(error) => {
                let _ = info_tx.send(Err(error));
                return;
            }
        };
        if info_tx.send(Ok(info)).is_err() {
            return;
        }
        let mut batch = Vec::with_capacity(BATCH);
        for record in records {
            match record {
                Ok(record) => batch.push(record),
                Err(error) => {
                    let _ = batch_tx.blocking_send(Err(error));
                    return;
                }
            }
            if batch.len() == BATCH
                && batch_tx
                    .blocking_send(Ok(std::mem::replace(&mut batch, Vec::with_capacity(BATCH))))
                    .is_err()
            {
                return;
            }
        }
        if !batch.is_empty() {
            let _ = batch_tx.blocking_send(Ok(batch));
        }
    });
    let info = match info_rx.await {
        Ok(Ok(info)) => info,
        Ok(Err(source::OpenError::File(error))) => {
            return Ok(FileReport::refused(
                &file_name,
                &error.reason.code(),
                &error.message,
            ));
        }
        Ok(Err(source::OpenError::Mapping(message))) => {
            return Err(CoreError::invalid("mapping", message));
        }
        Err(_) => return Err(CoreError::invalid("file", "the file could not be read")),
    };

    let now = Utc::now();
    let mut report = FileReport {
        file: file_name.clone(),
        format: info.format.clone(),
        encoding: info.encoding.clone(),
        mapping: info.mapping.clone(),
        samples: info.samples.clone(),
        ..FileReport::default()
    };
    let mut session = if options.dry_run {
        Session::Read(db.reader().acquire().await?)
    } else {
        Session::Write(db.write().await?)
    };
    let first_new_id: i64 = sqlx::query_scalar("SELECT ifnull(max(id), 0) + 1 FROM contacts")
        .fetch_one(session.conn())
        .await?;
    let import_id: i64 = match session.tx() {
        Some(tx) => sqlx::query(
            "INSERT INTO imports (user_id, file_name, format, encoding, site_id, records,
                     imported, updated, skipped, rejected, created_at)
                 VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, 0, ?)",
        )
        .bind(actor.user_id())
        .bind(&file_name)
        .bind(&info.format)
        .bind(&info.encoding)
        .bind(site.as_ref().map(|s| s.id))
        .bind(timestamp(now))
        .execute(tx)
        .await?
        .last_insert_rowid(),
        None => 0,
    };

    let owner = actor.username().to_string();
    let defaults = Defaults {
        contact_type: options.contact_type.unwrap_or(ContactType::Operations),
        owner: &owner,
        site: site.as_ref(),
        now,
    };
    let mut state = State {
        next_id: first_new_id,
        dups: FileDuplicates::default(),
        target_of_record: HashMap::new(),
        snapshotted: HashSet::new(),
        pending: Vec::new(),
        extras: Vec::new(),
    };

    while let Some(batch) = batch_rx.recv().await {
        if cancel.load(Ordering::Relaxed) {
            return Err(CoreError::Cancelled);
        }
        let batch = match batch {
            Ok(batch) => batch,
            Err(error) => {
                // The file broke off mid-way: nothing of it is kept.
                drop(session);
                return Ok(FileReport {
                    records: report.records,
                    ..FileReport::refused(&file_name, &error.reason.code(), &error.message)
                });
            }
        };
        let mut checked: Vec<(u64, ContactFields, Vec<String>)> = Vec::new();
        for (record, outcome) in check_batch(batch, &region, &required) {
            report.records += 1;
            match outcome {
                Checked::Blank => report.skipped += 1,
                Checked::Rejected(r) => report.rejected.push(rejected(record, r)),
                Checked::Fields(c) => {
                    let checks::Checked {
                        mut fields,
                        mut warnings,
                    } = *c;
                    link_account(&mut fields, &mut warnings, &accounts);
                    checked.push((record, fields, warnings));
                }
            }
        }
        let keys: Vec<Vec<(&'static str, String)>> =
            checked.iter().map(|(_, f, _)| matching::keys(f)).collect();
        let all_keys: Vec<(&'static str, String)> = keys.iter().flatten().cloned().collect();
        let stored =
            matching::stored_matches(session.conn(), actor, &all_keys, first_new_id).await?;

        for ((record, fields, warnings), keys) in checked.into_iter().zip(keys) {
            let earlier = state.dups.add(record, &keys);
            let matches = matching::matches_of(&keys, &stored);
            let decision = options
                .decisions
                .get(&record)
                .copied()
                .unwrap_or(options.on_duplicate);
            let target = if let Some((id, _)) = matches.first() {
                Some(*id)
            } else {
                earlier.and_then(|e| state.target_of_record.get(&e).copied())
            };
            let is_duplicate = !matches.is_empty() || earlier.is_some();
            let action = match (is_duplicate, decision, target) {
                (false, _, _) | (true, OnDuplicate::Create, _) => "created",
                (true, OnDuplicate::Update, Some(_)) => "updated",
                _ => "skipped",
            };
            if !matches.is_empty() {
                let reasons: Vec<String> = matches
                    .iter()
                    .flat_map(|(_, r)| r.iter().map(|s| s.to_string()))
                    .fold(Vec::new(), |mut all, r| {
                        if !all.contains(&r) {
                            all.push(r);
                        }
                        all
                    });
                report.matches.push(RecordMatch {
                    record,
                    contacts: matches.iter().map(|(id, _)| id.to_string()).collect(),
                    reasons,
                    action: action.into(),
                });
            }
            let mut listed = ReportContact {
                record,
                id: None,
                reference: None,
                action: action.into(),
                fields: ContactFields::default(),
                warnings,
            };
            match action {
                "created" => {
                    let id = state.next_id;
                    state.next_id += 1;
                    state.target_of_record.insert(record, id);
                    if session.tx().is_some() {
                        state.pending.push((id, fields.clone()));
                        state.extras.push((id, extras_of(&fields)));
                        listed.id = Some(id.to_string());
                        listed.reference = Some(contact_reference(id));
                    }
                    report.imported += 1;
                }
                "updated" => {
                    let id = target.unwrap_or_default();
                    state.target_of_record.insert(record, id);
                    if let Some(tx) = session.tx() {
                        // The target may be a contact this import created in this batch.
                        state.flush(tx, &defaults, home).await?;
                        if id < first_new_id && state.snapshotted.insert(id) {
                            let before = snapshot::take(tx, id).await?;
                            sqlx::query(
                                "INSERT INTO import_updates (import_id, contact_id, record, before)
                                 VALUES (?, ?, ?, ?)",
                            )
                            .bind(import_id)
                            .bind(id)
                            .bind(i64::try_from(record).unwrap_or(i64::MAX))
                            .bind(before.to_string())
                            .execute(&mut *tx)
                            .await?;
                        }
                        update::apply(tx, actor, import_id, id, &fields, &defaults, home).await?;
                        listed.id = Some(id.to_string());
                        listed.reference = Some(contact_reference(id));
                    }
                    report.updated += 1;
                }
                _ => report.skipped += 1,
            }
            let listed_here = match options.preview {
                Some(limit) => {
                    report.contacts.len() < limit
                        && (record <= PREVIEW_FIRST_RECORDS
                            || action != "created"
                            || !listed.warnings.is_empty())
                }
                None => options.list_contacts && action != "skipped",
            };
            if listed_here {
                listed.fields = fields;
                report.contacts.push(listed);
            }
        }
        if let Some(tx) = session.tx() {
            state.flush(tx, &defaults, home).await?;
        }
        progress(ImportProgress {
            records: u32::try_from(report.records).unwrap_or(u32::MAX),
            stored: u32::try_from(report.imported + report.updated).unwrap_or(u32::MAX),
            done: false,
        });
    }
    let _ = reader.await;
    if cancel.load(Ordering::Relaxed) {
        return Err(CoreError::Cancelled);
    }
    report.duplicate_groups = state.dups.groups();
    report.rejected.sort_by_key(|r| r.record);

    if let Session::Write(mut tx) = session {
        let created = state.next_id - first_new_id;
        if created > 0 {
            search_index::index_range(&mut tx, first_new_id, created > 50_000).await?;
        }
        sqlx::query(
            "UPDATE imports SET records = ?, imported = ?, updated = ?, skipped = ?, rejected = ?,
                 first_id = ?, last_id = ? WHERE id = ?",
        )
        .bind(count(report.records))
        .bind(count(report.imported))
        .bind(count(report.updated))
        .bind(count(report.skipped))
        .bind(count(report.rejected.len() as u64))
        .bind((created > 0).then_some(first_new_id))
        .bind((created > 0).then_some(state.next_id - 1))
        .bind(import_id)
        .execute(&mut *tx)
        .await?;
        if options.remember_mapping && !options.mapping.is_empty() {
            if let Some(signature) = &info.signature {
                remember_mapping(&mut tx, signature, &info.mapping, now).await?;
            }
        }
        audit::record(
            &mut tx,
            Who::User(actor),
            now,
            Event::new("import", "import", Some(import_id.to_string())).summary(json!({
                "file": file_name,
                "format": info.format,
                "records": report.records,
                "imported": report.imported,
                "updated": report.updated,
                "skipped": report.skipped,
                "rejected": report.rejected.len(),
                "idRanges": if created > 0 { json!([[first_new_id, state.next_id - 1]]) } else { json!([]) },
            })),
        )
        .await?;
        tx.commit().await?;
        report.import_id = Some(import_id.to_string());
    }
    progress(ImportProgress {
        records: u32::try_from(report.records).unwrap_or(u32::MAX),
        stored: u32::try_from(report.imported + report.updated).unwrap_or(u32::MAX),
        done: true,
    });
    Ok(report)
}

/// A record after the contact rules.
enum Checked {
    Blank,
    Rejected(rapport_import::Rejection),
    Fields(Box<checks::Checked>),
}

/// Checks a batch's records, in record order in the result. They are checked grouped by the
/// start of their first phone number: the numbering-plan check compiles the patterns of the
/// number's country into a cache of 100, and a batch mixing twenty countries in file order
/// would compile them again for nearly every record (an import of international contacts ran
/// ten times slower).
fn check_batch(batch: Vec<SourceRecord>, region: &str, required: &[String]) -> Vec<(u64, Checked)> {
    let mut pending: Vec<(usize, u64, Outcome)> = batch
        .into_iter()
        .enumerate()
        .map(|(i, r)| (i, r.record, r.outcome))
        .collect();
    pending.sort_by_cached_key(|(_, _, outcome)| match outcome {
        Outcome::Fields(fields) => fields
            .phones
            .first()
            .map(|p| {
                p.value
                    .chars()
                    .filter(|c| *c == '+' || c.is_ascii_digit())
                    .take(4)
                    .collect()
            })
            .unwrap_or_default(),
        _ => String::new(),
    });
    let mut done: Vec<(usize, u64, Checked)> = pending
        .into_iter()
        .map(|(i, record, outcome)| {
            let checked = match outcome {
                Outcome::Blank => Checked::Blank,
                Outcome::Rejected(r) => Checked::Rejected(r),
                Outcome::Fields(fields) => match checks::check(*fields, region, required) {
                    Ok(c) => Checked::Fields(Box::new(c)),
                    Err(r) => Checked::Rejected(r),
                },
            };
            (i, record, checked)
        })
        .collect();
    done.sort_by_key(|(i, _, _)| *i);
    done.into_iter().map(|(_, record, c)| (record, c)).collect()
}

/// The start of a record's first phone number (its country code, when written with one).
fn phone_group(fields: &ContactFields) -> String {
    fields
        .phones
        .first()
        .map(|p| {
            let number = p.e164.as_deref().unwrap_or(&p.value);
            number
                .chars()
                .filter(|c| *c == '+' || c.is_ascii_digit())
                .take(4)
                .collect()
        })
        .unwrap_or_default()
}

/// A dry run reads through a pooled connection; an import writes in one transaction.
enum Session {
    Read(sqlx::pool::PoolConnection<Sqlite>),
    Write(sqlx::Transaction<'static, Sqlite>),
}

impl Session {
    fn conn(&mut self) -> &mut SqliteConnection {
        match self {
            Self::Read(conn) => conn,
            Self::Write(tx) => tx,
        }
    }

    fn tx(&mut self) -> Option<&mut SqliteConnection> {
        match self {
            Self::Read(_) => None,
            Self::Write(tx) => Some(tx),
        }
    }
}

fn count(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn rejected(record: u64, r: rapport_import::Rejection) -> RejectedRecord {
    RejectedRecord {
        record,
        reason: r.reason.code(),
        field: r.field,
        message: r.message,
    }
}

/// What a contact keeps outside the contact tables' bulk rows.
struct Extras {
    photo: Option<Vec<u8>>,
    related: Vec<(Option<String>, String)>,
}

fn extras_of(fields: &ContactFields) -> Extras {
    Extras {
        photo: fields.photo.as_ref().map(|p| p.data.clone()),
        related: fields
            .related
            .iter()
            .map(|r| (r.kind.clone(), r.value.clone()))
            .collect(),
    }
}

struct State {
    next_id: i64,
    dups: FileDuplicates,
    /// The contact each stored record went to (created or updated).
    target_of_record: HashMap<u64, i64>,
    snapshotted: HashSet<i64>,
    /// New contacts not stored yet, by id.
    pending: Vec<(i64, ContactFields)>,
    extras: Vec<(i64, Extras)>,
}

impl State {
    /// Stores the contacts created since the last flush, a multi-row insert per table.
    async fn flush(
        &mut self,
        conn: &mut SqliteConnection,
        defaults: &Defaults<'_>,
        home: &str,
    ) -> CoreResult<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        // Grouped by country, like the checks: the search digits and the displayed number are
        // made by the phone library, whose pattern cache a mixed batch would thrash.
        self.pending
            .sort_by_cached_key(|(_, fields)| phone_group(fields));
        let records: Vec<ContactRecord> = self
            .pending
            .iter()
            .map(|(id, fields)| records::contact_record(*id, fields, defaults))
            .collect();
        bulk::insert_records(&mut *conn, &records, home).await?;
        for (id, extras) in self.extras.drain(..) {
            if let Some(photo) = extras.photo {
                sqlx::query("UPDATE contacts SET photo = ? WHERE id = ?")
                    .bind(photo)
                    .bind(id)
                    .execute(&mut *conn)
                    .await?;
            }
            for (kind, value) in extras.related {
                sqlx::query(
                    "INSERT INTO contact_related (contact_id, kind, value) VALUES (?, ?, ?)",
                )
                .bind(id)
                .bind(kind)
                .bind(value)
                .execute(&mut *conn)
                .await?;
            }
        }
        self.pending.clear();
        Ok(())
    }
}

async fn site_target(db: &Database, actor: &Actor, id: &str) -> CoreResult<SiteTarget> {
    let refuse = || {
        CoreError::invalid(
            "site",
            format!("site {id} is not a site you can import into"),
        )
    };
    let number: i64 = id.trim().parse().map_err(|_| refuse())?;
    let mut builder = QueryBuilder::<Sqlite>::new(
        "SELECT s.id, s.territory_id, a.name FROM sites s
         JOIN territories t ON t.id = s.territory_id JOIN accounts a ON a.id = s.account_id
         WHERE s.id = ",
    );
    builder.push_bind(number).push(" AND ");
    scope::push_site_in_scope(&mut builder, actor);
    let found: Option<(i64, i64, String)> =
        builder.build_query_as().fetch_optional(db.reader()).await?;
    let (id, territory_id, account_name) = found.ok_or_else(refuse)?;
    Ok(SiteTarget {
        id,
        territory_id,
        account_name,
    })
}

/// Account names by their folded form, to link an imported organisation to its account.
async fn account_names(db: &Database) -> CoreResult<HashMap<String, String>> {
    let names: Vec<String> = sqlx::query_scalar("SELECT name FROM accounts")
        .fetch_all(db.reader())
        .await?;
    Ok(names.into_iter().map(|n| (text::fold(&n), n)).collect())
}

/// An organisation that names an existing account is written as the account is, so the
/// contact's company and the account agree; any other is kept as written, with a warning.
fn link_account(
    fields: &mut ContactFields,
    warnings: &mut Vec<String>,
    accounts: &HashMap<String, String>,
) {
    let Some(organization) = &fields.organization else {
        return;
    };
    match accounts.get(&text::fold(organization)) {
        Some(account) => fields.organization = Some(account.clone()),
        None => warnings.push(format!(
            "Organisation \"{organization}\" is not an account yet; kept as text."
        )),
    }
}

async fn saved_mappings(db: &Database) -> CoreResult<HashMap<String, BTreeMap<String, String>>> {
    let rows: Vec<(String, String)> = sqlx::query_as("SELECT source, mapping FROM import_mappings")
        .fetch_all(db.reader())
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(source, mapping)| Some((source, serde_json::from_str(&mapping).ok()?)))
        .collect())
}

async fn remember_mapping(
    conn: &mut SqliteConnection,
    signature: &str,
    mapping: &[(String, String)],
    now: chrono::DateTime<Utc>,
) -> CoreResult<()> {
    let map: BTreeMap<&str, &str> = mapping
        .iter()
        .map(|(h, k)| (h.as_str(), k.as_str()))
        .collect();
    sqlx::query(
        "INSERT INTO import_mappings (source, mapping, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (source) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at",
    )
    .bind(signature)
    .bind(serde_json::to_string(&map).unwrap_or_default())
    .bind(timestamp(now))
    .execute(conn)
    .await?;
    Ok(())
}
