//! Merging duplicate contacts into one survivor, and undoing a merge.
//!
//! A merge keeps a complete copy of every row about every contact it involves (the contact rows
//! and every row of every table that refers to them), so an undo puts back exactly what was
//! there, ids included. While a merge holds, the merged contacts' ids and reference numbers
//! resolve to the survivor (`store::contacts::resolve_id`). An erasure of anyone involved
//! deletes the merge record, which holds their personal data (`privacy::erase`).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use sqlx::SqliteConnection;

use super::reindex;
use crate::access::{authorize, out_of_scope, Action, Actor};
use crate::audit::{self, Change, Event, Who};
use crate::error::{CoreError, CoreResult};
use crate::model::{contact_reference, parse_id};
use crate::store::{contacts, settings, timestamp};
use crate::Database;

/// The scalar fields a user chooses between, by their wire name, with the columns each one
/// carries (a field of several columns moves as one: a type with its "other" text, an amount
/// with its currency, a status with its reason and date).
pub const FIELDS: [(&str, &[&str]); 28] = [
    ("salutation", &["salutation"]),
    ("firstName", &["first_name"]),
    ("middleName", &["middle_name"]),
    ("lastName", &["last_name"]),
    ("preferredName", &["preferred_name"]),
    ("suffix", &["suffix"]),
    ("jobTitle", &["job_title"]),
    ("department", &["department"]),
    ("employeeId", &["employee_id"]),
    ("contactType", &["contact_type", "contact_type_other"]),
    ("authorityLevel", &["authority_level"]),
    ("authorityScope", &["authority_scope"]),
    ("approvalLimit", &["approval_limit_minor", "currency"]),
    ("birthday", &["birthday"]),
    ("websites", &["websites"]),
    ("notes", &["notes"]),
    ("photo", &["photo"]),
    ("preferredMethod", &["preferred_method"]),
    ("preferredTimes", &["preferred_times"]),
    ("timeZone", &["time_zone"]),
    ("language", &["language"]),
    ("lifecycleStage", &["lifecycle_stage"]),
    ("priority", &["priority"]),
    ("owner", &["owner"]),
    ("specialInstructions", &["special_instructions"]),
    ("status", &["status", "status_reason", "status_changed_at"]),
    (
        "verification",
        &["verified_at", "verified_by", "verification_method"],
    ),
    ("approval", &["approval_source", "approval_date"]),
];

/// Every table holding rows about a contact, with the condition that picks the rows of the
/// contacts in the JSON array `?1`. In the order rows are put back (parents first); deletion
/// runs the other way. A test checks that every table referring to `contacts` is here.
const TABLES: [(&str, &str); 22] = [
    ("contacts", "id IN (SELECT value FROM json_each(?1))"),
    ("contact_emails", IN_IDS),
    ("contact_phones", IN_IDS),
    ("contact_addresses", IN_IDS),
    ("contact_tags", IN_IDS),
    ("contact_channel_preferences", IN_IDS),
    ("contact_lifecycle_history", IN_IDS),
    ("contact_sites", IN_IDS),
    ("contact_approvals", IN_IDS),
    ("contact_related", IN_IDS),
    ("import_updates", IN_IDS),
    ("interaction_contacts", IN_IDS),
    ("follow_ups", IN_IDS),
    ("cadences", IN_IDS),
    ("contact_engagement", IN_IDS),
    ("contact_responses", IN_IDS),
    ("escalations", IN_IDS),
    (
        "escalation_steps",
        "escalation_id IN (SELECT id FROM escalations
            WHERE contact_id IN (SELECT value FROM json_each(?1)))",
    ),
    (
        "relationships",
        "from_contact_id IN (SELECT value FROM json_each(?1))
            OR to_contact_id IN (SELECT value FROM json_each(?1))",
    ),
    ("map_group_members", IN_IDS),
    ("communication_flow_participants", IN_IDS),
    ("queue_assignments", IN_IDS),
];
const IN_IDS: &str = "contact_id IN (SELECT value FROM json_each(?1))";

/// The tables a merge copies (for the schema test).
pub fn snapshot_tables() -> Vec<&'static str> {
    TABLES.iter().map(|(t, _)| *t).collect()
}

/// One record in the side-by-side view.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MergeRecord {
    pub id: String,
    pub reference: String,
    pub display_name: String,
    pub verified_at: Option<String>,
    pub created_at: String,
    /// How many fields and rows this record has filled in: the "most complete" default.
    pub completeness: u32,
}

/// One field: each record's value (in the records' order) and the record whose value is
/// chosen unless the user picks another.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MergeField {
    pub field: String,
    /// Each record's value as text (a field of several columns as a JSON object); none when
    /// empty. A photo shows as "1" when there is one.
    pub values: Vec<Option<String>>,
    pub default_choice: String,
}

/// What the survivor gains: distinct rows after duplicates are folded together.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MergeCombined {
    pub emails: u32,
    pub phones: u32,
    pub addresses: u32,
    pub tags: u32,
    pub sites: u32,
    pub relationships: u32,
    pub interactions: u32,
    pub follow_ups: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MergePreview {
    pub records: Vec<MergeRecord>,
    pub default_survivor: String,
    pub fields: Vec<MergeField>,
    pub combined: MergeCombined,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MergeInput {
    pub survivor_id: String,
    /// Every record of the group, the survivor included (it is added when missing).
    pub contact_ids: Vec<String>,
    /// Field (wire name, see [`FIELDS`]) -> the id of the record whose value wins. Fields not
    /// named keep the default choice of [`merge_preview`].
    #[serde(default)]
    pub choices: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MergeOutcome {
    pub merge_id: String,
    pub survivor_id: String,
    pub merged: Vec<String>,
}

/// A merge as the history lists it: who survived, who was merged into them, and whether it
/// still holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MergeSummary {
    pub merge_id: String,
    pub survivor_id: String,
    pub survivor_name: String,
    pub survivor_reference: String,
    /// The merged records as they were: "name (reference)".
    pub merged: Vec<String>,
    pub merged_at: String,
    pub merged_by: Option<String>,
    pub undone_at: Option<String>,
}

fn json_ids(ids: &[i64]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".into())
}

fn quoted(column: &str) -> String {
    format!("\"{}\"", column.replace('"', "\"\""))
}

fn blank(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty() || s == "[]",
        _ => false,
    }
}

