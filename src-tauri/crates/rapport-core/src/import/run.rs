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
/// The writer's page cache during an import, in KiB. Each new contact touches pages all over
/// the contact tables' indexes; with the usual cache the pager spills and re-reads (decrypting
/// and checking every page again), and an import of 100,000 rows took half as long again.
pub const BULK_CACHE_KIB: u32 = 256 * 1024;
/// The writer's page cache while the new contacts are indexed for search. FTS5 merges its
/// segments as they grow and reads back the contact rows the import wrote; with the cache
/// above, 266,000 new contacts took 53 s to index (most of it decrypting and checking pages
/// read again), with this one 12 s. The cache only grows as far as the work needs.
const INDEX_CACHE_KIB: u32 = 1024 * 1024;
/// New contacts after which the search index is merged in one go: it then holds many segments
/// that FTS5's own merging would otherwise work through during the next writes.
const OPTIMIZE_AFTER: i64 = 50_000;

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

    // Three stages run at once, so the two cores both work: a thread reads and checks the
    // file, a task looks its batches up among the stored contacts on a read connection, and
    // this task decides and writes. The stored contacts a batch is matched against are those
    // before the import (the write transaction is not committed), which is also what the
    // preview, a dry run, sees.
    let (info_tx, info_rx) =
        tokio::sync::oneshot::channel::<Result<SourceInfo, source::OpenError>>();
    let (prepared_tx, prepared_rx) = tokio::sync::mpsc::channel::<Result<Vec<Prepared>, Stop>>(2);
    let reader_path = path.to_path_buf();
    let sheet = options.sheet.clone();
    let overrides = options.mapping.clone();
    let check_region = region.clone();
    let reader = tokio::task::spawn_blocking(move || {
        let mut dups = FileDuplicates::default();
        let (info, records) = match source::open(&reader_path, sheet.as_deref(), &overrides, &saved)
        {
            Ok(opened) => opened,
            Err(error) => {
                let _ = info_tx.send(Err(error));
                return dups;
            }
        };
        if info_tx.send(Ok(info)).is_err() {
            return dups;
        }
        let checker = Checker {
            region: &check_region,
            required: &required,
            accounts: &accounts,
        };
        let mut batch = Vec::with_capacity(BATCH);
        for record in records {
            match record {
                Ok(record) => batch.push(record),
                Err(error) => {
                    let _ = prepared_tx.blocking_send(Err(Stop::File(error)));
                    return dups;
                }
            }
            if batch.len() == BATCH {
                let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                if prepared_tx
                    .blocking_send(Ok(checker.prepare(full, &mut dups)))
                    .is_err()
                {
                    return dups;
                }
            }
        }
        if !batch.is_empty() {
            let _ = prepared_tx.blocking_send(Ok(checker.prepare(batch, &mut dups)));
        }
        dups
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
        let mut tx = db.write().await?;
        set_cache(&mut tx, BULK_CACHE_KIB).await?;
        Session::Write(tx)
    };
    let first_new_id: i64 = sqlx::query_scalar(
        "SELECT max(ifnull((SELECT max(id) FROM contacts), 0),
            ifnull((SELECT max(merged_id) FROM contact_aliases), 0)) + 1",
    )
    .fetch_one(session.conn())
    .await?;
    let mut batches = match_stored(
        db.reader().acquire().await?,
        actor.clone(),
        prepared_rx,
        first_new_id,
    );
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
        target_of_record: foldhash::HashMap::default(),
        snapshotted: HashSet::new(),
        pending: Vec::new(),
        extras: Vec::new(),
    };

    while let Some(batch) = batches.recv().await {
        if cancel.load(Ordering::Relaxed) {
            return Err(CoreError::Cancelled);
        }
        let (batch, stored) = match batch {
            Ok(batch) => batch,
            Err(Stop::Core(error)) => return Err(error),
            Err(Stop::File(error)) => {
                // The file broke off mid-way: nothing of it is kept.
                drop(session);
                return Ok(FileReport {
                    records: report.records,
                    ..FileReport::refused(&file_name, &error.reason.code(), &error.message)
                });
            }
        };
        for prepared in batch {
            report.records += 1;
            let Prepared { record, checked } = prepared;
            let Ready {
                mut fields,
                warnings,
                keys,
                earlier,
                ..
            } = match checked {
                Checked::Blank => {
                    report.skipped += 1;
                    continue;
                }
                Checked::Rejected(r) => {
                    report.rejected.push(rejected(record, r));
                    continue;
                }
                Checked::Ready(ready) => *ready,
            };
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
            let listed_here = match options.preview {
                Some(limit) => {
                    report.contacts.len() < limit
                        && (record <= PREVIEW_FIRST_RECORDS
                            || action != "created"
                            || !listed.warnings.is_empty())
                }
                None => options.list_contacts && action != "skipped",
            };
            match action {
                "created" => {
                    let id = state.next_id;
                    state.next_id += 1;
                    state.target_of_record.insert(record, id);
                    if session.tx().is_some() {
                        let stored = if listed_here {
                            fields.clone()
                        } else {
                            std::mem::take(&mut fields)
                        };
                        state.extras.push((id, extras_of(&stored)));
                        state.pending.push((id, stored));
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
                        // A contact this import created is indexed with the others at the end.
                        if id < first_new_id {
                            crate::contact::reindex(tx, id).await?;
                        }
                        listed.id = Some(id.to_string());
                        listed.reference = Some(contact_reference(id));
                    }
                    report.updated += 1;
                }
                _ => report.skipped += 1,
            }
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
    let dups = reader.await.unwrap_or_default();
    if cancel.load(Ordering::Relaxed) {
        return Err(CoreError::Cancelled);
    }
    report.duplicate_groups = dups.groups();
    report.rejected.sort_by_key(|r| r.record);

    if let Session::Write(mut tx) = session {
        let created = state.next_id - first_new_id;
        if created > 0 {
            set_cache(&mut tx, INDEX_CACHE_KIB).await?;
            // One statement for all: FTS5 writes its pending terms out as a new segment at the
            // end of every statement, and a statement per batch took three times as long.
            search_index::index_span(&mut tx, first_new_id, state.next_id - 1).await?;
        }
        if created > OPTIMIZE_AFTER {
            search_index::optimize(&mut tx).await?;
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
        set_cache(&mut tx, crate::db::CACHE_KIB).await?;
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

/// A record of the file after the reading thread: checked and, when it may be stored, keyed.
struct Prepared {
    record: u64,
    checked: Checked,
}

enum Checked {
    Blank,
    Rejected(rapport_import::Rejection),
    Ready(Box<Ready>),
}

/// A record that passed the contact rules, with what its duplicates are found by.
struct Ready {
    fields: ContactFields,
    warnings: Vec<String>,
    keys: Vec<(&'static str, String)>,
    /// The earliest record of the file this one repeats.
    earlier: Option<u64>,
    /// Which of `keys` no earlier record of the file has: only those are looked up among the
    /// stored contacts.
    first_seen: Vec<bool>,
}

/// Why the stages before the decisions stopped.
enum Stop {
    File(FileError),
    Core(CoreError),
}

/// What the reading thread checks records against.
struct Checker<'a> {
    region: &'a str,
    required: &'a [String],
    accounts: &'a HashMap<String, String>,
}

impl Checker<'_> {
    /// Checks a batch's records on every core (parsing phone numbers is most of an import's
    /// reading work), then notes the file's own duplicates in file order.
    fn prepare(&self, mut batch: Vec<SourceRecord>, dups: &mut FileDuplicates) -> Vec<Prepared> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        let part = batch.len().div_ceil(threads).max(1);
        let parts: Vec<Vec<SourceRecord>> = (0..threads)
            .map(|_| batch.drain(..part.min(batch.len())).collect())
            .collect();
        let mut prepared: Vec<Prepared> = std::thread::scope(|s| {
            let handles: Vec<_> = parts
                .into_iter()
                .map(|part| {
                    s.spawn(move || {
                        part.into_iter()
                            .map(|record| self.check(record))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
                .collect()
        });
        for p in &mut prepared {
            if let Checked::Ready(ready) = &mut p.checked {
                let added = dups.add(p.record, &ready.keys);
                ready.earlier = added.earlier;
                ready.first_seen = added.first_seen;
            }
        }
        prepared
    }

    /// One record checked and keyed; which earlier record it repeats is noted afterwards.
    fn check(&self, SourceRecord { record, outcome }: SourceRecord) -> Prepared {
        let checked = match outcome {
            Outcome::Blank => Checked::Blank,
            Outcome::Rejected(r) => Checked::Rejected(r),
            Outcome::Fields(fields) => match checks::check(*fields, self.region, self.required) {
                Ok(checks::Checked {
                    mut fields,
                    mut warnings,
                }) => {
                    link_account(&mut fields, &mut warnings, self.accounts);
                    let keys = matching::keys(&fields);
                    Checked::Ready(Box::new(Ready {
                        fields,
                        warnings,
                        keys,
                        earlier: None,
                        first_seen: Vec::new(),
                    }))
                }
                Err(r) => Checked::Rejected(r),
            },
        };
        Prepared { record, checked }
    }
}

type StoredMatches = matching::KeyMap<Vec<i64>>;

/// The stage between the reading thread and the decisions: each batch with the stored
/// contacts its keys match, looked up on a read connection of its own. What a key matches
/// cannot change during the import (only contacts below `below_id` count, and the import holds
/// the only write transaction), so a key is looked up once, in the batch of its first record:
/// a file that repeats its people repeats their keys.
fn match_stored(
    mut conn: sqlx::pool::PoolConnection<Sqlite>,
    actor: Actor,
    mut prepared: tokio::sync::mpsc::Receiver<Result<Vec<Prepared>, Stop>>,
    below_id: i64,
) -> tokio::sync::mpsc::Receiver<Result<(Vec<Prepared>, StoredMatches), Stop>> {
    let (tx, rx) = tokio::sync::mpsc::channel(2);
    tokio::spawn(async move {
        // Every key found so far that matches a stored contact.
        let mut found = StoredMatches::default();
        while let Some(batch) = prepared.recv().await {
            let matched = match batch {
                Ok(batch) => {
                    let ready = || {
                        batch.iter().filter_map(|p| match &p.checked {
                            Checked::Ready(ready) => Some(ready),
                            _ => None,
                        })
                    };
                    let fresh: Vec<(&'static str, String)> = ready()
                        .flat_map(|r| r.keys.iter().zip(&r.first_seen))
                        .filter(|(_, first)| **first)
                        .map(|(key, _)| key.clone())
                        .collect();
                    match matching::stored_matches(&mut conn, &actor, &fresh, below_id).await {
                        Ok(stored) => {
                            found.extend(stored);
                            let of_batch: StoredMatches = ready()
                                .flat_map(|r| &r.keys)
                                .filter_map(|key| Some((key.clone(), found.get(key)?.clone())))
                                .collect();
                            Ok((batch, of_batch))
                        }
                        Err(error) => Err(Stop::Core(error)),
                    }
                }
                Err(stop) => Err(stop),
            };
            let stop = matched.is_err();
            if tx.send(matched).await.is_err() || stop {
                break;
            }
        }
    });
    rx
}

/// Sets the page cache of a connection, in KiB.
async fn set_cache(conn: &mut SqliteConnection, kib: u32) -> CoreResult<()> {
    sqlx::query(&format!("PRAGMA cache_size = -{kib}"))
        .execute(conn)
        .await?;
    Ok(())
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
    /// The contact each stored record went to (created or updated).
    target_of_record: foldhash::HashMap<u64, i64>,
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
        let records: Vec<ContactRecord> = self
            .pending
            .drain(..)
            .map(|(id, fields)| records::contact_record(id, &fields, defaults))
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
