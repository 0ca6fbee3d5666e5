//! Checking the audit chain from the first event to the last.

use futures_util::TryStreamExt;
use serde::Serialize;
use sqlx::SqlitePool;

use super::{digest, event_hash, GENESIS};
use crate::error::CoreResult;

/// The first event that does not verify, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BadEvent {
    pub seq: String,
    pub at: String,
    pub reason: String,
}

/// The outcome of `rapport audit verify` (its JSON is a scripting interface).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AuditVerification {
    pub ok: bool,
    /// Events checked (up to and including the first bad one).
    pub events: u32,
    /// Whether the triggers that refuse UPDATE and DELETE are in place.
    pub append_only: bool,
    pub first_bad: Option<BadEvent>,
}

#[derive(sqlx::FromRow)]
struct Row {
    seq: i64,
    at: String,
    user_id: Option<i64>,
    username: String,
    action: String,
    entity: String,
    entity_id: Option<String>,
    summary: String,
    payload_digest: Option<String>,
    prev_hash: String,
    hash: String,
    body: Option<String>,
}

impl Row {
    fn problem(&self, expected_seq: i64, expected_prev: &str) -> Option<String> {
        if self.seq != expected_seq {
            return Some(format!(
                "event {expected_seq} is missing (the next one is {})",
                self.seq
            ));
        }
        if self.prev_hash != expected_prev {
            return Some("its link to the previous event does not match".into());
        }
        let hash = event_hash(
            self.seq,
            &self.at,
            self.user_id,
            &self.username,
            &self.action,
            &self.entity,
            self.entity_id.as_deref(),
            &self.summary,
            self.payload_digest.as_deref(),
            &self.prev_hash,
        );
        if hash != self.hash {
            return Some("its content was changed after it was written".into());
        }
        match (&self.body, &self.payload_digest) {
            (Some(body), Some(expected)) if digest(body) != *expected => {
                Some("its before/after values were changed after they were written".into())
            }
            (Some(_), None) => Some("it has before/after values it never recorded".into()),
            _ => None,
        }
    }
}

/// Walks the whole chain in order; stops at the first bad event.
pub async fn verify(pool: &SqlitePool) -> CoreResult<AuditVerification> {
    let triggers: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN
         ('audit_events_append_only_update', 'audit_events_append_only_delete')",
    )
    .fetch_one(pool)
    .await?;
    let mut rows = sqlx::query_as::<_, Row>(
        "SELECT e.seq, e.at, e.user_id, e.username, e.action, e.entity, e.entity_id, e.summary,
                e.payload_digest, e.prev_hash, e.hash, p.body
         FROM audit_events e LEFT JOIN audit_payloads p ON p.seq = e.seq ORDER BY e.seq",
    )
    .fetch(pool);
    let mut expected_seq = 1;
    let mut expected_prev = GENESIS.to_string();
    let mut events = 0u32;
    let mut first_bad = None;
    while let Some(row) = rows.try_next().await? {
        events += 1;
        if let Some(reason) = row.problem(expected_seq, &expected_prev) {
            first_bad = Some(BadEvent {
                seq: row.seq.to_string(),
                at: row.at,
                reason,
            });
            break;
        }
        expected_seq = row.seq + 1;
        expected_prev = row.hash;
    }
    let append_only = triggers == 2;
    Ok(AuditVerification {
        ok: first_bad.is_none() && append_only,
        events,
        append_only,
        first_bad,
    })
}

/// [`verify`] for the administrators' screen (site administrators only).
pub async fn verify_for(
    db: &crate::Database,
    actor: &crate::access::Actor,
) -> CoreResult<AuditVerification> {
    crate::access::authorize(db, actor, crate::access::Action::Administer).await?;
    verify(db.reader()).await
}
