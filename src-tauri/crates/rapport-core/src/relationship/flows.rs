//! Communication flows: an account's communication matrix (Executive Updates, monthly, the CTO
//! and directors, an executive summary...), each with the date of the last interaction with any
//! of its participants and whether that is longer ago than its frequency allows.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, Utc};
use serde_json::json;
use sqlx::SqliteConnection;

use super::map_undo::{self, MapRows, MapSubject};
use super::{
    account_contacts, editable_contacts, edited_id, json_ids, reachable_account,
    refuse_outside_account, visible, wire, Problems, HIDDEN_NAME, MAX_NAME_CHARS,
};
use crate::access::{out_of_scope, Action, Actor};
use crate::audit::{self, Event, Who};
use crate::error::{CoreError, CoreResult};
use crate::model::*;
use crate::Database;

const MAX_PARTICIPANTS: usize = 500;

/// How long a flow may go without an interaction before it is overdue.
fn allowed_gap(frequency: FlowFrequency) -> Option<Duration> {
    match frequency {
        FlowFrequency::Daily => Some(Duration::days(1)),
        FlowFrequency::Weekly => Some(Duration::days(7)),
        FlowFrequency::Fortnightly => Some(Duration::days(14)),
        FlowFrequency::Monthly => Some(Duration::days(31)),
        FlowFrequency::Quarterly => Some(Duration::days(92)),
        FlowFrequency::AsNeeded => None,
    }
}

#[derive(sqlx::FromRow)]
struct FlowRow {
    id: i64,
    name: String,
    frequency: FlowFrequency,
    format: Option<String>,
    channel: Option<String>,
    owner_username: Option<String>,
    owner_name: Option<String>,
}

