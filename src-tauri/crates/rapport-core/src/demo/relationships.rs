//! The demo organisation's relationship maps, after the seed's Acme example: every account gets
//! the levels Executive, Project and Support, a reports-to hierarchy over its people (the most
//! senior titles at the top, everyone under the executive head), a few assistant, works-with
//! and influence links,
//! and the three flows of the seed's communication matrix. All of it from each account's
//! contacts in id order, so the same demo gives the same maps; rows go in with multi-row
//! inserts in one transaction.

use std::collections::HashMap;

use serde_json::json;

use super::DemoOptions;
use crate::audit::{self, Event, Who};
use crate::error::CoreResult;
use crate::model::ContactType;
use crate::store::bulk::{insert_rows, SqlValue, TableSpec};
use crate::store::timestamp;
use crate::Database;

const RELATIONSHIPS: TableSpec = TableSpec {
    name: "relationships",
    columns: &["from_contact_id", "to_contact_id", "kind", "created_at"],
};
const GROUPS: TableSpec = TableSpec {
    name: "map_groups",
    columns: &["id", "account_id", "kind", "name", "position"],
};
const MEMBERS: TableSpec = TableSpec {
    name: "map_group_members",
    columns: &["group_id", "contact_id"],
};
const FLOWS: TableSpec = TableSpec {
    name: "communication_flows",
    columns: &[
        "id",
        "account_id",
        "name",
        "frequency",
        "format",
        "owner_user_id",
        "channel",
        "created_at",
        "updated_at",
    ],
};
const PARTICIPANTS: TableSpec = TableSpec {
    name: "communication_flow_participants",
    columns: &["flow_id", "group_id"],
};

/// (level, flow name, frequency, format, channel), as in the seed's communication matrix.
const LEVELS: [(&str, &str, &str, &str, &str); 3] = [
    (
        "Executive",
        "Executive Updates",
        "monthly",
        "Executive summary",
        "meeting",
    ),
    (
        "Project",
        "Project Updates",
        "weekly",
        "Status report",
        "email",
    ),
    (
        "Support",
        "Support Updates",
        "daily",
        "Ticket summary",
        "email",
    ),
];

/// Which level a contact type belongs to: management at the top, finance and administration
/// on projects, operations and emergency contacts in support.
fn level_of(contact_type: ContactType) -> usize {
    match contact_type {
        ContactType::Primary => 0,
        ContactType::Billing | ContactType::Other => 1,
        ContactType::Operations | ContactType::Emergency => 2,
    }
}

/// Each member reports to the one `BRANCHING` places before them in their level (a tree three
/// wide); the head of the project and support levels reports to the executive head.
const BRANCHING: usize = 3;

/// How senior a demo job title sounds, so the heads of a level are its directors and managers
/// and a clerk never heads a managing director.
fn seniority(title: Option<&str>) -> u8 {
    let title = title.unwrap_or_default();
    const RANKS: [(&str, u8); 9] = [
        ("Managing Director", 9),
        ("Director", 8),
        ("General Manager", 7),
        ("Head of", 7),
        ("Controller", 6),
        ("Manager", 5),
        ("Lead", 4),
        ("Supervisor", 3),
        ("Coordinator", 2),
    ];
    RANKS
        .iter()
        .find(|(word, _)| title.contains(word))
        .map_or(1, |(_, rank)| *rank)
}

#[derive(sqlx::FromRow)]
struct Person {
    id: i64,
    account_id: i64,
    contact_type: ContactType,
    job_title: Option<String>,
    owner: Option<String>,
}

