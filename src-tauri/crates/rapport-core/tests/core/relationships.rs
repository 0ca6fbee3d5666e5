//! Relationship maps: the reports-to hierarchy refuses loops (also along a long chain),
//! re-parenting and its undo, drawing and removing relationships (audited, the chain verifies),
//! scope on maps (placeholders without personal data), kinds, groups and flows, privacy
//! requests, the demo's maps, and a map of 5,000 people, on a real database.

use std::time::Instant;

use chrono::Duration;
use rapport_core::contact::privacy;
use rapport_core::model::*;
use rapport_core::relationship::{self as rel, HIDDEN_NAME};
use rapport_core::{audit, CoreError, Database, FieldProblem};

use crate::engagement::{ids, log, quiet_demo, IN_TERRITORY, OUTSIDE_REGION};
use crate::{demo_db, fixed_now, sign_in, Demo};

/// The demo without engagement history nor relationships, so each test's are all there are.
async fn clean_demo() -> Demo {
    let demo = quiet_demo().await;
    execute(&demo.db, "DELETE FROM relationships", &[]).await;
    demo
}

/// Runs one statement in a write transaction of its own; returns the last inserted rowid.
async fn execute(db: &Database, sql: &str, binds: &[i64]) -> i64 {
    let mut tx = db.write().await.unwrap();
    let mut query = sqlx::query(sql);
    for bind in binds {
        query = query.bind(*bind);
    }
    let id = query.execute(&mut *tx).await.unwrap().last_insert_rowid();
    tx.commit().await.unwrap();
    id
}

async fn count(db: &Database, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(db.reader())
        .await
        .unwrap()
}

async fn name_of(db: &Database, id: i64) -> String {
    sqlx::query_scalar("SELECT display_name FROM contacts WHERE id = ?")
        .bind(id)
        .fetch_one(db.reader())
        .await
        .unwrap()
}

async fn manager_of(db: &Database, id: i64) -> Option<i64> {
    sqlx::query_scalar(
        "SELECT to_contact_id FROM relationships WHERE from_contact_id = ? AND kind = 'reports_to'",
    )
    .bind(id)
    .fetch_optional(db.reader())
    .await
    .unwrap()
}

fn invalid(error: CoreError) -> FieldProblem {
    match error {
        CoreError::InvalidInput(problem) => problem,
        other => panic!("expected invalid input, got {other:?}"),
    }
}

fn input(from: i64, to: i64, kind: &str) -> RelationshipInput {
    RelationshipInput {
        from_id: from.to_string(),
        to_id: to.to_string(),
        kind: kind.into(),
        note: None,
        starts_on: None,
        ends_on: None,
    }
}

#[tokio::test]
async fn a_reports_to_loop_is_refused_naming_the_people_also_along_a_long_chain() {
    let Demo { db, admin, .. } = &clean_demo().await;
    let now = fixed_now();
    let people = ids(db, IN_TERRITORY).await;
    assert!(people.len() >= 6, "the demo has people to build a chain of");
    let chain = &people[..6];
    // chain[1] reports to chain[0], chain[2] to chain[1], ... chain[5] to chain[4].
    for pair in chain.windows(2) {
        rel::set_reports_to(
            db,
            admin,
            &pair[1].to_string(),
            Some(&pair[0].to_string()),
            now,
        )
        .await
        .unwrap();
    }
    let (top, bottom) = (chain[0], chain[5]);
    let problem = invalid(
        rel::set_reports_to(db, admin, &top.to_string(), Some(&bottom.to_string()), now)
            .await
            .unwrap_err(),
    );
    let (a, b) = (name_of(db, top).await, name_of(db, bottom).await);
    assert_eq!(problem.field, "managerId");
    assert_eq!(
        problem.message,
        format!(
            "{a} cannot report to {b}: {b} already reports to {a} (directly or through others)."
        )
    );
    // The direct case too, and oneself.
    let direct = invalid(
        rel::set_reports_to(
            db,
            admin,
            &chain[0].to_string(),
            Some(&chain[1].to_string()),
            now,
        )
        .await
        .unwrap_err(),
    );
    assert!(direct.message.contains("cannot report to"), "{direct:?}");
    let own = invalid(
        rel::set_reports_to(db, admin, &top.to_string(), Some(&top.to_string()), now)
            .await
            .unwrap_err(),
    );
    assert_eq!(own.field, "managerId");
    // Drawing the loop as a relationship is refused the same way.
    let drawn = invalid(
        rel::add_relationship(db, admin, &input(top, bottom, "reports_to"), now)
            .await
            .unwrap_err(),
    );
    assert_eq!(drawn.field, "toId");
    assert_eq!(manager_of(db, top).await, None, "nothing was written");
    assert_eq!(count(db, "SELECT count(*) FROM relationships").await, 5);
}

#[tokio::test]
async fn re_parenting_replaces_the_manager_and_undo_puts_the_old_one_back() {
    let Demo { db, admin, .. } = &clean_demo().await;
    let now = fixed_now();
    let people = ids(db, IN_TERRITORY).await;
    let (a, b, c) = (people[0], people[1], people[2]);
    let first = rel::set_reports_to(db, admin, &b.to_string(), Some(&a.to_string()), now)
        .await
        .unwrap();
    assert_eq!(
        first.summary,
        format!(
            "{} now reports to {}",
            name_of(db, b).await,
            name_of(db, a).await
        )
    );
    let old_id: i64 = count(db, "SELECT id FROM relationships").await;
    let second = rel::set_reports_to(db, admin, &b.to_string(), Some(&c.to_string()), now)
        .await
        .unwrap();
    assert_eq!(manager_of(db, b).await, Some(c), "re-parented");
    assert_eq!(count(db, "SELECT count(*) FROM relationships").await, 1);

    // The first change's row is gone: undoing it now would lose the second.
    let stale = rel::undo_change(db, admin, &first.change_id, now)
        .await
        .unwrap_err();
    assert_eq!(stale.code(), "conflict", "{stale:?}");
    assert!(stale.user_message().contains("cannot be undone"));

    let undone = rel::undo_change(db, admin, &second.change_id, now)
        .await
        .unwrap();
    assert!(undone.summary.starts_with("Undone: "));
    assert_eq!(manager_of(db, b).await, Some(a), "the old manager is back");
    assert_eq!(
        count(db, "SELECT id FROM relationships").await,
        old_id,
        "under its old id"
    );
    let again = rel::undo_change(db, admin, &second.change_id, now)
        .await
        .unwrap_err();
    assert_eq!(again.code(), "conflict");
    // Now the first change can be undone too: b reports to no one.
    rel::undo_change(db, admin, &first.change_id, now)
        .await
        .unwrap();
    assert_eq!(manager_of(db, b).await, None);
    // Removing the manager altogether, and the same again, which is refused.
    rel::set_reports_to(db, admin, &b.to_string(), Some(&a.to_string()), now)
        .await
        .unwrap();
    let none = rel::set_reports_to(db, admin, &b.to_string(), None, now)
        .await
        .unwrap();
    assert!(none.summary.ends_with("no longer reports to anyone"));
    assert_eq!(
        invalid(
            rel::set_reports_to(db, admin, &b.to_string(), None, now)
                .await
                .unwrap_err()
        )
        .field,
        "managerId"
    );
    let undos: i64 = count(
        db,
        "SELECT count(*) FROM audit_events WHERE action = 'undo_relationship_change'",
    )
    .await;
    assert_eq!(undos, 2, "each undo is audited");
    assert!(audit::verify(db.reader()).await.unwrap().ok);
}