/// The flows of an account (or only `only`), participants outside `seen` shown as placeholders.
pub(crate) async fn of_account(
    conn: &mut SqliteConnection,
    account: i64,
    only: Option<i64>,
    seen: &HashSet<i64>,
    now: DateTime<Utc>,
) -> CoreResult<Vec<CommunicationFlow>> {
    let rows: Vec<FlowRow> = sqlx::query_as(
        "SELECT f.id, f.name, f.frequency, f.format, f.channel, u.username AS owner_username,
            u.display_name AS owner_name
         FROM communication_flows f LEFT JOIN users u ON u.id = f.owner_user_id
         WHERE f.account_id = ?1 AND (?2 IS NULL OR f.id = ?2) ORDER BY f.name, f.id",
    )
    .bind(account)
    .bind(only)
    .fetch_all(&mut *conn)
    .await?;
    #[allow(clippy::type_complexity)]
    let participants: Vec<(
        i64,
        Option<i64>,
        Option<i64>,
        Option<String>,
        Option<String>,
    )> = sqlx::query_as(
        "SELECT p.flow_id, p.contact_id, p.group_id, c.display_name, g.name
             FROM communication_flow_participants p
             JOIN communication_flows f ON f.id = p.flow_id
             LEFT JOIN contacts c ON c.id = p.contact_id
             LEFT JOIN map_groups g ON g.id = p.group_id
             WHERE f.account_id = ?1 AND (?2 IS NULL OR f.id = ?2) ORDER BY p.flow_id, p.id",
    )
    .bind(account)
    .bind(only)
    .fetch_all(&mut *conn)
    .await?;
    // The latest interaction per participant (an index lookup each), then per flow.
    let latest: Vec<(i64, Option<String>)> = sqlx::query_as(
        "WITH p(flow_id, contact_id) AS (
            SELECT x.flow_id, x.contact_id FROM communication_flow_participants x
            JOIN communication_flows f ON f.id = x.flow_id
            WHERE f.account_id = ?1 AND (?2 IS NULL OR f.id = ?2) AND x.contact_id IS NOT NULL
            UNION
            SELECT x.flow_id, m.contact_id FROM communication_flow_participants x
            JOIN communication_flows f ON f.id = x.flow_id
            JOIN map_group_members m ON m.group_id = x.group_id
            WHERE f.account_id = ?1 AND (?2 IS NULL OR f.id = ?2)
         )
         SELECT flow_id, max((SELECT max(l.occurred_at) FROM interaction_contacts l
                              WHERE l.contact_id = p.contact_id))
         FROM p GROUP BY flow_id",
    )
    .bind(account)
    .bind(only)
    .fetch_all(&mut *conn)
    .await?;
    let latest: HashMap<i64, String> = latest
        .into_iter()
        .filter_map(|(flow, at)| Some((flow, at?)))
        .collect();
    let mut by_flow: HashMap<i64, Vec<FlowParticipant>> = HashMap::new();
    for (flow, contact, group, contact_name, group_name) in participants {
        let participant = match (contact, group) {
            (Some(contact), _) if seen.contains(&contact) => FlowParticipant {
                contact_id: Some(wire(contact)),
                group_id: None,
                name: contact_name.unwrap_or_default(),
            },
            (Some(_), _) => FlowParticipant {
                contact_id: None,
                group_id: None,
                name: HIDDEN_NAME.into(),
            },
            (None, Some(group)) => FlowParticipant {
                contact_id: None,
                group_id: Some(wire(group)),
                name: group_name.unwrap_or_default(),
            },
            (None, None) => continue,
        };
        by_flow.entry(flow).or_default().push(participant);
    }
    Ok(rows
        .into_iter()
        .map(|row| {
            let last = latest.get(&row.id).cloned();
            let last_at = last
                .as_deref()
                .and_then(|at| DateTime::parse_from_rfc3339(at).ok())
                .map(|at| at.with_timezone(&Utc));
            let overdue = match (allowed_gap(row.frequency), last_at) {
                (None, _) => false,
                (Some(_), None) => true,
                (Some(gap), Some(at)) => now - at > gap,
            };
            CommunicationFlow {
                id: wire(row.id),
                account_id: wire(account),
                name: row.name,
                frequency: row.frequency,
                format: row.format,
                channel: row.channel,
                owner_username: row.owner_username,
                owner_name: row.owner_name,
                participants: by_flow.remove(&row.id).unwrap_or_default(),
                last_interaction_at: last,
                overdue,
            }
        })
        .collect())
}

