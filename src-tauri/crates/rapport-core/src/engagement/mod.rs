//! Engagement: the communication history (interactions with one or more contacts and the
//! timelines of contacts and accounts), follow-ups, stay-in-touch cadences, the escalation of
//! non-responsive contacts, due notifications and the metrics the dashboards show.
//!
//! The rules of contacts hold here too: an interaction is seen, logged, edited or deleted only
//! by a user whose scope holds every contact taking part, and every change is validated and
//! audited in the transaction that makes it. Like `contact/`, the SQL stays beside the rules it
//! enforces. Time is passed in (`now`), so the escalation and the queues are deterministic.

pub(crate) mod areas;
pub mod cadence;
pub mod escalation;
pub mod follow_ups;
pub mod interactions;
pub mod metrics;
pub mod notices;
pub(crate) mod privacy;

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::{de::DeserializeOwned, Serialize};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use crate::access::scope::push_contact_scope;
use crate::access::{authorize, out_of_scope, Action, Actor};
use crate::error::{CoreError, CoreResult};
use crate::model::{parse_id, ContactRef, Role, UserRef};
use crate::store::contacts;
use crate::validate;
use crate::validate::Problems;
use crate::Database;

pub use cadence::{cadence_queue, get_cadence, remove_cadence, set_cadence};
pub use escalation::{
    escalation_queue, load_policy, non_responsive_contacts, resolve_escalation, run_escalation,
    save_policy,
};
pub use follow_ups::{
    cancel_follow_up, complete_follow_up, contact_follow_ups, create_follow_up, follow_up_counts,
    my_follow_ups, overdue_queue, reassign_follow_up, reopen_follow_up,
};
pub use interactions::{
    account_timeline, consent_warnings, contact_timeline, delete_interaction, get_interaction,
    log_interaction, update_interaction,
};
pub use metrics::{account_metrics, contact_metrics, scope_metrics};
pub use notices::{due_notifications, mark_notified};

/// Largest page a caller may ask for, and the page when none is asked for.
const MAX_PAGE: u32 = 200;
const DEFAULT_PAGE: u32 = 50;

fn page_size(limit: u32) -> i64 {
    i64::from(if limit == 0 {
        DEFAULT_PAGE
    } else {
        limit.min(MAX_PAGE)
    })
}

/// Cursors are opaque to callers: the key of the last row handed out, as JSON.
fn encode_cursor<T: Serialize>(key: &T) -> String {
    serde_json::to_string(key).unwrap_or_default()
}

fn decode_cursor<T: DeserializeOwned>(cursor: Option<&str>) -> CoreResult<Option<T>> {
    cursor
        .map(|text| {
            serde_json::from_str(text)
                .map_err(|_| CoreError::invalid("cursor", "is not a cursor this list handed out"))
        })
        .transpose()
}

/// Appends ` AND ...`: every contact taking part in the interaction whose id is `interaction`
/// (an SQL expression) is in the actor's scope. Site administrators see everything.
fn push_interaction_scope(
    builder: &mut QueryBuilder<'_, Sqlite>,
    actor: &Actor,
    interaction: &str,
) {
    if actor.role() == Role::SiteAdmin {
        return;
    }
    builder.push(format!(
        " AND NOT EXISTS (SELECT 1 FROM interaction_contacts x WHERE x.interaction_id = {interaction}
            AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.id = x.contact_id"
    ));
    push_contact_scope(builder, actor);
    builder.push("))");
}

/// The actor's scope for counts that test it on many rows (every overdue follow-up, every open
/// escalation): for a user whose scope is one area, one seek into the area's kept rows, which
/// are narrow and lie together in the file, instead of each contact's row and sites.
pub(crate) struct CountedScope<'a> {
    actor: &'a Actor,
    area: Option<i64>,
}

impl<'a> CountedScope<'a> {
    pub(crate) async fn of(db: &Database, actor: &'a Actor) -> CoreResult<Self> {
        Ok(Self {
            actor,
            area: areas::single_of(db.reader(), actor).await?,
        })
    }

    pub(crate) fn actor(&self) -> &'a Actor {
        self.actor
    }

    /// The one area the actor's scope is, if it is one.
    pub(crate) fn area(&self) -> Option<i64> {
        self.area
    }

    /// Appends ` AND ...`: the contact whose id is `contact` (an SQL expression) is in scope.
    pub(crate) fn push(&self, builder: &mut QueryBuilder<'_, Sqlite>, contact: &str) {
        match self.area {
            Some(area) => {
                builder
                    .push(format!(
                        " AND EXISTS (SELECT 1 FROM area_contacts a WHERE a.contact_id = {contact}
                            AND a.area = "
                    ))
                    .push_bind(area)
                    .push(")");
            }
            None => push_contact_in_scope(builder, self.actor, contact),
        }
    }
}

/// Appends ` AND ...`: the contact whose id is `contact` (an SQL expression) is in scope.
fn push_contact_in_scope(builder: &mut QueryBuilder<'_, Sqlite>, actor: &Actor, contact: &str) {
    if actor.role() == Role::SiteAdmin {
        return;
    }
    builder.push(format!(
        " AND EXISTS (SELECT 1 FROM contacts c WHERE c.id = {contact}"
    ));
    push_contact_scope(builder, actor);
    builder.push(")");
}

