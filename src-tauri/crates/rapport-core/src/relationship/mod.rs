//! Relationship maps: relationships between contacts (a reports-to hierarchy without loops,
//! assistants, colleagues, influence and kinds an administrator adds), levels and teams inside
//! an account, the account's communication flows, and the maps and networks drawn from them.
//!
//! The rules of contacts hold here too: a user sees and edits only the people in their scope;
//! someone outside it who is needed to draw a relationship appears as an anonymous placeholder
//! ("hidden-1"), never with their id or any personal data. Every edit is validated, checked and
//! audited in the transaction that makes it, and relationship edits go into an undo log
//! (`relationship_changes`) whose entries can be undone while nothing changed since. Like
//! `contact/` and `engagement/`, the SQL stays beside the rules it enforces.

pub mod edit;
pub mod flows;
pub mod groups;
pub mod kinds;
pub mod map;
mod map_undo;
pub(crate) mod privacy;

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;

use crate::access::{authorize, out_of_scope, Action, Actor};
use crate::error::{CoreError, CoreResult};
use crate::model::*;
use crate::store::contacts;
use crate::validate::Problems;
use crate::Database;

pub use edit::{add_relationship, remove_relationship, set_reports_to, undo_change};
pub use flows::{delete_flow, save_flow};
pub use groups::{delete_group, save_group};
pub use kinds::{list_kinds, save_kind};
pub use map::{
    account_map, account_network, contact_network, contact_relationships, list_map_accounts,
};

/// How a person outside the user's scope is shown.
pub const HIDDEN_NAME: &str = "Someone outside your area";
pub const REPORTS_TO: &str = "reports_to";

const MAX_NAME_CHARS: usize = 100;
const MAX_NOTE_CHARS: usize = 2_000;

fn wire(id: i64) -> String {
    id.to_string()
}

fn json_ids(ids: &[i64]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".into())
}

/// Whether any of these contacts has been erased since: an undo never brings one back.
async fn any_erased(conn: &mut SqliteConnection, ids: &[i64]) -> CoreResult<bool> {
    Ok(sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM contacts WHERE erased_at IS NOT NULL
            AND id IN (SELECT value FROM json_each(?)))",
    )
    .bind(json_ids(ids))
    .fetch_one(&mut *conn)
    .await?)
}

/// A relationship row as stored, and as the undo log keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
pub(crate) struct StoredRelationship {
    pub id: i64,
    pub from_contact_id: i64,
    pub to_contact_id: i64,
    pub kind: String,
    pub note: Option<String>,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub created_at: String,
    pub created_by: Option<i64>,
}

pub(crate) const SELECT_RELATIONSHIP: &str = "SELECT r.id, r.from_contact_id, r.to_contact_id,
    r.kind, r.note, r.starts_on, r.ends_on, r.created_at, r.created_by FROM relationships r";

impl StoredRelationship {
    /// The wire shape, each end named by `end` (an id, or a placeholder's).
    fn to_wire(&self, end: &mut impl FnMut(i64) -> String) -> Relationship {
        Relationship {
            id: wire(self.id),
            from_id: end(self.from_contact_id),
            to_id: end(self.to_contact_id),
            kind: self.kind.clone(),
            note: self.note.clone(),
            starts_on: self.starts_on.clone(),
            ends_on: self.ends_on.clone(),
        }
    }
}

/// Numbers the people outside the user's scope in the order they are met ("hidden-1", ...),
/// so a map shows where the structure goes on without saying who is there.
#[derive(Debug, Default)]
struct Placeholders {
    ids: HashMap<i64, String>,
}

impl Placeholders {
    fn id_for(&mut self, contact: i64) -> String {
        let next = self.ids.len() + 1;
        self.ids
            .entry(contact)
            .or_insert_with(|| format!("hidden-{next}"))
            .clone()
    }

    /// The placeholders met so far, in their numbering.
    fn people(&self) -> Vec<MapPerson> {
        let mut ids: Vec<&String> = self.ids.values().collect();
        ids.sort_by_key(|id| {
            id.trim_start_matches("hidden-")
                .parse::<u64>()
                .unwrap_or(u64::MAX)
        });
        ids.into_iter().map(|id| placeholder(id)).collect()
    }
}

fn placeholder(id: &str) -> MapPerson {
    MapPerson {
        id: id.to_string(),
        placeholder: true,
        display_name: HIDDEN_NAME.into(),
        initials: "?".into(),
        job_title: None,
        department: None,
        contact_type: None,
        status: None,
        has_photo: false,
        quality: None,
        sites: Vec::new(),
        group_ids: Vec::new(),
    }
}