#[tokio::test]
async fn drawing_and_removing_relationships_is_validated_audited_and_undoable() {
    let Demo { db, admin, .. } = &clean_demo().await;
    let now = fixed_now();
    let people = ids(db, IN_TERRITORY).await;
    let (a, b) = (people[0], people[1]);
    let mut works = input(a, b, "works_with");
    works.note = Some("Share the Zanzibar rota".into());
    works.starts_on = Some("2026-01-15".into());
    let added = rel::add_relationship(db, admin, &works, now).await.unwrap();
    assert!(added.summary.contains("works with"));
    // Undirected: the other way round is the same relationship.
    let twice = invalid(
        rel::add_relationship(db, admin, &input(b, a, "works_with"), now)
            .await
            .unwrap_err(),
    );
    assert_eq!(twice.field, "toId");
    // Directed kinds may go both ways.
    rel::add_relationship(db, admin, &input(a, b, "influences"), now)
        .await
        .unwrap();
    rel::add_relationship(db, admin, &input(b, a, "influences"), now)
        .await
        .unwrap();
    // Bad input names its fields.
    let mut bad = input(a, b, "assistant_of");
    bad.starts_on = Some("2026-02-30".into());
    bad.ends_on = Some("2025-01-01".into());
    match rel::add_relationship(db, admin, &bad, now)
        .await
        .unwrap_err()
    {
        CoreError::InvalidInput(p) => assert_eq!(p.field, "startsOn"),
        CoreError::InvalidFields(ps) => assert!(ps.iter().any(|p| p.field == "startsOn")),
        other => panic!("{other:?}"),
    }
    let unknown = invalid(
        rel::add_relationship(db, admin, &input(a, b, "sibling_of"), now)
            .await
            .unwrap_err(),
    );
    assert_eq!(unknown.field, "kind");

    let listed = rel::contact_relationships(db, admin, &a.to_string(), now)
        .await
        .unwrap();
    assert_eq!(listed.len(), 3);
    let shared = listed
        .iter()
        .find(|r| r.relationship.kind == "works_with")
        .unwrap();
    assert_eq!(
        shared.relationship.note.as_deref(),
        Some("Share the Zanzibar rota")
    );
    assert_eq!(shared.relationship.starts_on.as_deref(), Some("2026-01-15"));
    assert_eq!(shared.other.id, b.to_string());
    assert!(shared.outgoing);

    let removed = rel::remove_relationship(db, admin, &shared.relationship.id, now)
        .await
        .unwrap();
    assert_eq!(
        count(
            db,
            "SELECT count(*) FROM relationships WHERE kind = 'works_with'"
        )
        .await,
        0
    );
    rel::undo_change(db, admin, &removed.change_id, now)
        .await
        .unwrap();
    let back = rel::contact_relationships(db, admin, &a.to_string(), now)
        .await
        .unwrap();
    let back = back
        .iter()
        .find(|r| r.relationship.kind == "works_with")
        .unwrap();
    assert_eq!(back.relationship, shared.relationship, "restored as it was");
    // Its row is back as it was added, so the addition itself can be undone now.
    rel::undo_change(db, admin, &added.change_id, now)
        .await
        .unwrap();
    assert_eq!(
        count(
            db,
            "SELECT count(*) FROM relationships WHERE kind = 'works_with'"
        )
        .await,
        0
    );

    for action in [
        "add_relationship",
        "remove_relationship",
        "undo_relationship_change",
    ] {
        let n: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM audit_events WHERE action = ? AND entity = 'relationship'",
        )
        .bind(action)
        .fetch_one(db.reader())
        .await
        .unwrap();
        assert!(n >= 1, "{action} is audited");
    }
    // The note is a personal value: in the erasable payload, not in the chained summary.
    let summaries: i64 = count(
        db,
        "SELECT count(*) FROM audit_events WHERE summary LIKE '%Zanzibar%'",
    )
    .await;
    assert_eq!(summaries, 0);
    assert!(audit::verify(db.reader()).await.unwrap().ok);
}