/// The contacts named by wire ids, each one the actor may act on with `action` and not erased;
/// `field` names the list in problems ("contactIds"). Out of scope is `not_found`, audited.
async fn acting_on_contacts(
    db: &Database,
    actor: &Actor,
    ids: &[String],
    field: &str,
    action: Action,
    what: &str,
) -> CoreResult<Vec<i64>> {
    authorize(db, actor, action).await?;
    if ids.is_empty() {
        return Err(CoreError::invalid(field, "name at least one contact"));
    }
    let mut wanted = Vec::with_capacity(ids.len());
    for id in ids {
        let Ok(number) = parse_id("contact", id) else {
            return Err(out_of_scope(db, actor, "contact", id, what).await);
        };
        if !wanted.contains(&number) {
            wanted.push(number);
        }
    }
    let mut conn = db.reader().acquire().await?;
    let visible = contacts::visible_among(&mut conn, actor, &wanted).await?;
    if let Some(missing) = wanted.iter().find(|id| !visible.contains(id)) {
        drop(conn);
        return Err(out_of_scope(db, actor, "contact", &missing.to_string(), what).await);
    }
    let erased: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM contacts WHERE erased_at IS NOT NULL
            AND id IN (SELECT value FROM json_each(?)) LIMIT 1",
    )
    .bind(serde_json::to_string(&wanted).unwrap_or_default())
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(erased) = erased {
        let index = wanted.iter().position(|id| *id == erased).unwrap_or(0);
        return Err(CoreError::invalid(
            format!("{field}.{index}"),
            "this person's data was erased; the record is only a tombstone",
        ));
    }
    Ok(wanted)
}

/// One contact the actor may act on (see [`acting_on_contacts`]).
async fn acting_on_contact(
    db: &Database,
    actor: &Actor,
    id: &str,
    field: &str,
    action: Action,
    what: &str,
) -> CoreResult<i64> {
    let ids = acting_on_contacts(db, actor, &[id.to_string()], field, action, what).await?;
    Ok(ids[0])
}

/// How lists name contacts, by id.
async fn contact_refs(
    conn: &mut SqliteConnection,
    ids: &[i64],
) -> CoreResult<HashMap<i64, ContactRef>> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT id, reference, display_name FROM contacts
         WHERE id IN (SELECT value FROM json_each(?))",
    )
    .bind(serde_json::to_string(ids).unwrap_or_default())
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, reference, display_name)| {
            (
                id,
                ContactRef {
                    id: id.to_string(),
                    reference,
                    display_name,
                },
            )
        })
        .collect())
}

/// An enabled user named by username, as an [`Actor`] whose scope can be asked about. Only for
/// checking what that user may see (an owner must see the contact they are given); it never
/// acts for them.
async fn user_named(conn: &mut SqliteConnection, field: &str, username: &str) -> CoreResult<Actor> {
    let username = username.trim();
    let found: Option<(i64, String, String, Role, bool)> = sqlx::query_as(
        "SELECT id, username, display_name, role, disabled FROM users WHERE username = ?",
    )
    .bind(username)
    .fetch_optional(&mut *conn)
    .await?;
    match found {
        None => Err(CoreError::invalid(
            field,
            format!("there is no user called \"{username}\""),
        )),
        Some((.., true)) => Err(CoreError::invalid(
            field,
            format!("{username}'s account is disabled"),
        )),
        Some((id, username, display_name, role, false)) => {
            Ok(Actor::new(id, username, display_name, role))
        }
    }
}

/// `owner` (a username, or the actor when absent) checked as someone who may be given work
/// about `contact_id`: an enabled user whose scope holds the contact.
async fn checked_owner(
    conn: &mut SqliteConnection,
    actor: &Actor,
    owner: Option<&str>,
    field: &str,
    contact_id: i64,
) -> CoreResult<Actor> {
    let owner = match validate::optional(owner) {
        None => return Ok(actor.clone()),
        Some(name) => user_named(conn, field, &name).await?,
    };
    if contacts::visible_among(conn, &owner, &[contact_id])
        .await?
        .is_empty()
    {
        return Err(CoreError::invalid(
            field,
            format!(
                "{} cannot see this contact (outside their territories or role)",
                owner.display_name()
            ),
        ));
    }
    Ok(owner)
}

fn user_ref(username: Option<String>, display_name: Option<String>) -> Option<UserRef> {
    Some(UserRef {
        username: username?,
        display_name: display_name?,
    })
}

/// Text timestamps for SQL (fixed width, so text order is time order).
fn ts(at: DateTime<Utc>) -> String {
    crate::store::timestamp(at)
}

/// An account's number, for a user who may view contacts; `not_found` when there is none.
async fn viewable_account(db: &Database, actor: &Actor, account_id: &str) -> CoreResult<i64> {
    authorize(db, actor, Action::ViewContacts).await?;
    let account = parse_id("account", account_id)?;
    let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM accounts WHERE id = ?")
        .bind(account)
        .fetch_optional(db.reader())
        .await?;
    exists.ok_or_else(|| CoreError::not_found("account", account_id))
}