/// Adds the relationship maps to a freshly created demo organisation.
pub(super) async fn create(db: &Database, options: DemoOptions) -> CoreResult<()> {
    let users: HashMap<String, i64> = sqlx::query_as("SELECT username, id FROM users")
        .fetch_all(db.reader())
        .await?
        .into_iter()
        .collect();
    let admin = users.get("admin").copied();
    let accounts: Vec<i64> = sqlx::query_scalar("SELECT id FROM accounts ORDER BY id")
        .fetch_all(db.reader())
        .await?;
    // Each contact once, at its first site's account.
    let rows: Vec<Person> = sqlx::query_as(
        "SELECT c.id, s.account_id, c.contact_type, c.job_title, c.owner FROM contacts c
         JOIN sites s ON s.id = (SELECT min(site_id) FROM contact_sites cs WHERE cs.contact_id = c.id)
         WHERE c.erased_at IS NULL ORDER BY s.account_id, c.id",
    )
    .fetch_all(db.reader())
    .await?;
    let mut by_account: HashMap<i64, Vec<Person>> = HashMap::new();
    for person in rows {
        by_account
            .entry(person.account_id)
            .or_default()
            .push(person);
    }

    let at = timestamp(options.now);
    let mut relationships: Vec<Vec<SqlValue>> = Vec::new();
    let mut groups: Vec<Vec<SqlValue>> = Vec::new();
    let mut members: Vec<Vec<SqlValue>> = Vec::new();
    let mut flows: Vec<Vec<SqlValue>> = Vec::new();
    let mut participants: Vec<Vec<SqlValue>> = Vec::new();
    let mut edge = |from: i64, to: i64, kind: &str| {
        relationships.push(vec![from.into(), to.into(), kind.into(), at.clone().into()]);
    };
    let mut next_group = 1i64;
    // Executive and project heads of each account, to link sister accounts below.
    let mut account_heads: Vec<(i64, i64)> = Vec::new();
    for account in &accounts {
        let people = by_account.remove(account).unwrap_or_default();
        let mut levels: [Vec<&Person>; 3] = [Vec::new(), Vec::new(), Vec::new()];
        for person in &people {
            levels[level_of(person.contact_type)].push(person);
        }
        // Most senior first (stable: the same demo gives the same maps).
        for level in &mut levels {
            level.sort_by_key(|p| std::cmp::Reverse(seniority(p.job_title.as_deref())));
        }
        // A level nobody's type fills borrows the least senior of the largest one, so every
        // level has people when the account has three or more.
        for empty in 0..3 {
            if levels[empty].is_empty() {
                let largest = (0..3).max_by_key(|l| levels[*l].len()).unwrap_or(0);
                if levels[largest].len() > 1 {
                    if let Some(moved) = levels[largest].pop() {
                        levels[empty].push(moved);
                    }
                }
            }
        }
        let owner = people
            .iter()
            .find_map(|p| p.owner.as_ref().and_then(|o| users.get(o)).copied())
            .or(admin);
        for (position, (level, flow, frequency, format, channel)) in LEVELS.iter().enumerate() {
            let group = next_group;
            next_group += 1;
            groups.push(vec![
                group.into(),
                (*account).into(),
                "level".into(),
                (*level).into(),
                (position as i64).into(),
            ]);
            for (i, person) in levels[position].iter().enumerate() {
                members.push(vec![group.into(), person.id.into()]);
                if i > 0 {
                    let manager = levels[position][(i - 1) / BRANCHING];
                    edge(person.id, manager.id, "reports_to");
                }
            }
            flows.push(vec![
                group.into(),
                (*account).into(),
                (*flow).into(),
                (*frequency).into(),
                (*format).into(),
                owner.into(),
                (*channel).into(),
                at.clone().into(),
                at.clone().into(),
            ]);
            participants.push(vec![group.into(), group.into()]);
        }
        let heads: Vec<&Person> = levels.iter().filter_map(|l| l.first().copied()).collect();
        // One organisation: the project and support heads report to the executive head and
        // work together; the executive head influences the project head; the last of the
        // project level assists the executive head.
        if let [executive, project, support] = heads.as_slice() {
            account_heads.push((executive.id, project.id));
            edge(project.id, executive.id, "reports_to");
            edge(support.id, executive.id, "reports_to");
            edge(project.id, support.id, "works_with");
            edge(executive.id, project.id, "influences");
            if levels[1].len() > 2 {
                if let Some(assistant) = levels[1].last() {
                    edge(assistant.id, executive.id, "assistant_of");
                }
            }
        }
    }

    // Accounts come in sister pairs (one group, two companies): their executive heads and
    // their project heads work with each other, so networks reach across accounts.
    for pair in account_heads.chunks_exact(2) {
        let [(executive_a, project_a), (executive_b, project_b)] = pair else {
            continue;
        };
        edge(*executive_a, *executive_b, "works_with");
        edge(*project_a, *project_b, "works_with");
    }

    let event = Event::new("bulk_create", "relationship", None).summary(json!({
        "count": relationships.len(),
        "groups": groups.len(),
        "groupMembers": members.len(),
        "flows": flows.len(),
    }));
    let mut tx = db.write().await?;
    for (table, rows) in [
        (&GROUPS, groups),
        (&MEMBERS, members),
        (&RELATIONSHIPS, relationships),
        (&FLOWS, flows),
        (&PARTICIPANTS, participants),
    ] {
        insert_rows(&mut tx, table, rows).await?;
    }
    audit::record(&mut tx, Who::System, options.now, event).await?;
    tx.commit().await?;
    Ok(())
}
