//! Levels and teams inside an account (Executive, Project, Support...). A user edits only the
//! membership they can see: members outside their scope stay as they are, and a group that has
//! such members cannot be deleted by them.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::SqliteConnection;

use super::map_undo::{self, MapRows, MapSubject};
use super::{
    editable_contacts, edited_id, json_ids, reachable_account, refuse_outside_account, visible,
    wire, Problems, MAX_NAME_CHARS,
};
use crate::access::{out_of_scope, Action, Actor};
use crate::audit::{self, Event, Who};
use crate::error::{CoreError, CoreResult};
use crate::model::*;
use crate::Database;

const MAX_MEMBERS: usize = 5_000;

/// The groups of an account, members limited to `seen`.
pub(crate) async fn of_account(
    conn: &mut SqliteConnection,
    account: i64,
    seen: &HashSet<i64>,
) -> CoreResult<Vec<MapGroup>> {
    let rows: Vec<(i64, GroupKind, String, i64)> = sqlx::query_as(
        "SELECT id, kind, name, position FROM map_groups WHERE account_id = ?
         ORDER BY position, name, id",
    )
    .bind(account)
    .fetch_all(&mut *conn)
    .await?;
    let members: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT m.group_id, m.contact_id FROM map_group_members m
         JOIN map_groups g ON g.id = m.group_id WHERE g.account_id = ?
         ORDER BY m.group_id, m.contact_id",
    )
    .bind(account)
    .fetch_all(&mut *conn)
    .await?;
    let mut by_group: HashMap<i64, Vec<String>> = HashMap::new();
    for (group, contact) in members {
        if seen.contains(&contact) {
            by_group.entry(group).or_default().push(wire(contact));
        }
    }
    Ok(rows
        .into_iter()
        .map(|(id, kind, name, position)| MapGroup {
            id: wire(id),
            account_id: wire(account),
            kind,
            name,
            position: u32::try_from(position).unwrap_or(0),
            member_ids: by_group.remove(&id).unwrap_or_default(),
        })
        .collect())
}

/// The groups any of `people` belongs to, in whichever account, members limited to `people`.
pub(crate) async fn of_people(
    conn: &mut SqliteConnection,
    people: &[i64],
) -> CoreResult<Vec<MapGroup>> {
    let rows: Vec<(i64, i64, GroupKind, String, i64, i64)> = sqlx::query_as(
        "SELECT g.id, g.account_id, g.kind, g.name, g.position, m.contact_id
         FROM map_group_members m JOIN map_groups g ON g.id = m.group_id
         WHERE m.contact_id IN (SELECT value FROM json_each(?))
         ORDER BY g.account_id, g.position, g.name, g.id, m.contact_id",
    )
    .bind(json_ids(people))
    .fetch_all(&mut *conn)
    .await?;
    let mut groups: Vec<MapGroup> = Vec::new();
    for (id, account, kind, name, position, contact) in rows {
        let id = wire(id);
        match groups.last_mut() {
            Some(group) if group.id == id => group.member_ids.push(wire(contact)),
            _ => groups.push(MapGroup {
                id,
                account_id: wire(account),
                kind,
                name,
                position: u32::try_from(position).unwrap_or(0),
                member_ids: vec![wire(contact)],
            }),
        }
    }
    Ok(groups)
}

/// A group's account and its members, or `not_found`.
async fn stored(
    conn: &mut SqliteConnection,
    id: i64,
) -> CoreResult<Option<(i64, String, Vec<i64>)>> {
    let found: Option<(i64, String)> =
        sqlx::query_as("SELECT account_id, name FROM map_groups WHERE id = ?")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    let Some((account, name)) = found else {
        return Ok(None);
    };
    let members: Vec<i64> = sqlx::query_scalar(
        "SELECT contact_id FROM map_group_members WHERE group_id = ? ORDER BY contact_id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(Some((account, name, members)))
}

/// "level" or "team", as summaries name them.
fn kind_word(kind: GroupKind) -> &'static str {
    match kind {
        GroupKind::Level => "level",
        GroupKind::Team => "team",
    }
}

