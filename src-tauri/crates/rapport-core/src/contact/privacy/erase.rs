//! Erasure of a person's personal data. The contact row stays as an anonymous tombstone (its id
//! and reference keep the audit trail's references meaningful); everything else about the
//! person goes, and goes physically: out of the search indexes' segments, out of freed pages
//! and out of the write-ahead log, so a copy of the file made afterwards holds none of it.

use std::time::Instant;

use chrono::Utc;
use serde_json::json;
use sqlx::SqliteConnection;

use super::ErasureReport;
use crate::access::{Action, Actor};
use crate::audit::{self, Event, Who};
use crate::contact::changeable_id;
use crate::error::{CoreError, CoreResult};
use crate::store::{settings, timestamp};
use crate::Database;

/// The tombstone's display name.
pub const TOMBSTONE_NAME: &str = "Erased person";

/// Tables whose rows belong to one contact (`contact_id`) and hold nothing but facts about the
/// person: deleted whole. The tests check that no table referencing `contacts` keeps a row of
/// an erased person, so a table added later cannot be forgotten here.
const PERSONAL_TABLES: [&str; 10] = [
    "contact_emails",
    "contact_phones",
    "contact_addresses",
    "contact_tags",
    "contact_channel_preferences",
    "contact_lifecycle_history",
    "contact_approvals",
    "contact_sites",
    "contact_related",
    // The contact as it was before an import updated it, kept for undo.
    "import_updates",
];

/// Columns of `contacts` that the tombstone keeps as they are: identity, and categories that
/// say nothing about who the person was (and that the schema requires).
const KEPT_COLUMNS: [&str; 6] = [
    "id",
    "reference",
    "created_at",
    "contact_type",
    "lifecycle_stage",
    "priority",
];

/// Columns the erasure sets itself (see `tombstone_sql`).
const SET_COLUMNS: [&str; 9] = [
    "first_name",
    "last_name",
    "name_key",
    "display_name",
    "status",
    "erased_at",
    "status_changed_at",
    "updated_at",
    "version",
];

/// Setting: an erasure committed but its search segments not yet rewritten (the app stopped
/// in between); the next start finishes the rewrite.
const PURGE_PENDING: &str = "search_purge_pending";
/// Leaf pages merged per step of the segment rewrite. Each step is a write transaction of its
/// own, so other writers wait for one step (tens of milliseconds), not for the whole rewrite.
const MERGE_STEP_PAGES: i64 = 256;

/// How often a checkpoint that readers kept from finishing is tried again.
const CHECKPOINT_ATTEMPTS: u32 = 3;

