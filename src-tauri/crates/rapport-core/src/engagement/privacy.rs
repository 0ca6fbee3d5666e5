//! A person's engagement in privacy requests: what their data export holds, and what erasing
//! them removes. Interactions with them alone go whole (with the before/after values their
//! audit events kept); interactions shared with others lose only the person's link, because the
//! others' history is not the person's to erase.

use serde_json::{json, Value};
use sqlx::SqliteConnection;

use crate::error::CoreResult;

/// Interactions of the contact that no one else took part in.
const SOLO: &str = "SELECT l.interaction_id FROM interaction_contacts l
    WHERE l.contact_id = ?1 AND NOT EXISTS (SELECT 1 FROM interaction_contacts o
        WHERE o.interaction_id = l.interaction_id AND o.contact_id <> l.contact_id)";

/// Removes the person's engagement in the erasure's transaction. Returns how many audit
/// payloads (interaction edits and deletions) went with their interactions.
pub(crate) async fn erase(conn: &mut SqliteConnection, contact_id: i64) -> CoreResult<u64> {
    let payloads = sqlx::query(&format!(
        "DELETE FROM audit_payloads WHERE seq IN (SELECT seq FROM audit_events
            WHERE entity = 'interaction' AND entity_id IN (SELECT CAST(interaction_id AS TEXT)
                FROM ({SOLO})))"
    ))
    .bind(contact_id)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    sqlx::query(&format!("DELETE FROM interactions WHERE id IN ({SOLO})"))
        .bind(contact_id)
        .execute(&mut *conn)
        .await?;
    for table in [
        "interaction_contacts",
        "follow_ups",
        "cadences",
        "contact_engagement",
        "contact_responses",
        // Their steps go with them (ON DELETE CASCADE).
        "escalations",
    ] {
        sqlx::query(&format!("DELETE FROM {table} WHERE contact_id = ?"))
            .bind(contact_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(payloads)
}

/// Everything engagement holds about the person, for their data export. Other people taking
/// part in an interaction are counted, not named: their data is not the person's.
pub(crate) async fn export(conn: &mut SqliteConnection, contact_id: i64) -> CoreResult<Value> {
    #[allow(clippy::type_complexity)]
    let interactions: Vec<(
        i64,
        String,
        String,
        String,
        String,
        i64,
        Option<i64>,
        bool,
        String,
        Option<String>,
        Option<String>,
        String,
        i64,
    )> = sqlx::query_as(
        "SELECT i.id, i.channel, i.category, i.direction, i.occurred_at, i.utc_offset_minutes,
            i.duration_minutes, i.no_answer, i.subject, i.outcome, i.next_steps, i.attachments,
            (SELECT count(*) - 1 FROM interaction_contacts o WHERE o.interaction_id = i.id)
         FROM interaction_contacts l JOIN interactions i ON i.id = l.interaction_id
         WHERE l.contact_id = ? ORDER BY l.occurred_at, l.interaction_id",
    )
    .bind(contact_id)
    .fetch_all(&mut *conn)
    .await?;
    #[allow(clippy::type_complexity)]
    let follow_ups: Vec<(i64, String, Option<String>, String, String, String, String)> =
        sqlx::query_as(
            "SELECT f.id, f.title, f.notes, f.due_at, f.priority, f.status, u.username
             FROM follow_ups f JOIN users u ON u.id = f.owner_id
             WHERE f.contact_id = ? ORDER BY f.due_at, f.id",
        )
        .bind(contact_id)
        .fetch_all(&mut *conn)
        .await?;
    let cadence: Option<(i64, String)> =
        sqlx::query_as("SELECT every_days, next_due_at FROM cadences WHERE contact_id = ?")
            .bind(contact_id)
            .fetch_optional(&mut *conn)
            .await?;
    let escalations: Vec<(String, String, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT reason, started_at, resolved_at, resolution FROM escalations
         WHERE contact_id = ? ORDER BY started_at",
    )
    .bind(contact_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(json!({
        "interactions": interactions.into_iter().map(|i| json!({
            "id": i.0.to_string(),
            "channel": i.1,
            "category": i.2,
            "direction": i.3,
            "occurredAt": i.4,
            "utcOffsetMinutes": i.5,
            "durationMinutes": i.6,
            "noAnswer": i.7,
            "subject": i.8,
            "outcome": i.9,
            "nextSteps": i.10,
            "attachments": serde_json::from_str::<Value>(&i.11).unwrap_or(Value::Null),
            "otherParticipants": i.12,
        })).collect::<Vec<_>>(),
        "followUps": follow_ups.into_iter().map(|f| json!({
            "id": f.0.to_string(),
            "title": f.1,
            "notes": f.2,
            "dueAt": f.3,
            "priority": f.4,
            "status": f.5,
            "owner": f.6,
        })).collect::<Vec<_>>(),
        "cadence": cadence.map(|(every, next)| json!({ "everyDays": every, "nextDueAt": next })),
        "escalations": escalations.into_iter().map(|e| json!({
            "reason": e.0,
            "startedAt": e.1,
            "resolvedAt": e.2,
            "resolution": e.3,
        })).collect::<Vec<_>>(),
    }))
}