/// A table's columns, and whether each is a blob (copied as hex).
async fn columns(conn: &mut SqliteConnection, table: &str) -> CoreResult<Vec<(String, bool)>> {
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT name, upper(type) FROM pragma_table_info(?) ORDER BY cid")
            .bind(table)
            .fetch_all(&mut *conn)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(name, kind)| (name, kind == "BLOB"))
        .collect())
}

/// Every row about the contacts `ids`, table by table, as JSON objects in a stable order.
async fn snapshot(conn: &mut SqliteConnection, ids: &[i64]) -> CoreResult<Map<String, Value>> {
    let mut out = Map::new();
    for (table, condition) in TABLES {
        let cols = columns(conn, table).await?;
        let fields: Vec<String> = cols
            .iter()
            .map(|(name, blob)| {
                let value = if *blob {
                    format!(
                        "CASE WHEN {q} IS NULL THEN NULL ELSE hex({q}) END",
                        q = quoted(name)
                    )
                } else {
                    quoted(name)
                };
                format!("'{}', {value}", name.replace('\'', "''"))
            })
            .collect();
        let text: String = sqlx::query_scalar(&format!(
            "SELECT ifnull(json_group_array(json(j)), '[]') FROM
                (SELECT json_object({}) AS j FROM {table} WHERE {condition} ORDER BY 1)",
            fields.join(", ")
        ))
        .bind(json_ids(ids))
        .fetch_one(&mut *conn)
        .await?;
        out.insert(
            table.to_string(),
            serde_json::from_str(&text).unwrap_or(Value::Array(Vec::new())),
        );
    }
    Ok(out)
}

fn digest(snapshot: &Map<String, Value>) -> String {
    audit::digest(&Value::Object(snapshot.clone()).to_string())
}

/// Inserts snapshot rows of one table as they were.
async fn insert_rows(conn: &mut SqliteConnection, table: &str, rows: &Value) -> CoreResult<()> {
    let Some(list) = rows.as_array() else {
        return Ok(());
    };
    if list.is_empty() {
        return Ok(());
    }
    let cols = columns(conn, table).await?;
    let names: Vec<String> = cols.iter().map(|(n, _)| quoted(n)).collect();
    let values: Vec<String> = cols
        .iter()
        .map(|(name, blob)| {
            let path = format!("json_extract(value, '$.\"{}\"')", name.replace('\'', "''"));
            if *blob {
                format!("unhex({path})")
            } else {
                path
            }
        })
        .collect();
    sqlx::query(&format!(
        "INSERT INTO {table} ({}) SELECT {} FROM json_each(?)",
        names.join(", "),
        values.join(", ")
    ))
    .bind(rows.to_string())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The contacts a merge may take: each visible to the actor and changeable (`not_found` for
/// one outside their scope, as elsewhere), none erased, at least two distinct.
async fn group(
    db: &Database,
    actor: &Actor,
    ids: &[String],
    action: Action,
) -> CoreResult<Vec<i64>> {
    authorize(db, actor, action).await?;
    let mut group: Vec<i64> = Vec::new();
    for id in ids {
        let number = contacts::visible_id(db, actor, id, "merge").await?;
        if !group.contains(&number) {
            group.push(number);
        }
    }
    if group.len() < 2 {
        return Err(CoreError::invalid(
            "contactIds",
            "name at least two different contacts to merge",
        ));
    }
    let erased: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM contacts WHERE erased_at IS NOT NULL
            AND id IN (SELECT value FROM json_each(?))",
    )
    .bind(json_ids(&group))
    .fetch_all(db.reader())
    .await?;
    if let Some(id) = erased.first() {
        return Err(CoreError::invalid(
            "contactIds",
            format!(
                "{} was erased; only a tombstone is left",
                contact_reference(*id)
            ),
        ));
    }
    Ok(group)
}

/// The contact rows (as JSON objects, photo as a flag) of `ids`, in that order.
async fn records(conn: &mut SqliteConnection, ids: &[i64]) -> CoreResult<Vec<Map<String, Value>>> {
    let snap = snapshot_contacts(conn, ids).await?;
    Ok(ids
        .iter()
        .filter_map(|id| {
            snap.iter()
                .find(|row| row.get("id").and_then(Value::as_i64) == Some(*id))
                .cloned()
        })
        .collect())
}

async fn snapshot_contacts(
    conn: &mut SqliteConnection,
    ids: &[i64],
) -> CoreResult<Vec<Map<String, Value>>> {
    let cols = columns(conn, "contacts").await?;
    let fields: Vec<String> = cols
        .iter()
        .map(|(name, blob)| {
            let value = if *blob {
                format!("{} IS NOT NULL", quoted(name))
            } else {
                quoted(name)
            };
            format!("'{}', {value}", name.replace('\'', "''"))
        })
        .collect();
    let rows: Vec<String> = sqlx::query_scalar(&format!(
        "SELECT json_object({}) FROM contacts WHERE id IN (SELECT value FROM json_each(?))",
        fields.join(", ")
    ))
    .bind(json_ids(ids))
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .iter()
        .filter_map(|r| match serde_json::from_str(r) {
            Ok(Value::Object(map)) => Some(map),
            _ => None,
        })
        .collect())
}

/// A field's value in one record: its single column, or an object of its columns.
fn field_value(row: &Map<String, Value>, columns: &[&str]) -> Value {
    if let [one] = columns {
        let value = row.get(*one).cloned().unwrap_or(Value::Null);
        // The photo is shown as "has one", never as its bytes.
        return match (*one, &value) {
            ("photo", Value::Number(n)) if n.as_i64() == Some(0) => Value::Null,
            _ => value,
        };
    }
    let first = row.get(columns[0]).cloned().unwrap_or(Value::Null);
    if blank(&first) {
        return Value::Null;
    }
    Value::Object(
        columns
            .iter()
            .map(|c| (c.to_string(), row.get(*c).cloned().unwrap_or(Value::Null)))
            .collect(),
    )
}

