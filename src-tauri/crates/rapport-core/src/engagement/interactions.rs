//! Interactions: logging, editing and deleting them (validated, scoped, audited), the consent
//! check before an outbound one, and the timelines of a contact and of an account.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::metrics::Turn;
use super::{
    acting_on_contacts, contact_refs, decode_cursor, encode_cursor, follow_ups, metrics, page_size,
    push_interaction_scope, ts, user_ref, Problems,
};
use crate::access::{authorize, out_of_scope, Action, Actor};
use crate::audit::{self, Change, Event, Who};
use crate::error::{CoreError, CoreResult, FieldProblem};
use crate::model::*;
use crate::store::contacts;
use crate::Database;

const MAX_SUBJECT_CHARS: usize = 200;
const MAX_TEXT_CHARS: usize = 10_000;
const MAX_CONTACTS: usize = 50;
const MAX_ATTACHMENTS: usize = 20;
const MAX_REFERENCE_CHARS: usize = 2_048;
/// A meeting or call of a whole day is the longest thing anyone logs.
const MAX_DURATION_MINUTES: u32 = 1_440;
/// The history is of things that happened; a little slack covers clocks that disagree.
const FUTURE_SLACK: Duration = Duration::hours(1);

/// The consent channel an outbound interaction uses; meetings and notes need none.
fn consent_channel(channel: InteractionChannel) -> Option<ContactChannel> {
    match channel {
        InteractionChannel::Email => Some(ContactChannel::Email),
        InteractionChannel::Call => Some(ContactChannel::Phone),
        InteractionChannel::Sms => Some(ContactChannel::Sms),
        InteractionChannel::Meeting | InteractionChannel::Note => None,
    }
}

fn channel_words(channel: ContactChannel) -> &'static str {
    match channel {
        ContactChannel::Email => "email",
        ContactChannel::Phone => "phone calls",
        ContactChannel::Sms => "text messages (SMS)",
        ContactChannel::Post => "post",
    }
}

/// Why an attachment reference is refused, if it is. References are kept as text: a file path
/// that is absolute (so it means the same file tomorrow), or an http(s) or file URL.
fn attachment_problem(reference: &str) -> Option<String> {
    if reference.chars().count() > MAX_REFERENCE_CHARS {
        return Some(format!("is longer than {MAX_REFERENCE_CHARS} characters"));
    }
    if reference.chars().any(char::is_control) {
        return Some("contains control characters".into());
    }
    if let Some((scheme, rest)) = reference.split_once("://") {
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        return match scheme.to_ascii_lowercase().as_str() {
            "http" | "https" if host.is_empty() || rest.contains(char::is_whitespace) => {
                Some("is not a complete link (https://host/...)".into())
            }
            "http" | "https" => None,
            // file:///path or file://server/share/path
            "file" if rest.len() > 1 => None,
            _ => Some("only http, https and file links can be attached".into()),
        };
    }
    let bytes = reference.as_bytes();
    let unix = reference.starts_with('/');
    let windows_drive = bytes.len() > 2
        && bytes[0].is_ascii_alphabetic()
        && bytes[1] == b':'
        && matches!(bytes[2], b'\\' | b'/');
    let unc = reference.starts_with("\\\\") && reference.len() > 2;
    if unix || windows_drive || unc {
        None
    } else {
        Some("must be an absolute file path or an http(s) link".into())
    }
}

/// An interaction's own fields, checked: what is stored and what an edit compares.
#[derive(Debug, Clone, PartialEq)]
struct Fields {
    channel: InteractionChannel,
    category: InteractionCategory,
    direction: Direction,
    occurred_at: DateTime<Utc>,
    utc_offset_minutes: i32,
    duration_minutes: Option<u32>,
    no_answer: bool,
    subject: String,
    outcome: Option<String>,
    next_steps: Option<String>,
    attachments: Vec<String>,
}

