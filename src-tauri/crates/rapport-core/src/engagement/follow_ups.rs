//! Follow-ups: reminders on a contact with a due day (and time), an owner, a priority and a
//! status; made on their own or from an interaction's next steps; completed, reopened,
//! cancelled and reassigned (each audited); the owner's queue, the managers' overdue queue and
//! the dashboard's counts.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use serde_json::json;
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::{
    acting_on_contact, cadence, checked_owner, decode_cursor, encode_cursor, escalation,
    interactions, page_size, push_contact_in_scope, ts, CountedScope, Problems,
};
use crate::access::{authorize, out_of_scope, Action, Actor};
use crate::audit::{self, Change, Event, Who};
use crate::error::{CoreError, CoreResult};
use crate::model::*;
use crate::store::contacts;
use crate::Database;

const MAX_TITLE_CHARS: usize = 200;
const MAX_NOTES_CHARS: usize = 10_000;
/// Offsets in use on Earth run from UTC-12 to UTC+14.
const MAX_OFFSET_MINUTES: i32 = 14 * 60;
/// A due day further away than this either way is a typo.
const MAX_DAYS_AWAY: i64 = 10 * 366;

/// A due day checked and turned into the instants the queues compare.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Due {
    date: NaiveDate,
    time: Option<NaiveTime>,
    utc_offset_minutes: i32,
    /// When it becomes due: its time, or the start of its day.
    at: DateTime<Utc>,
    /// When it is overdue: the end of its day, in the offset it was given in.
    overdue_at: DateTime<Utc>,
}

impl Due {
    fn check(p: &mut Problems, field: &str, due: &DueInput, now: DateTime<Utc>) -> Option<Self> {
        if due.utc_offset_minutes.abs() > MAX_OFFSET_MINUTES {
            p.add(
                format!("{field}.utcOffsetMinutes"),
                "is not an offset from UTC in use",
            );
            return None;
        }
        if (due.date - now.date_naive()).num_days().abs() > MAX_DAYS_AWAY {
            p.add(format!("{field}.date"), "is more than ten years away");
            return None;
        }
        let zone = FixedOffset::east_opt(due.utc_offset_minutes * 60)?;
        let instant = |date: NaiveDate, time: NaiveTime| {
            zone.from_local_datetime(&date.and_time(time))
                .single()
                .map(|t| t.with_timezone(&Utc))
        };
        let at = instant(due.date, due.time.unwrap_or(NaiveTime::MIN))?;
        let overdue_at = instant(due.date + Duration::days(1), NaiveTime::MIN)?;
        Some(Self {
            date: due.date,
            time: due.time,
            utc_offset_minutes: due.utc_offset_minutes,
            at,
            overdue_at,
        })
    }
}

/// A follow-up ready to store.
pub(crate) struct NewFollowUp {
    pub contact_id: i64,
    pub interaction_id: Option<i64>,
    pub owner: Actor,
    pub title: String,
    pub notes: Option<String>,
    pub due: Due,
    pub priority: FollowUpPriority,
}

/// A title from next steps: their first line, shortened to fit; the whole text becomes the
/// notes when the title does not hold all of it.
fn title_from(next_steps: &str) -> (String, Option<String>) {
    let first = next_steps.lines().next().unwrap_or_default().trim();
    let title: String = if first.chars().count() > MAX_TITLE_CHARS {
        let cut: String = first.chars().take(MAX_TITLE_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    } else {
        first.to_string()
    };
    let notes = (title != next_steps.trim()).then(|| next_steps.trim().to_string());
    (title, notes)
}

/// The follow-up an interaction being logged asks for, from its next steps.
pub(crate) async fn from_plan(
    conn: &mut SqliteConnection,
    actor: &Actor,
    plan: &FollowUpPlan,
    contact_ids: &[i64],
    next_steps: Option<&str>,
    now: DateTime<Utc>,
) -> CoreResult<NewFollowUp> {
    let mut p = Problems::default();
    let contact_id = match &plan.contact_id {
        None => contact_ids.first().copied(),
        Some(id) => id
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|id| contact_ids.contains(id)),
    };
    if contact_id.is_none() {
        p.add(
            "followUp.contactId",
            "is not one of the contacts taking part",
        );
    }
    if next_steps.is_none() {
        p.add("nextSteps", "are needed to make a follow-up from them");
    }
    let due = Due::check(&mut p, "followUp.due", &plan.due, now);
    p.finish()?;
    let (Some(contact_id), Some(due), Some(next_steps)) = (contact_id, due, next_steps) else {
        return Err(CoreError::invalid("followUp", "is not valid"));
    };
    let owner = checked_owner(
        conn,
        actor,
        plan.owner.as_deref(),
        "followUp.owner",
        contact_id,
    )
    .await?;
    let (title, notes) = title_from(next_steps);
    Ok(NewFollowUp {
        contact_id,
        interaction_id: None,
        owner,
        title,
        notes,
        due,
        priority: plan.priority,
    })
}