/// Erases a person's personal data (site administrators only). `confirmation` must be the
/// contact's reference number, typed (case and surrounding spaces do not matter).
///
/// In one write transaction: the person's emails, phones, addresses, tags, channel
/// preferences, lifecycle history, approvals and site associations are deleted, with their
/// interactions (those shared with others lose only the person), follow-ups, cadence,
/// escalations and engagement figures; the contact
/// row becomes a tombstone ("Erased person", archived, `erased_at` set) in which every other
/// personal column is cleared; both search documents and the audit payloads about the person
/// are deleted; an "erase" event that names only the reference is recorded. Then both search
/// indexes are rewritten into fresh segments ([`purge_search_segments`]), because FTS5 keeps a
/// deleted document's terms in its segments until they are rewritten; the call returns when
/// that is done. Last the write-ahead log is checkpointed and truncated, so the only copy of
/// every page is the one in the database file, whose freed space SQLCipher's forced
/// `secure_delete` has zeroed.
pub async fn erase_person(
    db: &Database,
    actor: &Actor,
    id: &str,
    confirmation: &str,
) -> CoreResult<ErasureReport> {
    let contact_id = changeable_id(db, actor, id, Action::Archived, "erase").await?;
    let started = Instant::now();
    let now = Utc::now();
    let mut tx = db.write().await?;
    // SQLCipher turns this on for every keyed database; said again so that the guarantee does
    // not rest on a default of the library alone.
    sqlx::query("PRAGMA secure_delete = ON")
        .execute(&mut *tx)
        .await?;
    let (reference, erased): (String, bool) =
        sqlx::query_as("SELECT reference, erased_at IS NOT NULL FROM contacts WHERE id = ?")
            .bind(contact_id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| CoreError::not_found("contact", id))?;
    if erased {
        return Err(CoreError::invalid(
            "status",
            "this person's data was already erased; only a tombstone is left",
        ));
    }
    if !confirmation.trim().eq_ignore_ascii_case(&reference) {
        return Err(CoreError::invalid(
            "confirmation",
            format!("type the reference number {reference} to confirm the erasure"),
        ));
    }

    // Interactions, follow-ups, cadence, escalations and engagement figures (see
    // `engagement::privacy`); before the tables below, whose rows nothing there refers to.
    let engagement_payloads = crate::engagement::privacy::erase(&mut tx, contact_id).await?;
    // Relationships, group memberships, flow participations (see `relationship::privacy`).
    let relationship_payloads = crate::relationship::privacy::erase(&mut tx, contact_id).await?;
    // Merges the person took part in: their snapshots hold personal data (see `contact::merge`).
    let merge_payloads = crate::contact::merge::erase(&mut tx, contact_id).await?;
    for table in PERSONAL_TABLES {
        sqlx::query(&format!("DELETE FROM {table} WHERE contact_id = ?"))
            .bind(contact_id)
            .execute(&mut *tx)
            .await?;
    }
    let tombstone = tombstone_sql(&mut tx).await?;
    let changed = sqlx::query(&tombstone)
        .bind(TOMBSTONE_NAME)
        .bind(timestamp(now))
        .bind(contact_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if changed != 1 {
        return Err(CoreError::not_found("contact", id));
    }
    // Contentless tables with contentless_delete: a delete by rowid needs no old values.
    for index in ["contact_words", "contact_grams"] {
        sqlx::query(&format!("DELETE FROM {index} WHERE rowid = ?"))
            .bind(contact_id)
            .execute(&mut *tx)
            .await?;
    }
    let payloads = audit::erase_payloads(&mut tx, contact_id).await?
        + engagement_payloads
        + relationship_payloads
        + merge_payloads;
    audit::record(
        &mut tx,
        Who::User(actor),
        now,
        Event::new("erase", "contact", Some(contact_id.to_string()))
            .summary(json!({ "reference": reference })),
    )
    .await?;
    settings::put(&mut tx, PURGE_PENDING, "1").await?;
    let logical = started.elapsed();
    tx.commit().await?;
    let committed = started.elapsed();
    purge_search_segments(db).await?;
    let merged = started.elapsed();

    // How much the merge made the log grow (it is what the checkpoint copies).
    let wal_bytes = std::fs::metadata(&crate::db::companions(db.path())[0])
        .map(|m| m.len())
        .unwrap_or(0);
    let truncated = checkpoint(db).await?;
    tracing::info!(
        contact = contact_id,
        payloads,
        logical_ms = logical.as_millis() as u64,
        commit_ms = (committed - logical).as_millis() as u64,
        merge_ms = (merged - committed).as_millis() as u64,
        checkpoint_ms = (started.elapsed() - merged).as_millis() as u64,
        wal_bytes,
        wal_truncated = truncated,
        "personal data erased"
    );
    Ok(ErasureReport {
        reference,
        payloads_erased: u32::try_from(payloads).unwrap_or(u32::MAX),
    })
}

/// Rewrites every segment of both search indexes, dropping the entries of deleted documents,
/// as FTS5's 'optimize' does, but in steps of [`MERGE_STEP_PAGES`] pages, each in its own
/// transaction: at 1,000,000 contacts the whole rewrite takes tens of seconds, during which the
/// app goes on saving. A step that changes nothing but the command's own row means the index
/// is one segment without deleted entries (SQLite's documented test for 'merge'). Clears the
/// pending mark when done.
async fn purge_search_segments(db: &Database) -> CoreResult<()> {
    let (mut steps, mut longest) = (0u32, std::time::Duration::ZERO);
    for index in ["contact_words", "contact_grams"] {
        loop {
            let step = Instant::now();
            let mut tx = db.write().await?;
            sqlx::query("PRAGMA secure_delete = ON")
                .execute(&mut *tx)
                .await?;
            let before: i64 = sqlx::query_scalar("SELECT total_changes()")
                .fetch_one(&mut *tx)
                .await?;
            // A negative page count gathers every segment into one level first (the
            // incremental form of 'optimize'); later steps carry on with that merge.
            sqlx::query(&format!(
                "INSERT INTO {index} ({index}, rank) VALUES ('merge', ?)"
            ))
            .bind(-MERGE_STEP_PAGES)
            .execute(&mut *tx)
            .await?;
            let after: i64 = sqlx::query_scalar("SELECT total_changes()")
                .fetch_one(&mut *tx)
                .await?;
            tx.commit().await?;
            steps += 1;
            longest = longest.max(step.elapsed());
            // The command's own INSERT counts as one change: only more than that is work.
            if after - before < 2 {
                break;
            }
        }
    }
    let mut tx = db.write().await?;
    settings::put(&mut tx, PURGE_PENDING, "0").await?;
    tx.commit().await?;
    // How long others waited at most for the write lock meanwhile.
    tracing::info!(
        steps,
        longest_step_ms = longest.as_millis() as u64,
        "search segments rewritten"
    );
    Ok(())
}

/// Finishes a segment rewrite an erasure left unfinished (the app stopped during it).
pub async fn resume_purge(db: &Database) -> CoreResult<()> {
    if settings::get(db.reader(), PURGE_PENDING).await?.as_deref() == Some("1") {
        purge_search_segments(db).await?;
        checkpoint(db).await?;
    }
    Ok(())
}

fn quoted(column: &str) -> String {
    format!("\"{}\"", column.replace('"', "\"\""))
}

/// The UPDATE that turns a contact row into a tombstone, built from the table's current
/// columns so that a column added by a later migration is cleared without anyone remembering
/// to add it here: every column not kept or set explicitly becomes NULL, or its default where
/// it may not be NULL. Binds: the display name, the time, the id.
async fn tombstone_sql(conn: &mut SqliteConnection) -> CoreResult<String> {
    let columns: Vec<(String, bool, Option<String>)> = sqlx::query_as(
        "SELECT name, \"notnull\", dflt_value FROM pragma_table_info('contacts') ORDER BY cid",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut assignments = vec![
        "first_name = ''".to_string(),
        "last_name = ''".into(),
        "name_key = ''".into(),
        "display_name = ?1".into(),
        "status = 'archived'".into(),
        "erased_at = ?2".into(),
        "status_changed_at = ?2".into(),
        "updated_at = ?2".into(),
        "version = version + 1".into(),
    ];
    for (name, not_null, default) in columns {
        if KEPT_COLUMNS.contains(&name.as_str()) || SET_COLUMNS.contains(&name.as_str()) {
            continue;
        }
        let value = match (not_null, default) {
            (false, _) => "NULL".to_string(),
            // The schema's own default expression, e.g. '[]' for websites, '' for sort keys.
            (true, Some(default)) => default,
            (true, None) => {
                tracing::error!(column = %name, "erasure cannot clear a required column");
                return Err(CoreError::Database(sqlx::Error::Protocol(format!(
                    "the erasure does not know how to clear contacts.{name}"
                ))));
            }
        };
        assignments.push(format!("{} = {value}", quoted(&name)));
    }
    Ok(format!(
        "UPDATE contacts SET {} WHERE id = ?3 AND erased_at IS NULL",
        assignments.join(", ")
    ))
}

/// Copies every page of the write-ahead log into the database file and truncates the log to
/// zero bytes, so no older version of a page (with the erased values) survives in it. A
/// reader in the middle of a transaction holds the log; the busy timeout waits for it, and a
/// checkpoint that still could not finish is tried again. Returns whether the log is empty.
async fn checkpoint(db: &Database) -> CoreResult<bool> {
    for _ in 0..CHECKPOINT_ATTEMPTS {
        let (busy, _log, _checkpointed): (i64, i64, i64) =
            sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
                .fetch_one(&db.writer)
                .await?;
        if busy == 0 {
            return Ok(true);
        }
    }
    // The erasure is committed; SQLite resets the log at a later checkpoint. Worth a warning
    // because until then older page versions sit in the (encrypted) log file.
    tracing::warn!("the write-ahead log could not be truncated after an erasure");
    Ok(false)
}