impl Fields {
    /// Binds the stored columns, in the order the insert and the update name them.
    fn bind_to<'q>(
        &'q self,
        query: sqlx::query::Query<'q, Sqlite, sqlx::sqlite::SqliteArguments<'q>>,
    ) -> sqlx::query::Query<'q, Sqlite, sqlx::sqlite::SqliteArguments<'q>> {
        query
            .bind(self.channel.as_str())
            .bind(self.category.as_str())
            .bind(self.direction.as_str())
            .bind(ts(self.occurred_at))
            .bind(self.utc_offset_minutes)
            .bind(self.duration_minutes)
            .bind(self.no_answer)
            .bind(&self.subject)
            .bind(&self.outcome)
            .bind(&self.next_steps)
            .bind(serde_json::to_string(&self.attachments).unwrap_or_else(|_| "[]".into()))
    }

    fn check(input: &InteractionInput, now: DateTime<Utc>) -> CoreResult<Self> {
        let mut p = Problems::default();
        if input.contact_ids.is_empty() {
            p.add("contactIds", "name at least one contact");
        } else if input.contact_ids.len() > MAX_CONTACTS {
            p.add(
                "contactIds",
                format!("at most {MAX_CONTACTS} contacts take part in one interaction"),
            );
        }
        let occurred_at = input.occurred_at.with_timezone(&Utc);
        if occurred_at > now + FUTURE_SLACK {
            p.add("occurredAt", "is in the future; log what has happened");
        }
        if occurred_at.timestamp() < 0 {
            p.add("occurredAt", "is too long ago");
        }
        if input
            .duration_minutes
            .is_some_and(|d| d > MAX_DURATION_MINUTES)
        {
            p.add(
                "durationMinutes",
                format!("is longer than a day ({MAX_DURATION_MINUTES} minutes)"),
            );
        }
        let subject = p.line("subject", &input.subject, MAX_SUBJECT_CHARS);
        let outcome = p.text("outcome", input.outcome.as_deref(), MAX_TEXT_CHARS);
        let next_steps = p.text("nextSteps", input.next_steps.as_deref(), MAX_TEXT_CHARS);
        if input.attachments.len() > MAX_ATTACHMENTS {
            p.add(
                "attachments",
                format!("at most {MAX_ATTACHMENTS} attachments per interaction"),
            );
        }
        let mut attachments: Vec<String> = Vec::new();
        for (i, reference) in input.attachments.iter().enumerate() {
            let reference = reference.trim();
            match attachment_problem(reference) {
                Some(message) => p.add(format!("attachments.{i}"), message),
                None if !attachments.iter().any(|a| a == reference) => {
                    attachments.push(reference.to_string());
                }
                None => {}
            }
        }
        p.finish()?;
        Ok(Self {
            channel: input.channel,
            category: input.category,
            direction: input.direction,
            occurred_at,
            utc_offset_minutes: input.occurred_at.offset().local_minus_utc() / 60,
            duration_minutes: input.duration_minutes,
            // Only a call or meeting we started can fail to reach someone.
            no_answer: input.no_answer
                && input.direction == Direction::Outbound
                && matches!(
                    input.channel,
                    InteractionChannel::Call | InteractionChannel::Meeting
                ),
            subject,
            outcome,
            next_steps,
            attachments,
        })
    }

    /// What the interaction means for each contact's responsiveness.
    fn turn(&self) -> Turn {
        Turn::of(self.channel, self.direction, self.no_answer)
    }

    /// Field name and value, for the audit's before/after.
    fn values(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("channel", json!(self.channel)),
            ("category", json!(self.category)),
            ("direction", json!(self.direction)),
            ("occurredAt", json!(ts(self.occurred_at))),
            ("utcOffsetMinutes", json!(self.utc_offset_minutes)),
            ("durationMinutes", json!(self.duration_minutes)),
            ("noAnswer", json!(self.no_answer)),
            ("subject", json!(self.subject)),
            ("outcome", json!(self.outcome)),
            ("nextSteps", json!(self.next_steps)),
            ("attachments", json!(self.attachments)),
        ]
    }
}