/// Creates (`id` none) or changes a communication flow of an account. Contact participants must
/// be people at the account's sites whom the actor may edit, groups the account's own; contact
/// participants the actor cannot see are kept.
pub async fn save_flow(
    db: &Database,
    actor: &Actor,
    id: Option<&str>,
    input: &FlowInput,
    now: DateTime<Utc>,
) -> CoreResult<FlowSaved> {
    let mut p = Problems::default();
    let name = p.line("name", &input.name, MAX_NAME_CHARS);
    let format = p.optional_line("format", input.format.as_deref(), 200);
    let channel = p.optional_line("channel", input.channel.as_deref(), 50);
    if input.participants.len() > MAX_PARTICIPANTS {
        p.add(
            "participants",
            format!("at most {MAX_PARTICIPANTS} participants"),
        );
    }
    let mut contact_ids: Vec<(&str, String)> = Vec::new();
    let mut group_ids: Vec<(usize, String)> = Vec::new();
    for (i, part) in input.participants.iter().enumerate() {
        match (&part.contact_id, &part.group_id) {
            (Some(contact), None) => {
                if !contact_ids.iter().any(|(_, c)| c == contact) {
                    contact_ids.push(("participants", contact.clone()));
                }
            }
            (None, Some(group)) => group_ids.push((i, group.clone())),
            _ => p.add(
                format!("participants.{i}"),
                "name either a contact or a group",
            ),
        }
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
    let contacts = editable_contacts(db, actor, &contact_ids, "edit a communication flow").await?;
    let flow = edited_id(db, actor, "communication_flow", id).await?;
    let mut tx = db.write().await?;
    refuse_outside_account(&mut tx, account, &contacts, "participants").await?;
    let mut groups = Vec::new();
    for (i, group) in group_ids {
        let number = parse_id("group", &group).unwrap_or(0);
        let belongs: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM map_groups WHERE id = ? AND account_id = ?)",
        )
        .bind(number)
        .bind(account)
        .fetch_one(&mut *tx)
        .await?;
        if !belongs {
            return Err(CoreError::invalid(
                format!("participants.{i}"),
                "is not a group of this account",
            ));
        }
        if !groups.contains(&number) {
            groups.push(number);
        }
    }
    let owner = match crate::validate::optional(input.owner_username.as_deref()) {
        None => None,
        Some(owner) => {
            let user: Option<(i64, bool)> =
                sqlx::query_as("SELECT id, disabled FROM users WHERE username = ?")
                    .bind(owner)
                    .fetch_optional(&mut *tx)
                    .await?;
            match user {
                None => return Err(CoreError::invalid("ownerUsername", "there is no such user")),
                Some((_, true)) => {
                    return Err(CoreError::invalid(
                        "ownerUsername",
                        "this user's account is disabled",
                    ))
                }
                Some((id, false)) => Some(id),
            }
        }
    };
    let taken: Option<i64> =
        sqlx::query_scalar("SELECT id FROM communication_flows WHERE account_id = ? AND name = ?")
            .bind(account)
            .bind(&name)
            .fetch_optional(&mut *tx)
            .await?;
    if taken.is_some() && taken != flow {
        return Err(CoreError::invalid(
            "name",
            format!("this account already has a flow called \"{name}\""),
        ));
    }
    let mut before = MapRows::default();
    let (flow, action, kept) = match flow {
        Some(flow) => {
            let stored: Option<i64> =
                sqlx::query_scalar("SELECT account_id FROM communication_flows WHERE id = ?")
                    .bind(flow)
                    .fetch_optional(&mut *tx)
                    .await?;
            match stored {
                None => return Err(CoreError::not_found("communication_flow", flow.to_string())),
                Some(a) if a != account => {
                    return Err(CoreError::invalid(
                        "accountId",
                        "a flow cannot move to another account",
                    ))
                }
                Some(_) => {}
            }
            before = map_undo::snapshot(&mut tx, MapSubject::Flow(flow)).await?;
            let old: Vec<i64> = sqlx::query_scalar(
                "SELECT contact_id FROM communication_flow_participants
                 WHERE flow_id = ? AND contact_id IS NOT NULL",
            )
            .bind(flow)
            .fetch_all(&mut *tx)
            .await?;
            let seen = visible(&mut tx, actor, &old).await?;
            let kept: Vec<i64> = old.into_iter().filter(|c| !seen.contains(c)).collect();
            sqlx::query(
                "UPDATE communication_flows SET name = ?, frequency = ?, format = ?,
                    owner_user_id = ?, channel = ?, updated_at = ? WHERE id = ?",
            )
            .bind(&name)
            .bind(input.frequency.as_str())
            .bind(&format)
            .bind(owner)
            .bind(&channel)
            .bind(super::ts(now))
            .bind(flow)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "DELETE FROM communication_flow_participants WHERE flow_id = ?1
                 AND (contact_id IS NULL OR contact_id NOT IN (SELECT value FROM json_each(?2)))",
            )
            .bind(flow)
            .bind(json_ids(&kept))
            .execute(&mut *tx)
            .await?;
            (flow, "update", kept.len())
        }
        None => {
            let flow = sqlx::query(
                "INSERT INTO communication_flows (account_id, name, frequency, format,
                    owner_user_id, channel, created_at, updated_at)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            )
            .bind(account)
            .bind(&name)
            .bind(input.frequency.as_str())
            .bind(&format)
            .bind(owner)
            .bind(&channel)
            .bind(super::ts(now))
            .bind(super::ts(now))
            .execute(&mut *tx)
            .await?
            .last_insert_rowid();
            (flow, "create", 0)
        }
    };
    sqlx::query(
        "INSERT INTO communication_flow_participants (flow_id, contact_id)
         SELECT ?1, value FROM json_each(?2)",
    )
    .bind(flow)
    .bind(json_ids(&contacts))
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO communication_flow_participants (flow_id, group_id)
         SELECT ?1, value FROM json_each(?2)",
    )
    .bind(flow)
    .bind(json_ids(&groups))
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        Who::User(actor),
        now,
        Event::new(action, "communication_flow", Some(flow.to_string())).summary(json!({
            "accountId": account.to_string(),
            "name": name,
            "frequency": input.frequency,
            "ownerUserId": owner.map(|o| o.to_string()),
            "contactIds": contacts.iter().map(i64::to_string).collect::<Vec<_>>(),
            "groupIds": groups.iter().map(i64::to_string).collect::<Vec<_>>(),
            "keptOutOfScope": kept,
        })),
    )
    .await?;
    let summary = if action == "create" {
        format!("Added the flow \"{name}\".")
    } else {
        format!("Changed the flow \"{name}\".")
    };
    let change = map_undo::log(
        &mut tx,
        actor,
        now,
        MapSubject::Flow(flow),
        summary,
        &before,
    )
    .await?;
    let mut seen: HashSet<i64> = contacts.iter().copied().collect();
    let in_account = account_contacts(&mut tx, account).await?;
    seen.extend(visible(&mut tx, actor, &in_account).await?);
    let saved = of_account(&mut tx, account, Some(flow), &seen, now)
        .await?
        .pop()
        .ok_or_else(|| CoreError::not_found("communication_flow", flow.to_string()))?;
    tx.commit().await?;
    Ok(FlowSaved {
        flow: saved,
        change,
    })
}

