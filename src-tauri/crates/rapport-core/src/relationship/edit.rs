//! Relationship edits: who someone reports to (re-parenting, loops refused), drawing and
//! removing a relationship, and undoing any of these while nothing changed since. Each edit
//! writes the rows before and after into the undo log and records an audit event, in one
//! transaction.

use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::SqliteConnection;

use super::{
    editable_contacts, kinds, names, ts, Problems, StoredRelationship, MAX_NOTE_CHARS, REPORTS_TO,
    SELECT_RELATIONSHIP,
};
use crate::access::{authorize, out_of_scope, Action, Actor};
use crate::audit::{self, Change, Event, Who};
use crate::error::{CoreError, CoreResult};
use crate::model::{parse_id, RelationshipChange, RelationshipInput, RelationshipKind};
use crate::store::contacts;
use crate::Database;

/// Whether `start` already leads to `target` along relationships of `kind` (from -> to),
/// directly or through others. `UNION` keeps each person once, so this ends even on data
/// that holds a loop.
async fn leads_to(
    conn: &mut SqliteConnection,
    kind: &str,
    start: i64,
    target: i64,
) -> CoreResult<bool> {
    Ok(sqlx::query_scalar(
        "WITH RECURSIVE up(id) AS (
            SELECT ?1
            UNION
            SELECT r.to_contact_id FROM up JOIN relationships r
                ON r.from_contact_id = up.id AND r.kind = ?2
         )
         SELECT EXISTS (SELECT 1 FROM up WHERE id = ?3)",
    )
    .bind(start)
    .bind(kind)
    .bind(target)
    .fetch_one(&mut *conn)
    .await?)
}

/// Refuses an edge `from -> to` of a hierarchical kind that would close a loop, naming both.
async fn refuse_loop(
    conn: &mut SqliteConnection,
    kind: &RelationshipKind,
    from: i64,
    to: i64,
    field: &str,
) -> CoreResult<()> {
    if !kind.hierarchical || !leads_to(conn, &kind.code, to, from).await? {
        return Ok(());
    }
    let named = names(conn, &[from, to]).await?;
    let (a, b) = (
        named.get(&from).cloned().unwrap_or_default(),
        named.get(&to).cloned().unwrap_or_default(),
    );
    let message = if kind.code == REPORTS_TO {
        format!(
            "{a} cannot report to {b}: {b} already reports to {a} (directly or through others)."
        )
    } else {
        format!(
            "{a} cannot be linked to {b} as \"{}\": {b} is already linked to {a} that way \
             (directly or through others), and this kind is a hierarchy.",
            kind.label
        )
    };
    Err(CoreError::invalid(field, message))
}

async fn stored(conn: &mut SqliteConnection, id: i64) -> CoreResult<Option<StoredRelationship>> {
    Ok(
        sqlx::query_as(&format!("{SELECT_RELATIONSHIP} WHERE r.id = ?"))
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?,
    )
}

async fn manager_of(
    conn: &mut SqliteConnection,
    contact: i64,
) -> CoreResult<Option<StoredRelationship>> {
    Ok(sqlx::query_as(&format!(
        "{SELECT_RELATIONSHIP} WHERE r.from_contact_id = ? AND r.kind = '{REPORTS_TO}'"
    ))
    .bind(contact)
    .fetch_optional(&mut *conn)
    .await?)
}