#[derive(sqlx::FromRow)]
struct StoredRow {
    id: i64,
    channel: InteractionChannel,
    category: InteractionCategory,
    direction: Direction,
    occurred_at: DateTime<Utc>,
    utc_offset_minutes: i64,
    duration_minutes: Option<i64>,
    no_answer: bool,
    subject: String,
    outcome: Option<String>,
    next_steps: Option<String>,
    attachments: String,
    logged_by_username: Option<String>,
    logged_by_name: Option<String>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    version: i64,
}

const SELECT_ROWS: &str = "SELECT i.id, i.channel, i.category, i.direction, i.occurred_at,
        i.utc_offset_minutes, i.duration_minutes, i.no_answer, i.subject, i.outcome, i.next_steps,
        i.attachments, u.username AS logged_by_username, u.display_name AS logged_by_name,
        i.created_at, i.updated_at, i.version
    FROM interactions i LEFT JOIN users u ON u.id = i.logged_by";

impl StoredRow {
    fn fields(&self) -> Fields {
        Fields {
            channel: self.channel,
            category: self.category,
            direction: self.direction,
            occurred_at: self.occurred_at,
            utc_offset_minutes: i32::try_from(self.utc_offset_minutes).unwrap_or_default(),
            duration_minutes: self.duration_minutes.and_then(|d| u32::try_from(d).ok()),
            no_answer: self.no_answer,
            subject: self.subject.clone(),
            outcome: self.outcome.clone(),
            next_steps: self.next_steps.clone(),
            attachments: serde_json::from_str(&self.attachments).unwrap_or_default(),
        }
    }

    fn into_interaction(self, contacts: Vec<ContactRef>) -> Interaction {
        let fields = self.fields();
        Interaction {
            id: self.id.to_string(),
            contacts,
            channel: fields.channel,
            category: fields.category,
            direction: fields.direction,
            occurred_at: fields.occurred_at,
            utc_offset_minutes: fields.utc_offset_minutes,
            duration_minutes: fields.duration_minutes,
            no_answer: fields.no_answer,
            subject: fields.subject,
            outcome: fields.outcome,
            next_steps: fields.next_steps,
            attachments: fields.attachments,
            logged_by: user_ref(self.logged_by_username, self.logged_by_name),
            created_at: self.created_at,
            updated_at: self.updated_at,
            version: u32::try_from(self.version).unwrap_or(u32::MAX),
        }
    }
}

/// The interactions with these ids, in the order given, with the contacts taking part.
async fn load(conn: &mut SqliteConnection, ids: &[i64]) -> CoreResult<Vec<Interaction>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list = serde_json::to_string(ids).unwrap_or_default();
    let rows: Vec<StoredRow> = sqlx::query_as(&format!(
        "{SELECT_ROWS} WHERE i.id IN (SELECT value FROM json_each(?))"
    ))
    .bind(&list)
    .fetch_all(&mut *conn)
    .await?;
    let links: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT interaction_id, contact_id FROM interaction_contacts
         WHERE interaction_id IN (SELECT value FROM json_each(?)) ORDER BY interaction_id, contact_id",
    )
    .bind(&list)
    .fetch_all(&mut *conn)
    .await?;
    let contact_ids: Vec<i64> = links.iter().map(|(_, c)| *c).collect();
    let refs = contact_refs(conn, &contact_ids).await?;
    let mut people: HashMap<i64, Vec<ContactRef>> = HashMap::new();
    for (interaction, contact) in links {
        if let Some(r) = refs.get(&contact) {
            people.entry(interaction).or_default().push(r.clone());
        }
    }
    let mut by_id: HashMap<i64, StoredRow> = rows.into_iter().map(|r| (r.id, r)).collect();
    Ok(ids
        .iter()
        .filter_map(|id| {
            let row = by_id.remove(id)?;
            Some(row.into_interaction(people.remove(id).unwrap_or_default()))
        })
        .collect())
}

async fn stored_row(conn: &mut SqliteConnection, id: i64) -> CoreResult<StoredRow> {
    sqlx::query_as(&format!("{SELECT_ROWS} WHERE i.id = ?"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| CoreError::not_found("interaction", id.to_string()))
}

async fn linked_contacts(conn: &mut SqliteConnection, id: i64) -> CoreResult<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT contact_id FROM interaction_contacts WHERE interaction_id = ? ORDER BY contact_id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?)
}