async fn child_count(conn: &mut SqliteConnection, id: i64) -> CoreResult<i64> {
    Ok(sqlx::query_scalar(
        "SELECT (SELECT count(*) FROM contact_emails WHERE contact_id = ?1)
              + (SELECT count(*) FROM contact_phones WHERE contact_id = ?1)
              + (SELECT count(*) FROM contact_addresses WHERE contact_id = ?1)
              + (SELECT count(*) FROM contact_tags WHERE contact_id = ?1)
              + (SELECT count(*) FROM contact_sites WHERE contact_id = ?1)",
    )
    .bind(id)
    .fetch_one(&mut *conn)
    .await?)
}

/// The default survivor: the most recently verified record, else the most complete, else the
/// oldest (then the lowest id).
fn default_survivor(records: &[MergeRecord]) -> String {
    let mut best: Vec<&MergeRecord> = records.iter().collect();
    best.sort_by(|a, b| {
        b.verified_at
            .cmp(&a.verified_at)
            .then(b.completeness.cmp(&a.completeness))
            .then(a.created_at.cmp(&b.created_at))
            .then(
                a.id.parse::<i64>()
                    .unwrap_or(0)
                    .cmp(&b.id.parse::<i64>().unwrap_or(0)),
            )
    });
    best.first().map(|r| r.id.clone()).unwrap_or_default()
}

/// The default choice for each field: the survivor's value unless it is empty, then the first
/// record's (in the given order) that is not.
fn default_choices(rows: &[Map<String, Value>], survivor: i64) -> BTreeMap<&'static str, i64> {
    let id_of = |row: &Map<String, Value>| row.get("id").and_then(Value::as_i64).unwrap_or(0);
    FIELDS
        .iter()
        .map(|(field, columns)| {
            let survivor_row = rows.iter().find(|r| id_of(r) == survivor);
            let chosen = match survivor_row {
                Some(row) if !blank(&field_value(row, columns)) => survivor,
                _ => rows
                    .iter()
                    .find(|r| !blank(&field_value(r, columns)))
                    .map(id_of)
                    .unwrap_or(survivor),
            };
            (*field, chosen)
        })
        .collect()
}

/// The records side by side, the default survivor and choices, and what would be combined.
pub async fn merge_preview(
    db: &Database,
    actor: &Actor,
    contact_ids: &[String],
) -> CoreResult<MergePreview> {
    let ids = group(db, actor, contact_ids, Action::EditContacts).await?;
    let mut conn = db.reader().acquire().await?;
    let rows = records(&mut conn, &ids).await?;
    let mut list = Vec::with_capacity(rows.len());
    for row in &rows {
        let id = row.get("id").and_then(Value::as_i64).unwrap_or(0);
        let filled = FIELDS
            .iter()
            .filter(|(_, columns)| !blank(&field_value(row, columns)))
            .count() as i64;
        let text = |key: &str| row.get(key).and_then(Value::as_str).map(str::to_string);
        list.push(MergeRecord {
            id: id.to_string(),
            reference: text("reference").unwrap_or_default(),
            display_name: text("display_name").unwrap_or_default(),
            verified_at: text("verified_at"),
            created_at: text("created_at").unwrap_or_default(),
            completeness: u32::try_from(filled + child_count(&mut conn, id).await?).unwrap_or(0),
        });
    }
    let survivor = default_survivor(&list);
    let survivor_id: i64 = survivor.parse().unwrap_or(0);
    let defaults = default_choices(&rows, survivor_id);
    let fields = FIELDS
        .iter()
        .map(|(field, columns)| MergeField {
            field: field.to_string(),
            values: rows
                .iter()
                .map(|r| match field_value(r, columns) {
                    value if blank(&value) => None,
                    Value::String(text) => Some(text),
                    other => Some(other.to_string()),
                })
                .collect(),
            default_choice: defaults
                .get(field)
                .copied()
                .unwrap_or(survivor_id)
                .to_string(),
        })
        .collect();
    let combined = combined(&mut conn, &ids).await?;
    Ok(MergePreview {
        records: list,
        default_survivor: survivor,
        fields,
        combined,
    })
}

async fn combined(conn: &mut SqliteConnection, ids: &[i64]) -> CoreResult<MergeCombined> {
    let count = |n: i64| u32::try_from(n).unwrap_or(0);
    let (emails, phones, addresses, tags, sites, relationships, interactions, follow_ups): (
        i64,
        i64,
        i64,
        i64,
        i64,
        i64,
        i64,
        i64,
    ) = sqlx::query_as(
        "SELECT
           (SELECT count(DISTINCT lower(address)) FROM contact_emails WHERE contact_id IN g),
           (SELECT count(DISTINCT e164) FROM contact_phones WHERE contact_id IN g),
           (SELECT count(*) FROM (SELECT DISTINCT kind, lower(line1), lower(ifnull(line2, '')),
                lower(city), lower(ifnull(postal_code, '')), country
                FROM contact_addresses WHERE contact_id IN g)),
           (SELECT count(DISTINCT tag) FROM contact_tags WHERE contact_id IN g),
           (SELECT count(DISTINCT site_id) FROM contact_sites WHERE contact_id IN g),
           (SELECT count(*) FROM relationships
                WHERE (from_contact_id IN g) <> (to_contact_id IN g)),
           (SELECT count(DISTINCT interaction_id) FROM interaction_contacts
                WHERE contact_id IN g),
           (SELECT count(*) FROM follow_ups WHERE contact_id IN g)
         FROM (SELECT 1) WHERE 1"
            .replace("IN g", "IN (SELECT value FROM json_each(?1))")
            .as_str(),
    )
    .bind(json_ids(ids))
    .fetch_one(&mut *conn)
    .await?;
    Ok(MergeCombined {
        emails: count(emails),
        phones: count(phones),
        addresses: count(addresses),
        tags: count(tags),
        sites: count(sites),
        relationships: count(relationships),
        interactions: count(interactions),
        follow_ups: count(follow_ups),
    })
}