/// Stores a follow-up in the caller's transaction and audits it.
pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    actor: &Actor,
    new: &NewFollowUp,
    now: DateTime<Utc>,
) -> CoreResult<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO follow_ups (contact_id, interaction_id, owner_id, title, notes, due_date,
            due_time, utc_offset_minutes, due_at, overdue_at, priority, status, created_by,
            created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?) RETURNING id",
    )
    .bind(new.contact_id)
    .bind(new.interaction_id)
    .bind(new.owner.user_id())
    .bind(&new.title)
    .bind(&new.notes)
    .bind(new.due.date)
    .bind(new.due.time.map(|t| t.format("%H:%M").to_string()))
    .bind(new.due.utc_offset_minutes)
    .bind(ts(new.due.at))
    .bind(ts(new.due.overdue_at))
    .bind(new.priority.as_str())
    .bind(actor.user_id())
    .bind(ts(now))
    .bind(ts(now))
    .fetch_one(&mut *conn)
    .await?;
    audit::record(
        conn,
        Who::User(actor),
        now,
        Event::new("create", "follow_up", Some(id.to_string()))
            .summary(json!({
                "contact": new.contact_id,
                "interaction": new.interaction_id,
                "owner": new.owner.username(),
                "priority": new.priority,
                "dueAt": ts(new.due.at),
            }))
            .about_contact(new.contact_id),
    )
    .await?;
    Ok(id)
}

