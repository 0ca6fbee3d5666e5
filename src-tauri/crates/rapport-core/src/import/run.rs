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
/// Records a checker thread takes at a time.
const CHECK_CHUNK: usize = 50;
/// A preview lists the file's first records whatever they are, then only those worth a look.
const PREVIEW_FIRST_RECORDS: u64 = 200;
/// The writer's page cache during an import, in KiB. Each new contact touches pages all over
/// the contact tables' indexes; with the usual cache the pager spills and re-reads (decrypting
/// and checking every page again), and an import of 100,000 rows took half as long again.
pub const BULK_CACHE_KIB: u32 = 256 * 1024;
/// The writer's page cache while the list indexes are built again and the new contacts are
/// indexed for search. Both read back the contact rows the import wrote, and FTS5 merges its
/// segments as they grow; with the cache above, 266,000 new contacts took 53 s to index (most
/// of it decrypting and checking pages read again), with this one 12 s, and the list indexes
/// spent a quarter of their build on the same. The cache only grows as far as the work needs.
const INDEX_CACHE_KIB: u32 = 1024 * 1024;
/// Below this many new contacts an import keeps the list indexes whatever it stores: placing
/// a few thousand entries costs less than a second, and dropping an index makes every open
/// connection prepare its statements again.
const REBUILD_LIST_INDEXES_FROM: i64 = BATCH as i64;
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
    let mut tx = if options.dry_run {
        None
    } else {
        let mut tx = db.write().await?;
        set_cache(&mut tx, BULK_CACHE_KIB).await?;
        Some(tx)
    };
    let first_new_id = match tx.as_mut() {
        Some(tx) => first_free_id(tx).await?,
        None => first_free_id(&mut *db.reader().acquire().await?).await?,
    };
    let stored_before: i64 = match tx.as_mut() {
        // The tallies count every contact row (kept by triggers), so this reads a few rows
        // rather than an index of a million.
        Some(tx) => {
            sqlx::query_scalar("SELECT ifnull(sum(contacts), 0) FROM contact_tallies")
                .fetch_one(&mut **tx)
                .await?
        }
        None => 0,
    };
    let mut batches = match_stored(
        db.reader().acquire().await?,
        actor.clone(),
        prepared_rx,
        first_new_id,
    );
    let import_id: i64 = match tx.as_mut() {
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
        .execute(&mut **tx)
        .await?
        .last_insert_rowid(),
        None => 0,
    };

    let mut writer = tx.map(|tx| {
        Writer::start(
            tx,
            WriteContext {
                actor: actor.clone(),
                import_id,
                first_new_id,
                stored_before,
                defaults: Defaults {
                    contact_type: options.contact_type.unwrap_or(ContactType::Operations),
                    owner: actor.username().to_string(),
                    site,
                    now,
                },
                home: home.to_string(),
            },
        )
    });
    let mut state = State {
        next_id: first_new_id,
        target_of_record: foldhash::HashMap::default(),
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
                drop(writer);
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
                    if writer.is_some() {
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
                    if let Some(writer) = writer.as_mut() {
                        // The target may be a contact this import created in this batch.
                        state.flush(writer).await?;
                        let fields = Box::new(if listed_here {
                            fields.clone()
                        } else {
                            std::mem::take(&mut fields)
                        });
                        writer.send(Write::Update { id, record, fields }).await?;
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
        if let Some(writer) = writer.as_mut() {
            state.flush(writer).await?;
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

    if let Some(writer) = writer {
        let Written {
            mut tx,
            list_indexes,
        } = writer.finish().await?;
        let created = state.next_id - first_new_id;
        // A limit, not an allocation: an import that created nothing builds nothing with it.
        set_cache(&mut tx, INDEX_CACHE_KIB).await?;
        bulk::recreate_indexes(&mut tx, list_indexes).await?;
        if created > 0 {
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
    /// reading work), then notes the file's own duplicates in file order. The records go out in
    /// small chunks to whichever thread is free (the reading thread checks too), so a thread
    /// that shares its core with the writer holds the others up by a chunk at most.
    fn prepare(&self, batch: Vec<SourceRecord>, dups: &mut FileDuplicates) -> Vec<Prepared> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        let mut records = batch.into_iter();
        let chunks: Vec<std::sync::Mutex<Vec<SourceRecord>>> =
            std::iter::from_fn(|| Some(records.by_ref().take(CHECK_CHUNK).collect::<Vec<_>>()))
                .take_while(|chunk| !chunk.is_empty())
                .map(std::sync::Mutex::new)
                .collect();
        let next = std::sync::atomic::AtomicUsize::new(0);
        let work = || {
            let mut done = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(chunk) = chunks.get(i) else {
                    return done;
                };
                let chunk = std::mem::take(&mut *chunk.lock().unwrap_or_else(|e| e.into_inner()));
                done.push((
                    i,
                    chunk.into_iter().map(|r| self.check(r)).collect::<Vec<_>>(),
                ));
            }
        };
        let mut checked: Vec<(usize, Vec<Prepared>)> = std::thread::scope(|s| {
            let helpers: Vec<_> = (1..threads).map(|_| s.spawn(work)).collect();
            let mut checked = work();
            for helper in helpers {
                checked.extend(
                    helper
                        .join()
                        .unwrap_or_else(|p| std::panic::resume_unwind(p)),
                );
            }
            checked
        });
        checked.sort_unstable_by_key(|(i, _)| *i);
        let mut prepared: Vec<Prepared> = checked.into_iter().flat_map(|(_, c)| c).collect();
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

/// The id the import's first new contact gets: above every contact and merged-away id.
async fn first_free_id(conn: &mut SqliteConnection) -> CoreResult<i64> {
    Ok(sqlx::query_scalar(
        "SELECT max(ifnull((SELECT max(id) FROM contacts), 0),
            ifnull((SELECT max(merged_id) FROM contact_aliases), 0)) + 1",
    )
    .fetch_one(conn)
    .await?)
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
    /// New contacts not handed to the writer yet, by id.
    pending: Vec<(i64, ContactFields)>,
    extras: Vec<(i64, Extras)>,
}

impl State {
    /// Hands the writer the contacts created since the last flush.
    async fn flush(&mut self, writer: &mut Writer) -> CoreResult<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let cx = &writer.cx;
        let records: Vec<ContactRecord> = self
            .pending
            .drain(..)
            .map(|(id, fields)| records::contact_record(id, &fields, &cx.defaults))
            .collect();
        let inserts = bulk::record_inserts(&records, &cx.home);
        writer
            .send(Write::Create(inserts, std::mem::take(&mut self.extras)))
            .await
    }
}

/// What the decisions hand the writer, in file order.
enum Write {
    /// New contacts: their rows' inserts, built before they reach the writer, and what they
    /// keep outside the contact tables.
    Create(Vec<bulk::Insert>, Vec<(i64, Extras)>),
    /// A record's update of a contact: a stored one, or one this import created.
    Update {
        id: i64,
        record: u64,
        fields: Box<ContactFields>,
    },
}

/// What the writer stores and updates contacts with.
struct WriteContext {
    actor: Actor,
    import_id: i64,
    first_new_id: i64,
    /// Contacts stored before the import.
    stored_before: i64,
    defaults: Defaults,
    home: String,
}

/// Whether an import that has created `created` contacts, with `stored_before` stored before
/// it, is better off building the list indexes again at the end than placing each further new
/// contact in them. How many new contacts the rest of the file holds is unknown until it is
/// read, so the import drops the indexes once placing entries has cost what a build would.
/// Measured: building the five over 366,000 contacts took 6.3 s, placing 266,000 new ones in
/// them (over 100,000 stored) 14.7 s, so a build costs about what placing a third of its
/// entries does: the break-even comes at new contacts numbering about half the stored ones.
/// Whatever the file holds after that point, the import spends at most about twice as long on
/// these indexes as it would had it known in advance.
fn rebuilds_list_indexes(created: i64, stored_before: i64) -> bool {
    created >= REBUILD_LIST_INDEXES_FROM && created * 2 >= stored_before
}

/// The import's transaction once every queued job is stored, with the statements that build
/// the list indexes again when the writer dropped them.
struct Written {
    tx: sqlx::Transaction<'static, Sqlite>,
    list_indexes: Vec<String>,
}

type WriteTask = tokio::task::JoinHandle<CoreResult<Written>>;

/// The import's write transaction on a task of its own, so that one batch is stored while the
/// next is decided, rather than deciding and storing in turn.
struct Writer {
    cx: std::sync::Arc<WriteContext>,
    jobs: Option<tokio::sync::mpsc::Sender<Write>>,
    task: Option<WriteTask>,
}

impl Writer {
    fn start(mut tx: sqlx::Transaction<'static, Sqlite>, cx: WriteContext) -> Self {
        let (jobs, mut queue) = tokio::sync::mpsc::channel::<Write>(2);
        let cx = std::sync::Arc::new(cx);
        let shared = cx.clone();
        let task = tokio::spawn(async move {
            let cx = shared;
            let mut snapshotted = HashSet::new();
            let mut created = 0;
            let mut list_indexes = None;
            while let Some(job) = queue.recv().await {
                match job {
                    Write::Create(inserts, extras) => {
                        created += extras.len() as i64;
                        if list_indexes.is_none()
                            && rebuilds_list_indexes(created, cx.stored_before)
                        {
                            list_indexes =
                                Some(bulk::drop_indexes(&mut tx, &bulk::LIST_INDEXES).await?);
                        }
                        bulk::run_inserts(&mut tx, inserts).await?;
                        store_extras(&mut tx, extras).await?;
                    }
                    Write::Update { id, record, fields } => {
                        if id < cx.first_new_id && snapshotted.insert(id) {
                            let before = snapshot::take(&mut tx, id).await?;
                            sqlx::query(
                                "INSERT INTO import_updates (import_id, contact_id, record, before)
                                 VALUES (?, ?, ?, ?)",
                            )
                            .bind(cx.import_id)
                            .bind(id)
                            .bind(i64::try_from(record).unwrap_or(i64::MAX))
                            .bind(before.to_string())
                            .execute(&mut *tx)
                            .await?;
                        }
                        update::apply(
                            &mut tx,
                            &cx.actor,
                            cx.import_id,
                            id,
                            &fields,
                            &cx.defaults,
                            &cx.home,
                        )
                        .await?;
                        // A contact this import created is indexed with the others at the end.
                        if id < cx.first_new_id {
                            crate::contact::reindex(&mut tx, id).await?;
                        }
                    }
                }
            }
            Ok(Written {
                tx,
                list_indexes: list_indexes.unwrap_or_default(),
            })
        });
        Self {
            cx,
            jobs: Some(jobs),
            task: Some(task),
        }
    }

    /// Queues the next job; when the writer has stopped, the error that stopped it.
    async fn send(&mut self, job: Write) -> CoreResult<()> {
        let sent = match &self.jobs {
            Some(jobs) => jobs.send(job).await.is_ok(),
            None => false,
        };
        if sent {
            return Ok(());
        }
        // The writer stops early only on an error.
        Err(self.stop().await.err().unwrap_or(CoreError::Cancelled))
    }

    /// Waits until every queued job is stored and gives the transaction back.
    async fn finish(mut self) -> CoreResult<Written> {
        self.stop().await
    }

    async fn stop(&mut self) -> CoreResult<Written> {
        self.jobs = None;
        match self.task.take() {
            Some(task) => match task.await {
                Ok(result) => result,
                Err(error) if error.is_panic() => std::panic::resume_unwind(error.into_panic()),
                Err(_) => Err(CoreError::Cancelled),
            },
            None => Err(CoreError::Cancelled),
        }
    }
}

impl Drop for Writer {
    /// An import that stops early (cancelled, failed, or its file broke off) drops the
    /// transaction with the task, which rolls back everything the writer stored.
    fn drop(&mut self) {
        if let Some(task) = &self.task {
            task.abort();
        }
    }
}

/// Stores what new contacts keep outside the contact tables' rows.
async fn store_extras(conn: &mut SqliteConnection, extras: Vec<(i64, Extras)>) -> CoreResult<()> {
    for (id, extras) in extras {
        if let Some(photo) = extras.photo {
            sqlx::query("UPDATE contacts SET photo = ? WHERE id = ?")
                .bind(photo)
                .bind(id)
                .execute(&mut *conn)
                .await?;
        }
        for (kind, value) in extras.related {
            sqlx::query("INSERT INTO contact_related (contact_id, kind, value) VALUES (?, ?, ?)")
                .bind(id)
                .bind(kind)
                .bind(value)
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_indexes_are_rebuilt_once_new_contacts_number_half_the_stored_ones() {
        // An empty or small database: from the first full batch.
        assert!(!rebuilds_list_indexes(1_999, 0));
        assert!(rebuilds_list_indexes(2_000, 0));
        assert!(rebuilds_list_indexes(2_000, 4_000));
        // 100,000 stored: after 50,000 new ones.
        assert!(!rebuilds_list_indexes(49_999, 100_000));
        assert!(rebuilds_list_indexes(50_000, 100_000));
        // A million stored and a file of a few thousand new people: never.
        assert!(!rebuilds_list_indexes(5_000, 1_000_000));
    }
}