#[tokio::test]
async fn a_territory_manager_sees_no_one_outside_their_territory_on_a_map() {
    let Demo { db, admin, .. } = &clean_demo().await;
    let now = fixed_now();
    let territory = sign_in(db, "territory").await;
    let insider = ids(db, IN_TERRITORY).await[0];
    let outsider = ids(db, OUTSIDE_REGION).await[0];
    let outsider_name = name_of(db, outsider).await;
    // The outsider also works at a new site of the insider's account, in their own territory.
    let account: i64 = sqlx::query_scalar(
        "SELECT s.account_id FROM contact_sites cs JOIN sites s ON s.id = cs.site_id
         WHERE cs.contact_id = ? LIMIT 1",
    )
    .bind(insider)
    .fetch_one(db.reader())
    .await
    .unwrap();
    let site = execute(
        db,
        "INSERT INTO sites (account_id, territory_id, name, line1, city, country)
         SELECT ?, s.territory_id, 'Far Site', '1 Road', 'Elsewhere', 'FR'
         FROM contact_sites cs JOIN sites s ON s.id = cs.site_id WHERE cs.contact_id = ? LIMIT 1",
        &[account, outsider],
    )
    .await;
    execute(
        db,
        "INSERT INTO contact_sites (contact_id, site_id, role) VALUES (?, ?, 'liaison')",
        &[outsider, site],
    )
    .await;
    rel::set_reports_to(
        db,
        admin,
        &outsider.to_string(),
        Some(&insider.to_string()),
        now,
    )
    .await
    .unwrap();
    let level = rel::save_group(
        db,
        admin,
        None,
        &MapGroupInput {
            account_id: account.to_string(),
            kind: GroupKind::Team,
            name: "Rollout team".into(),
            position: 5,
            member_ids: vec![insider.to_string(), outsider.to_string()],
        },
        now,
    )
    .await
    .unwrap()
    .group;

    let full = rel::account_map(db, admin, &account.to_string(), now)
        .await
        .unwrap();
    assert!(full.people.iter().any(|p| p.id == outsider.to_string()));
    assert!(full.people.iter().all(|p| !p.placeholder));
    // Everyone is on the map through a site of this account, with their role there as stored.
    let site_ids: Vec<&str> = full.sites.iter().map(|s| s.id.as_str()).collect();
    for person in &full.people {
        assert!(
            !person.sites.is_empty(),
            "{} is on the map through a site",
            person.display_name
        );
        for site in &person.sites {
            assert!(site_ids.contains(&site.site_id.as_str()));
            let (role, primary): (SiteRole, bool) = sqlx::query_as(
                "SELECT role, is_primary FROM contact_sites WHERE contact_id = ? AND site_id = ?",
            )
            .bind(person.id.parse::<i64>().unwrap())
            .bind(site.site_id.parse::<i64>().unwrap())
            .fetch_one(db.reader())
            .await
            .unwrap();
            assert_eq!((site.role, site.is_primary), (role, primary));
        }
    }

    let map = rel::account_map(db, &territory, &account.to_string(), now)
        .await
        .unwrap();
    let text = serde_json::to_string(&map).unwrap();
    assert!(
        !text.contains(&outsider_name),
        "no name of someone outside the territory"
    );
    assert!(map.people.iter().all(|p| p.id != outsider.to_string()));
    let hidden: Vec<&MapPerson> = map.people.iter().filter(|p| p.placeholder).collect();
    assert_eq!(hidden.len(), 1);
    assert_eq!(hidden[0].id, "hidden-1");
    assert_eq!(hidden[0].display_name, HIDDEN_NAME);
    assert!(hidden[0].job_title.is_none() && hidden[0].sites.is_empty());
    let edge = map
        .relationships
        .iter()
        .find(|r| r.kind == "reports_to")
        .unwrap();
    assert_eq!(
        (edge.from_id.as_str(), edge.to_id.clone()),
        ("hidden-1", insider.to_string())
    );
    let team = map.groups.iter().find(|g| g.id == level.id).unwrap();
    assert_eq!(team.member_ids, vec![insider.to_string()]);
    assert!(map.may_edit);
    // The territory manager's network and the contact's relationships hide the outsider too.
    let network = rel::contact_network(db, &territory, &insider.to_string(), 2, &[], now)
        .await
        .unwrap();
    assert!(!serde_json::to_string(&network)
        .unwrap()
        .contains(&outsider_name));
    assert!(network.people.iter().any(|p| p.placeholder));
    let listed = rel::contact_relationships(db, &territory, &insider.to_string(), now)
        .await
        .unwrap();
    assert!(listed[0].other.placeholder);
    assert_eq!(listed[0].relationship.from_id, listed[0].other.id);

    // They cannot draw relationships to the outsider, nor remove the one that exists.
    let refused = rel::set_reports_to(
        db,
        &territory,
        &insider.to_string(),
        Some(&outsider.to_string()),
        now,
    )
    .await
    .unwrap_err();
    assert_eq!(refused.code(), "not_found");
    let refused = rel::remove_relationship(db, &territory, &edge.id, now)
        .await
        .unwrap_err();
    assert_eq!(refused.code(), "not_found");
    // Saving the team without members keeps the member they cannot see.
    rel::save_group(
        db,
        &territory,
        Some(&level.id),
        &MapGroupInput {
            account_id: account.to_string(),
            kind: GroupKind::Team,
            name: "Rollout team".into(),
            position: 5,
            member_ids: Vec::new(),
        },
        now,
    )
    .await
    .unwrap();
    let members: Vec<i64> =
        sqlx::query_scalar("SELECT contact_id FROM map_group_members WHERE group_id = ?")
            .bind(level.id.parse::<i64>().unwrap())
            .fetch_all(db.reader())
            .await
            .unwrap();
    assert_eq!(members, vec![outsider]);
    assert_eq!(
        rel::delete_group(db, &territory, &level.id, now)
            .await
            .unwrap_err()
            .code(),
        "invalid_input"
    );
    // An account with no one in their scope has no map for them.
    let elsewhere: i64 = sqlx::query_scalar(
        "SELECT s.account_id FROM contact_sites cs JOIN sites s ON s.id = cs.site_id
         WHERE cs.contact_id = ? AND s.id <> ? LIMIT 1",
    )
    .bind(outsider)
    .bind(site)
    .fetch_one(db.reader())
    .await
    .unwrap();
    if elsewhere != account {
        let no_map = rel::account_map(db, &territory, &elsewhere.to_string(), now)
            .await
            .unwrap_err();
        assert_eq!(no_map.code(), "not_found");
    }
    let accounts = rel::list_map_accounts(db, &territory, None).await.unwrap();
    assert!(accounts.iter().any(|a| a.id == account.to_string()));
    assert!(accounts
        .iter()
        .all(|a| a.id != elsewhere.to_string() || elsewhere == account));
}