/// Inserts a relationship; `row.id` 0 means a new id.
async fn insert(conn: &mut SqliteConnection, row: &StoredRelationship) -> CoreResult<i64> {
    Ok(sqlx::query(
        "INSERT INTO relationships (id, from_contact_id, to_contact_id, kind, note, starts_on,
            ends_on, created_at, created_by) VALUES (NULLIF(?, 0), ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(row.id)
    .bind(row.from_contact_id)
    .bind(row.to_contact_id)
    .bind(&row.kind)
    .bind(&row.note)
    .bind(&row.starts_on)
    .bind(&row.ends_on)
    .bind(&row.created_at)
    .bind(row.created_by)
    .execute(&mut *conn)
    .await?
    .last_insert_rowid())
}

async fn delete(conn: &mut SqliteConnection, id: i64) -> CoreResult<()> {
    sqlx::query("DELETE FROM relationships WHERE id = ?")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Writes the undo log's entry; returns its id.
async fn log_change(
    conn: &mut SqliteConnection,
    actor: &Actor,
    now: DateTime<Utc>,
    summary: &str,
    before: &[StoredRelationship],
    after: &[StoredRelationship],
) -> CoreResult<i64> {
    Ok(sqlx::query(
        "INSERT INTO relationship_changes (at, user_id, summary, before, after)
         VALUES (?, ?, ?, ?, ?)",
    )
    .bind(ts(now))
    .bind(actor.user_id())
    .bind(summary)
    .bind(serde_json::to_string(before).unwrap_or_else(|_| "[]".into()))
    .bind(serde_json::to_string(after).unwrap_or_else(|_| "[]".into()))
    .execute(&mut *conn)
    .await?
    .last_insert_rowid())
}

/// The audit event of an edit: ids and kinds in the chained summary; the note and dates, which
/// may say something about the person, as before/after values in the erasable payload.
fn event(
    action: &'static str,
    row: &StoredRelationship,
    change_id: i64,
    before: Option<&StoredRelationship>,
    after: Option<&StoredRelationship>,
) -> Event {
    let mut summary = json!({
        "fromId": row.from_contact_id.to_string(),
        "toId": row.to_contact_id.to_string(),
        "kind": row.kind,
        "changeId": change_id.to_string(),
    });
    if let (Some(old), Some(new)) = (before, after) {
        if old.to_contact_id != new.to_contact_id {
            summary["previousToId"] = json!(old.to_contact_id.to_string());
        }
    }
    let field = |pick: fn(&StoredRelationship) -> &Option<String>| {
        (
            before.and_then(|r| pick(r).clone()),
            after.and_then(|r| pick(r).clone()),
        )
    };
    let changes = [
        ("note", field(|r| &r.note)),
        ("startsOn", field(|r| &r.starts_on)),
        ("endsOn", field(|r| &r.ends_on)),
    ]
    .into_iter()
    .filter(|(_, (old, new))| old != new)
    .map(|(name, (old, new))| Change::new(name, old, new))
    .collect();
    Event::new(action, "relationship", Some(row.id.to_string()))
        .summary(summary)
        .changes(changes)
        .about_contact(row.from_contact_id)
}

/// Sets who a contact reports to (`None`: no one), replacing their manager. Refused when the
/// manager already reports to the contact, directly or through others; both people must be
/// in the actor's scope and editable by them.
pub async fn set_reports_to(
    db: &Database,
    actor: &Actor,
    contact_id: &str,
    manager_id: Option<&str>,
    now: DateTime<Utc>,
) -> CoreResult<RelationshipChange> {
    let mut named = vec![("contactId", contact_id.to_string())];
    if let Some(manager) = manager_id {
        named.push(("managerId", manager.to_string()));
    }
    let ids = editable_contacts(db, actor, &named, "change who someone reports to").await?;
    let (contact, manager) = (ids[0], ids.get(1).copied());
    if manager == Some(contact) {
        return Err(CoreError::invalid(
            "managerId",
            "a person cannot report to themselves",
        ));
    }
    let mut tx = db.write().await?;
    let kind = kinds::find(&mut tx, REPORTS_TO, "kind").await?;
    let old = manager_of(&mut tx, contact).await?;
    let people = names(&mut tx, &ids).await?;
    let name = |id: i64| people.get(&id).cloned().unwrap_or_default();
    if old.as_ref().map(|r| r.to_contact_id) == manager {
        return Err(CoreError::invalid(
            "managerId",
            match manager {
                Some(m) => format!("{} already reports to {}", name(contact), name(m)),
                None => format!("{} reports to no one already", name(contact)),
            },
        ));
    }
    if let Some(manager) = manager {
        refuse_loop(&mut tx, &kind, contact, manager, "managerId").await?;
    }
    if let Some(old) = &old {
        delete(&mut tx, old.id).await?;
    }
    let new = match manager {
        Some(manager) => {
            let mut row = StoredRelationship {
                id: 0,
                from_contact_id: contact,
                to_contact_id: manager,
                kind: REPORTS_TO.into(),
                note: None,
                starts_on: None,
                ends_on: None,
                created_at: ts(now),
                created_by: Some(actor.user_id()),
            };
            row.id = insert(&mut tx, &row).await?;
            Some(row)
        }
        None => None,
    };
    let summary = match manager {
        Some(m) => format!("{} now reports to {}", name(contact), name(m)),
        None => format!("{} no longer reports to anyone", name(contact)),
    };
    let before: Vec<StoredRelationship> = old.iter().cloned().collect();
    let after: Vec<StoredRelationship> = new.iter().cloned().collect();
    let change_id = log_change(&mut tx, actor, now, &summary, &before, &after).await?;
    let row = new.as_ref().or(old.as_ref()).cloned();
    if let Some(row) = row {
        audit::record(
            &mut tx,
            Who::User(actor),
            now,
            event(
                "set_reports_to",
                &row,
                change_id,
                old.as_ref(),
                new.as_ref(),
            ),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(RelationshipChange {
        change_id: change_id.to_string(),
        summary,
    })
}

/// A relationship input, checked: the kind's code, the note, the start and end days.
struct Checked {
    kind: String,
    note: Option<String>,
    starts_on: Option<String>,
    ends_on: Option<String>,
}

fn checked(input: &RelationshipInput) -> CoreResult<Checked> {
    let mut p = Problems::default();
    let kind = p.line("kind", &input.kind, 40);
    let note = p.text("note", input.note.as_deref(), MAX_NOTE_CHARS);
    let starts = p.day("startsOn", input.starts_on.as_deref());
    let ends = p.day("endsOn", input.ends_on.as_deref());
    if let (Some(s), Some(e)) = (starts, ends) {
        if e < s {
            p.add("endsOn", "is before the start");
        }
    }
    if input.from_id.trim() == input.to_id.trim() {
        p.add(
            "toId",
            "a person cannot have a relationship with themselves",
        );
    }
    p.finish()?;
    let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
    Ok(Checked {
        kind,
        note,
        starts_on: day(starts),
        ends_on: day(ends),
    })
}

/// Draws a relationship between two people in the actor's scope. Refused: a second manager
/// (change who the person reports to instead), the same relationship twice (either way round
/// for an undirected kind), and a loop in a hierarchical kind.
pub async fn add_relationship(
    db: &Database,
    actor: &Actor,
    input: &RelationshipInput,
    now: DateTime<Utc>,
) -> CoreResult<RelationshipChange> {
    let Checked {
        kind: kind_code,
        note,
        starts_on,
        ends_on,
    } = checked(input)?;
    let ids = editable_contacts(
        db,
        actor,
        &[
            ("fromId", input.from_id.clone()),
            ("toId", input.to_id.clone()),
        ],
        "add a relationship",
    )
    .await?;
    let (from, to) = (ids[0], ids[1]);
    let mut tx = db.write().await?;
    let kind = kinds::find(&mut tx, &kind_code, "kind").await?;
    let people = names(&mut tx, &ids).await?;
    let name = |id: i64| people.get(&id).cloned().unwrap_or_default();
    if kind.code == REPORTS_TO {
        if let Some(old) = manager_of(&mut tx, from).await? {
            let current = names(&mut tx, &[old.to_contact_id]).await?;
            let visible = contacts::visible_among(&mut tx, actor, &[old.to_contact_id]).await?;
            let manager = if visible.is_empty() {
                super::HIDDEN_NAME.to_string()
            } else {
                current.get(&old.to_contact_id).cloned().unwrap_or_default()
            };
            return Err(CoreError::invalid(
                "fromId",
                format!(
                    "{} already reports to {manager}; change who they report to instead",
                    name(from)
                ),
            ));
        }
    }
    let duplicate: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM relationships WHERE kind = ?1
            AND ((from_contact_id = ?2 AND to_contact_id = ?3)
              OR (?4 = 0 AND from_contact_id = ?3 AND to_contact_id = ?2)))",
    )
    .bind(&kind.code)
    .bind(from)
    .bind(to)
    .bind(kind.directed)
    .fetch_one(&mut *tx)
    .await?;
    if duplicate {
        return Err(CoreError::invalid(
            "toId",
            format!(
                "{} and {} are already linked as \"{}\"",
                name(from),
                name(to),
                kind.label
            ),
        ));
    }
    refuse_loop(&mut tx, &kind, from, to, "toId").await?;
    let mut row = StoredRelationship {
        id: 0,
        from_contact_id: from,
        to_contact_id: to,
        kind: kind.code.clone(),
        note,
        starts_on,
        ends_on,
        created_at: ts(now),
        created_by: Some(actor.user_id()),
    };
    row.id = insert(&mut tx, &row).await?;
    let summary = format!("{} {} {}", name(from), kind.label.to_lowercase(), name(to));
    let change_id = log_change(
        &mut tx,
        actor,
        now,
        &summary,
        &[],
        std::slice::from_ref(&row),
    )
    .await?;
    audit::record(
        &mut tx,
        Who::User(actor),
        now,
        event("add_relationship", &row, change_id, None, Some(&row)),
    )
    .await?;
    tx.commit().await?;
    Ok(RelationshipChange {
        change_id: change_id.to_string(),
        summary,
    })
}

/// The relationship with this wire id when the actor may edit both its people; `not_found`
/// (audited) otherwise.
async fn editable_relationship(
    db: &Database,
    actor: &Actor,
    id: &str,
    what: &str,
) -> CoreResult<StoredRelationship> {
    authorize(db, actor, Action::EditContacts).await?;
    let Ok(number) = parse_id("relationship", id) else {
        return Err(out_of_scope(db, actor, "relationship", id, what).await);
    };
    let mut conn = db.reader().acquire().await?;
    let row = stored(&mut conn, number).await?;
    let Some(row) = row else {
        return Err(CoreError::not_found("relationship", id));
    };
    let ends = [row.from_contact_id, row.to_contact_id];
    if contacts::visible_among(&mut conn, actor, &ends)
        .await?
        .len()
        != 2
    {
        drop(conn);
        return Err(out_of_scope(db, actor, "relationship", id, what).await);
    }
    Ok(row)
}

/// Removes a relationship between two people in the actor's scope.
pub async fn remove_relationship(
    db: &Database,
    actor: &Actor,
    id: &str,
    now: DateTime<Utc>,
) -> CoreResult<RelationshipChange> {
    let row = editable_relationship(db, actor, id, "remove a relationship").await?;
    let mut tx = db.write().await?;
    let Some(current) = stored(&mut tx, row.id).await? else {
        return Err(CoreError::not_found("relationship", id));
    };
    let kind = kinds::find(&mut tx, &current.kind, "kind").await?;
    let people = names(&mut tx, &[current.from_contact_id, current.to_contact_id]).await?;
    let name = |id: i64| people.get(&id).cloned().unwrap_or_default();
    delete(&mut tx, current.id).await?;
    let summary = format!(
        "{} no longer {} {}",
        name(current.from_contact_id),
        kind.label.to_lowercase(),
        name(current.to_contact_id)
    );
    let change_id = log_change(
        &mut tx,
        actor,
        now,
        &summary,
        std::slice::from_ref(&current),
        &[],
    )
    .await?;
    audit::record(
        &mut tx,
        Who::User(actor),
        now,
        event(
            "remove_relationship",
            &current,
            change_id,
            Some(&current),
            None,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(RelationshipChange {
        change_id: change_id.to_string(),
        summary,
    })
}

/// An undo log entry as stored.
#[derive(sqlx::FromRow)]
struct LoggedChange {
    summary: String,
    before: String,
    after: String,
    undone_at: Option<String>,
    /// A level, team or flow edit's subject; `None` for a relationship edit.
    subject: Option<String>,
}

fn undone_already() -> CoreError {
    CoreError::Changed {
        message: "This change was undone already.".into(),
    }
}

/// Marks the undo log's entry undone, inside the undo's transaction; refused when another undo
/// got there first.
pub(crate) async fn mark_undone(
    conn: &mut SqliteConnection,
    actor: &Actor,
    number: i64,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    let marked = sqlx::query(
        "UPDATE relationship_changes SET undone_at = ?, undone_by = ?
         WHERE id = ? AND undone_at IS NULL",
    )
    .bind(ts(now))
    .bind(actor.user_id())
    .bind(number)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if marked != 1 {
        return Err(undone_already());
    }
    Ok(())
}

fn stale() -> CoreError {
    CoreError::Changed {
        message: "This change cannot be undone: the relationships it changed were changed again \
                  since. Undo the later changes first, or edit the map directly."
            .into(),
    }
}

/// Undoes a relationship edit: the rows it wrote go and the rows it replaced come back under
/// their old ids. Refused (`conflict`) when anything it touched changed since, when putting the
/// old rows back would break a rule (a second manager, a loop), or when it was undone already.
/// The actor must be able to edit every person involved. The undo is audited.
pub async fn undo_change(
    db: &Database,
    actor: &Actor,
    change_id: &str,
    now: DateTime<Utc>,
) -> CoreResult<RelationshipChange> {
    authorize(db, actor, Action::EditContacts).await?;
    let what = "undo a relationship change";
    let Ok(number) = parse_id("change", change_id) else {
        return Err(out_of_scope(db, actor, "relationship_change", change_id, what).await);
    };
    let found: Option<LoggedChange> = sqlx::query_as(
        "SELECT summary, before, after, undone_at, subject FROM relationship_changes WHERE id = ?",
    )
    .bind(number)
    .fetch_optional(db.reader())
    .await?;
    let Some(LoggedChange {
        summary,
        before,
        after,
        undone_at,
        subject,
    }) = found
    else {
        return Err(CoreError::not_found("change", change_id));
    };
    if undone_at.is_some() {
        return Err(undone_already());
    }
    if let Some(subject) = subject {
        return super::map_undo::undo(db, actor, number, &subject, &summary, &before, &after, now)
            .await;
    }
    let before: Vec<StoredRelationship> = serde_json::from_str(&before).unwrap_or_default();
    let after: Vec<StoredRelationship> = serde_json::from_str(&after).unwrap_or_default();
    let mut people: Vec<i64> = before
        .iter()
        .chain(&after)
        .flat_map(|r| [r.from_contact_id, r.to_contact_id])
        .collect();
    people.sort_unstable();
    people.dedup();
    {
        let mut conn = db.reader().acquire().await?;
        if contacts::visible_among(&mut conn, actor, &people)
            .await?
            .len()
            != people.len()
        {
            drop(conn);
            return Err(out_of_scope(db, actor, "relationship_change", change_id, what).await);
        }
    }
    let mut tx = db.write().await?;
    if super::any_erased(&mut tx, &people).await? {
        return Err(stale());
    }
    for row in &after {
        if stored(&mut tx, row.id).await?.as_ref() != Some(row) {
            return Err(stale());
        }
        delete(&mut tx, row.id).await?;
    }
    for row in &before {
        if stored(&mut tx, row.id).await?.is_some() {
            return Err(stale());
        }
        let kind = kinds::find(&mut tx, &row.kind, "kind").await?;
        if kind.code == REPORTS_TO && manager_of(&mut tx, row.from_contact_id).await?.is_some() {
            return Err(stale());
        }
        let taken: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM relationships WHERE kind = ?1
                AND ((from_contact_id = ?2 AND to_contact_id = ?3)
                  OR (?4 = 0 AND from_contact_id = ?3 AND to_contact_id = ?2)))",
        )
        .bind(&kind.code)
        .bind(row.from_contact_id)
        .bind(row.to_contact_id)
        .bind(kind.directed)
        .fetch_one(&mut *tx)
        .await?;
        if taken
            || (kind.hierarchical
                && leads_to(&mut tx, &kind.code, row.to_contact_id, row.from_contact_id).await?)
        {
            return Err(stale());
        }
        insert(&mut tx, row).await?;
    }
    mark_undone(&mut tx, actor, number, now).await?;
    let first = after.first().or(before.first());
    let mut event = Event::new(
        "undo_relationship_change",
        "relationship",
        first.map(|r| r.id.to_string()),
    )
    .summary(json!({
        "changeId": number.to_string(),
        "removed": after.iter().map(|r| r.id.to_string()).collect::<Vec<_>>(),
        "restored": before.iter().map(|r| r.id.to_string()).collect::<Vec<_>>(),
    }));
    if let Some(first) = first {
        event = event.about_contact(first.from_contact_id);
    }
    audit::record(&mut tx, Who::User(actor), now, event).await?;
    tx.commit().await?;
    Ok(RelationshipChange {
        change_id: number.to_string(),
        summary: format!("Undone: {summary}"),
    })
}
