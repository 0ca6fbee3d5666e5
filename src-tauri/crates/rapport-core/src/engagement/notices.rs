//! Due notifications: what became due for the signed-in user (follow-ups, stay-in-touch
//! cadences, escalations that reached them) and was not notified yet. The shell raises a
//! desktop notification for each and then marks them; the marks are stored, so a restart
//! neither loses nor repeats one.

use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::QueryBuilder;

use super::{push_contact_in_scope, ts};
use crate::access::{authorize, Action, Actor};
use crate::audit::{self, Event, Who};
use crate::error::CoreResult;
use crate::model::*;
use crate::Database;

/// At most this many notices at once: after a long absence the shell shows a summary.
const MAX_NOTICES: i64 = 200;

/// Everything due for the actor at `now` that was not notified yet, oldest first.
pub async fn due_notifications(
    db: &Database,
    actor: &Actor,
    now: DateTime<Utc>,
) -> CoreResult<Vec<DueNotice>> {
    authorize(db, actor, Action::ViewContacts).await?;
    let at = ts(now);
    // (kind, id, contact id, reference, display name, title, due at)
    type NoticeRow = (String, i64, i64, String, String, String, DateTime<Utc>);
    let mut builder = QueryBuilder::new(
        "SELECT * FROM (SELECT 'follow_up' AS kind, f.id, c.id AS contact_id, c.reference,
                c.display_name, f.title, f.due_at
            FROM follow_ups f JOIN contacts c ON c.id = f.contact_id
            WHERE f.status = 'open' AND f.notified_at IS NULL AND f.owner_id = ",
    );
    builder
        .push_bind(actor.user_id())
        .push(" AND f.due_at <= ")
        .push_bind(at.clone());
    push_contact_in_scope(&mut builder, actor, "f.contact_id");
    builder.push(
        " UNION ALL SELECT 'cadence', k.contact_id, c.id, c.reference, c.display_name,
                'Stay in touch (every ' || k.every_days || ' days)', k.next_due_at
            FROM cadences k JOIN contacts c ON c.id = k.contact_id
            WHERE k.notified_due_at IS NOT k.next_due_at AND k.next_due_at <= ",
    );
    builder
        .push_bind(at.clone())
        .push(" AND k.effective_owner_id = ")
        .push_bind(actor.user_id());
    push_contact_in_scope(&mut builder, actor, "k.contact_id");
    builder.push(
        " UNION ALL SELECT 'escalation', x.id, c.id, c.reference, c.display_name,
                CASE x.reason WHEN 'no_response' THEN 'No response: escalated to you'
                              ELSE 'Unanswered attempts: escalated to you' END, s.at
            FROM escalation_steps s JOIN escalations x ON x.id = s.escalation_id
            JOIN contacts c ON c.id = x.contact_id
            WHERE x.resolved_at IS NULL AND s.notified_at IS NULL AND s.user_id = ",
    );
    builder.push_bind(actor.user_id());
    push_contact_in_scope(&mut builder, actor, "x.contact_id");
    builder
        .push(") ORDER BY due_at, kind, id LIMIT ")
        .push_bind(MAX_NOTICES);
    let rows: Vec<NoticeRow> = builder.build_query_as().fetch_all(db.reader()).await?;
    Ok(rows
        .into_iter()
        .map(
            |(kind, id, contact_id, reference, display_name, title, due_at)| DueNotice {
                kind: match kind.as_str() {
                    "follow_up" => NoticeKind::FollowUp,
                    "cadence" => NoticeKind::Cadence,
                    _ => NoticeKind::Escalation,
                },
                id: id.to_string(),
                contact: ContactRef {
                    id: contact_id.to_string(),
                    reference,
                    display_name,
                },
                title,
                due_at,
            },
        )
        .collect())
}

/// Records that the actor was notified of `notices`. Only the actor's own notices are marked;
/// others are ignored. Returns how many were marked.
pub async fn mark_notified(
    db: &Database,
    actor: &Actor,
    notices: &[NoticeKey],
    now: DateTime<Utc>,
) -> CoreResult<u32> {
    authorize(db, actor, Action::ViewContacts).await?;
    let mut tx = db.write().await?;
    let mut marked: Vec<&NoticeKey> = Vec::new();
    for notice in notices {
        let Ok(id) = notice.id.trim().parse::<i64>() else {
            continue;
        };
        let sql = match notice.kind {
            NoticeKind::FollowUp => {
                "UPDATE follow_ups SET notified_at = ?1
                 WHERE id = ?2 AND owner_id = ?3 AND notified_at IS NULL"
            }
            NoticeKind::Cadence => {
                "UPDATE cadences SET notified_due_at = next_due_at
                 WHERE contact_id = ?2 AND ?1 IS NOT NULL
                   AND notified_due_at IS NOT next_due_at AND effective_owner_id = ?3"
            }
            NoticeKind::Escalation => {
                "UPDATE escalation_steps SET notified_at = ?1
                 WHERE escalation_id = ?2 AND user_id = ?3 AND notified_at IS NULL"
            }
        };
        let changed = sqlx::query(sql)
            .bind(ts(now))
            .bind(id)
            .bind(actor.user_id())
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if changed > 0 {
            marked.push(notice);
        }
    }
    if !marked.is_empty() {
        audit::record(
            &mut tx,
            Who::User(actor),
            now,
            Event::new("notified", "notice", None).summary(json!({ "notices": marked })),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(u32::try_from(marked.len()).unwrap_or(u32::MAX))
}