/// Resolves a choice's contact to a member of the group.
fn chosen_member(field: &str, value: &str, group: &[i64]) -> CoreResult<i64> {
    let text = value.trim();
    let number = parse_id("contact", text).ok().or_else(|| {
        text.to_uppercase()
            .strip_prefix("C-")
            .and_then(|digits| digits.parse::<i64>().ok())
    });
    match number {
        Some(n) if group.contains(&n) => Ok(n),
        _ => Err(CoreError::invalid(
            format!("choices.{field}"),
            format!("{value:?} is not one of the contacts being merged"),
        )),
    }
}

/// Merges the group into the survivor in one write transaction: the chosen values go to the
/// survivor, every row about the others moves to it (duplicates folded), the others' contact
/// rows go and their ids and references become aliases of the survivor. Undo with [`unmerge`].
pub async fn merge(
    db: &Database,
    actor: &Actor,
    input: &MergeInput,
    now: DateTime<Utc>,
) -> CoreResult<MergeOutcome> {
    let mut named = input.contact_ids.clone();
    if !named.iter().any(|id| id.trim() == input.survivor_id.trim()) {
        named.insert(0, input.survivor_id.clone());
    }
    let ids = group(db, actor, &named, Action::EditContacts).await?;
    let survivor = contacts::visible_id(db, actor, &input.survivor_id, "merge").await?;
    let merged: Vec<i64> = ids.iter().copied().filter(|id| *id != survivor).collect();
    let home = settings::home_country(db.reader()).await?;

    let mut tx = db.write().await?;
    let rows = records(&mut tx, &ids).await?;
    let mut choices = default_choices(&rows, survivor);
    for (field, value) in &input.choices {
        let Some((name, _)) = FIELDS.iter().find(|(f, _)| f == field) else {
            return Err(CoreError::invalid(
                format!("choices.{field}"),
                "is not a field a merge chooses",
            ));
        };
        choices.insert(*name, chosen_member(field, value, &ids)?);
    }

    let before = snapshot(&mut tx, &ids).await?;
    let merge_id = sqlx::query(
        "INSERT INTO contact_merges (survivor_id, merged_ids, choices, snapshot, merged_at,
            merged_by) VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(survivor)
    .bind(json_ids(&merged))
    .bind(serde_json::to_string(&choices).unwrap_or_default())
    .bind(Value::Object(before).to_string())
    .bind(timestamp(now))
    .bind(actor.user_id())
    .execute(&mut *tx)
    .await?
    .last_insert_rowid();
    for id in &ids {
        sqlx::query("INSERT INTO contact_merge_members (merge_id, contact_id) VALUES (?, ?)")
            .bind(merge_id)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }

    // The chosen values, copied from the record that holds them while it still exists.
    let survivor_row = rows
        .iter()
        .find(|r| r.get("id").and_then(Value::as_i64) == Some(survivor))
        .cloned()
        .unwrap_or_default();
    let mut changes = Vec::new();
    for (field, columns) in FIELDS {
        let from = choices.get(field).copied().unwrap_or(survivor);
        if from == survivor {
            continue;
        }
        let source = rows
            .iter()
            .find(|r| r.get("id").and_then(Value::as_i64) == Some(from));
        let (Some(source), cols) = (source, columns) else {
            continue;
        };
        let b = field_value(&survivor_row, cols);
        let a = field_value(source, cols);
        if b == a {
            continue;
        }
        let assignments: Vec<String> = cols
            .iter()
            .map(|c| {
                format!(
                    "{q} = (SELECT {q} FROM contacts WHERE id = ?1)",
                    q = quoted(c)
                )
            })
            .collect();
        sqlx::query(&format!(
            "UPDATE contacts SET {} WHERE id = ?2",
            assignments.join(", ")
        ))
        .bind(from)
        .bind(survivor)
        .execute(&mut *tx)
        .await?;
        changes.push(Change::new(field, b, a));
    }

    let mut moved = BTreeMap::<&str, u64>::new();
    for &other in &merged {
        move_rows(&mut tx, survivor, other, &mut moved).await?;
        // The organisation the survivor is shown under, when it had none of its own.
        sqlx::query(
            "UPDATE contacts SET
                company = (SELECT company FROM contacts WHERE id = ?1),
                company_key = (SELECT company_key FROM contacts WHERE id = ?1),
                territory_id = (SELECT territory_id FROM contacts WHERE id = ?1)
             WHERE id = ?2 AND company IS NULL",
        )
        .bind(other)
        .bind(survivor)
        .execute(&mut *tx)
        .await?;
    }
    crate::engagement::metrics::refresh(&mut tx, survivor, Who::User(actor), now).await?;
    for &other in &merged {
        let left = leftovers(&mut tx, other).await?;
        if let Some(table) = left {
            tracing::error!(table, "a merged contact still has rows");
            return Err(CoreError::Database(sqlx::Error::Protocol(format!(
                "the merge did not move every row of {table}"
            ))));
        }
        sqlx::query("DELETE FROM contacts WHERE id = ?")
            .bind(other)
            .execute(&mut *tx)
            .await?;
        for index in ["contact_words", "contact_grams"] {
            sqlx::query(&format!("DELETE FROM {index} WHERE rowid = ?"))
                .bind(other)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query(
            "INSERT INTO contact_aliases (merged_id, reference, survivor_id, merge_id)
             VALUES (?, ?, ?, ?)",
        )
        .bind(other)
        .bind(contact_reference(other))
        .bind(survivor)
        .bind(merge_id)
        .execute(&mut *tx)
        .await?;
    }
    derive_columns(&mut tx, survivor, &home, now).await?;
    reindex(&mut tx, survivor).await?;

    let after = snapshot(&mut tx, &ids).await?;
    let version: i64 = sqlx::query_scalar("SELECT version FROM contacts WHERE id = ?")
        .bind(survivor)
        .fetch_one(&mut *tx)
        .await?;
    sqlx::query("UPDATE contact_merges SET after_digest = ?, survivor_version = ? WHERE id = ?")
        .bind(digest(&after))
        .bind(version)
        .bind(merge_id)
        .execute(&mut *tx)
        .await?;
    let merged_wire: Vec<String> = merged.iter().map(i64::to_string).collect();
    audit::record(
        &mut tx,
        Who::User(actor),
        now,
        Event::new("merge", "contact", Some(survivor.to_string()))
            .summary(json!({
                "mergeId": merge_id.to_string(),
                "survivor": contact_reference(survivor),
                "merged": merged.iter().map(|id| contact_reference(*id)).collect::<Vec<_>>(),
                "moved": moved,
            }))
            .changes(changes)
            .about_contact(survivor),
    )
    .await?;
    tx.commit().await?;
    Ok(MergeOutcome {
        merge_id: merge_id.to_string(),
        survivor_id: survivor.to_string(),
        merged: merged_wire,
    })
}

/// The first table still holding a row of `id` that refers to it (none after a full move).
async fn leftovers(conn: &mut SqliteConnection, id: i64) -> CoreResult<Option<&'static str>> {
    for (table, condition) in TABLES.iter().skip(1) {
        // Kept where they are: the contact as an import found it, for the import's undo.
        if *table == "import_updates" || *table == "escalation_steps" {
            continue;
        }
        let any: bool = sqlx::query_scalar(&format!(
            "SELECT EXISTS (SELECT 1 FROM {table} WHERE {condition})"
        ))
        .bind(json_ids(&[id]))
        .fetch_one(&mut *conn)
        .await?;
        if any {
            return Ok(Some(table));
        }
    }
    Ok(None)
}

