//! Reading maps: an account's map (its people, their relationships, levels and teams and
//! communication flows), a person's network across accounts, a contact's relationships, and the
//! accounts a user can open a map of. Each is a handful of set-based queries, however many
//! people the account holds.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use sqlx::{QueryBuilder, SqliteConnection};

use super::{
    account_contacts, flows, groups, json_ids, kinds, map_people, reachable_account, visible, wire,
    Placeholders, StoredRelationship, SELECT_RELATIONSHIP,
};
use crate::access::scope::push_contact_scope;
use crate::access::{authorize, Action, Actor, Reach};
use crate::error::{CoreError, CoreResult};
use crate::model::*;
use crate::store::contacts;
use crate::Database;

/// Most people a network walk gathers before it stops (`truncated`).
pub const NETWORK_LIMIT: usize = 5_000;
/// Deepest network walk.
pub const MAX_DEPTH: u32 = 4;
/// Most accounts `list_map_accounts` returns.
const MAX_ACCOUNTS: i64 = 200;

/// An account's relationship map as the actor may see it. People are the contacts at the
/// account's sites in the actor's scope; relationships are those between people of the account
/// with at least one end in scope, the other end shown as a placeholder when it is not.
pub async fn account_map(
    db: &Database,
    actor: &Actor,
    account_id: &str,
    now: DateTime<Utc>,
) -> CoreResult<AccountMap> {
    let (account, account_name) =
        reachable_account(db, actor, account_id, Action::ViewContacts, "view a map").await?;
    let may_edit = matches!(
        actor.reach(Action::EditContacts),
        Ok(Reach::Scope | Reach::All)
    );
    let mut conn = db.reader().acquire().await?;
    let sites: Vec<(i64, String, String, String)> = sqlx::query_as(
        "SELECT s.id, s.name, s.city, t.name FROM sites s JOIN territories t ON t.id = s.territory_id
         WHERE s.account_id = ? ORDER BY s.name, s.id",
    )
    .bind(account)
    .fetch_all(&mut *conn)
    .await?;
    let members = account_contacts(&mut conn, account).await?;
    let seen = visible(&mut conn, actor, &members).await?;
    let mut shown: Vec<i64> = members
        .iter()
        .copied()
        .filter(|id| seen.contains(id))
        .collect();
    shown.sort_unstable();
    let mut people = map_people(&mut conn, actor, &shown, Some(account), now).await?;
    let rows: Vec<StoredRelationship> = sqlx::query_as(&format!(
        "WITH people(id) AS (SELECT value FROM json_each(?1))
         {SELECT_RELATIONSHIP}
         WHERE r.from_contact_id IN people AND r.to_contact_id IN people
         ORDER BY r.id"
    ))
    .bind(json_ids(&members))
    .fetch_all(&mut *conn)
    .await?;
    let mut hidden = Placeholders::default();
    let mut relationships = Vec::new();
    for row in rows {
        let (a, b) = (
            seen.contains(&row.from_contact_id),
            seen.contains(&row.to_contact_id),
        );
        if !a && !b {
            continue;
        }
        relationships.push(row.to_wire(&mut |id| {
            if seen.contains(&id) {
                wire(id)
            } else {
                hidden.id_for(id)
            }
        }));
    }
    people.extend(hidden.people());
    let groups = groups::of_account(&mut conn, account, &seen).await?;
    let flows = flows::of_account(&mut conn, account, None, &seen, now).await?;
    let kinds = kinds::all(&mut conn).await?;
    Ok(AccountMap {
        account_id: wire(account),
        account_name,
        sites: sites
            .into_iter()
            .map(|(id, name, city, territory_name)| MapSite {
                id: wire(id),
                name,
                city,
                territory_name,
            })
            .collect(),
        people,
        relationships,
        groups,
        flows,
        kinds,
        may_edit,
    })
}

/// A person's network: the people reached from them along relationships of `kinds` (every
/// kind when empty), either way round, up to `depth` steps (1 to 4), across accounts. People
/// outside the actor's scope appear as placeholders and the walk does not go on through them.
/// It stops at [`NETWORK_LIMIT`] people (`truncated`).
pub async fn contact_network(
    db: &Database,
    actor: &Actor,
    contact_id: &str,
    depth: u32,
    kinds: &[String],
    now: DateTime<Utc>,
) -> CoreResult<Network> {
    check_depth(depth)?;
    let start = contacts::visible_id(db, actor, contact_id, "view a network").await?;
    let mut conn = db.reader().acquire().await?;
    walk(&mut conn, actor, vec![start], depth, kinds, now).await
}