/// The id of an interaction the actor may reach with `action`, and its contacts: every one of
/// them must be in the actor's scope (`not_found`, audited, otherwise).
pub(crate) async fn reachable(
    db: &Database,
    actor: &Actor,
    id: &str,
    action: Action,
    what: &str,
) -> CoreResult<(i64, Vec<i64>)> {
    authorize(db, actor, action).await?;
    let Ok(number) = parse_id("interaction", id) else {
        return Err(out_of_scope(db, actor, "interaction", id, what).await);
    };
    let mut conn = db.reader().acquire().await?;
    let linked = linked_contacts(&mut conn, number).await?;
    let visible = contacts::visible_among(&mut conn, actor, &linked).await?;
    drop(conn);
    if linked.is_empty() || visible.len() != linked.len() {
        return Err(out_of_scope(db, actor, "interaction", id, what).await);
    }
    Ok((number, linked))
}

/// Contacts among `ids` who have not consented to `channel`, as warnings.
async fn missing_consent(
    conn: &mut SqliteConnection,
    ids: &[i64],
    channel: InteractionChannel,
    direction: Direction,
) -> CoreResult<Vec<ConsentWarning>> {
    let Some(consent) = consent_channel(channel).filter(|_| direction == Direction::Outbound)
    else {
        return Ok(Vec::new());
    };
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT c.id, c.reference, c.display_name FROM contacts c
         WHERE c.id IN (SELECT value FROM json_each(?))
           AND NOT EXISTS (SELECT 1 FROM contact_channel_preferences p
                           WHERE p.contact_id = c.id AND p.channel = ? AND p.consent = 1)
         ORDER BY c.id",
    )
    .bind(serde_json::to_string(ids).unwrap_or_default())
    .bind(consent.as_str())
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, reference, display_name)| ConsentWarning {
            contact: ContactRef {
                id: id.to_string(),
                reference,
                display_name,
            },
            channel: consent,
        })
        .collect())
}

/// Refuses unacknowledged warnings, naming the field the UI answers them with.
fn require_acknowledgement(warnings: &[ConsentWarning], acknowledged: bool) -> CoreResult<()> {
    if warnings.is_empty() || acknowledged {
        return Ok(());
    }
    Err(CoreError::InvalidFields(
        warnings
            .iter()
            .map(|w| {
                FieldProblem::new(
                    "acknowledgeConsent",
                    format!(
                        "{} has not consented to {} ({}); confirm to log it anyway",
                        w.contact.display_name,
                        channel_words(w.channel),
                        w.channel
                    ),
                )
            })
            .collect(),
    ))
}

/// The consent warnings logging an interaction would raise, for the form to show before the
/// user saves: outbound email, calls and SMS to contacts who have not consented to them.
pub async fn consent_warnings(
    db: &Database,
    actor: &Actor,
    contact_ids: &[String],
    channel: InteractionChannel,
    direction: Direction,
) -> CoreResult<Vec<ConsentWarning>> {
    let ids = acting_on_contacts(
        db,
        actor,
        contact_ids,
        "contactIds",
        Action::ViewContacts,
        "check consent",
    )
    .await?;
    let mut conn = db.reader().acquire().await?;
    missing_consent(&mut conn, &ids, channel, direction).await
}

async fn write_links(
    conn: &mut SqliteConnection,
    id: i64,
    contacts: &[i64],
    fields: &Fields,
) -> CoreResult<()> {
    sqlx::query("DELETE FROM interaction_contacts WHERE interaction_id = ?")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    let mut builder: QueryBuilder<Sqlite> = QueryBuilder::new(
        "INSERT INTO interaction_contacts
            (contact_id, occurred_at, interaction_id, channel, category, direction, turn) ",
    );
    builder.push_values(contacts, |mut b, contact| {
        b.push_bind(*contact)
            .push_bind(ts(fields.occurred_at))
            .push_bind(id)
            .push_bind(fields.channel.as_str())
            .push_bind(fields.category.as_str())
            .push_bind(fields.direction.as_str())
            .push_bind(fields.turn().as_str());
    });
    builder.build().execute(&mut *conn).await?;
    Ok(())
}