/// Creates (`id` none) or changes a level or team of an account. Members must be people at the
/// account's sites whom the actor may edit; members the actor cannot see are kept.
pub async fn save_group(
    db: &Database,
    actor: &Actor,
    id: Option<&str>,
    input: &MapGroupInput,
    now: DateTime<Utc>,
) -> CoreResult<MapGroupSaved> {
    let mut p = Problems::default();
    let name = p.line("name", &input.name, MAX_NAME_CHARS);
    if input.member_ids.len() > MAX_MEMBERS {
        p.add("memberIds", format!("at most {MAX_MEMBERS} members"));
    }
    p.finish()?;
    let (account, _) = reachable_account(
        db,
        actor,
        &input.account_id,
        Action::EditContacts,
        "edit a map",
    )
    .await?;
    let mut wanted: Vec<(&str, String)> = Vec::new();
    for member in &input.member_ids {
        if !wanted.iter().any(|(_, m)| m == member) {
            wanted.push(("memberIds", member.clone()));
        }
    }
    let members = editable_contacts(db, actor, &wanted, "edit a map group").await?;
    let group = edited_id(db, actor, "map_group", id).await?;
    let mut tx = db.write().await?;
    refuse_outside_account(&mut tx, account, &members, "memberIds").await?;
    let taken: Option<i64> =
        sqlx::query_scalar("SELECT id FROM map_groups WHERE account_id = ? AND name = ?")
            .bind(account)
            .bind(&name)
            .fetch_optional(&mut *tx)
            .await?;
    if taken.is_some() && taken != group {
        return Err(CoreError::invalid(
            "name",
            format!("this account already has a group called \"{name}\""),
        ));
    }
    let position = i64::from(input.position);
    let mut before = MapRows::default();
    let (group, action, kept) = match group {
        Some(group) => {
            let Some((stored_account, _, old_members)) = stored(&mut tx, group).await? else {
                return Err(CoreError::not_found("map_group", group.to_string()));
            };
            if stored_account != account {
                return Err(CoreError::invalid(
                    "accountId",
                    "a group cannot move to another account",
                ));
            }
            before = map_undo::snapshot(&mut tx, MapSubject::Group(group)).await?;
            let seen = visible(&mut tx, actor, &old_members).await?;
            let kept: Vec<i64> = old_members
                .into_iter()
                .filter(|m| !seen.contains(m))
                .collect();
            sqlx::query("UPDATE map_groups SET kind = ?, name = ?, position = ? WHERE id = ?")
                .bind(input.kind.as_str())
                .bind(&name)
                .bind(position)
                .bind(group)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "DELETE FROM map_group_members WHERE group_id = ?1
                 AND contact_id NOT IN (SELECT value FROM json_each(?2))",
            )
            .bind(group)
            .bind(json_ids(&kept))
            .execute(&mut *tx)
            .await?;
            (group, "update", kept.len())
        }
        None => {
            let group = sqlx::query(
                "INSERT INTO map_groups (account_id, kind, name, position) VALUES (?, ?, ?, ?)",
            )
            .bind(account)
            .bind(input.kind.as_str())
            .bind(&name)
            .bind(position)
            .execute(&mut *tx)
            .await?
            .last_insert_rowid();
            (group, "create", 0)
        }
    };
    sqlx::query(
        "INSERT OR IGNORE INTO map_group_members (group_id, contact_id)
         SELECT ?1, value FROM json_each(?2)",
    )
    .bind(group)
    .bind(json_ids(&members))
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        Who::User(actor),
        now,
        Event::new(action, "map_group", Some(group.to_string())).summary(json!({
            "accountId": account.to_string(),
            "kind": input.kind,
            "name": name,
            "position": input.position,
            "memberIds": members.iter().map(i64::to_string).collect::<Vec<_>>(),
            "keptOutOfScope": kept,
        })),
    )
    .await?;
    let what = kind_word(input.kind);
    let summary = if action == "create" {
        format!("Added the {what} \"{name}\".")
    } else {
        format!("Changed the {what} \"{name}\".")
    };
    let change = map_undo::log(
        &mut tx,
        actor,
        now,
        MapSubject::Group(group),
        summary,
        &before,
    )
    .await?;
    let all: HashSet<i64> = members.iter().copied().collect();
    let saved = of_account(&mut tx, account, &all)
        .await?
        .into_iter()
        .find(|g| g.id == wire(group))
        .ok_or_else(|| CoreError::not_found("map_group", group.to_string()))?;
    tx.commit().await?;
    Ok(MapGroupSaved {
        group: saved,
        change,
    })
}

/// Deletes a level or team (its flows lose it as a participant). Refused when it has members
/// the actor cannot see.
pub async fn delete_group(
    db: &Database,
    actor: &Actor,
    id: &str,
    now: DateTime<Utc>,
) -> CoreResult<RelationshipChange> {
    let what = "delete a map group";
    let Ok(group) = parse_id("group", id) else {
        return Err(out_of_scope(db, actor, "map_group", id, what).await);
    };
    let account: Option<i64> = sqlx::query_scalar("SELECT account_id FROM map_groups WHERE id = ?")
        .bind(group)
        .fetch_optional(db.reader())
        .await?;
    let Some(account) = account else {
        return Err(CoreError::not_found("map_group", id));
    };
    reachable_account(db, actor, &account.to_string(), Action::EditContacts, what).await?;
    let mut tx = db.write().await?;
    let Some((_, name, members)) = stored(&mut tx, group).await? else {
        return Err(CoreError::not_found("map_group", id));
    };
    if visible(&mut tx, actor, &members).await?.len() != members.len() {
        return Err(CoreError::invalid(
            "id",
            "this group has members outside your area; only someone who sees them all can \
             delete it",
        ));
    }
    let kind: GroupKind = sqlx::query_scalar("SELECT kind FROM map_groups WHERE id = ?")
        .bind(group)
        .fetch_one(&mut *tx)
        .await?;
    let before = map_undo::snapshot(&mut tx, MapSubject::Group(group)).await?;
    sqlx::query("DELETE FROM map_groups WHERE id = ?")
        .bind(group)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        Who::User(actor),
        now,
        Event::new("delete", "map_group", Some(group.to_string())).summary(json!({
            "accountId": account.to_string(),
            "name": name,
            "members": members.len(),
        })),
    )
    .await?;
    let summary = format!("Deleted the {} \"{name}\".", kind_word(kind));
    let change = map_undo::log(
        &mut tx,
        actor,
        now,
        MapSubject::Group(group),
        summary,
        &before,
    )
    .await?;
    tx.commit().await?;
    Ok(change)
}
