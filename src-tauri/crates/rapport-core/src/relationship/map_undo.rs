//! The undo log's entries for levels, teams and communication flows: the rows of the one group
//! or flow an edit touched, before and after, so an undo can check nothing changed since and
//! put the old rows back under their old ids. They share `relationship_changes` with
//! relationship edits; `subject` names the group or flow.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::json;
use sqlx::SqliteConnection;

use super::ts;
use crate::access::{out_of_scope, Actor};
use crate::audit::{self, Event, Who};
use crate::error::{CoreError, CoreResult};
use crate::model::RelationshipChange;
use crate::store::contacts;
use crate::Database;

/// What an entry is about: a level or team, or a flow, by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MapSubject {
    Group(i64),
    Flow(i64),
}

impl MapSubject {
    fn text(self) -> String {
        match self {
            Self::Group(id) => format!("map_group:{id}"),
            Self::Flow(id) => format!("communication_flow:{id}"),
        }
    }

    fn parse(text: &str) -> Option<Self> {
        let (entity, id) = text.split_once(':')?;
        let id = id.parse().ok()?;
        match entity {
            "map_group" => Some(Self::Group(id)),
            "communication_flow" => Some(Self::Flow(id)),
            _ => None,
        }
    }

    fn entity(self) -> &'static str {
        match self {
            Self::Group(_) => "map_group",
            Self::Flow(_) => "communication_flow",
        }
    }

    /// The table of the group's or flow's own row.
    fn table(self) -> &'static str {
        match self {
            Self::Group(_) => "map_groups",
            Self::Flow(_) => "communication_flows",
        }
    }

    /// What the user calls it.
    fn what(self) -> &'static str {
        match self {
            Self::Group(_) => "level or team",
            Self::Flow(_) => "flow",
        }
    }

    fn id(self) -> i64 {
        match self {
            Self::Group(id) | Self::Flow(id) => id,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
struct GroupRow {
    id: i64,
    account_id: i64,
    kind: String,
    name: String,
    position: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
struct MemberRow {
    group_id: i64,
    contact_id: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
struct FlowRow {
    id: i64,
    account_id: i64,
    name: String,
    frequency: String,
    format: Option<String>,
    owner_user_id: Option<i64>,
    channel: Option<String>,
    note: Option<String>,
    created_at: String,
    updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
struct ParticipantRow {
    id: i64,
    flow_id: i64,
    contact_id: Option<i64>,
    group_id: Option<i64>,
}

/// The rows of one group (with its members and the flows' places it holds) or one flow (with
/// its participants), as stored at one moment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct MapRows {
    groups: Vec<GroupRow>,
    members: Vec<MemberRow>,
    flows: Vec<FlowRow>,
    participants: Vec<ParticipantRow>,
}

impl MapRows {
    /// Every contact the rows name.
    fn contacts(&self) -> Vec<i64> {
        self.members
            .iter()
            .map(|m| m.contact_id)
            .chain(self.participants.iter().filter_map(|p| p.contact_id))
            .collect()
    }

    fn account(&self) -> Option<i64> {
        self.groups
            .first()
            .map(|g| g.account_id)
            .or_else(|| self.flows.first().map(|f| f.account_id))
    }
}

/// The subject's rows as they are now, in a stable order.
pub(crate) async fn snapshot(
    conn: &mut SqliteConnection,
    subject: MapSubject,
) -> CoreResult<MapRows> {
    Ok(match subject {
        MapSubject::Group(id) => MapRows {
            groups: sqlx::query_as(
                "SELECT id, account_id, kind, name, position FROM map_groups WHERE id = ?",
            )
            .bind(id)
            .fetch_all(&mut *conn)
            .await?,
            members: sqlx::query_as(
                "SELECT group_id, contact_id FROM map_group_members WHERE group_id = ?
                 ORDER BY contact_id",
            )
            .bind(id)
            .fetch_all(&mut *conn)
            .await?,
            flows: Vec::new(),
            participants: sqlx::query_as(
                "SELECT id, flow_id, contact_id, group_id FROM communication_flow_participants
                 WHERE group_id = ? ORDER BY id",
            )
            .bind(id)
            .fetch_all(&mut *conn)
            .await?,
        },
        MapSubject::Flow(id) => MapRows {
            groups: Vec::new(),
            members: Vec::new(),
            flows: sqlx::query_as(
                "SELECT id, account_id, name, frequency, format, owner_user_id, channel, note,
                        created_at, updated_at FROM communication_flows WHERE id = ?",
            )
            .bind(id)
            .fetch_all(&mut *conn)
            .await?,
            participants: sqlx::query_as(
                "SELECT id, flow_id, contact_id, group_id FROM communication_flow_participants
                 WHERE flow_id = ? ORDER BY id",
            )
            .bind(id)
            .fetch_all(&mut *conn)
            .await?,
        },
    })
}

/// Writes the undo log's entry of a group or flow edit; returns what the UI offers to undo.
pub(crate) async fn log(
    conn: &mut SqliteConnection,
    actor: &Actor,
    now: DateTime<Utc>,
    subject: MapSubject,
    summary: String,
    before: &MapRows,
) -> CoreResult<RelationshipChange> {
    let after = snapshot(conn, subject).await?;
    let id = sqlx::query(
        "INSERT INTO relationship_changes (at, user_id, summary, before, after, subject)
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(ts(now))
    .bind(actor.user_id())
    .bind(&summary)
    .bind(serde_json::to_string(before).unwrap_or_else(|_| "{}".into()))
    .bind(serde_json::to_string(&after).unwrap_or_else(|_| "{}".into()))
    .bind(subject.text())
    .execute(&mut *conn)
    .await?
    .last_insert_rowid();
    Ok(RelationshipChange {
        change_id: id.to_string(),
        summary,
    })
}

fn stale(subject: MapSubject) -> CoreError {
    CoreError::Changed {
        message: format!(
            "This change cannot be undone: the {} was changed again since. Undo the later \
             changes first, or edit it directly.",
            subject.what()
        ),
    }
}

/// Refuses putting back a group or flow whose name another of the account's now holds.
async fn refuse_taken_name(
    conn: &mut SqliteConnection,
    subject: MapSubject,
    account: i64,
    name: &str,
) -> CoreResult<()> {
    let taken: bool = sqlx::query_scalar(&format!(
        "SELECT EXISTS (SELECT 1 FROM {} WHERE account_id = ? AND name = ?)",
        subject.table()
    ))
    .bind(account)
    .bind(name)
    .fetch_one(&mut *conn)
    .await?;
    if taken {
        return Err(CoreError::Changed {
            message: format!(
                "This change cannot be undone: another {} is called \"{name}\" now.",
                subject.what()
            ),
        });
    }
    Ok(())
}

/// Puts `rows` back in place of the subject's rows now (which must equal `expected`).
async fn restore(
    conn: &mut SqliteConnection,
    subject: MapSubject,
    expected: &MapRows,
    rows: &MapRows,
) -> CoreResult<()> {
    if snapshot(conn, subject).await? != *expected {
        return Err(stale(subject));
    }
    if super::any_erased(conn, &rows.contacts()).await? {
        return Err(stale(subject));
    }
    // The group's or flow's own row goes with everything hanging from it (cascades).
    sqlx::query(&format!("DELETE FROM {} WHERE id = ?", subject.table()))
        .bind(subject.id())
        .execute(&mut *conn)
        .await?;
    for g in &rows.groups {
        refuse_taken_name(conn, subject, g.account_id, &g.name).await?;
        sqlx::query(
            "INSERT INTO map_groups (id, account_id, kind, name, position) VALUES (?, ?, ?, ?, ?)",
        )
        .bind(g.id)
        .bind(g.account_id)
        .bind(&g.kind)
        .bind(&g.name)
        .bind(g.position)
        .execute(&mut *conn)
        .await?;
    }
    for f in &rows.flows {
        refuse_taken_name(conn, subject, f.account_id, &f.name).await?;
        sqlx::query(
            "INSERT INTO communication_flows (id, account_id, name, frequency, format,
                owner_user_id, channel, note, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(f.id)
        .bind(f.account_id)
        .bind(&f.name)
        .bind(&f.frequency)
        .bind(&f.format)
        .bind(f.owner_user_id)
        .bind(&f.channel)
        .bind(&f.note)
        .bind(&f.created_at)
        .bind(&f.updated_at)
        .execute(&mut *conn)
        .await?;
    }
    for m in &rows.members {
        sqlx::query("INSERT INTO map_group_members (group_id, contact_id) VALUES (?, ?)")
            .bind(m.group_id)
            .bind(m.contact_id)
            .execute(&mut *conn)
            .await?;
    }
    // A group's places in flows come back only in flows that still exist; a flow's groups
    // only where the group still exists.
    for p in &rows.participants {
        sqlx::query(
            "INSERT INTO communication_flow_participants (id, flow_id, contact_id, group_id)
             SELECT ?1, ?2, ?3, ?4
             WHERE EXISTS (SELECT 1 FROM communication_flows WHERE id = ?2)
               AND (?4 IS NULL OR EXISTS (SELECT 1 FROM map_groups WHERE id = ?4))
               AND NOT EXISTS (SELECT 1 FROM communication_flow_participants WHERE id = ?1)",
        )
        .bind(p.id)
        .bind(p.flow_id)
        .bind(p.contact_id)
        .bind(p.group_id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Undoes a group or flow edit logged as `number` (read by the caller, not undone yet): checks
/// the actor may edit the account and sees everyone the rows name, puts the old rows back, marks
/// the entry undone and audits it.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn undo(
    db: &Database,
    actor: &Actor,
    number: i64,
    subject: &str,
    summary: &str,
    before: &str,
    after: &str,
    now: DateTime<Utc>,
) -> CoreResult<RelationshipChange> {
    let what = "undo a map change";
    let subject = MapSubject::parse(subject)
        .ok_or_else(|| CoreError::not_found("change", number.to_string()))?;
    let before: MapRows = serde_json::from_str(before).unwrap_or_default();
    let after: MapRows = serde_json::from_str(after).unwrap_or_default();
    let Some(account) = before.account().or(after.account()) else {
        return Err(CoreError::not_found("change", number.to_string()));
    };
    super::reachable_account(
        db,
        actor,
        &account.to_string(),
        crate::access::Action::EditContacts,
        what,
    )
    .await?;
    let mut people = before.contacts();
    people.extend(after.contacts());
    people.sort_unstable();
    people.dedup();
    {
        let mut conn = db.reader().acquire().await?;
        let seen = contacts::visible_among(&mut conn, actor, &people).await?;
        if seen.len() != people.len() {
            drop(conn);
            let id = number.to_string();
            return Err(out_of_scope(db, actor, "relationship_change", &id, what).await);
        }
    }
    let mut tx = db.write().await?;
    restore(&mut tx, subject, &after, &before).await?;
    super::edit::mark_undone(&mut tx, actor, number, now).await?;
    audit::record(
        &mut tx,
        Who::User(actor),
        now,
        Event::new(
            "undo_map_change",
            subject.entity(),
            Some(subject.id().to_string()),
        )
        .summary(json!({
            "changeId": number.to_string(),
            "accountId": account.to_string(),
            "restored": !before.groups.is_empty() || !before.flows.is_empty(),
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(RelationshipChange {
        change_id: number.to_string(),
        summary: format!("Undone: {summary}"),
    })
}