/// Logs an interaction with one or more contacts (and, when asked, the follow-up from its next
/// steps) in one transaction. Outbound email, calls and SMS to a contact who has not consented
/// to that channel are refused unless `acknowledgeConsent` is set.
pub async fn log_interaction(
    db: &Database,
    actor: &Actor,
    input: &InteractionInput,
    now: DateTime<Utc>,
) -> CoreResult<LoggedInteraction> {
    let fields = Fields::check(input, now)?;
    let ids = acting_on_contacts(
        db,
        actor,
        &input.contact_ids,
        "contactIds",
        Action::EditContacts,
        "log an interaction",
    )
    .await?;
    let mut tx = db.write().await?;
    let warnings = missing_consent(&mut tx, &ids, fields.channel, fields.direction).await?;
    require_acknowledgement(&warnings, input.acknowledge_consent)?;
    let plan = match &input.follow_up {
        Some(plan) => Some(
            follow_ups::from_plan(
                &mut tx,
                actor,
                plan,
                &ids,
                fields.next_steps.as_deref(),
                now,
            )
            .await?,
        ),
        None => None,
    };

    let id = fields
        .bind_to(sqlx::query(
            "INSERT INTO interactions (channel, category, direction, occurred_at, utc_offset_minutes,
                duration_minutes, no_answer, subject, outcome, next_steps, attachments, logged_by,
                created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ))
        .bind(actor.user_id())
        .bind(ts(now))
        .bind(ts(now))
        .execute(&mut *tx)
        .await?
        .last_insert_rowid();
    write_links(&mut tx, id, &ids, &fields).await?;
    let acknowledged: Vec<&str> = warnings.iter().map(|w| w.channel.as_str()).collect();
    audit::record(
        &mut tx,
        Who::User(actor),
        now,
        Event::new("create", "interaction", Some(id.to_string())).summary(json!({
            "contacts": ids,
            "channel": fields.channel,
            "direction": fields.direction,
            "consentAcknowledged": acknowledged,
        })),
    )
    .await?;
    for contact in &ids {
        metrics::refresh(&mut tx, *contact, Who::User(actor), now).await?;
    }
    let follow_up_id = match plan {
        Some(mut plan) => {
            plan.interaction_id = Some(id);
            Some(follow_ups::insert(&mut tx, actor, &plan, now).await?)
        }
        None => None,
    };
    tx.commit().await?;

    let mut conn = db.reader().acquire().await?;
    let interaction = load(&mut conn, &[id])
        .await?
        .pop()
        .ok_or_else(|| CoreError::not_found("interaction", id.to_string()))?;
    let follow_up = match follow_up_id {
        Some(f) => Some(follow_ups::load_one(&mut conn, f, now).await?),
        None => None,
    };
    Ok(LoggedInteraction {
        interaction,
        follow_up,
        acknowledged: warnings,
    })
}

/// One interaction the actor may see.
pub async fn get_interaction(db: &Database, actor: &Actor, id: &str) -> CoreResult<Interaction> {
    let (number, _) = reachable(db, actor, id, Action::ViewContacts, "view").await?;
    let mut conn = db.reader().acquire().await?;
    load(&mut conn, &[number])
        .await?
        .pop()
        .ok_or_else(|| CoreError::not_found("interaction", id))
}

fn changes_between(before: &Fields, after: &Fields) -> Vec<Change> {
    before
        .values()
        .into_iter()
        .zip(after.values())
        .filter(|((_, b), (_, a))| a != b)
        .map(|((field, b), (_, a))| Change::new(field, b, a))
        .collect()
}

