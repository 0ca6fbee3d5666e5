//! The append-only, hash-chained audit trail. Every mutation records its event in the same
//! transaction as the change; personal before/after values go to a separate payload table
//! whose rows can be erased while the chain, which holds only their digests, still verifies.

mod history;
mod verify;

pub use history::{contact_history, list_events, AuditEventRow, AuditPage, FieldChange};
pub use verify::{verify, verify_for, AuditVerification, BadEvent};

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use sqlx::SqliteConnection;

use crate::access::totp::hex;
use crate::access::Actor;
use crate::error::CoreResult;
use crate::store::timestamp;

/// The hash before the first event.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Who caused an event.
#[derive(Debug, Clone, Copy)]
pub enum Who<'a> {
    User(&'a Actor),
    /// A sign-in attempt for a known account, before anyone is signed in.
    Account {
        user_id: i64,
        username: &'a str,
    },
    /// Rapport itself: database creation, demo data, a failed sign-in for an unknown name.
    System,
}

impl Who<'_> {
    fn parts(&self) -> (Option<i64>, String) {
        match self {
            Who::User(actor) => (Some(actor.user_id()), actor.username().to_string()),
            Who::Account { user_id, username } => (Some(*user_id), (*username).to_string()),
            Who::System => (None, "system".into()),
        }
    }
}

/// One field's values before and after a change. Values are personal data and live in the
/// payload; the field names go into the chained summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub field: String,
    pub before: Value,
    pub after: Value,
}

impl Change {
    pub fn new(field: &str, before: impl Into<Value>, after: impl Into<Value>) -> Self {
        Self {
            field: field.into(),
            before: before.into(),
            after: after.into(),
        }
    }
}

/// What is being recorded.
#[derive(Debug, Clone)]
pub struct Event {
    pub action: &'static str,
    pub entity: &'static str,
    pub entity_id: Option<String>,
    /// Non-personal facts: ids, counts, field names, reasons.
    pub summary: Value,
    pub changes: Vec<Change>,
    /// The person the changes are about, so erasing them finds their payloads.
    pub contact_id: Option<i64>,
}

impl Event {
    pub fn new(action: &'static str, entity: &'static str, entity_id: Option<String>) -> Self {
        Self {
            action,
            entity,
            entity_id,
            summary: json!({}),
            changes: Vec::new(),
            contact_id: None,
        }
    }

    pub fn summary(mut self, summary: Value) -> Self {
        self.summary = summary;
        self
    }

    pub fn changes(mut self, changes: Vec<Change>) -> Self {
        self.changes = changes;
        self
    }

    pub fn about_contact(mut self, contact_id: i64) -> Self {
        self.contact_id = Some(contact_id);
        self
    }
}

pub(crate) fn digest(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

/// The fields an event's hash covers, in a fixed order; JSON keeps the encoding unambiguous.
#[allow(clippy::too_many_arguments)]
pub(crate) fn event_hash(
    seq: i64,
    at: &str,
    user_id: Option<i64>,
    username: &str,
    action: &str,
    entity: &str,
    entity_id: Option<&str>,
    summary: &str,
    payload_digest: Option<&str>,
    prev_hash: &str,
) -> String {
    let canonical = json!([
        seq,
        at,
        user_id,
        username,
        action,
        entity,
        entity_id,
        summary,
        payload_digest,
        prev_hash
    ]);
    digest(&canonical.to_string())
}

/// Appends an event inside the caller's write transaction (which holds the write lock, so the
/// chain cannot fork).
pub async fn record(
    conn: &mut SqliteConnection,
    who: Who<'_>,
    at: DateTime<Utc>,
    event: Event,
) -> CoreResult<i64> {
    let (user_id, username) = who.parts();
    let (last_seq, prev_hash): (i64, String) =
        sqlx::query_as("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1")
            .fetch_optional(&mut *conn)
            .await?
            .unwrap_or((0, GENESIS.to_string()));
    let seq = last_seq + 1;
    let at = timestamp(at);
    let mut summary = event.summary;
    if !event.changes.is_empty() {
        if let Value::Object(map) = &mut summary {
            let fields: Vec<&str> = event.changes.iter().map(|c| c.field.as_str()).collect();
            map.insert("fields".into(), json!(fields));
        }
    }
    let summary = summary.to_string();
    let payload =
        (!event.changes.is_empty()).then(|| json!({ "changes": event.changes }).to_string());
    let payload_digest = payload.as_deref().map(digest);
    let hash = event_hash(
        seq,
        &at,
        user_id,
        &username,
        event.action,
        event.entity,
        event.entity_id.as_deref(),
        &summary,
        payload_digest.as_deref(),
        &prev_hash,
    );
    sqlx::query(
        "INSERT INTO audit_events (seq, at, user_id, username, action, entity, entity_id, summary,
             payload_digest, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(seq)
    .bind(&at)
    .bind(user_id)
    .bind(&username)
    .bind(event.action)
    .bind(event.entity)
    .bind(event.entity_id.as_deref())
    .bind(&summary)
    .bind(payload_digest.as_deref())
    .bind(&prev_hash)
    .bind(&hash)
    .execute(&mut *conn)
    .await?;
    if let Some(body) = payload {
        sqlx::query("INSERT INTO audit_payloads (seq, contact_id, body) VALUES (?, ?, ?)")
            .bind(seq)
            .bind(event.contact_id)
            .bind(body)
            .execute(&mut *conn)
            .await?;
    }
    Ok(seq)
}

/// Records an event in a transaction of its own (denials, sign-in outcomes, archived reads).
pub async fn record_alone(
    db: &crate::Database,
    who: Who<'_>,
    at: DateTime<Utc>,
    event: Event,
) -> CoreResult<()> {
    let mut tx = db.write().await?;
    record(&mut tx, who, at, event).await?;
    tx.commit().await?;
    Ok(())
}

/// Erasure: deletes the personal before/after values about a contact. The chain keeps their
/// digests, so it still verifies.
pub async fn erase_payloads(conn: &mut SqliteConnection, contact_id: i64) -> CoreResult<u64> {
    Ok(
        sqlx::query("DELETE FROM audit_payloads WHERE contact_id = ?")
            .bind(contact_id)
            .execute(conn)
            .await?
            .rows_affected(),
    )
}