#[derive(sqlx::FromRow)]
struct PersonRow {
    id: i64,
    display_name: String,
    first_name: String,
    last_name: String,
    job_title: Option<String>,
    department: Option<String>,
    contact_type: ContactType,
    status: ContactStatus,
    has_photo: bool,
    reachable: bool,
    verified_at: Option<DateTime<Utc>>,
}

fn initials(first: &str, last: &str, display: &str) -> String {
    let mut out: String = [first, last]
        .iter()
        .filter_map(|part| part.chars().next())
        .flat_map(char::to_uppercase)
        .collect();
    if out.is_empty() {
        out = display
            .split_whitespace()
            .filter_map(|w| w.chars().next())
            .take(2)
            .flat_map(char::to_uppercase)
            .collect();
    }
    out
}

fn quality(row: &PersonRow, now: DateTime<Utc>) -> Option<String> {
    if row.status == ContactStatus::Inactive {
        return Some("inactive".into());
    }
    if !row.reachable {
        return Some("no email or phone".into());
    }
    if row
        .verified_at
        .is_none_or(|at| at < now - Duration::days(365))
    {
        return Some("not verified for a year".into());
    }
    None
}

/// The people among `ids` the actor may see, in id order, as maps show them. `account` limits
/// their sites and groups to one account's.
async fn map_people(
    conn: &mut SqliteConnection,
    actor: &Actor,
    ids: &[i64],
    account: Option<i64>,
    now: DateTime<Utc>,
) -> CoreResult<Vec<MapPerson>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut builder = sqlx::QueryBuilder::new(
        "SELECT c.id, c.display_name, c.first_name, c.last_name, c.job_title, c.department,
            c.contact_type, c.status, c.photo IS NOT NULL AS has_photo,
            (c.primary_email IS NOT NULL OR c.primary_phone IS NOT NULL) AS reachable,
            c.verified_at
         FROM contacts c WHERE c.id IN (SELECT value FROM json_each(",
    );
    builder.push_bind(json_ids(ids)).push("))");
    crate::access::scope::push_contact_scope(&mut builder, actor);
    builder.push(" ORDER BY c.id");
    let rows: Vec<PersonRow> = builder.build_query_as().fetch_all(&mut *conn).await?;
    let list = json_ids(&rows.iter().map(|r| r.id).collect::<Vec<_>>());
    let sites: Vec<(i64, i64, SiteRole, bool)> = sqlx::query_as(
        "SELECT cs.contact_id, cs.site_id, cs.role, cs.is_primary
         FROM contact_sites cs JOIN sites s ON s.id = cs.site_id
         WHERE cs.contact_id IN (SELECT value FROM json_each(?1))
           AND (?2 IS NULL OR s.account_id = ?2)
         ORDER BY cs.contact_id, cs.site_id",
    )
    .bind(&list)
    .bind(account)
    .fetch_all(&mut *conn)
    .await?;
    let groups: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT m.contact_id, m.group_id FROM map_group_members m
         JOIN map_groups g ON g.id = m.group_id
         WHERE m.contact_id IN (SELECT value FROM json_each(?1))
           AND (?2 IS NULL OR g.account_id = ?2)
         ORDER BY m.contact_id, g.position, g.id",
    )
    .bind(&list)
    .bind(account)
    .fetch_all(&mut *conn)
    .await?;
    let mut site_roles: HashMap<i64, Vec<MapPersonSite>> = HashMap::new();
    for (contact, site, role, is_primary) in sites {
        site_roles.entry(contact).or_default().push(MapPersonSite {
            site_id: wire(site),
            role,
            is_primary,
        });
    }
    let mut group_ids: HashMap<i64, Vec<String>> = HashMap::new();
    for (contact, group) in groups {
        group_ids.entry(contact).or_default().push(wire(group));
    }
    Ok(rows
        .into_iter()
        .map(|row| MapPerson {
            id: wire(row.id),
            placeholder: false,
            initials: initials(&row.first_name, &row.last_name, &row.display_name),
            quality: quality(&row, now),
            sites: site_roles.remove(&row.id).unwrap_or_default(),
            group_ids: group_ids.remove(&row.id).unwrap_or_default(),
            display_name: row.display_name,
            job_title: row.job_title,
            department: row.department,
            contact_type: Some(row.contact_type),
            status: Some(row.status),
            has_photo: row.has_photo,
        })
        .collect())
}

/// Display names by id (for messages about people the actor may see).
async fn names(conn: &mut SqliteConnection, ids: &[i64]) -> CoreResult<HashMap<i64, String>> {
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT id, display_name FROM contacts WHERE id IN (SELECT value FROM json_each(?))",
    )
    .bind(json_ids(ids))
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().collect())
}

/// Those of `ids` the actor may see.
async fn visible(
    conn: &mut SqliteConnection,
    actor: &Actor,
    ids: &[i64],
) -> CoreResult<HashSet<i64>> {
    if actor.role() == Role::SiteAdmin {
        return Ok(ids.iter().copied().collect());
    }
    Ok(contacts::visible_among(conn, actor, ids)
        .await?
        .into_iter()
        .collect())
}