async fn run(conn: &mut SqliteConnection, sql: &str, a: i64, b: i64) -> CoreResult<u64> {
    Ok(sqlx::query(sql)
        .bind(a)
        .bind(b)
        .execute(&mut *conn)
        .await?
        .rows_affected())
}

/// Moves every row of `other` to `survivor`, dropping those the survivor already has (the
/// same address, number, tag, site, group, flow, interaction). `?1` is the survivor, `?2` the
/// other contact in every statement.
async fn move_rows(
    conn: &mut SqliteConnection,
    survivor: i64,
    other: i64,
    moved: &mut BTreeMap<&'static str, u64>,
) -> CoreResult<()> {
    let simple: [(&'static str, Option<&str>, &str); 12] = [
        (
            "emails",
            Some(
                "DELETE FROM contact_emails WHERE contact_id = ?2 AND lower(address) IN
                (SELECT lower(address) FROM contact_emails WHERE contact_id = ?1)",
            ),
            "UPDATE contact_emails SET contact_id = ?1, is_primary = 0 WHERE contact_id = ?2",
        ),
        (
            "phones",
            Some(
                "DELETE FROM contact_phones WHERE contact_id = ?2 AND e164 IN
                (SELECT e164 FROM contact_phones WHERE contact_id = ?1)",
            ),
            "UPDATE contact_phones SET contact_id = ?1, is_primary = 0 WHERE contact_id = ?2",
        ),
        (
            "addresses",
            Some(
                "DELETE FROM contact_addresses AS o WHERE contact_id = ?2 AND EXISTS
                (SELECT 1 FROM contact_addresses s WHERE s.contact_id = ?1 AND s.kind = o.kind
                 AND lower(s.line1) = lower(o.line1)
                 AND lower(ifnull(s.line2, '')) = lower(ifnull(o.line2, ''))
                 AND lower(s.city) = lower(o.city)
                 AND lower(ifnull(s.postal_code, '')) = lower(ifnull(o.postal_code, ''))
                 AND s.country = o.country)",
            ),
            "UPDATE contact_addresses SET contact_id = ?1 WHERE contact_id = ?2",
        ),
        (
            "tags",
            Some(
                "DELETE FROM contact_tags WHERE contact_id = ?2 AND tag IN
                (SELECT tag FROM contact_tags WHERE contact_id = ?1)",
            ),
            "UPDATE contact_tags SET contact_id = ?1 WHERE contact_id = ?2",
        ),
        (
            "channelPreferences",
            Some(
                "DELETE FROM contact_channel_preferences WHERE contact_id = ?2 AND channel IN
                (SELECT channel FROM contact_channel_preferences WHERE contact_id = ?1)",
            ),
            "UPDATE contact_channel_preferences SET contact_id = ?1 WHERE contact_id = ?2",
        ),
        (
            "lifecycleHistory",
            None,
            "UPDATE contact_lifecycle_history SET contact_id = ?1 WHERE contact_id = ?2",
        ),
        (
            "approvals",
            None,
            "UPDATE contact_approvals SET contact_id = ?1 WHERE contact_id = ?2",
        ),
        (
            "related",
            None,
            "UPDATE contact_related SET contact_id = ?1 WHERE contact_id = ?2",
        ),
        (
            "interactions",
            Some(
                "DELETE FROM interaction_contacts WHERE contact_id = ?2 AND interaction_id IN
                (SELECT interaction_id FROM interaction_contacts WHERE contact_id = ?1)",
            ),
            "UPDATE interaction_contacts SET contact_id = ?1 WHERE contact_id = ?2",
        ),
        (
            "followUps",
            None,
            "UPDATE follow_ups SET contact_id = ?1 WHERE contact_id = ?2",
        ),
        (
            "groups",
            Some(
                "DELETE FROM map_group_members WHERE contact_id = ?2 AND group_id IN
                (SELECT group_id FROM map_group_members WHERE contact_id = ?1)",
            ),
            "UPDATE map_group_members SET contact_id = ?1 WHERE contact_id = ?2",
        ),
        (
            "flows",
            Some(
                "DELETE FROM communication_flow_participants WHERE contact_id = ?2 AND flow_id IN
                (SELECT flow_id FROM communication_flow_participants WHERE contact_id = ?1)",
            ),
            "UPDATE communication_flow_participants SET contact_id = ?1 WHERE contact_id = ?2",
        ),
    ];
    for (name, drop_duplicates, update) in simple {
        if let Some(sql) = drop_duplicates {
            run(conn, sql, survivor, other).await?;
        }
        let n = run(conn, update, survivor, other).await?;
        *moved.entry(name).or_default() += n;
    }

    // Sites: the survivor keeps its role; it becomes the site's primary contact when only the
    // other one was (the other's row goes first: one primary per site).
    let shared: Vec<(i64, bool)> = sqlx::query_as(
        "SELECT site_id, is_primary FROM contact_sites WHERE contact_id = ?2 AND site_id IN
            (SELECT site_id FROM contact_sites WHERE contact_id = ?1)",
    )
    .bind(survivor)
    .bind(other)
    .fetch_all(&mut *conn)
    .await?;
    for (site, primary) in shared {
        sqlx::query("DELETE FROM contact_sites WHERE contact_id = ? AND site_id = ?")
            .bind(other)
            .bind(site)
            .execute(&mut *conn)
            .await?;
        if primary {
            sqlx::query(
                "UPDATE contact_sites SET is_primary = 1 WHERE contact_id = ? AND site_id = ?",
            )
            .bind(survivor)
            .bind(site)
            .execute(&mut *conn)
            .await?;
        }
    }
    let n = run(
        conn,
        "UPDATE contact_sites SET contact_id = ?1 WHERE contact_id = ?2",
        survivor,
        other,
    )
    .await?;
    *moved.entry("sites").or_default() += n;

    // One cadence per contact: the survivor's own wins.
    run(
        conn,
        "DELETE FROM cadences WHERE contact_id = ?2
            AND EXISTS (SELECT 1 FROM cadences WHERE contact_id = ?1)",
        survivor,
        other,
    )
    .await?;
    run(
        conn,
        "UPDATE cadences SET contact_id = ?1 WHERE contact_id = ?2",
        survivor,
        other,
    )
    .await?;
    // One assignment per queue and period: the survivor's own wins.
    run(
        conn,
        "DELETE FROM queue_assignments AS o WHERE contact_id = ?2 AND EXISTS (
            SELECT 1 FROM queue_assignments s WHERE s.contact_id = ?1
                AND s.queue = o.queue AND s.period = o.period)",
        survivor,
        other,
    )
    .await?;
    run(
        conn,
        "UPDATE queue_assignments SET contact_id = ?1 WHERE contact_id = ?2",
        survivor,
        other,
    )
    .await?;
    // Escalations: one per run of attempts and one open at a time; the survivor's win.
    run(
        conn,
        "DELETE FROM escalations AS o WHERE contact_id = ?2 AND (
            EXISTS (SELECT 1 FROM escalations s WHERE s.contact_id = ?1
                AND s.trigger_at = o.trigger_at)
            OR (o.resolved_at IS NULL AND EXISTS (SELECT 1 FROM escalations s
                WHERE s.contact_id = ?1 AND s.resolved_at IS NULL)))",
        survivor,
        other,
    )
    .await?;
    run(
        conn,
        "UPDATE escalations SET contact_id = ?1 WHERE contact_id = ?2",
        survivor,
        other,
    )
    .await?;
    // The other's figures go; the survivor's are recomputed from the combined history.
    run(
        conn,
        "DELETE FROM contact_responses WHERE contact_id = ?2 AND ?1 IS NOT NULL",
        survivor,
        other,
    )
    .await?;
    run(
        conn,
        "DELETE FROM contact_engagement WHERE contact_id = ?2 AND ?1 IS NOT NULL",
        survivor,
        other,
    )
    .await?;
    let n = move_relationships(conn, survivor, other).await?;
    *moved.entry("relationships").or_default() += n;
    Ok(())
}