/// Creates a follow-up on a contact the actor may edit. With `interactionId` (an interaction
/// with that contact) and no title, the interaction's next steps are the title.
pub async fn create_follow_up(
    db: &Database,
    actor: &Actor,
    input: &FollowUpInput,
    now: DateTime<Utc>,
) -> CoreResult<FollowUp> {
    let contact_id = acting_on_contact(
        db,
        actor,
        &input.contact_id,
        "contactId",
        Action::EditContacts,
        "create a follow-up",
    )
    .await?;
    let source = match &input.interaction_id {
        Some(id) => {
            let interaction = interactions::get_interaction(db, actor, id)
                .await
                .map_err(|e| match e {
                    CoreError::NotFound { .. } => {
                        CoreError::invalid("interactionId", "is not an interaction you can see")
                    }
                    other => other,
                })?;
            if !interaction
                .contacts
                .iter()
                .any(|c| c.id == contact_id.to_string())
            {
                return Err(CoreError::invalid(
                    "interactionId",
                    "is not an interaction with this contact",
                ));
            }
            Some(interaction)
        }
        None => None,
    };
    let mut p = Problems::default();
    let typed_title = p.text("title", input.title.as_deref(), MAX_TITLE_CHARS);
    let mut notes = p.text("notes", input.notes.as_deref(), MAX_NOTES_CHARS);
    let title = match (
        typed_title,
        source.as_ref().and_then(|s| s.next_steps.clone()),
    ) {
        (Some(title), _) => Some(title.lines().collect::<Vec<_>>().join(" ")),
        (None, Some(next_steps)) => {
            let (title, more) = title_from(&next_steps);
            notes = notes.or(more);
            Some(title)
        }
        (None, None) => {
            p.add("title", "is required");
            None
        }
    };
    let due = Due::check(&mut p, "due", &input.due, now);
    p.finish()?;
    let (Some(title), Some(due)) = (title, due) else {
        return Err(CoreError::invalid("due", "is not valid"));
    };
    let mut tx = db.write().await?;
    let owner = checked_owner(&mut tx, actor, input.owner.as_deref(), "owner", contact_id).await?;
    let new = NewFollowUp {
        contact_id,
        interaction_id: source.and_then(|s| s.id.parse().ok()),
        owner,
        title,
        notes,
        due,
        priority: input.priority,
    };
    let id = insert(&mut tx, actor, &new, now).await?;
    tx.commit().await?;
    let mut conn = db.reader().acquire().await?;
    load_one(&mut conn, id, now).await
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    contact_id: i64,
    reference: String,
    display_name: String,
    interaction_id: Option<i64>,
    owner_username: String,
    owner_name: String,
    title: String,
    notes: Option<String>,
    due_date: NaiveDate,
    due_time: Option<String>,
    utc_offset_minutes: i64,
    due_at: DateTime<Utc>,
    overdue_at: DateTime<Utc>,
    priority: FollowUpPriority,
    status: FollowUpStatus,
    closed_at: Option<DateTime<Utc>>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

const SELECT_ROWS: &str = "SELECT f.id, f.contact_id, c.reference, c.display_name,
        f.interaction_id, u.username AS owner_username, u.display_name AS owner_name, f.title,
        f.notes, f.due_date, f.due_time, f.utc_offset_minutes, f.due_at, f.overdue_at,
        f.priority, f.status, f.closed_at, f.created_at, f.updated_at
    FROM follow_ups f JOIN contacts c ON c.id = f.contact_id JOIN users u ON u.id = f.owner_id";

fn state(
    status: FollowUpStatus,
    due_at: DateTime<Utc>,
    overdue_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> FollowUpState {
    match status {
        FollowUpStatus::Open if overdue_at <= now => FollowUpState::Overdue,
        FollowUpStatus::Open if due_at <= now => FollowUpState::Due,
        FollowUpStatus::Open => FollowUpState::Upcoming,
        FollowUpStatus::Done | FollowUpStatus::Cancelled => FollowUpState::Closed,
    }
}

impl Row {
    fn into_follow_up(self, now: DateTime<Utc>) -> FollowUp {
        FollowUp {
            id: self.id.to_string(),
            contact: ContactRef {
                id: self.contact_id.to_string(),
                reference: self.reference,
                display_name: self.display_name,
            },
            interaction_id: self.interaction_id.map(|i| i.to_string()),
            owner: UserRef {
                username: self.owner_username,
                display_name: self.owner_name,
            },
            title: self.title,
            notes: self.notes,
            due_date: self.due_date,
            due_time: self
                .due_time
                .and_then(|t| NaiveTime::parse_from_str(&t, "%H:%M").ok()),
            utc_offset_minutes: i32::try_from(self.utc_offset_minutes).unwrap_or_default(),
            due_at: self.due_at,
            overdue_at: self.overdue_at,
            priority: self.priority,
            status: self.status,
            state: state(self.status, self.due_at, self.overdue_at, now),
            closed_at: self.closed_at,
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
    }
}

pub(crate) async fn load_one(
    conn: &mut SqliteConnection,
    id: i64,
    now: DateTime<Utc>,
) -> CoreResult<FollowUp> {
    let row: Row = sqlx::query_as(&format!("{SELECT_ROWS} WHERE f.id = ?"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| CoreError::not_found("follow-up", id.to_string()))?;
    Ok(row.into_follow_up(now))
}

/// A follow-up the actor may change: its contact is in their scope (`not_found`, audited).
async fn reachable(db: &Database, actor: &Actor, id: &str, what: &str) -> CoreResult<(i64, i64)> {
    authorize(db, actor, Action::EditContacts).await?;
    let Ok(number) = parse_id("follow-up", id) else {
        return Err(out_of_scope(db, actor, "follow-up", id, what).await);
    };
    let mut conn = db.reader().acquire().await?;
    let contact: Option<i64> = sqlx::query_scalar("SELECT contact_id FROM follow_ups WHERE id = ?")
        .bind(number)
        .fetch_optional(&mut *conn)
        .await?;
    let visible = match contact {
        Some(c) => !contacts::visible_among(&mut conn, actor, &[c])
            .await?
            .is_empty(),
        None => false,
    };
    drop(conn);
    match contact {
        Some(contact) if visible => Ok((number, contact)),
        _ => Err(out_of_scope(db, actor, "follow-up", id, what).await),
    }
}

/// Moves a follow-up from one of `from` to `to`, audited as `action`.
async fn transition(
    db: &Database,
    actor: &Actor,
    id: &str,
    from: &[FollowUpStatus],
    to: FollowUpStatus,
    action: &'static str,
    now: DateTime<Utc>,
) -> CoreResult<FollowUp> {
    let (number, contact) = reachable(db, actor, id, action).await?;
    let mut tx = db.write().await?;
    let status: FollowUpStatus = sqlx::query_scalar("SELECT status FROM follow_ups WHERE id = ?")
        .bind(number)
        .fetch_one(&mut *tx)
        .await?;
    if !from.contains(&status) {
        return Err(CoreError::invalid(
            "status",
            format!("the follow-up is {status}; it cannot be {action}d",),
        ));
    }
    let closing = to != FollowUpStatus::Open;
    sqlx::query(
        "UPDATE follow_ups SET status = ?, closed_at = ?, closed_by = ?, updated_at = ?,
            version = version + 1 WHERE id = ?",
    )
    .bind(to.as_str())
    .bind(closing.then(|| ts(now)))
    .bind(closing.then(|| actor.user_id()))
    .bind(ts(now))
    .bind(number)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        Who::User(actor),
        now,
        Event::new(action, "follow_up", Some(number.to_string()))
            .summary(json!({ "contact": contact, "from": status, "to": to })),
    )
    .await?;
    tx.commit().await?;
    let mut conn = db.reader().acquire().await?;
    load_one(&mut conn, number, now).await
}

/// Marks an open follow-up done.
pub async fn complete_follow_up(
    db: &Database,
    actor: &Actor,
    id: &str,
    now: DateTime<Utc>,
) -> CoreResult<FollowUp> {
    let open = [FollowUpStatus::Open];
    transition(db, actor, id, &open, FollowUpStatus::Done, "complete", now).await
}

/// Opens a done or cancelled follow-up again.
pub async fn reopen_follow_up(
    db: &Database,
    actor: &Actor,
    id: &str,
    now: DateTime<Utc>,
) -> CoreResult<FollowUp> {
    let closed = [FollowUpStatus::Done, FollowUpStatus::Cancelled];
    transition(db, actor, id, &closed, FollowUpStatus::Open, "reopen", now).await
}

/// Cancels an open follow-up (it no longer needs doing).
pub async fn cancel_follow_up(
    db: &Database,
    actor: &Actor,
    id: &str,
    now: DateTime<Utc>,
) -> CoreResult<FollowUp> {
    let open = [FollowUpStatus::Open];
    transition(
        db,
        actor,
        id,
        &open,
        FollowUpStatus::Cancelled,
        "cancel",
        now,
    )
    .await
}

/// Gives an open follow-up to another user, who must see its contact. The new owner is
/// notified afresh when it is due.
pub async fn reassign_follow_up(
    db: &Database,
    actor: &Actor,
    id: &str,
    owner: &str,
    now: DateTime<Utc>,
) -> CoreResult<FollowUp> {
    let (number, contact) = reachable(db, actor, id, "reassign").await?;
    let mut tx = db.write().await?;
    let (status, before): (FollowUpStatus, String) = sqlx::query_as(
        "SELECT f.status, u.username FROM follow_ups f JOIN users u ON u.id = f.owner_id
         WHERE f.id = ?",
    )
    .bind(number)
    .fetch_one(&mut *tx)
    .await?;
    if status != FollowUpStatus::Open {
        return Err(CoreError::invalid(
            "status",
            format!("the follow-up is {status}; only open ones are reassigned"),
        ));
    }
    let owner = checked_owner(&mut tx, actor, Some(owner), "owner", contact).await?;
    if owner.username() == before {
        tx.rollback().await?;
        let mut conn = db.reader().acquire().await?;
        return load_one(&mut conn, number, now).await;
    }
    sqlx::query(
        "UPDATE follow_ups SET owner_id = ?, notified_at = NULL, updated_at = ?,
            version = version + 1 WHERE id = ?",
    )
    .bind(owner.user_id())
    .bind(ts(now))
    .bind(number)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        Who::User(actor),
        now,
        Event::new("reassign", "follow_up", Some(number.to_string()))
            .summary(json!({ "contact": contact, "from": before, "to": owner.username() }))
            .changes(vec![Change::new("owner", before, owner.username())])
            .about_contact(contact),
    )
    .await?;
    tx.commit().await?;
    let mut conn = db.reader().acquire().await?;
    load_one(&mut conn, number, now).await
}

/// Where the next page of a queue starts: the last row's sort time and id.
#[derive(Serialize, Deserialize)]
struct QueueCursor {
    at: String,
    id: i64,
}

/// Pages a queue ordered by `key` (a column of `f`), soonest first.
async fn queue_page(
    db: &Database,
    mut builder: QueryBuilder<'_, Sqlite>,
    key: &str,
    query: &FollowUpQuery,
    now: DateTime<Utc>,
) -> CoreResult<FollowUpPage> {
    let limit = page_size(query.limit);
    if let Some(after) = decode_cursor::<QueueCursor>(query.cursor.as_deref())? {
        builder
            .push(format!(" AND ({key}, f.id) > ("))
            .push_bind(after.at)
            .push(", ")
            .push_bind(after.id)
            .push(")");
    }
    builder
        .push(format!(" ORDER BY {key}, f.id LIMIT "))
        .push_bind(limit + 1);
    let mut rows: Vec<Row> = builder.build_query_as().fetch_all(db.reader()).await?;
    let more = rows.len() as i64 > limit;
    rows.truncate(usize::try_from(limit).unwrap_or(0));
    let next_cursor = rows.last().filter(|_| more).map(|r| {
        let at = if key == "f.overdue_at" {
            r.overdue_at
        } else {
            r.due_at
        };
        encode_cursor(&QueueCursor {
            at: ts(at),
            id: r.id,
        })
    });
    Ok(FollowUpPage {
        items: rows.into_iter().map(|r| r.into_follow_up(now)).collect(),
        next_cursor,
    })
}

/// The state filter over open follow-ups `f` at `now`.
fn push_state(builder: &mut QueryBuilder<'_, Sqlite>, state: FollowUpState, now: DateTime<Utc>) {
    let now = ts(now);
    match state {
        FollowUpState::Overdue => {
            builder.push(" AND f.overdue_at <= ").push_bind(now);
        }
        FollowUpState::Due => {
            builder
                .push(" AND f.due_at <= ")
                .push_bind(now.clone())
                .push(" AND f.overdue_at > ")
                .push_bind(now);
        }
        FollowUpState::Upcoming => {
            builder.push(" AND f.due_at > ").push_bind(now);
        }
        FollowUpState::Closed => {
            builder.push(" AND 0");
        }
    }
}

/// The signed-in user's open follow-ups, soonest due first (overdue ones lead), optionally in
/// one state. Contacts that left the user's scope drop out of it.
pub async fn my_follow_ups(
    db: &Database,
    actor: &Actor,
    query: &FollowUpQuery,
    now: DateTime<Utc>,
) -> CoreResult<FollowUpPage> {
    authorize(db, actor, Action::ViewContacts).await?;
    let mut builder = QueryBuilder::new(format!(
        "{SELECT_ROWS} WHERE f.status = 'open' AND f.owner_id = "
    ));
    builder.push_bind(actor.user_id());
    if let Some(state) = query.state {
        push_state(&mut builder, state, now);
    }
    push_contact_in_scope(&mut builder, actor, "f.contact_id");
    queue_page(db, builder, "f.due_at", query, now).await
}

/// The overdue follow-ups of everyone, for the contacts in the actor's scope (a manager's
/// territories or region; billing contacts for billing administrators; all for site
/// administrators), longest overdue first; optionally of contacts in one territory.
pub async fn overdue_queue(
    db: &Database,
    actor: &Actor,
    query: &FollowUpQuery,
    now: DateTime<Utc>,
) -> CoreResult<FollowUpPage> {
    authorize(db, actor, Action::ViewContacts).await?;
    let mut builder = QueryBuilder::new(format!(
        "{SELECT_ROWS} WHERE f.status = 'open' AND f.overdue_at <= "
    ));
    builder.push_bind(ts(now));
    if let Some(territory) = &query.territory_id {
        builder
            .push(" AND c.territory_id = ")
            .push_bind(parse_id("territory", territory)?);
    }
    push_contact_in_scope(&mut builder, actor, "f.contact_id");
    queue_page(db, builder, "f.overdue_at", query, now).await
}

/// A contact's follow-ups: open ones soonest first, then closed ones, latest closed first.
pub async fn contact_follow_ups(
    db: &Database,
    actor: &Actor,
    contact_id: &str,
    now: DateTime<Utc>,
) -> CoreResult<Vec<FollowUp>> {
    let contact = contacts::visible_id(db, actor, contact_id, "view follow-ups").await?;
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "{SELECT_ROWS} WHERE f.contact_id = ?
         ORDER BY f.status <> 'open', CASE WHEN f.status = 'open' THEN f.due_at END,
                  f.closed_at DESC, f.id DESC
         LIMIT 500"
    ))
    .bind(contact)
    .fetch_all(db.reader())
    .await?;
    Ok(rows.into_iter().map(|r| r.into_follow_up(now)).collect())
}