/// An account's network: its people in the actor's scope, the relationships among them and
/// those reaching out to other accounts, `depth` steps along `kinds` as [`contact_network`]
/// walks.
pub async fn account_network(
    db: &Database,
    actor: &Actor,
    account_id: &str,
    depth: u32,
    kinds: &[String],
    now: DateTime<Utc>,
) -> CoreResult<Network> {
    check_depth(depth)?;
    let (account, _) = reachable_account(
        db,
        actor,
        account_id,
        Action::ViewContacts,
        "view a network",
    )
    .await?;
    let mut conn = db.reader().acquire().await?;
    let members = account_contacts(&mut conn, account).await?;
    let seen = visible(&mut conn, actor, &members).await?;
    let mut start: Vec<i64> = members.into_iter().filter(|id| seen.contains(id)).collect();
    start.truncate(NETWORK_LIMIT);
    walk(&mut conn, actor, start, depth, kinds, now).await
}

fn check_depth(depth: u32) -> CoreResult<()> {
    if (1..=MAX_DEPTH).contains(&depth) {
        Ok(())
    } else {
        Err(CoreError::invalid(
            "depth",
            format!("is between 1 and {MAX_DEPTH}"),
        ))
    }
}

/// Walks out from `start` (people the actor may see) breadth first, one query per step.
async fn walk(
    conn: &mut SqliteConnection,
    actor: &Actor,
    start: Vec<i64>,
    depth: u32,
    kinds: &[String],
    now: DateTime<Utc>,
) -> CoreResult<Network> {
    let kinds_json = serde_json::to_string(kinds).unwrap_or_else(|_| "[]".into());
    let mut reached: Vec<i64> = start.clone();
    let mut known: HashSet<i64> = start.iter().copied().collect();
    let mut seen: HashSet<i64> = known.clone();
    let mut edges: Vec<StoredRelationship> = Vec::new();
    let mut edge_ids: HashSet<i64> = HashSet::new();
    let mut frontier: Vec<i64> = start.clone();
    let mut truncated = false;
    'walk: for _ in 0..depth {
        if frontier.is_empty() {
            break;
        }
        let rows: Vec<StoredRelationship> = sqlx::query_as(&format!(
            "WITH f(id) AS (SELECT value FROM json_each(?1))
             SELECT * FROM ({SELECT_RELATIONSHIP} WHERE r.from_contact_id IN f
                 UNION {SELECT_RELATIONSHIP} WHERE r.to_contact_id IN f)
             WHERE json_array_length(?2) = 0 OR kind IN (SELECT value FROM json_each(?2))
             ORDER BY id"
        ))
        .bind(json_ids(&frontier))
        .bind(&kinds_json)
        .fetch_all(&mut *conn)
        .await?;
        let mut fresh: Vec<i64> = rows
            .iter()
            .flat_map(|r| [r.from_contact_id, r.to_contact_id])
            .filter(|id| !known.contains(id))
            .collect();
        fresh.sort_unstable();
        fresh.dedup();
        let fresh_seen = visible(conn, actor, &fresh).await?;
        let mut next = Vec::new();
        for row in rows {
            if edge_ids.contains(&row.id) {
                continue;
            }
            for end in [row.from_contact_id, row.to_contact_id] {
                if known.insert(end) {
                    if known.len() > NETWORK_LIMIT {
                        truncated = true;
                        known.remove(&end);
                        break 'walk;
                    }
                    reached.push(end);
                    if fresh_seen.contains(&end) {
                        seen.insert(end);
                        next.push(end);
                    }
                }
            }
            edge_ids.insert(row.id);
            edges.push(row);
        }
        frontier = next;
    }
    let shown: Vec<i64> = reached
        .iter()
        .copied()
        .filter(|id| seen.contains(id))
        .collect();
    let mut people = map_people(conn, actor, &shown, None, now).await?;
    let sites = network_sites(conn, &shown).await?;
    let groups = groups::of_people(conn, &shown).await?;
    let mut hidden = Placeholders::default();
    let relationships = edges
        .iter()
        .filter(|r| seen.contains(&r.from_contact_id) || seen.contains(&r.to_contact_id))
        .map(|r| {
            r.to_wire(&mut |id| {
                if seen.contains(&id) {
                    wire(id)
                } else {
                    hidden.id_for(id)
                }
            })
        })
        .collect();
    people.extend(hidden.people());
    Ok(Network {
        start_ids: start.into_iter().map(wire).collect(),
        people,
        relationships,
        sites,
        groups,
        truncated,
    })
}