/// Moves the other's relationships to the survivor, one by one: a link between the two goes,
/// as does one the survivor already has, a second manager, or an edge that would close a loop
/// in a hierarchy. Returns how many moved.
async fn move_relationships(
    conn: &mut SqliteConnection,
    survivor: i64,
    other: i64,
) -> CoreResult<u64> {
    let rows: Vec<(i64, i64, i64, String, bool, bool)> = sqlx::query_as(
        "SELECT r.id, r.from_contact_id, r.to_contact_id, r.kind, k.hierarchical, k.directed
         FROM relationships r JOIN relationship_kinds k ON k.code = r.kind
         WHERE r.from_contact_id = ?1 OR r.to_contact_id = ?1 ORDER BY r.id",
    )
    .bind(other)
    .fetch_all(&mut *conn)
    .await?;
    let mut moved = 0;
    for (id, from, to, kind, hierarchical, directed) in rows {
        let from = if from == other { survivor } else { from };
        let to = if to == other { survivor } else { to };
        let keep = from != to && {
            let taken: bool = sqlx::query_scalar(
                "SELECT EXISTS (SELECT 1 FROM relationships WHERE id <> ?5 AND kind = ?1
                    AND ((from_contact_id = ?2 AND to_contact_id = ?3)
                      OR (?4 = 0 AND from_contact_id = ?3 AND to_contact_id = ?2)))",
            )
            .bind(&kind)
            .bind(from)
            .bind(to)
            .bind(directed)
            .bind(id)
            .fetch_one(&mut *conn)
            .await?;
            let second_manager: bool = kind == "reports_to"
                && sqlx::query_scalar(
                    "SELECT EXISTS (SELECT 1 FROM relationships
                        WHERE id <> ? AND from_contact_id = ? AND kind = 'reports_to')",
                )
                .bind(id)
                .bind(from)
                .fetch_one(&mut *conn)
                .await?;
            let closes_loop: bool = hierarchical
                && sqlx::query_scalar(
                    "WITH RECURSIVE up(id) AS (
                        SELECT ?1
                        UNION
                        SELECT r.to_contact_id FROM up JOIN relationships r
                            ON r.from_contact_id = up.id AND r.kind = ?2 AND r.id <> ?4
                     )
                     SELECT EXISTS (SELECT 1 FROM up WHERE id = ?3)",
                )
                .bind(to)
                .bind(&kind)
                .bind(from)
                .bind(id)
                .fetch_one(&mut *conn)
                .await?;
            !taken && !second_manager && !closes_loop
        };
        if keep {
            sqlx::query(
                "UPDATE relationships SET from_contact_id = ?, to_contact_id = ? WHERE id = ?",
            )
            .bind(from)
            .bind(to)
            .bind(id)
            .execute(&mut *conn)
            .await?;
            moved += 1;
        } else {
            sqlx::query("DELETE FROM relationships WHERE id = ?")
                .bind(id)
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(moved)
}