#[tokio::test]
async fn the_accounts_list_counts_the_people_each_user_may_see_in_name_order() {
    let Demo { db, admin, .. } = &quiet_demo().await;
    let territory = sign_in(db, "territory").await;
    let territory_user: i64 =
        sqlx::query_scalar("SELECT id FROM users WHERE username = 'territory'")
            .fetch_one(db.reader())
            .await
            .unwrap();
    for (actor, scoped) in [(admin, false), (&territory, true)] {
        let listed = rel::list_map_accounts(db, actor, None).await.unwrap();
        assert!(!listed.is_empty());
        // Name order, as the list shows them.
        let names: Vec<&str> = listed.iter().map(|a| a.name.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
        for account in &listed {
            let (sites, people): (i64, i64) = sqlx::query_as(
                "SELECT (SELECT count(*) FROM sites WHERE account_id = ?1),
                    (SELECT count(DISTINCT c.id) FROM sites s JOIN contact_sites cs ON cs.site_id = s.id
                     JOIN contacts c ON c.id = cs.contact_id WHERE s.account_id = ?1
                       AND (?2 = 0 OR (c.status <> 'archived' AND EXISTS (SELECT 1 FROM contact_sites x
                           JOIN sites y ON y.id = x.site_id JOIN user_territories ut
                           ON ut.territory_id = y.territory_id AND ut.user_id = ?3
                           WHERE x.contact_id = c.id))))",
            )
            .bind(account.id.parse::<i64>().unwrap())
            .bind(scoped)
            .bind(territory_user)
            .fetch_one(db.reader())
            .await
            .unwrap();
            assert_eq!(
                (
                    i64::from(account.site_count),
                    i64::from(account.people_count)
                ),
                (sites, people),
                "{}",
                account.name
            );
            assert!(
                people > 0,
                "{} is listed with nobody in scope",
                account.name
            );
        }
    }
    // A search keeps the matching names only; "%" and "_" are letters, not wildcards.
    let first = &rel::list_map_accounts(db, admin, None).await.unwrap()[0];
    let word = first.name.split_whitespace().next().unwrap().to_string();
    let found = rel::list_map_accounts(db, admin, Some(&word))
        .await
        .unwrap();
    assert!(found.iter().any(|a| a.id == first.id));
    assert!(found
        .iter()
        .all(|a| a.name.to_lowercase().contains(&word.to_lowercase())));
    assert!(rel::list_map_accounts(db, admin, Some("%_%"))
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn kinds_are_added_by_administrators_and_their_hierarchies_refuse_loops() {
    let Demo { db, admin, .. } = &clean_demo().await;
    let now = fixed_now();
    let territory = sign_in(db, "territory").await;
    let kinds = rel::list_kinds(db, &territory).await.unwrap();
    let codes: Vec<&str> = kinds.iter().map(|k| k.code.as_str()).collect();
    assert_eq!(codes.len(), 4);
    for code in ["reports_to", "assistant_of", "works_with", "influences"] {
        assert!(codes.contains(&code));
    }
    let new = RelationshipKindInput {
        code: None,
        label: "Mentor of".into(),
        hierarchical: true,
        directed: true,
    };
    assert_eq!(
        rel::save_kind(db, &territory, &new, now)
            .await
            .unwrap_err()
            .code(),
        "forbidden"
    );
    let mentor = rel::save_kind(db, admin, &new, now).await.unwrap();
    assert_eq!(mentor.code, "mentor_of");
    assert!(!mentor.built_in);
    let people = ids(db, IN_TERRITORY).await;
    rel::add_relationship(db, admin, &input(people[0], people[1], "mentor_of"), now)
        .await
        .unwrap();
    rel::add_relationship(db, admin, &input(people[1], people[2], "mentor_of"), now)
        .await
        .unwrap();
    let looped = invalid(
        rel::add_relationship(db, admin, &input(people[2], people[0], "mentor_of"), now)
            .await
            .unwrap_err(),
    );
    assert!(looped.message.contains("hierarchy"), "{looped:?}");
    // In use, its rules stay; its label may change.
    let relabel = RelationshipKindInput {
        code: Some("mentor_of".into()),
        label: "Mentors".into(),
        hierarchical: false,
        directed: true,
    };
    assert_eq!(
        rel::save_kind(db, admin, &relabel, now)
            .await
            .unwrap_err()
            .code(),
        "invalid_input"
    );
    let relabel = RelationshipKindInput {
        hierarchical: true,
        ..relabel
    };
    assert_eq!(
        rel::save_kind(db, admin, &relabel, now)
            .await
            .unwrap()
            .label,
        "Mentors"
    );
}

#[tokio::test]
async fn flows_show_the_last_interaction_with_any_participant_and_whether_it_is_overdue() {
    let Demo { db, admin, .. } = &quiet_demo().await;
    let now = fixed_now();
    // A demo account with at least two people, its Support level's first member.
    let account: i64 = count(
        db,
        "SELECT g.account_id FROM map_groups g JOIN map_group_members m ON m.group_id = g.id
         WHERE g.name = 'Support' ORDER BY g.account_id LIMIT 1",
    )
    .await;
    let member: i64 = sqlx::query_scalar(
        "SELECT m.contact_id FROM map_group_members m JOIN map_groups g ON g.id = m.group_id
         WHERE g.account_id = ? AND g.name = 'Support' ORDER BY m.contact_id LIMIT 1",
    )
    .bind(account)
    .fetch_one(db.reader())
    .await
    .unwrap();
    let map = rel::account_map(db, admin, &account.to_string(), now)
        .await
        .unwrap();
    let names: Vec<&str> = map.flows.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        ["Executive Updates", "Project Updates", "Support Updates"]
    );
    assert!(map
        .flows
        .iter()
        .all(|f| f.last_interaction_at.is_none() && f.overdue));

    let at = now - Duration::days(3);
    log(
        db,
        admin,
        &[member],
        InteractionChannel::Call,
        Direction::Outbound,
        at,
    )
    .await;
    let map = rel::account_map(db, admin, &account.to_string(), now)
        .await
        .unwrap();
    let support = map
        .flows
        .iter()
        .find(|f| f.name == "Support Updates")
        .unwrap();
    assert_eq!(support.frequency, FlowFrequency::Daily);
    assert_eq!(support.format.as_deref(), Some("Ticket summary"));
    assert_eq!(
        support.last_interaction_at.as_deref(),
        Some(rapport_core::store::timestamp(at).as_str()),
        "through the group's member"
    );
    assert!(support.overdue, "daily, three days ago");
    assert_eq!(support.participants[0].name, "Support");

    // A weekly flow with the member directly: three days ago is fine.
    let weekly = rel::save_flow(
        db,
        admin,
        None,
        &FlowInput {
            account_id: account.to_string(),
            name: "Site walk-through".into(),
            frequency: FlowFrequency::Weekly,
            format: Some("Checklist".into()),
            channel: Some("meeting".into()),
            owner_username: Some(admin.username().to_string()),
            participants: vec![FlowParticipantInput {
                contact_id: Some(member.to_string()),
                group_id: None,
            }],
        },
        now,
    )
    .await
    .unwrap()
    .flow;
    assert!(!weekly.overdue);
    assert_eq!(weekly.owner_name.as_deref(), Some(admin.display_name()));
    assert_eq!(weekly.owner_username.as_deref(), Some(admin.username()));
    assert_eq!(weekly.participants[0].contact_id, Some(member.to_string()));
    // Names are unique per account; a participant is a contact or a group.
    let mut clash = FlowInput {
        account_id: account.to_string(),
        name: "Support Updates".into(),
        frequency: FlowFrequency::Monthly,
        format: None,
        channel: None,
        owner_username: None,
        participants: vec![FlowParticipantInput {
            contact_id: None,
            group_id: None,
        }],
    };
    match rel::save_flow(db, admin, None, &clash, now)
        .await
        .unwrap_err()
    {
        CoreError::InvalidInput(p) => assert_eq!(p.field, "participants.0"),
        other => panic!("{other:?}"),
    }
    clash.participants.clear();
    clash.owner_username = Some("nobody-by-this-name".into());
    assert_eq!(
        invalid(
            rel::save_flow(db, admin, None, &clash, now)
                .await
                .unwrap_err()
        )
        .field,
        "ownerUsername"
    );
    clash.owner_username = None;
    assert_eq!(
        invalid(
            rel::save_flow(db, admin, None, &clash, now)
                .await
                .unwrap_err()
        )
        .field,
        "name"
    );
    rel::delete_flow(db, admin, &weekly.id, now).await.unwrap();
    assert!(audit::verify(db.reader()).await.unwrap().ok);
}

/// Every row of the account's levels, teams and flows, as a comparable text.
async fn map_rows(db: &Database, account: i64) -> String {
    sqlx::query_scalar(
        "SELECT json_array(
            (SELECT json_group_array(json_array(id, kind, name, position)) FROM
                (SELECT * FROM map_groups WHERE account_id = ?1 ORDER BY id)),
            (SELECT json_group_array(json_array(group_id, contact_id)) FROM
                (SELECT m.* FROM map_group_members m JOIN map_groups g ON g.id = m.group_id
                 WHERE g.account_id = ?1 ORDER BY 1, 2)),
            (SELECT json_group_array(json_array(id, name, frequency, format, owner_user_id,
                        channel, note, created_at, updated_at)) FROM
                (SELECT * FROM communication_flows WHERE account_id = ?1 ORDER BY id)),
            (SELECT json_group_array(json_array(id, flow_id, contact_id, group_id)) FROM
                (SELECT p.* FROM communication_flow_participants p
                 JOIN communication_flows f ON f.id = p.flow_id WHERE f.account_id = ?1
                 ORDER BY p.id)))",
    )
    .bind(account)
    .fetch_one(db.reader())
    .await
    .unwrap()
}

#[tokio::test]
async fn level_team_and_flow_edits_are_undone_exactly_while_nothing_changed_since() {
    let Demo { db, admin, .. } = &quiet_demo().await;
    let now = fixed_now();
    // The first demo account's Support level, which the Support Updates flow names.
    let (account, support): (i64, i64) = sqlx::query_as(
        "SELECT g.account_id, g.id FROM map_groups g WHERE g.name = 'Support'
         ORDER BY g.account_id LIMIT 1",
    )
    .fetch_one(db.reader())
    .await
    .unwrap();
    let people: Vec<i64> = sqlx::query_scalar(
        "SELECT DISTINCT cs.contact_id FROM contact_sites cs JOIN sites s ON s.id = cs.site_id
         WHERE s.account_id = ? ORDER BY cs.contact_id LIMIT 3",
    )
    .bind(account)
    .fetch_all(db.reader())
    .await
    .unwrap();
    let original = map_rows(db, account).await;
    let ids = |list: &[i64]| list.iter().map(i64::to_string).collect::<Vec<_>>();

    // Deleting a level takes it out of its flows; the undo puts both back under their ids.
    let deleted = rel::delete_group(db, admin, &support.to_string(), now)
        .await
        .unwrap();
    assert_eq!(deleted.summary, "Deleted the level \"Support\".");
    assert_ne!(map_rows(db, account).await, original);
    let undone = rel::undo_change(db, admin, &deleted.change_id, now)
        .await
        .unwrap();
    assert_eq!(undone.summary, "Undone: Deleted the level \"Support\".");
    assert_eq!(map_rows(db, account).await, original);
    let again = rel::undo_change(db, admin, &deleted.change_id, now)
        .await
        .unwrap_err();
    assert_eq!(again.code(), "conflict");

    // A new team, changed, then both edits undone newest first.
    let input = |name: &str, members: &[i64]| MapGroupInput {
        account_id: account.to_string(),
        kind: GroupKind::Team,
        name: name.into(),
        position: 3,
        member_ids: ids(members),
    };
    let created = rel::save_group(db, admin, None, &input("Rollout", &people[..2]), now)
        .await
        .unwrap();
    assert_eq!(created.change.summary, "Added the team \"Rollout\".");
    let changed = rel::save_group(
        db,
        admin,
        Some(&created.group.id),
        &input("Rollout crew", &people[1..]),
        now,
    )
    .await
    .unwrap();
    // The older edit cannot be undone while the newer one stands.
    let refused = rel::undo_change(db, admin, &created.change.change_id, now)
        .await
        .unwrap_err();
    assert_eq!(refused.code(), "conflict");
    assert!(
        refused.to_string().contains("changed again since"),
        "{refused}"
    );
    rel::undo_change(db, admin, &changed.change.change_id, now)
        .await
        .unwrap();
    let map = rel::account_map(db, admin, &account.to_string(), now)
        .await
        .unwrap();
    let team = map
        .groups
        .iter()
        .find(|g| g.id == created.group.id)
        .unwrap();
    assert_eq!(
        (team.name.as_str(), team.member_ids.clone()),
        ("Rollout", ids(&people[..2]))
    );
    rel::undo_change(db, admin, &created.change.change_id, now)
        .await
        .unwrap();
    assert_eq!(map_rows(db, account).await, original);

    // A flow: changed, deleted, and both undone.
    let flow = rel::account_map(db, admin, &account.to_string(), now)
        .await
        .unwrap()
        .flows
        .into_iter()
        .find(|f| f.name == "Support Updates")
        .unwrap();
    let edit = FlowInput {
        account_id: account.to_string(),
        name: "Support digest".into(),
        frequency: FlowFrequency::Weekly,
        format: Some("Email digest".into()),
        channel: None,
        owner_username: None,
        participants: vec![FlowParticipantInput {
            contact_id: Some(people[0].to_string()),
            group_id: None,
        }],
    };
    let changed = rel::save_flow(db, admin, Some(&flow.id), &edit, now)
        .await
        .unwrap();
    assert_eq!(changed.flow.name, "Support digest");
    let deleted = rel::delete_flow(db, admin, &flow.id, now).await.unwrap();
    rel::undo_change(db, admin, &deleted.change_id, now)
        .await
        .unwrap();
    rel::undo_change(db, admin, &changed.change.change_id, now)
        .await
        .unwrap();
    assert_eq!(map_rows(db, account).await, original);

    // A name taken since blocks the undo of a deletion, naming it.
    let deleted = rel::delete_flow(db, admin, &flow.id, now).await.unwrap();
    let mut taker = edit.clone();
    taker.name = "Support Updates".into();
    rel::save_flow(db, admin, None, &taker, now).await.unwrap();
    let blocked = rel::undo_change(db, admin, &deleted.change_id, now)
        .await
        .unwrap_err();
    assert_eq!(blocked.code(), "conflict");
    assert!(
        blocked
            .to_string()
            .contains("another flow is called \"Support Updates\""),
        "{blocked}"
    );
    assert!(audit::verify(db.reader()).await.unwrap().ok);

    // Someone who cannot see a member cannot undo an edit naming them.
    let territory = sign_in(db, "territory").await;
    let group_change = rel::save_group(db, admin, None, &input("Night shift", &people), now)
        .await
        .unwrap()
        .change;
    let visible = rapport_core::store::contacts::rows_of(db, &territory, &ids(&people))
        .await
        .unwrap();
    assert!(
        visible.len() < people.len(),
        "the first account is outside the territory"
    );
    let hidden = rel::undo_change(db, &territory, &group_change.change_id, now)
        .await
        .unwrap_err();
    assert_eq!(hidden.code(), "not_found");
}

#[tokio::test]
async fn erasure_removes_a_persons_relationships_and_the_export_holds_them() {
    let Demo { db, admin, .. } = &quiet_demo().await;
    let now = fixed_now();
    // Someone in a level (and so in its flow) who reports to someone.
    let person: i64 = count(
        db,
        "SELECT r.from_contact_id FROM relationships r
         JOIN map_group_members m ON m.contact_id = r.from_contact_id
         WHERE r.kind = 'reports_to' ORDER BY r.from_contact_id LIMIT 1",
    )
    .await;
    let other = ids(db, IN_TERRITORY)
        .await
        .into_iter()
        .find(|id| *id != person)
        .unwrap();
    let mut note = input(person, other, "influences");
    note.note = Some("Quokka steering group".into());
    rel::add_relationship(db, admin, &note, now).await.unwrap();
    // A relationship drawn to the person by someone else, with a note, then removed: its
    // note stays in the audit payloads until the person is erased.
    let mut towards = input(other, person, "works_with");
    towards.note = Some("Wombat rota".into());
    rel::add_relationship(db, admin, &towards, now)
        .await
        .unwrap();
    let drawn = rel::contact_relationships(db, admin, &other.to_string(), now)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.relationship.note.as_deref() == Some("Wombat rota"))
        .unwrap();
    rel::remove_relationship(db, admin, &drawn.relationship.id, now)
        .await
        .unwrap();

    // A team with the person in it: its undo-log entry names them as a member.
    let account: i64 = sqlx::query_scalar(
        "SELECT g.account_id FROM map_group_members m JOIN map_groups g ON g.id = m.group_id
         WHERE m.contact_id = ? LIMIT 1",
    )
    .bind(person)
    .fetch_one(db.reader())
    .await
    .unwrap();
    rel::save_group(
        db,
        admin,
        None,
        &MapGroupInput {
            account_id: account.to_string(),
            kind: GroupKind::Team,
            name: "Night shift".into(),
            position: 9,
            member_ids: vec![person.to_string()],
        },
        now,
    )
    .await
    .unwrap();
    const MAP_CHANGES_NAMING: &str = "SELECT count(*) FROM relationship_changes c
        WHERE c.subject IS NOT NULL AND EXISTS (SELECT 1 FROM json_tree(c.after) t
            WHERE t.key = 'contactId' AND t.atom = ?1)";
    let named: i64 = sqlx::query_scalar(MAP_CHANGES_NAMING)
        .bind(person)
        .fetch_one(db.reader())
        .await
        .unwrap();
    assert_eq!(named, 1, "the team's entry names the person");

    let kept: i64 = count(
        db,
        "SELECT count(*) FROM audit_payloads WHERE body LIKE '%Wombat%'",
    )
    .await;
    assert_eq!(
        kept, 2,
        "the note is in the payloads of its addition and removal"
    );
    let export = privacy::export_person(db, admin, &person.to_string(), "GB")
        .await
        .unwrap();
    let json: serde_json::Value = serde_json::from_str(&export.json).unwrap();
    let relationships = json["relationships"]["relationships"].as_array().unwrap();
    assert!(relationships
        .iter()
        .any(|r| r["kind"] == "reports_to" && r["direction"] == "outgoing"));
    assert!(relationships
        .iter()
        .any(|r| r["note"] == "Quokka steering group"));
    assert!(!json["relationships"]["groups"]
        .as_array()
        .unwrap()
        .is_empty());
    assert!(!json["relationships"]["communicationFlows"]
        .as_array()
        .unwrap()
        .is_empty());

    let reference: String = sqlx::query_scalar("SELECT reference FROM contacts WHERE id = ?")
        .bind(person)
        .fetch_one(db.reader())
        .await
        .unwrap();
    privacy::erase_person(db, admin, &person.to_string(), &reference)
        .await
        .unwrap();
    for sql in [
        "SELECT count(*) FROM relationships WHERE from_contact_id = ?1 OR to_contact_id = ?1",
        "SELECT count(*) FROM map_group_members WHERE contact_id = ?1",
        "SELECT count(*) FROM communication_flow_participants WHERE contact_id = ?1",
        "SELECT count(*) FROM relationship_changes WHERE before LIKE '%Quokka%' OR after LIKE '%Quokka%'",
        MAP_CHANGES_NAMING,
        "SELECT count(*) FROM audit_payloads WHERE body LIKE '%Quokka%' AND ?1 > 0",
        "SELECT count(*) FROM audit_payloads WHERE body LIKE '%Wombat%' AND ?1 > 0",
    ] {
        let n: i64 = sqlx::query_scalar(sql)
            .bind(person)
            .fetch_one(db.reader())
            .await
            .unwrap();
        assert_eq!(n, 0, "{sql}");
    }
    assert!(audit::verify(db.reader()).await.unwrap().ok);
}