/// The sites of `people`, with their account and territory.
async fn network_sites(
    conn: &mut SqliteConnection,
    people: &[i64],
) -> CoreResult<Vec<NetworkSite>> {
    let rows: Vec<(i64, String, i64, String, i64, String)> = sqlx::query_as(
        "SELECT s.id, s.name, a.id, a.name, t.id, t.name FROM sites s
         JOIN accounts a ON a.id = s.account_id JOIN territories t ON t.id = s.territory_id
         WHERE s.id IN (SELECT cs.site_id FROM contact_sites cs
             WHERE cs.contact_id IN (SELECT value FROM json_each(?)))
         ORDER BY a.name, s.name, s.id",
    )
    .bind(json_ids(people))
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, name, account, account_name, territory, territory_name)| NetworkSite {
                id: wire(id),
                name,
                account_id: wire(account),
                account_name,
                territory_id: wire(territory),
                territory_name,
            },
        )
        .collect())
}

/// A contact's relationships with the person at the other end of each (a placeholder when
/// outside the actor's scope), for the contact page.
pub async fn contact_relationships(
    db: &Database,
    actor: &Actor,
    contact_id: &str,
    now: DateTime<Utc>,
) -> CoreResult<Vec<ContactRelationship>> {
    let contact = contacts::visible_id(db, actor, contact_id, "view relationships").await?;
    let mut conn = db.reader().acquire().await?;
    let rows: Vec<StoredRelationship> = sqlx::query_as(&format!(
        "SELECT * FROM ({SELECT_RELATIONSHIP} WHERE r.from_contact_id = ?1
            UNION {SELECT_RELATIONSHIP} WHERE r.to_contact_id = ?1)
         ORDER BY kind, id"
    ))
    .bind(contact)
    .fetch_all(&mut *conn)
    .await?;
    let others: Vec<i64> = rows
        .iter()
        .map(|r| {
            if r.from_contact_id == contact {
                r.to_contact_id
            } else {
                r.from_contact_id
            }
        })
        .collect();
    let people: HashMap<String, MapPerson> = map_people(&mut conn, actor, &others, None, now)
        .await?
        .into_iter()
        .map(|p| (p.id.clone(), p))
        .collect();
    let mut hidden = Placeholders::default();
    let mut out = Vec::with_capacity(rows.len());
    for (row, other) in rows.iter().zip(others) {
        let other_person = match people.get(&wire(other)) {
            Some(person) => person.clone(),
            None => super::placeholder(&hidden.id_for(other)),
        };
        let relationship = row.to_wire(&mut |id| {
            if id == other && other_person.placeholder {
                other_person.id.clone()
            } else {
                wire(id)
            }
        });
        out.push(ContactRelationship {
            relationship,
            outgoing: row.from_contact_id == contact,
            other: other_person,
        });
    }
    Ok(out)
}

/// Accounts with at least one person the actor may see, by name, optionally those whose name
/// holds `query`; at most 200.
pub async fn list_map_accounts(
    db: &Database,
    actor: &Actor,
    query: Option<&str>,
) -> CoreResult<Vec<MapAccount>> {
    authorize(db, actor, Action::ViewContacts).await?;
    let pattern = crate::validate::optional(query).map(|q| {
        format!(
            "%{}%",
            q.replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        )
    });
    // First the page of accounts in name order, each with someone in scope (the name index
    // stops the walk at the page); then the counts of those accounts only, so the list costs
    // the same with a million contacts as with a thousand.
    let mut page =
        QueryBuilder::new("SELECT a.id FROM accounts a INDEXED BY accounts_by_name WHERE 1");
    if let Some(pattern) = pattern {
        page.push(" AND a.name LIKE ")
            .push_bind(pattern)
            .push(" ESCAPE '\\'");
    }
    page.push(
        " AND EXISTS (SELECT 1 FROM sites s JOIN contact_sites cs ON cs.site_id = s.id
            JOIN contacts c ON c.id = cs.contact_id WHERE s.account_id = a.id",
    );
    push_contact_scope(&mut page, actor);
    page.push(") ORDER BY a.name, a.id LIMIT ")
        .push_bind(MAX_ACCOUNTS);
    let ids: Vec<i64> = page.build_query_scalar().fetch_all(db.reader()).await?;
    let mut counts = QueryBuilder::new(
        "SELECT a.id, a.name, (SELECT count(*) FROM sites s2 WHERE s2.account_id = a.id),
            (SELECT count(DISTINCT c.id) FROM sites s JOIN contact_sites cs ON cs.site_id = s.id
             JOIN contacts c ON c.id = cs.contact_id WHERE s.account_id = a.id",
    );
    push_contact_scope(&mut counts, actor);
    counts
        .push(") FROM accounts a WHERE a.id IN (SELECT value FROM json_each(")
        .push_bind(json_ids(&ids))
        .push(")) ORDER BY a.name, a.id");
    let rows: Vec<(i64, String, i64, i64)> = counts.build_query_as().fetch_all(db.reader()).await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, sites, people)| MapAccount {
            id: wire(id),
            name,
            site_count: u32::try_from(sites).unwrap_or(u32::MAX),
            people_count: u32::try_from(people).unwrap_or(u32::MAX),
        })
        .collect())
}