/// The dashboard's numbers for the signed-in user at `now`.
pub async fn follow_up_counts(
    db: &Database,
    actor: &Actor,
    now: DateTime<Utc>,
) -> CoreResult<FollowUpCounts> {
    authorize(db, actor, Action::ViewContacts).await?;
    let scope = CountedScope::of(db, actor).await?;
    let at = ts(now);
    // The user's own open follow-ups, from an index holding both instants compared here: for
    // a one-area user their range of the area's kept rows, else their range of all.
    let mut mine = QueryBuilder::new("SELECT ifnull(sum(f.due_at <= ");
    mine.push_bind(at.clone())
        .push(" AND f.overdue_at > ")
        .push_bind(at.clone())
        .push("), 0), ifnull(sum(f.overdue_at <= ")
        .push_bind(at.clone())
        .push("), 0), ifnull(sum(f.due_at > ")
        .push_bind(at.clone())
        .push("), 0) FROM ");
    match scope.area() {
        Some(area) => {
            mine.push("area_follow_ups f INDEXED BY area_follow_ups_owner WHERE f.area = ")
                .push_bind(area)
                .push(" AND f.owner_id = ")
                .push_bind(actor.user_id());
        }
        None => {
            mine.push(
                "follow_ups f INDEXED BY follow_ups_owner_open
                 WHERE f.status = 'open' AND f.owner_id = ",
            )
            .push_bind(actor.user_id());
            scope.push(&mut mine, "f.contact_id");
        }
    }
    let (due, overdue, upcoming): (i64, i64, i64) =
        mine.build_query_as().fetch_one(db.reader()).await?;
    // Everyone's overdue ones in scope: for a one-area user, their area's range of the kept
    // `area_follow_ups`.
    let mut scoped = match scope.area() {
        Some(area) => {
            let mut b = QueryBuilder::new("SELECT count(*) FROM area_follow_ups WHERE area = ");
            b.push_bind(area).push(" AND overdue_at <= ").push_bind(at);
            b
        }
        None => {
            let mut b = QueryBuilder::new(
                "SELECT count(*) FROM follow_ups f WHERE f.status = 'open' AND f.overdue_at <= ",
            );
            b.push_bind(at);
            scope.push(&mut b, "f.contact_id");
            b
        }
    };
    let overdue_in_scope: i64 = scoped.build_query_scalar().fetch_one(db.reader()).await?;
    let count = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(FollowUpCounts {
        due: count(due),
        overdue: count(overdue),
        upcoming: count(upcoming),
        cadences_due: cadence::count_due(db, &scope, now).await?,
        overdue_in_scope: count(overdue_in_scope),
        escalations: escalation::count_mine(db, &scope).await?,
    })
}