/// The contacts named by wire ids (each with the field that named it), each one the actor may
/// edit and not erased. Out of scope is `not_found`, audited.
async fn editable_contacts(
    db: &Database,
    actor: &Actor,
    named: &[(&str, String)],
    what: &str,
) -> CoreResult<Vec<i64>> {
    authorize(db, actor, Action::EditContacts).await?;
    let mut ids = Vec::with_capacity(named.len());
    for (_, id) in named {
        match parse_id("contact", id) {
            Ok(number) => ids.push(number),
            Err(_) => return Err(out_of_scope(db, actor, "contact", id, what).await),
        }
    }
    let mut conn = db.reader().acquire().await?;
    let seen = contacts::visible_among(&mut conn, actor, &ids).await?;
    if let Some(missing) = ids.iter().find(|id| !seen.contains(id)) {
        drop(conn);
        return Err(out_of_scope(db, actor, "contact", &missing.to_string(), what).await);
    }
    let erased: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM contacts WHERE erased_at IS NOT NULL
            AND id IN (SELECT value FROM json_each(?))",
    )
    .bind(json_ids(&ids))
    .fetch_all(&mut *conn)
    .await?;
    if let Some(((field, _), _)) = named.iter().zip(&ids).find(|(_, id)| erased.contains(id)) {
        return Err(CoreError::invalid(
            *field,
            "this person's data was erased; the record is only a tombstone",
        ));
    }
    Ok(ids)
}

/// An account's number and name, for a user who may view contacts and sees at least one person
/// of the account (site administrators see every account); `not_found` otherwise, audited.
async fn reachable_account(
    db: &Database,
    actor: &Actor,
    account_id: &str,
    action: Action,
    what: &str,
) -> CoreResult<(i64, String)> {
    authorize(db, actor, action).await?;
    let Ok(account) = parse_id("account", account_id) else {
        return Err(out_of_scope(db, actor, "account", account_id, what).await);
    };
    let found: Option<String> = sqlx::query_scalar("SELECT name FROM accounts WHERE id = ?")
        .bind(account)
        .fetch_optional(db.reader())
        .await?;
    let Some(name) = found else {
        return Err(CoreError::not_found("account", account_id));
    };
    if actor.role() == Role::SiteAdmin {
        return Ok((account, name));
    }
    let mut builder = sqlx::QueryBuilder::new(
        "SELECT EXISTS (SELECT 1 FROM contacts c WHERE c.id IN (SELECT cs.contact_id
            FROM contact_sites cs JOIN sites s ON s.id = cs.site_id WHERE s.account_id = ",
    );
    builder.push_bind(account).push(")");
    crate::access::scope::push_contact_scope(&mut builder, actor);
    builder.push(")");
    let sees: bool = builder.build_query_scalar().fetch_one(db.reader()).await?;
    if sees {
        Ok((account, name))
    } else {
        Err(out_of_scope(db, actor, "account", account_id, what).await)
    }
}

/// Every contact at a site of the account, in scope or not.
async fn account_contacts(conn: &mut SqliteConnection, account: i64) -> CoreResult<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT DISTINCT cs.contact_id FROM sites s
         JOIN contact_sites cs ON cs.site_id = s.id
         WHERE s.account_id = ? ORDER BY cs.contact_id",
    )
    .bind(account)
    .fetch_all(&mut *conn)
    .await?)
}

/// Refuses people who are not at a site of the account, naming the first by its place in
/// `field` (e.g. `memberIds.2`).
async fn refuse_outside_account(
    conn: &mut SqliteConnection,
    account: i64,
    people: &[i64],
    field: &str,
) -> CoreResult<()> {
    let in_account: HashSet<i64> = account_contacts(conn, account).await?.into_iter().collect();
    match people.iter().position(|p| !in_account.contains(p)) {
        Some(index) => Err(CoreError::invalid(
            format!("{field}.{index}"),
            "is not at a site of this account",
        )),
        None => Ok(()),
    }
}

/// The number of an existing group or flow being edited (none for a new one); an id that is
/// not a number is answered like one that does not exist.
async fn edited_id(
    db: &Database,
    actor: &Actor,
    entity: &'static str,
    id: Option<&str>,
) -> CoreResult<Option<i64>> {
    match id {
        Some(id) => match parse_id(entity, id) {
            Ok(number) => Ok(Some(number)),
            Err(_) => Err(out_of_scope(db, actor, entity, id, "edit").await),
        },
        None => Ok(None),
    }
}

fn ts(at: DateTime<Utc>) -> String {
    crate::store::timestamp(at)
}