#[tokio::test]
async fn every_demo_account_has_levels_a_hierarchy_and_the_seeds_flows() {
    let Demo { db, .. } = &demo_db(1_000).await;
    let accounts = count(db, "SELECT count(*) FROM accounts").await;
    let with_levels = count(
        db,
        "SELECT count(*) FROM accounts a WHERE (SELECT count(*) FROM map_groups g
            WHERE g.account_id = a.id AND g.kind = 'level'
              AND g.name IN ('Executive', 'Project', 'Support')) = 3",
    )
    .await;
    assert_eq!(with_levels, accounts);
    let with_flows = count(
        db,
        "SELECT count(*) FROM accounts a WHERE (SELECT count(*) FROM communication_flows f
            WHERE f.account_id = a.id AND f.owner_user_id IS NOT NULL) = 3",
    )
    .await;
    assert_eq!(with_flows, accounts);
    // Every account with four people or more has a hierarchy, and everyone at an account is
    // in one of its levels.
    let without = count(
        db,
        "SELECT count(*) FROM accounts a
         WHERE (SELECT count(DISTINCT cs.contact_id) FROM contact_sites cs
                JOIN sites s ON s.id = cs.site_id WHERE s.account_id = a.id) >= 4
           AND NOT EXISTS (SELECT 1 FROM relationships r JOIN contact_sites cs
                ON cs.contact_id = r.from_contact_id JOIN sites s ON s.id = cs.site_id
                WHERE s.account_id = a.id AND r.kind = 'reports_to')",
    )
    .await;
    assert_eq!(without, 0);
    let outside_levels = count(
        db,
        "SELECT count(*) FROM contacts c WHERE EXISTS (SELECT 1 FROM contact_sites cs
            WHERE cs.contact_id = c.id)
           AND NOT EXISTS (SELECT 1 FROM map_group_members m WHERE m.contact_id = c.id)",
    )
    .await;
    assert_eq!(outside_levels, 0);
    // Sister accounts: people work with someone at another account, so networks cross them.
    let across = count(
        db,
        "SELECT count(*) FROM relationships r WHERE r.kind = 'works_with' AND NOT EXISTS (
            SELECT 1 FROM contact_sites a JOIN sites sa ON sa.id = a.site_id
            JOIN contact_sites b ON b.contact_id = r.to_contact_id
            JOIN sites sb ON sb.id = b.site_id AND sb.account_id = sa.account_id
            WHERE a.contact_id = r.from_contact_id)",
    )
    .await;
    assert!(
        across >= accounts / 2,
        "{across} links across {accounts} accounts"
    );
    for kind in ["assistant_of", "works_with", "influences"] {
        let n: i64 = sqlx::query_scalar("SELECT count(*) FROM relationships WHERE kind = ?")
            .bind(kind)
            .fetch_one(db.reader())
            .await
            .unwrap();
        assert!(n > 0, "the demo has {kind} links");
    }
    // No loops: walking up from anyone ends within the hierarchy's depth.
    let deepest = count(
        db,
        "WITH RECURSIVE up(start, id, depth) AS (
            SELECT from_contact_id, to_contact_id, 1 FROM relationships WHERE kind = 'reports_to'
            UNION ALL
            SELECT up.start, r.to_contact_id, depth + 1 FROM up JOIN relationships r
                ON r.from_contact_id = up.id AND r.kind = 'reports_to' WHERE depth < 50)
         SELECT max(depth) FROM up",
    )
    .await;
    assert!(deepest < 50);
    // Managers are at least as senior as the people under them: no clerk heads a director.
    let inverted = count(
        db,
        "SELECT count(*) FROM relationships r
         JOIN contacts p ON p.id = r.from_contact_id JOIN contacts m ON m.id = r.to_contact_id
         WHERE r.kind = 'reports_to' AND p.job_title LIKE '%Director%'
           AND m.job_title NOT LIKE '%Director%'",
    )
    .await;
    assert_eq!(inverted, 0, "a director reports to someone less senior");
}