/// Saves an edit made from `version` (a newer stored version is a `conflict`). The actor must
/// see every contact taking part before and after. Each changed field's old and new value is
/// audited. A changed channel, direction or set of contacts asks for consent again.
pub async fn update_interaction(
    db: &Database,
    actor: &Actor,
    id: &str,
    version: u32,
    input: &InteractionInput,
    now: DateTime<Utc>,
) -> CoreResult<Interaction> {
    let (number, before_ids) = reachable(db, actor, id, Action::EditContacts, "edit").await?;
    let fields = Fields::check(input, now)?;
    let mut ids = acting_on_contacts(
        db,
        actor,
        &input.contact_ids,
        "contactIds",
        Action::EditContacts,
        "edit an interaction",
    )
    .await?;
    ids.sort_unstable();
    let mut tx = db.write().await?;
    let stored = stored_row(&mut tx, number).await?;
    if u32::try_from(stored.version).ok() != Some(version) {
        return Err(CoreError::Conflict {
            current_version: u32::try_from(stored.version).unwrap_or(u32::MAX),
        });
    }
    let before = stored.fields();
    let asks_again = before.channel != fields.channel
        || before.direction != fields.direction
        || before_ids != ids;
    if asks_again {
        let warnings = missing_consent(&mut tx, &ids, fields.channel, fields.direction).await?;
        require_acknowledgement(&warnings, input.acknowledge_consent)?;
    }
    let mut changes = changes_between(&before, &fields);
    if before_ids != ids {
        changes.push(Change::new("contactIds", json!(before_ids), json!(ids)));
    }
    if changes.is_empty() {
        tx.rollback().await?;
        return get_interaction(db, actor, id).await;
    }
    fields
        .bind_to(sqlx::query(
            "UPDATE interactions SET channel = ?, category = ?, direction = ?, occurred_at = ?,
                utc_offset_minutes = ?, duration_minutes = ?, no_answer = ?, subject = ?,
                outcome = ?, next_steps = ?, attachments = ?, updated_at = ?, version = version + 1
             WHERE id = ?",
        ))
        .bind(ts(now))
        .bind(number)
        .execute(&mut *tx)
        .await?;
    write_links(&mut tx, number, &ids, &fields).await?;
    audit::record(
        &mut tx,
        Who::User(actor),
        now,
        Event::new("update", "interaction", Some(number.to_string()))
            .summary(json!({ "contacts": ids }))
            .changes(changes),
    )
    .await?;
    for contact in touched(&before_ids, &ids) {
        metrics::refresh(&mut tx, contact, Who::User(actor), now).await?;
    }
    tx.commit().await?;
    get_interaction(db, actor, id).await
}

fn touched(a: &[i64], b: &[i64]) -> Vec<i64> {
    let mut all: Vec<i64> = a.iter().chain(b).copied().collect();
    all.sort_unstable();
    all.dedup();
    all
}

