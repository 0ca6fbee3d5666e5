//! Roles and scope: every role sees exactly its contacts in lists, searches, counts and
//! details, and everything else answers `not_found` (audited).

use chrono::Utc;
use rapport_core::access::{users, Action, Actor, Reach};
use rapport_core::model::*;
use rapport_core::store::contacts;
use rapport_core::CoreError;

use crate::{demo_db, sign_in, walk, Demo};

fn everything() -> ContactListQuery {
    ContactListQuery {
        limit: 200,
        ..Default::default()
    }
}

/// Ids of the contacts `role_sql` selects, computed without the core's scope code.
async fn expected_ids(demo: &Demo, role_sql: &str) -> Vec<String> {
    let mut ids: Vec<String> = sqlx::query_scalar::<_, i64>(role_sql)
        .fetch_all(demo.db.reader())
        .await
        .unwrap()
        .into_iter()
        .map(|id| id.to_string())
        .collect();
    ids.sort();
    ids
}

async fn visible_ids(demo: &Demo, actor: &Actor) -> Vec<String> {
    let mut ids: Vec<String> = walk(&demo.db, actor, everything())
        .await
        .into_iter()
        .map(|r| r.id)
        .collect();
    ids.sort();
    ids
}

const TERRITORY_SQL: &str = "SELECT DISTINCT c.id FROM contacts c
    JOIN contact_sites cs ON cs.contact_id = c.id JOIN sites s ON s.id = cs.site_id
    JOIN territories t ON t.id = s.territory_id
    WHERE t.code = 'UKI-SCO' AND c.status <> 'archived'";
const REGION_SQL: &str = "SELECT DISTINCT c.id FROM contacts c
    JOIN contact_sites cs ON cs.contact_id = c.id JOIN sites s ON s.id = cs.site_id
    JOIN territories t ON t.id = s.territory_id JOIN regions r ON r.id = t.region_id
    WHERE r.code = 'UKI' AND c.status <> 'archived'";
const BILLING_SQL: &str = "SELECT DISTINCT c.id FROM contacts c
    JOIN contact_sites cs ON cs.contact_id = c.id
    WHERE (c.contact_type = 'billing' OR cs.role = 'billing') AND c.status <> 'archived'";

#[tokio::test]
async fn each_role_lists_and_counts_exactly_its_scope() {
    let demo = demo_db(1_500).await;
    let all = expected_ids(&demo, "SELECT id FROM contacts").await;
    for (username, sql) in [
        ("territory", TERRITORY_SQL),
        ("regional", REGION_SQL),
        ("billing", BILLING_SQL),
        ("admin", "SELECT id FROM contacts"),
    ] {
        let actor = sign_in(&demo.db, username).await;
        let expected = expected_ids(&demo, sql).await;
        assert!(!expected.is_empty(), "{username} sees someone");
        if username != "admin" {
            assert!(
                expected.len() < all.len(),
                "{username} does not see everyone"
            );
        }
        assert_eq!(
            visible_ids(&demo, &actor).await,
            expected,
            "{username}: list"
        );
        let count = contacts::count(&demo.db, &actor, &ContactCountQuery::default())
            .await
            .unwrap();
        assert_eq!(count.count as usize, expected.len(), "{username}: count");
    }
}