#[tokio::test]
async fn an_account_network_reaches_other_accounts_with_the_sites_and_levels_to_filter_by() {
    let Demo { db, admin, .. } = &quiet_demo().await;
    let now = fixed_now();
    let territory = sign_in(db, "territory").await;
    let insider = ids(db, IN_TERRITORY).await[0];
    let account_of = |contact: i64| {
        sqlx::query_scalar::<_, i64>(
            "SELECT s.account_id FROM contact_sites cs JOIN sites s ON s.id = cs.site_id
             WHERE cs.contact_id = ? ORDER BY s.id LIMIT 1",
        )
        .bind(contact)
        .fetch_one(db.reader())
    };
    let account = account_of(insider).await.unwrap();
    // Someone at another account, whom the insider works with.
    let elsewhere: i64 = sqlx::query_scalar(
        "SELECT cs.contact_id FROM contact_sites cs JOIN sites s ON s.id = cs.site_id
         WHERE s.account_id <> ?1 AND cs.contact_id NOT IN (SELECT cs2.contact_id
             FROM contact_sites cs2 JOIN sites s2 ON s2.id = cs2.site_id WHERE s2.account_id = ?1)
         ORDER BY cs.contact_id LIMIT 1",
    )
    .bind(account)
    .fetch_one(db.reader())
    .await
    .unwrap();
    rel::add_relationship(db, admin, &input(insider, elsewhere, "works_with"), now)
        .await
        .unwrap();

    let network = rel::account_network(db, admin, &account.to_string(), 1, &[], now)
        .await
        .unwrap();
    let members: Vec<String> = sqlx::query_scalar::<_, i64>(
        "SELECT DISTINCT cs.contact_id FROM contact_sites cs JOIN sites s ON s.id = cs.site_id
         WHERE s.account_id = ? ORDER BY cs.contact_id",
    )
    .bind(account)
    .fetch_all(db.reader())
    .await
    .unwrap()
    .into_iter()
    .map(|id| id.to_string())
    .collect();
    assert_eq!(
        network.start_ids, members,
        "the walk starts from everyone at the account"
    );
    let shown: Vec<&str> = network.people.iter().map(|p| p.id.as_str()).collect();
    assert!(
        shown.contains(&elsewhere.to_string().as_str()),
        "one step out reaches the other account"
    );
    assert!(network
        .relationships
        .iter()
        .any(|r| r.kind == "works_with" && r.from_id == insider.to_string()));
    // Every site of every person shown is listed with its account and territory as stored.
    let site_by_id: std::collections::HashMap<&str, &NetworkSite> =
        network.sites.iter().map(|s| (s.id.as_str(), s)).collect();
    for person in network.people.iter().filter(|p| !p.placeholder) {
        for site in &person.sites {
            let listed = site_by_id[site.site_id.as_str()];
            let (account_name, territory_name): (String, String) = sqlx::query_as(
                "SELECT a.name, t.name FROM sites s JOIN accounts a ON a.id = s.account_id
                 JOIN territories t ON t.id = s.territory_id WHERE s.id = ?",
            )
            .bind(site.site_id.parse::<i64>().unwrap())
            .fetch_one(db.reader())
            .await
            .unwrap();
            assert_eq!(
                (&listed.account_name, &listed.territory_name),
                (&account_name, &territory_name)
            );
        }
    }
    let other_account = account_of(elsewhere).await.unwrap().to_string();
    assert!(network.sites.iter().any(|s| s.account_id == other_account));
    // The levels of both accounts are there, their members limited to the people shown.
    let levels: Vec<&MapGroup> = network
        .groups
        .iter()
        .filter(|g| g.kind == GroupKind::Level)
        .collect();
    assert!(levels.iter().any(|g| g.account_id == account.to_string()));
    assert!(levels.iter().any(|g| g.account_id == other_account));
    for group in &network.groups {
        assert!(group.member_ids.iter().all(|m| shown.contains(&m.as_str())));
    }
    for person in network.people.iter().filter(|p| !p.placeholder) {
        for group in &person.group_ids {
            assert!(network.groups.iter().any(|g| &g.id == group));
        }
    }

    // One kind only: every relationship is of that kind.
    let colleagues = rel::account_network(
        db,
        admin,
        &account.to_string(),
        2,
        &["works_with".into()],
        now,
    )
    .await
    .unwrap();
    assert!(!colleagues.relationships.is_empty());
    assert!(colleagues
        .relationships
        .iter()
        .all(|r| r.kind == "works_with"));

    // A territory manager starts from the account's people in their scope only, and sees
    // nobody outside it by name.
    let scoped = rel::account_network(db, &territory, &account.to_string(), 2, &[], now)
        .await
        .unwrap();
    assert!(scoped.start_ids.contains(&insider.to_string()));
    let outsiders: Vec<i64> = ids(db, OUTSIDE_REGION).await;
    for person in scoped.people.iter().filter(|p| !p.placeholder) {
        assert!(!outsiders.contains(&person.id.parse::<i64>().unwrap()));
    }
    // An account with nobody in their scope is answered as one that does not exist.
    let far_account: i64 = sqlx::query_scalar(
        "SELECT a.id FROM accounts a WHERE NOT EXISTS (SELECT 1 FROM sites s
             JOIN territories t ON t.id = s.territory_id JOIN regions r ON r.id = t.region_id
             WHERE s.account_id = a.id AND r.code = 'UKI') ORDER BY a.id LIMIT 1",
    )
    .fetch_one(db.reader())
    .await
    .unwrap();
    assert!(
        rel::account_network(db, &territory, &far_account.to_string(), 1, &[], now)
            .await
            .is_err()
    );
    assert!(matches!(
        rel::account_network(db, admin, &account.to_string(), 0, &[], now).await,
        Err(CoreError::InvalidInput(_))
    ));
}