/// Deletes a communication flow. Refused when it has participants the actor cannot see.
pub async fn delete_flow(
    db: &Database,
    actor: &Actor,
    id: &str,
    now: DateTime<Utc>,
) -> CoreResult<RelationshipChange> {
    let what = "delete a communication flow";
    let Ok(flow) = parse_id("flow", id) else {
        return Err(out_of_scope(db, actor, "communication_flow", id, what).await);
    };
    let found: Option<(i64, String)> =
        sqlx::query_as("SELECT account_id, name FROM communication_flows WHERE id = ?")
            .bind(flow)
            .fetch_optional(db.reader())
            .await?;
    let Some((account, name)) = found else {
        return Err(CoreError::not_found("communication_flow", id));
    };
    reachable_account(db, actor, &account.to_string(), Action::EditContacts, what).await?;
    let mut tx = db.write().await?;
    let people: Vec<i64> = sqlx::query_scalar(
        "SELECT contact_id FROM communication_flow_participants
         WHERE flow_id = ? AND contact_id IS NOT NULL",
    )
    .bind(flow)
    .fetch_all(&mut *tx)
    .await?;
    if visible(&mut tx, actor, &people).await?.len() != people.len() {
        return Err(CoreError::invalid(
            "id",
            "this flow has participants outside your area; only someone who sees them all can \
             delete it",
        ));
    }
    let before = map_undo::snapshot(&mut tx, MapSubject::Flow(flow)).await?;
    let deleted = sqlx::query("DELETE FROM communication_flows WHERE id = ?")
        .bind(flow)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if deleted != 1 {
        return Err(CoreError::not_found("communication_flow", id));
    }
    audit::record(
        &mut tx,
        Who::User(actor),
        now,
        Event::new("delete", "communication_flow", Some(flow.to_string())).summary(json!({
            "accountId": account.to_string(),
            "name": name,
        })),
    )
    .await?;
    let summary = format!("Deleted the flow \"{name}\".");
    let change = map_undo::log(
        &mut tx,
        actor,
        now,
        MapSubject::Flow(flow),
        summary,
        &before,
    )
    .await?;
    tx.commit().await?;
    Ok(change)
}
