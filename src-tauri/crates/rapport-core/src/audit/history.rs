//! Reading the audit trail: the administrators' event list and a contact's field history.

use serde::Serialize;
use serde_json::Value;
use sqlx::SqlitePool;

use crate::access::{authorize, Action, Actor};
use crate::error::CoreResult;
use crate::Database;

/// One event as the audit screen lists it (non-personal fields only).
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AuditEventRow {
    pub seq: String,
    pub at: String,
    pub username: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<String>,
    /// The event's summary as JSON text (ids, counts, field names).
    pub summary: String,
    /// False once the person's values were erased (or for events without values).
    pub has_values: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AuditPage {
    pub events: Vec<AuditEventRow>,
    /// Pass as `before` for the next (older) page.
    pub next_before: Option<String>,
}

/// Newest first, `limit` at a time (administrators only).
pub async fn list_events(
    db: &Database,
    actor: &Actor,
    before: Option<&str>,
    limit: u32,
) -> CoreResult<AuditPage> {
    authorize(db, actor, Action::Administer).await?;
    let before = before
        .and_then(|b| b.parse::<i64>().ok())
        .unwrap_or(i64::MAX);
    let limit = limit.clamp(1, 500);
    #[allow(clippy::type_complexity)]
    let rows: Vec<(
        i64,
        String,
        String,
        String,
        String,
        Option<String>,
        String,
        bool,
    )> = sqlx::query_as(
        "SELECT e.seq, e.at, e.username, e.action, e.entity, e.entity_id, e.summary,
                    p.seq IS NOT NULL
             FROM audit_events e LEFT JOIN audit_payloads p ON p.seq = e.seq
             WHERE e.seq < ? ORDER BY e.seq DESC LIMIT ?",
    )
    .bind(before)
    .bind(i64::from(limit))
    .fetch_all(db.reader())
    .await?;
    let next_before = (rows.len() == limit as usize)
        .then(|| rows.last().map(|r| r.0.to_string()))
        .flatten();
    Ok(AuditPage {
        events: rows
            .into_iter()
            .map(
                |(seq, at, username, action, entity, entity_id, summary, has_values)| {
                    AuditEventRow {
                        seq: seq.to_string(),
                        at,
                        username,
                        action,
                        entity,
                        entity_id,
                        summary,
                        has_values,
                    }
                },
            )
            .collect(),
        next_before,
    })
}

/// One field change in a contact's history.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FieldChange {
    pub at: String,
    pub username: String,
    pub action: String,
    pub field: String,
    /// Display text of the value before and after (JSON for structured values).
    pub before: Option<String>,
    pub after: Option<String>,
}

fn display(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

/// The field history of a contact the caller can already see (the caller checks scope by
/// loading the contact first), newest first.
pub(crate) async fn contact_history_unchecked(
    pool: &SqlitePool,
    contact_id: i64,
) -> CoreResult<Vec<FieldChange>> {
    let rows: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT e.at, e.username, e.action, p.body
         FROM audit_payloads p JOIN audit_events e ON e.seq = p.seq
         WHERE p.contact_id = ? ORDER BY p.seq DESC LIMIT 1000",
    )
    .bind(contact_id)
    .fetch_all(pool)
    .await?;
    let mut changes = Vec::new();
    for (at, username, action, body) in rows {
        let body: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
        let Some(items) = body.get("changes").and_then(Value::as_array) else {
            continue;
        };
        for item in items {
            changes.push(FieldChange {
                at: at.clone(),
                username: username.clone(),
                action: action.clone(),
                field: item
                    .get("field")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
                before: item.get("before").and_then(display),
                after: item.get("after").and_then(display),
            });
        }
    }
    Ok(changes)
}

/// A contact's field history, if the actor may see the contact (else `not_found`, audited).
pub async fn contact_history(
    db: &Database,
    actor: &Actor,
    contact_id: &str,
) -> CoreResult<Vec<FieldChange>> {
    let id = crate::store::contacts::visible_id(db, actor, contact_id, "view history").await?;
    contact_history_unchecked(db.reader(), id).await
}