#[tokio::test]
async fn a_map_of_five_thousand_people_and_a_network_four_steps_deep() {
    let Demo { db, admin, .. } = &clean_demo().await;
    let now = fixed_now();
    let site: i64 = count(db, "SELECT min(id) FROM sites").await;
    let account: i64 = sqlx::query_scalar("SELECT account_id FROM sites WHERE id = ?")
        .bind(site)
        .fetch_one(db.reader())
        .await
        .unwrap();
    const BASE: i64 = 100_000;
    let mut tx = db.write().await.unwrap();
    sqlx::query(
        "INSERT INTO contacts (id, reference, first_name, last_name, contact_type, lifecycle_stage,
            priority, status, display_name, name_key, job_title, created_at, updated_at)
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
         SELECT ?1 + i, 'C-' || (?1 + i), 'Person', 'Number ' || i, 'operations',
            'active_customer', 'medium', 'active', 'Person Number ' || i, 'number ' || i,
            'Engineer', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z' FROM n",
    )
    .bind(BASE)
    .execute(&mut *tx)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO contact_sites (contact_id, site_id, role)
         SELECT id, ?, 'operations' FROM contacts WHERE id > ?",
    )
    .bind(site)
    .bind(BASE)
    .execute(&mut *tx)
    .await
    .unwrap();
    // A tree five wide under the first, plus colleagues side by side.
    sqlx::query(
        "INSERT INTO relationships (from_contact_id, to_contact_id, kind, created_at)
         SELECT id, ?1 + 1 + (id - ?1 - 2) / 5, 'reports_to', '2026-01-01' FROM contacts
         WHERE id > ?1 + 1
         UNION ALL
         SELECT id, id + 1, 'works_with', '2026-01-01' FROM contacts
         WHERE id > ?1 AND id < ?1 + 5000 AND id % 3 = 0",
    )
    .bind(BASE)
    .execute(&mut *tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();

    let started = Instant::now();
    let map = rel::account_map(db, admin, &account.to_string(), now)
        .await
        .unwrap();
    eprintln!(
        "account map of {} people: {:?}",
        map.people.len(),
        started.elapsed()
    );
    assert!(map.people.len() >= 5_000);
    assert!(map.relationships.len() >= 4_999 + 1_600);
    assert!(map.people.iter().all(|p| !p.placeholder));

    let root = (BASE + 1).to_string();
    let started = Instant::now();
    let network = rel::contact_network(db, admin, &root, 4, &["reports_to".into()], now)
        .await
        .unwrap();
    eprintln!(
        "network of {} people: {:?}",
        network.people.len(),
        started.elapsed()
    );
    assert_eq!(network.people.len(), 1 + 5 + 25 + 125 + 625);
    assert!(!network.truncated);
    // Re-parenting the root under the deepest person closes a loop through five levels.
    let deepest = (BASE + 5_000).to_string();
    let looped = invalid(
        rel::set_reports_to(db, admin, &root, Some(&deepest), now)
            .await
            .unwrap_err(),
    );
    assert!(looped
        .message
        .contains("already reports to Person Number 1 (directly or through others)"));
    // A hub linked to everyone: one step reaches more people than a network holds.
    execute(
        db,
        "INSERT INTO relationships (from_contact_id, to_contact_id, kind, created_at)
         SELECT ?1, id, 'influences', '2026-01-01' FROM contacts WHERE id <> ?1",
        &[BASE + 1],
    )
    .await;
    let hub = rel::contact_network(db, admin, &root, 1, &[], now)
        .await
        .unwrap();
    assert!(hub.truncated);
    assert_eq!(hub.people.len(), rel::map::NETWORK_LIMIT);
    assert_eq!(
        rel::contact_network(db, admin, &root, 5, &[], now)
            .await
            .unwrap_err()
            .code(),
        "invalid_input"
    );
}