/// Keeps the survivor's derived columns in step with what it now holds, as the write path
/// does: names, sort keys, primary email and phone; bumps its version.
async fn derive_columns(
    conn: &mut SqliteConnection,
    id: i64,
    home: &str,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    // A survivor that had no email or phone of its own takes the first it gained as primary.
    for table in ["contact_emails", "contact_phones"] {
        sqlx::query(&format!(
            "UPDATE {table} SET is_primary = 1 WHERE id = (SELECT min(id) FROM {table}
                WHERE contact_id = ?1)
             AND NOT EXISTS (SELECT 1 FROM {table} WHERE contact_id = ?1 AND is_primary = 1)"
        ))
        .bind(id)
        .execute(&mut *conn)
        .await?;
    }
    #[allow(clippy::type_complexity)]
    let (first, middle, last, preferred, suffix, title, company): (
        String,
        Option<String>,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    ) = sqlx::query_as(
        "SELECT first_name, middle_name, last_name, preferred_name, suffix, job_title, company
         FROM contacts WHERE id = ?",
    )
    .bind(id)
    .fetch_one(&mut *conn)
    .await?;
    let email: Option<String> = sqlx::query_scalar(
        "SELECT address FROM contact_emails WHERE contact_id = ? ORDER BY is_primary DESC, id
         LIMIT 1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let phone: Option<(String, Option<String>)> = sqlx::query_as(
        "SELECT e164, extension FROM contact_phones WHERE contact_id = ?
         ORDER BY is_primary DESC, id LIMIT 1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let fold = |s: &Option<String>| s.as_deref().map(crate::text::fold).unwrap_or_default();
    sqlx::query(
        "UPDATE contacts SET display_name = ?, name_key = ?, title_key = ?, company_key = ?,
            primary_email = ?, primary_phone = ?, primary_phone_ext = ?,
            primary_phone_display = ?, updated_at = ?, version = version + 1
         WHERE id = ?",
    )
    .bind(crate::text::display_name(
        &first,
        middle.as_deref(),
        &last,
        preferred.as_deref(),
        suffix.as_deref(),
    ))
    .bind(crate::text::name_key(&first, middle.as_deref(), &last))
    .bind(fold(&title))
    .bind(fold(&company))
    .bind(email)
    .bind(phone.as_ref().map(|p| p.0.clone()))
    .bind(phone.as_ref().and_then(|p| p.1.clone()))
    .bind(
        phone
            .as_ref()
            .map(|(e164, ext)| crate::phone::display(e164, ext.as_deref(), home)),
    )
    .bind(timestamp(now))
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

fn already_undone() -> CoreError {
    CoreError::Changed {
        message: "This merge was undone already.".into(),
    }
}

fn stale() -> CoreError {
    CoreError::Changed {
        message: "This merge cannot be undone: the merged contact was changed since (edited, \
                  given new rows, or merged again). Undo the later changes first."
            .into(),
    }
}

/// Undoes a merge: every row about the contacts it involved is put back exactly as it was
/// before (the merged contacts return under their ids and references), the aliases go and the
/// merge is marked undone. Refused (`conflict`) when anything about the survivor changed since
/// the merge, or when it was undone already. The actor must be able to edit the survivor.
pub async fn unmerge(
    db: &Database,
    actor: &Actor,
    merge_id: &str,
    now: DateTime<Utc>,
) -> CoreResult<MergeOutcome> {
    authorize(db, actor, Action::EditContacts).await?;
    let what = "undo a merge";
    let Ok(number) = parse_id("merge", merge_id) else {
        return Err(out_of_scope(db, actor, "merge", merge_id, what).await);
    };
    let found: Option<(i64, String, Option<String>)> = sqlx::query_as(
        "SELECT survivor_id, merged_ids, undone_at FROM contact_merges WHERE id = ?",
    )
    .bind(number)
    .fetch_optional(db.reader())
    .await?;
    let Some((survivor, merged, undone)) = found else {
        return Err(CoreError::not_found("merge", merge_id));
    };
    let merged: Vec<i64> = serde_json::from_str(&merged).unwrap_or_default();
    if undone.is_some() {
        return Err(already_undone());
    }
    // The survivor must still be itself (not merged into someone else) and in reach.
    {
        let mut conn = db.reader().acquire().await?;
        let exists: bool =
            sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM contacts WHERE id = ?)")
                .bind(survivor)
                .fetch_one(&mut *conn)
                .await?;
        if !exists {
            return Err(stale());
        }
        if contacts::visible_among(&mut conn, actor, &[survivor])
            .await?
            .is_empty()
        {
            drop(conn);
            return Err(out_of_scope(db, actor, "merge", merge_id, what).await);
        }
    }

    let mut tx = db.write().await?;
    let (snapshot_text, after_digest, version, undone): (String, String, i64, Option<String>) =
        sqlx::query_as(
            "SELECT snapshot, after_digest, survivor_version, undone_at FROM contact_merges
             WHERE id = ?",
        )
        .bind(number)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| CoreError::not_found("merge", merge_id))?;
    if undone.is_some() {
        return Err(already_undone());
    }
    let current: Option<(i64, bool)> =
        sqlx::query_as("SELECT version, erased_at IS NOT NULL FROM contacts WHERE id = ?")
            .bind(survivor)
            .fetch_optional(&mut *tx)
            .await?;
    if current != Some((version, false)) {
        return Err(stale());
    }
    let mut ids = vec![survivor];
    ids.extend(&merged);
    if digest(&snapshot(&mut tx, &ids).await?) != after_digest {
        return Err(stale());
    }
    let before: Map<String, Value> = match serde_json::from_str(&snapshot_text) {
        Ok(Value::Object(map)) => map,
        _ => return Err(stale()),
    };

    // Out with the rows as they are now, children first, then back with the rows as they were.
    for (table, condition) in TABLES.iter().skip(1).rev() {
        sqlx::query(&format!("DELETE FROM {table} WHERE {condition}"))
            .bind(json_ids(&ids))
            .execute(&mut *tx)
            .await?;
    }
    let contact_rows = before.get("contacts").cloned().unwrap_or(Value::Null);
    let empty = Vec::new();
    for row in contact_rows.as_array().unwrap_or(&empty) {
        if row.get("id").and_then(Value::as_i64) == Some(survivor) {
            restore_contact_row(&mut tx, survivor, row).await?;
        } else {
            insert_rows(&mut tx, "contacts", &Value::Array(vec![row.clone()])).await?;
        }
    }
    for (table, _) in TABLES.iter().skip(1) {
        if let Some(rows) = before.get(*table) {
            insert_rows(&mut tx, table, rows).await?;
        }
    }
    sqlx::query("DELETE FROM contact_aliases WHERE merge_id = ?")
        .bind(number)
        .execute(&mut *tx)
        .await?;
    for id in &ids {
        reindex(&mut tx, *id).await?;
    }
    sqlx::query("UPDATE contact_merges SET undone_at = ?, undone_by = ? WHERE id = ?")
        .bind(timestamp(now))
        .bind(actor.user_id())
        .bind(number)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        Who::User(actor),
        now,
        Event::new("unmerge", "contact", Some(survivor.to_string())).summary(json!({
            "mergeId": number.to_string(),
            "survivor": contact_reference(survivor),
            "restored": merged.iter().map(|id| contact_reference(*id)).collect::<Vec<_>>(),
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(MergeOutcome {
        merge_id: number.to_string(),
        survivor_id: survivor.to_string(),
        merged: merged.iter().map(i64::to_string).collect(),
    })
}

/// Writes the survivor's row back as the snapshot holds it (in place: other rows refer to it).
async fn restore_contact_row(conn: &mut SqliteConnection, id: i64, row: &Value) -> CoreResult<()> {
    let cols = columns(conn, "contacts").await?;
    let assignments: Vec<String> = cols
        .iter()
        .filter(|(name, _)| name != "id")
        .map(|(name, blob)| {
            let path = format!("json_extract(?1, '$.\"{}\"')", name.replace('\'', "''"));
            let value = if *blob {
                format!("unhex({path})")
            } else {
                path
            };
            format!("{} = {value}", quoted(name))
        })
        .collect();
    sqlx::query(&format!(
        "UPDATE contacts SET {} WHERE id = ?2",
        assignments.join(", ")
    ))
    .bind(row.to_string())
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Erasure: deletes every merge that involved the person (their snapshots hold personal data),
/// with its aliases. While a merge held, the merged records are the same person as the
/// survivor: their rows outside the merge (import undo copies, audit payloads) go too.
/// Returns the audit payloads erased.
pub(crate) async fn erase(conn: &mut SqliteConnection, contact_id: i64) -> CoreResult<u64> {
    // Everyone merged into the person, through chains of merges that still hold.
    let mut people: BTreeSet<i64> = BTreeSet::from([contact_id]);
    loop {
        let more: Vec<i64> = sqlx::query_scalar(
            "SELECT merged_id FROM contact_aliases
             WHERE survivor_id IN (SELECT value FROM json_each(?))",
        )
        .bind(serde_json::to_string(&people).unwrap_or_default())
        .fetch_all(&mut *conn)
        .await?;
        let before = people.len();
        people.extend(more);
        if people.len() == before {
            break;
        }
    }
    let people_json = serde_json::to_string(&people).unwrap_or_default();
    let mut payloads = 0;
    for other in people.iter().filter(|id| **id != contact_id) {
        payloads += audit::erase_payloads(conn, *other).await?;
        sqlx::query("DELETE FROM import_updates WHERE contact_id = ?")
            .bind(other)
            .execute(&mut *conn)
            .await?;
    }
    // Aliases of the person's merges first (they refer to the merges), then the merges.
    sqlx::query(
        "DELETE FROM contact_aliases WHERE merge_id IN (SELECT merge_id FROM contact_merge_members
            WHERE contact_id IN (SELECT value FROM json_each(?)))",
    )
    .bind(&people_json)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "DELETE FROM contact_merges WHERE id IN (SELECT merge_id FROM contact_merge_members
            WHERE contact_id IN (SELECT value FROM json_each(?)))",
    )
    .bind(&people_json)
    .execute(&mut *conn)
    .await?;
    Ok(payloads)
}

/// A merge's id, survivor, time, who merged, when undone, and the merged records as a JSON
/// array of "name (reference)".
type HistoryRow = (i64, i64, String, Option<String>, Option<String>, String);

/// The latest merges (newest first) whose survivor the actor may see and edit.
pub async fn recent_merges(
    db: &Database,
    actor: &Actor,
    limit: u32,
) -> CoreResult<Vec<MergeSummary>> {
    authorize(db, actor, Action::EditContacts).await?;
    let rows: Vec<HistoryRow> = sqlx::query_as(
        "SELECT m.id, m.survivor_id, m.merged_at, u.display_name, m.undone_at,
           (SELECT ifnull(json_group_array(
                json_extract(c.value, '$.display_name') || ' (' ||
                json_extract(c.value, '$.reference') || ')'), '[]')
              FROM json_each(m.snapshot, '$.contacts') c
              WHERE json_extract(c.value, '$.id') <> m.survivor_id)
         FROM contact_merges m LEFT JOIN users u ON u.id = m.merged_by
         ORDER BY m.id DESC LIMIT ?",
    )
    .bind(i64::from(limit.min(500)))
    .fetch_all(db.reader())
    .await?;
    let survivors: Vec<String> = rows.iter().map(|r| r.1.to_string()).collect();
    let visible: BTreeMap<String, (String, String)> = contacts::rows_of(db, actor, &survivors)
        .await?
        .into_iter()
        .map(|row| (row.id, (row.display_name, row.reference)))
        .collect();
    Ok(rows
        .into_iter()
        .filter_map(|(id, survivor, merged_at, by, undone_at, merged)| {
            let (name, reference) = visible.get(&survivor.to_string())?.clone();
            Some(MergeSummary {
                merge_id: id.to_string(),
                survivor_id: survivor.to_string(),
                survivor_name: name,
                survivor_reference: reference,
                merged: serde_json::from_str(&merged).unwrap_or_default(),
                merged_at,
                merged_by: by,
                undone_at,
            })
        })
        .collect())
}