#[tokio::test]
async fn searches_and_counts_agree_within_scope() {
    let demo = demo_db(1_500).await;
    let actor = sign_in(&demo.db, "territory").await;
    let in_scope = expected_ids(&demo, TERRITORY_SQL).await;
    // A surname from inside the scope and one from outside it.
    for text in ["a", "mc", "ge"] {
        let query = ContactListQuery {
            search: Some(text.into()),
            limit: 500,
            ..Default::default()
        };
        let rows = walk(&demo.db, &actor, query).await;
        assert!(
            rows.iter().all(|r| in_scope.contains(&r.id)),
            "{text}: only in scope"
        );
        let count = contacts::count(
            &demo.db,
            &actor,
            &ContactCountQuery {
                search: Some(text.into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        assert_eq!(
            count.count as usize,
            rows.len(),
            "{text}: count equals rows"
        );
    }
}

#[tokio::test]
async fn out_of_scope_and_archived_ids_answer_not_found_and_are_audited() {
    let demo = demo_db(1_500).await;
    let territory = sign_in(&demo.db, "territory").await;
    let in_scope = expected_ids(&demo, TERRITORY_SQL).await;
    let outside: String = expected_ids(&demo, "SELECT id FROM contacts")
        .await
        .into_iter()
        .find(|id| !in_scope.contains(id))
        .unwrap();
    let archived: i64 = sqlx::query_scalar(
        "SELECT c.id FROM contacts c JOIN contact_sites cs ON cs.contact_id = c.id
         JOIN sites s ON s.id = cs.site_id JOIN territories t ON t.id = s.territory_id
         WHERE t.code = 'UKI-SCO' LIMIT 1",
    )
    .fetch_one(demo.db.reader())
    .await
    .unwrap();
    sqlx::query("UPDATE contacts SET status = 'archived' WHERE id = ?")
        .bind(archived)
        .execute(demo.db.reader())
        .await
        .ok();
    // The reader pool is read-only: archive through the writer.
    let mut tx = demo.db.write().await.unwrap();
    sqlx::query("UPDATE contacts SET status = 'archived' WHERE id = ?")
        .bind(archived)
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();

    let denied_before = denials(&demo).await;
    for id in [outside.clone(), archived.to_string(), "999999999".into()] {
        let error = contacts::get(&demo.db, &territory, &id, "GB")
            .await
            .unwrap_err();
        assert_eq!(error.code(), "not_found", "{id}");
    }
    assert_eq!(
        denials(&demo).await,
        denied_before + 3,
        "each refusal is audited"
    );

    // The site administrator reads the archived contact, and that reading is audited.
    let reads_before = count_events(&demo, "read_archived").await;
    contacts::get(&demo.db, &demo.admin, &archived.to_string(), "GB")
        .await
        .unwrap();
    contacts::get(&demo.db, &demo.admin, &outside, "GB")
        .await
        .unwrap();
    assert_eq!(count_events(&demo, "read_archived").await, reads_before + 1);
}

#[tokio::test]
async fn users_choose_their_own_time_zone_from_the_iana_database() {
    let demo = demo_db(300).await;
    let territory = sign_in(&demo.db, "territory").await;
    assert_eq!(
        users::own_time_zone(&demo.db, &territory).await.unwrap(),
        None
    );
    let events = count_events(&demo, "set_time_zone").await;

    let refused = users::set_own_time_zone(&demo.db, &territory, Some("Asia/Tokio"), Utc::now())
        .await
        .unwrap_err();
    assert_eq!(refused.code(), "invalid_input");
    assert_eq!(
        refused.to_string(),
        "timeZone: \"Asia/Tokio\" is not a time zone such as Europe/London"
    );
    assert_eq!(
        users::own_time_zone(&demo.db, &territory).await.unwrap(),
        None
    );

    let stored = users::set_own_time_zone(&demo.db, &territory, Some(" asia/tokyo "), Utc::now())
        .await
        .unwrap();
    assert_eq!(stored.as_deref(), Some("Asia/Tokyo"));
    // Only the user's own zone changed.
    assert_eq!(
        users::own_time_zone(&demo.db, &territory).await.unwrap(),
        Some("Asia/Tokyo".into())
    );
    assert_eq!(
        users::own_time_zone(&demo.db, &demo.admin).await.unwrap(),
        None
    );
    // Saving the same zone again records nothing; going back to the computer's clock does.
    users::set_own_time_zone(&demo.db, &territory, Some("Asia/Tokyo"), Utc::now())
        .await
        .unwrap();
    users::set_own_time_zone(&demo.db, &territory, None, Utc::now())
        .await
        .unwrap();
    assert_eq!(
        users::own_time_zone(&demo.db, &territory).await.unwrap(),
        None
    );
    assert_eq!(count_events(&demo, "set_time_zone").await, events + 2);
}

async fn count_events(demo: &Demo, action: &str) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM audit_events WHERE action = ?")
        .bind(action)
        .fetch_one(demo.db.reader())
        .await
        .unwrap()
}

async fn denials(demo: &Demo) -> i64 {
    count_events(demo, "denied").await
}

#[tokio::test]
async fn the_matrix_refuses_administration_and_the_unassigned_view_to_other_roles() {
    let demo = demo_db(300).await;
    for username in ["regional", "territory", "billing"] {
        let actor = sign_in(&demo.db, username).await;
        assert_eq!(actor.reach(Action::ViewContacts).ok(), Some(Reach::Scope));
        let before = denials(&demo).await;
        let error = users::list_users(&demo.db, &actor).await.unwrap_err();
        assert!(
            matches!(error, CoreError::Forbidden { .. }),
            "{username}: {error}"
        );
        let unassigned = ContactListQuery {
            filter: ContactFilter {
                unassigned: true,
                ..Default::default()
            },
            limit: 10,
            ..Default::default()
        };
        let error = contacts::list(&demo.db, &actor, &unassigned)
            .await
            .unwrap_err();
        assert_eq!(error.code(), "forbidden");
        assert_eq!(
            denials(&demo).await,
            before + 2,
            "{username}: both refusals audited"
        );
    }
    // The site administrator's unassigned view: contacts with no site.
    let mut tx = demo.db.write().await.unwrap();
    sqlx::query("DELETE FROM contact_sites WHERE contact_id = 1")
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let unassigned = ContactListQuery {
        filter: ContactFilter {
            unassigned: true,
            ..Default::default()
        },
        limit: 10,
        ..Default::default()
    };
    let page = contacts::list(&demo.db, &demo.admin, &unassigned)
        .await
        .unwrap();
    assert_eq!(
        page.rows.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        ["1"]
    );
    // ... which nobody else sees at all.
    for username in ["regional", "territory", "billing"] {
        let actor = sign_in(&demo.db, username).await;
        assert_eq!(
            contacts::get(&demo.db, &actor, "1", "GB")
                .await
                .unwrap_err()
                .code(),
            "not_found"
        );
    }
}

#[tokio::test]
async fn moving_a_site_to_another_territory_moves_its_people_between_scopes() {
    use rapport_core::store::organisation;
    let demo = demo_db(1_500).await;
    let territory = sign_in(&demo.db, "territory").await;
    let (site, name, account, line1, city, country): (i64, String, i64, String, String, String) =
        sqlx::query_as(
            "SELECT s.id, s.name, s.account_id, s.line1, s.city, s.country FROM sites s
             JOIN territories t ON t.id = s.territory_id
             WHERE t.code <> 'UKI-SCO' AND EXISTS (SELECT 1 FROM contact_sites cs WHERE cs.site_id = s.id)
             LIMIT 1",
        )
        .fetch_one(demo.db.reader())
        .await
        .unwrap();
    let scotland: i64 = sqlx::query_scalar("SELECT id FROM territories WHERE code = 'UKI-SCO'")
        .fetch_one(demo.db.reader())
        .await
        .unwrap();
    let person: (i64, String) = sqlx::query_as(
        "SELECT c.id, c.last_name FROM contacts c JOIN contact_sites cs ON cs.contact_id = c.id
         WHERE cs.site_id = ? AND c.status <> 'archived' LIMIT 1",
    )
    .bind(site)
    .fetch_one(demo.db.reader())
    .await
    .unwrap();
    let before = scoped_count(&demo, &territory).await;
    let found = |rows: Vec<ContactRow>| rows.iter().any(|r| r.id == person.0.to_string());
    let search = ContactListQuery {
        search: Some(person.1.clone()),
        limit: 500,
        ..Default::default()
    };
    assert!(!found(walk(&demo.db, &territory, search.clone()).await));

    let input = SiteInput {
        account_id: account.to_string(),
        territory_id: scotland.to_string(),
        name,
        line1,
        city,
        postal_code: None,
        country,
    };
    organisation::save_site(&demo.db, &demo.admin, Some(&site.to_string()), input)
        .await
        .unwrap();
    assert!(
        scoped_count(&demo, &territory).await > before,
        "the site's people joined the scope"
    );
    assert!(
        found(walk(&demo.db, &territory, search).await),
        "and are found by search"
    );
    contacts::get(&demo.db, &territory, &person.0.to_string(), "GB")
        .await
        .unwrap();
}

async fn scoped_count(demo: &Demo, actor: &Actor) -> u32 {
    contacts::count(&demo.db, actor, &ContactCountQuery::default())
        .await
        .unwrap()
        .count
}
