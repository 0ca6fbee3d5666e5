//! Stay-in-touch cadences: "every N days" per contact. A cadence is due `every_days` after the
//! last interaction with the contact (or after it was set up, when there was none); logging an
//! interaction moves it on.
//!
//! A due cadence is a queue entry of its owner, computed from `next_due_at`, not a generated
//! follow-up: an interaction resets it by moving one date, with no reminder left behind to
//! cancel, and it is never duplicated however often the queue is read.

use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::{acting_on_contact, checked_owner, push_contact_in_scope, ts, user_ref, CountedScope};
use crate::access::{authorize, Action, Actor};
use crate::audit::{self, Event, Who};
use crate::error::{CoreError, CoreResult};
use crate::model::{Cadence, CadenceInput, ContactRef};
use crate::store::contacts;
use crate::Database;

const MAX_EVERY_DAYS: u32 = 3_650;

/// Moves cadences to `every_days` after the contact's last interaction (or their set-up).
const RESET: &str = "UPDATE cadences SET next_due_at = strftime('%Y-%m-%dT%H:%M:%fZ',
    coalesce((SELECT last_contact_at FROM contact_engagement e
              WHERE e.contact_id = cadences.contact_id), created_at),
    '+' || every_days || ' days')";

/// Moves a contact's cadence on after its history changed.
pub(crate) async fn reset(conn: &mut SqliteConnection, contact_id: i64) -> CoreResult<()> {
    sqlx::query(&format!("{RESET} WHERE contact_id = ?"))
        .bind(contact_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Moves every cadence on (after a bulk load of histories).
pub(crate) async fn reset_all(conn: &mut SqliteConnection) -> CoreResult<()> {
    sqlx::query(RESET).execute(&mut *conn).await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct Row {
    contact_id: i64,
    reference: String,
    display_name: String,
    every_days: i64,
    named_owner: bool,
    owner_username: Option<String>,
    owner_name: Option<String>,
    last_contact_at: Option<DateTime<Utc>>,
    next_due_at: DateTime<Utc>,
}

const SELECT_ROWS: &str = "SELECT k.contact_id, c.reference, c.display_name, k.every_days,
        k.owner_id IS NOT NULL AS named_owner, u.username AS owner_username,
        u.display_name AS owner_name, e.last_contact_at, k.next_due_at
    FROM cadences k JOIN contacts c ON c.id = k.contact_id
    LEFT JOIN contact_engagement e ON e.contact_id = k.contact_id
    LEFT JOIN users u ON u.id = k.effective_owner_id";

impl Row {
    fn into_cadence(self, now: DateTime<Utc>) -> Cadence {
        Cadence {
            contact: ContactRef {
                id: self.contact_id.to_string(),
                reference: self.reference,
                display_name: self.display_name,
            },
            every_days: u32::try_from(self.every_days).unwrap_or_default(),
            owner: user_ref(self.owner_username, self.owner_name),
            owner_named: self.named_owner,
            last_contact_at: self.last_contact_at,
            next_due_at: self.next_due_at,
            due: self.next_due_at <= now,
        }
    }
}

async fn load(
    conn: &mut SqliteConnection,
    contact_id: i64,
    now: DateTime<Utc>,
) -> CoreResult<Option<Cadence>> {
    let row: Option<Row> = sqlx::query_as(&format!("{SELECT_ROWS} WHERE k.contact_id = ?"))
        .bind(contact_id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.map(|r| r.into_cadence(now)))
}

/// A contact's cadence, if it has one.
pub async fn get_cadence(
    db: &Database,
    actor: &Actor,
    contact_id: &str,
    now: DateTime<Utc>,
) -> CoreResult<Option<Cadence>> {
    let id = contacts::visible_id(db, actor, contact_id, "view cadence").await?;
    let mut conn = db.reader().acquire().await?;
    load(&mut conn, id, now).await
}

/// Sets (or changes) a contact's cadence. A named owner must see the contact.
pub async fn set_cadence(
    db: &Database,
    actor: &Actor,
    contact_id: &str,
    input: &CadenceInput,
    now: DateTime<Utc>,
) -> CoreResult<Cadence> {
    let id = acting_on_contact(
        db,
        actor,
        contact_id,
        "contactId",
        Action::EditContacts,
        "set a cadence",
    )
    .await?;
    if !(1..=MAX_EVERY_DAYS).contains(&input.every_days) {
        return Err(CoreError::invalid(
            "everyDays",
            format!("must be between 1 and {MAX_EVERY_DAYS} days"),
        ));
    }
    let mut tx = db.write().await?;
    let owner = match input.owner.as_deref().filter(|o| !o.trim().is_empty()) {
        Some(name) => Some(checked_owner(&mut tx, actor, Some(name), "owner", id).await?),
        None => None,
    };
    let before: Option<(i64, Option<i64>)> =
        sqlx::query_as("SELECT every_days, owner_id FROM cadences WHERE contact_id = ?")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    sqlx::query(
        "INSERT INTO cadences (contact_id, every_days, owner_id, next_due_at, created_at,
            updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (contact_id) DO UPDATE SET every_days = excluded.every_days,
            owner_id = excluded.owner_id, updated_at = excluded.updated_at",
    )
    .bind(id)
    .bind(input.every_days)
    .bind(owner.as_ref().map(Actor::user_id))
    .bind(ts(now))
    .bind(ts(now))
    .bind(ts(now))
    .execute(&mut *tx)
    .await?;
    reset(&mut tx, id).await?;
    audit::record(
        &mut tx,
        Who::User(actor),
        now,
        Event::new("set", "cadence", Some(id.to_string())).summary(json!({
            "before": before.map(|(every, owner)| json!({ "everyDays": every, "ownerId": owner })),
            "everyDays": input.every_days,
            "owner": owner.as_ref().map(Actor::username),
        })),
    )
    .await?;
    let cadence = load(&mut tx, id, now).await?;
    tx.commit().await?;
    cadence.ok_or_else(|| CoreError::not_found("cadence", id.to_string()))
}

/// Removes a contact's cadence.
pub async fn remove_cadence(
    db: &Database,
    actor: &Actor,
    contact_id: &str,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    let id = acting_on_contact(
        db,
        actor,
        contact_id,
        "contactId",
        Action::EditContacts,
        "remove a cadence",
    )
    .await?;
    let mut tx = db.write().await?;
    let removed = sqlx::query("DELETE FROM cadences WHERE contact_id = ?")
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if removed == 0 {
        return Err(CoreError::not_found("cadence", contact_id));
    }
    audit::record(
        &mut tx,
        Who::User(actor),
        now,
        Event::new("remove", "cadence", Some(id.to_string())),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The due cadences of the actor as owner, within scope, longest due first.
fn due_of<'a>(actor: &'a Actor, select: &str, now: DateTime<Utc>) -> QueryBuilder<'a, Sqlite> {
    let mut builder = QueryBuilder::new(format!("{select} WHERE k.next_due_at <= "));
    builder
        .push_bind(ts(now))
        // The user named on the cadence, else the contact's owner, kept there by triggers.
        .push(" AND k.effective_owner_id = ")
        .push_bind(actor.user_id());
    builder
}

/// The signed-in user's cadences whose time has come (their queue), longest due first.
pub async fn cadence_queue(
    db: &Database,
    actor: &Actor,
    now: DateTime<Utc>,
) -> CoreResult<Vec<Cadence>> {
    authorize(db, actor, Action::ViewContacts).await?;
    let mut builder = due_of(actor, SELECT_ROWS, now);
    push_contact_in_scope(&mut builder, actor, "k.contact_id");
    builder.push(" ORDER BY k.next_due_at, k.contact_id LIMIT 500");
    let rows: Vec<Row> = builder.build_query_as().fetch_all(db.reader()).await?;
    Ok(rows.into_iter().map(|r| r.into_cadence(now)).collect())
}

pub(crate) async fn count_due(
    db: &Database,
    scope: &CountedScope<'_>,
    now: DateTime<Utc>,
) -> CoreResult<u32> {
    let mut builder = due_of(scope.actor(), "SELECT count(*) FROM cadences k", now);
    scope.push(&mut builder, "k.contact_id");
    let n: i64 = builder.build_query_scalar().fetch_one(db.reader()).await?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}