/// Deletes an interaction; its values go to the audit trail (erasable with the person), and
/// follow-ups made from it stay, no longer linked.
pub async fn delete_interaction(
    db: &Database,
    actor: &Actor,
    id: &str,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    let (number, ids) = reachable(db, actor, id, Action::EditContacts, "delete").await?;
    let mut tx = db.write().await?;
    let before = stored_row(&mut tx, number).await?.fields();
    sqlx::query("DELETE FROM interactions WHERE id = ?")
        .bind(number)
        .execute(&mut *tx)
        .await?;
    let mut changes: Vec<Change> = before
        .values()
        .into_iter()
        .map(|(field, value)| Change::new(field, value, Value::Null))
        .collect();
    changes.push(Change::new("contactIds", json!(ids), Value::Null));
    audit::record(
        &mut tx,
        Who::User(actor),
        now,
        Event::new("delete", "interaction", Some(number.to_string()))
            .summary(json!({ "contacts": ids }))
            .changes(changes),
    )
    .await?;
    for contact in &ids {
        metrics::refresh(&mut tx, *contact, Who::User(actor), now).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Where the next timeline page starts: the last row's time and id.
#[derive(Serialize, Deserialize)]
struct TimelineCursor {
    at: String,
    id: i64,
}

/// The filters and the keyset condition over the timeline's rows aliased `l`.
fn push_timeline_filters(
    builder: &mut QueryBuilder<'_, Sqlite>,
    query: &TimelineQuery,
    after: Option<&TimelineCursor>,
) {
    fn push_in<T: Copy>(
        builder: &mut QueryBuilder<'_, Sqlite>,
        column: &str,
        values: &[T],
        text: fn(T) -> &'static str,
    ) {
        if values.is_empty() {
            return;
        }
        builder.push(format!(" AND l.{column} IN ("));
        let mut list = builder.separated(", ");
        for v in values {
            list.push_bind(text(*v));
        }
        builder.push(")");
    }
    push_in(
        builder,
        "channel",
        &query.channels,
        InteractionChannel::as_str,
    );
    push_in(
        builder,
        "category",
        &query.categories,
        InteractionCategory::as_str,
    );
    push_in(builder, "direction", &query.directions, Direction::as_str);
    if let Some(from) = query.from {
        builder.push(" AND l.occurred_at >= ").push_bind(ts(from));
    }
    if let Some(until) = query.until {
        builder.push(" AND l.occurred_at < ").push_bind(ts(until));
    }
    if let Some(after) = after {
        builder
            .push(" AND (l.occurred_at, l.interaction_id) < (")
            .push_bind(after.at.clone())
            .push(", ")
            .push_bind(after.id)
            .push(")");
    }
}

/// One timeline page: the rows of `rows` (a table aliased `l` and its key column, e.g.
/// `interaction_contacts l WHERE l.contact_id`) equal to `key`, filtered, newest first, one
/// more than the page to know whether another follows; then the page's interactions.
async fn timeline_page(
    db: &Database,
    actor: &Actor,
    rows: &str,
    key: i64,
    query: &TimelineQuery,
) -> CoreResult<TimelinePage> {
    let after: Option<TimelineCursor> = decode_cursor(query.cursor.as_deref())?;
    let limit = page_size(query.limit);
    let mut builder = QueryBuilder::new(format!(
        "SELECT l.interaction_id, l.occurred_at FROM {rows} = "
    ));
    builder.push_bind(key);
    push_timeline_filters(&mut builder, query, after.as_ref());
    push_interaction_scope(&mut builder, actor, "l.interaction_id");
    builder
        .push(" ORDER BY l.occurred_at DESC, l.interaction_id DESC LIMIT ")
        .push_bind(limit + 1);
    let mut conn = db.reader().acquire().await?;
    let mut keys: Vec<(i64, String)> = builder.build_query_as().fetch_all(&mut *conn).await?;
    let more = keys.len() as i64 > limit;
    keys.truncate(usize::try_from(limit).unwrap_or(0));
    let next_cursor = match keys.last() {
        Some((id, at)) if more => Some(encode_cursor(&TimelineCursor {
            at: at.clone(),
            id: *id,
        })),
        _ => None,
    };
    let ids: Vec<i64> = keys.iter().map(|(id, _)| *id).collect();
    Ok(TimelinePage {
        items: load(&mut conn, &ids).await?,
        next_cursor,
    })
}

/// A contact's interactions, newest first, filtered and paged by keyset: one range of the link
/// table's primary key, so a page costs the same at the first or the millionth interaction.
/// Interactions shared with contacts outside the actor's scope are left out.
pub async fn contact_timeline(
    db: &Database,
    actor: &Actor,
    contact_id: &str,
    query: &TimelineQuery,
) -> CoreResult<TimelinePage> {
    let contact = contacts::visible_id(db, actor, contact_id, "view timeline").await?;
    let rows = "interaction_contacts l WHERE l.contact_id";
    timeline_page(db, actor, rows, contact, query).await
}

/// The interactions of every contact at the account's sites, newest first, filtered and paged by
/// keyset: one range of `account_interactions` (kept by triggers as links and sites change), so
/// a page costs the same for the smallest account and for one with millions of interactions.
pub async fn account_timeline(
    db: &Database,
    actor: &Actor,
    account_id: &str,
    query: &TimelineQuery,
) -> CoreResult<TimelinePage> {
    let account = super::viewable_account(db, actor, account_id).await?;
    let rows = "account_interactions l WHERE l.account_id";
    timeline_page(db, actor, rows, account, query).await
}
