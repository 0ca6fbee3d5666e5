//! Status changes: deactivation, archival (explicit and automatic), reactivation, the erasure
//! list, verification and primary contacts, with who may do each and what the audit trail keeps.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use rapport_core::access::Actor;
use rapport_core::audit;
use rapport_core::contact::policy;
use rapport_core::contact::status::{self, VerificationInput};
use rapport_core::model::*;
use rapport_core::store::{contacts, organisation, timestamp};
use rapport_core::{CoreError, Database};
use serde_json::Value;

use crate::{demo_db, sign_in, walk, Demo};

/// Active contacts of the UKI region (the regional demo user's scope) with a primary role.
const REGION_PRIMARY_SQL: &str = "SELECT DISTINCT c.id FROM contacts c
    JOIN contact_sites cs ON cs.contact_id = c.id JOIN sites s ON s.id = cs.site_id
    JOIN territories t ON t.id = s.territory_id JOIN regions r ON r.id = t.region_id
    WHERE r.code = 'UKI' AND c.status = 'active' AND c.erased_at IS NULL
        AND cs.is_primary = 1
        AND NOT EXISTS (SELECT 1 FROM contact_sites o JOIN sites os ON os.id = o.site_id
            JOIN territories ot ON ot.id = os.territory_id JOIN regions orr ON orr.id = ot.region_id
            WHERE o.contact_id = c.id AND orr.code <> 'UKI')
    ORDER BY c.id";

/// Active contacts only outside the UKI-SCO territory (out of the territory user's scope).
const OUTSIDE_TERRITORY_SQL: &str = "SELECT c.id FROM contacts c
    WHERE c.status = 'active'
        AND EXISTS (SELECT 1 FROM contact_sites cs WHERE cs.contact_id = c.id AND cs.is_primary = 0)
        AND NOT EXISTS (SELECT 1 FROM contact_sites cs
        JOIN sites s ON s.id = cs.site_id JOIN territories t ON t.id = s.territory_id
        WHERE cs.contact_id = c.id AND t.code = 'UKI-SCO')
    ORDER BY c.id LIMIT 1";

async fn ids(db: &Database, sql: &str) -> Vec<String> {
    sqlx::query_scalar::<_, i64>(sql)
        .fetch_all(db.reader())
        .await
        .unwrap()
        .into_iter()
        .map(|id| id.to_string())
        .collect()
}

#[derive(Debug, sqlx::FromRow)]
struct Row {
    status: String,
    status_reason: Option<String>,
    status_changed_at: Option<String>,
    version: i64,
    updated_at: String,
}

async fn row(db: &Database, id: &str) -> Row {
    sqlx::query_as(
        "SELECT status, status_reason, status_changed_at, version, updated_at
         FROM contacts WHERE id = ?",
    )
    .bind(id.parse::<i64>().unwrap())
    .fetch_one(db.reader())
    .await
    .unwrap()
}

async fn primary_sites(db: &Database, id: &str) -> Vec<i64> {
    sqlx::query_scalar(
        "SELECT site_id FROM contact_sites WHERE contact_id = ? AND is_primary = 1
         ORDER BY site_id",
    )
    .bind(id.parse::<i64>().unwrap())
    .fetch_all(db.reader())
    .await
    .unwrap()
}

async fn site_count(db: &Database, id: &str) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM contact_sites WHERE contact_id = ?")
        .bind(id.parse::<i64>().unwrap())
        .fetch_one(db.reader())
        .await
        .unwrap()
}

/// Summaries of the events with this action about this entity id (any entity id if `None`).
async fn events(db: &Database, action: &str, entity_id: Option<&str>) -> Vec<(String, Value)> {
    let rows: Vec<(String, Option<String>, String)> = sqlx::query_as(
        "SELECT username, entity_id, summary FROM audit_events WHERE action = ? ORDER BY seq",
    )
    .bind(action)
    .fetch_all(db.reader())
    .await
    .unwrap();
    rows.into_iter()
        .filter(|(_, id, _)| entity_id.is_none() || id.as_deref() == entity_id)
        .map(|(user, _, summary)| (user, serde_json::from_str(&summary).unwrap()))
        .collect()
}

async fn event_count(db: &Database) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM audit_events")
        .fetch_one(db.reader())
        .await
        .unwrap()
}

async fn chain_verifies(db: &Database) {
    let report = audit::verify(db.reader()).await.unwrap();
    assert!(report.ok, "{report:?}");
}

fn field_of(error: &CoreError) -> String {
    assert_eq!(error.code(), "invalid_input", "{error:?}");
    error.fields()[0].field.clone()
}

/// Test set-up written straight to the database, as an import or an old version would have.
async fn set_column(db: &Database, id: &str, column: &str, at: DateTime<Utc>) {
    let mut tx = db.write().await.unwrap();
    sqlx::query(&format!("UPDATE contacts SET {column} = ? WHERE id = ?"))
        .bind(timestamp(at))
        .bind(id.parse::<i64>().unwrap())
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

async fn set_backdated(db: &Database, id: &str, at: DateTime<Utc>) {
    set_column(db, id, "status_changed_at", at).await;
}

async fn visible_to(demo: &Demo, actor: &Actor, id: &str) -> bool {
    let rows = walk(
        &demo.db,
        actor,
        ContactListQuery {
            limit: 500,
            ..Default::default()
        },
    )
    .await;
    rows.iter().any(|r| r.id == id)
}

async fn found_by_name(demo: &Demo, actor: &Actor, id: &str) -> bool {
    let name: String = sqlx::query_scalar("SELECT last_name FROM contacts WHERE id = ?")
        .bind(id.parse::<i64>().unwrap())
        .fetch_one(demo.db.reader())
        .await
        .unwrap();
    let rows = walk(
        &demo.db,
        actor,
        ContactListQuery {
            search: Some(name),
            limit: 500,
            ..Default::default()
        },
    )
    .await;
    rows.iter().any(|r| r.id == id)
}

/// Inactive or archived contacts with no status time (from before the column existed).
async fn without_status_time(db: &Database) -> i64 {
    sqlx::query_scalar(
        "SELECT count(*) FROM contacts WHERE status <> 'active' AND status_changed_at IS NULL",
    )
    .fetch_one(db.reader())
    .await
    .unwrap()
}

/// Whether the word index files the contact under the `archived` scope token, which keeps it
/// out of scoped searches before any row is read.
async fn indexed_as_archived(db: &Database, id: &str) -> bool {
    sqlx::query_scalar::<_, i64>(
        "SELECT count(*) FROM contact_words WHERE contact_words MATCH 'scope : archived'
             AND rowid = ?",
    )
    .bind(id.parse::<i64>().unwrap())
    .fetch_one(db.reader())
    .await
    .unwrap()
        == 1
}

async fn count_for(demo: &Demo, actor: &Actor) -> u32 {
    contacts::count(&demo.db, actor, &ContactCountQuery::default())
        .await
        .unwrap()
        .count
}

fn justification() -> Justification {
    Justification {
        reason: "The site manager changed".into(),
        approved_by: "Regional director".into(),
        approved_on: Some(Utc::now().date_naive()),
    }
}

#[tokio::test]
async fn deactivation_needs_a_reason_ends_primary_roles_and_keeps_history() {
    let demo = demo_db(1_500).await;
    let regional = sign_in(&demo.db, "regional").await;
    let id = ids(&demo.db, REGION_PRIMARY_SQL).await.remove(0);
    let before = row(&demo.db, &id).await;
    let primaries = primary_sites(&demo.db, &id).await;
    let sites = site_count(&demo.db, &id).await;
    assert!(!primaries.is_empty());

    for blank in ["", "  \n\t "] {
        let error = status::deactivate(&demo.db, &regional, &id, blank)
            .await
            .unwrap_err();
        assert_eq!(field_of(&error), "reason");
    }
    assert_eq!(row(&demo.db, &id).await.status, "active", "nothing saved");

    status::deactivate(&demo.db, &regional, &id, "  Left the company\n")
        .await
        .unwrap();
    let after = row(&demo.db, &id).await;
    assert_eq!(after.status, "inactive");
    assert_eq!(after.status_reason.as_deref(), Some("Left the company"));
    assert_eq!(after.version, before.version + 1);
    assert!(after.updated_at > before.updated_at);
    let changed = after.status_changed_at.unwrap();
    assert!(Utc::now() - changed.parse::<DateTime<Utc>>().unwrap() < Duration::minutes(1));
    assert!(
        primary_sites(&demo.db, &id).await.is_empty(),
        "primary roles end"
    );
    assert_eq!(
        site_count(&demo.db, &id).await,
        sites,
        "site associations stay"
    );

    // Out of active lists, still reachable (and in its history) for its scope.
    let active = walk(
        &demo.db,
        &regional,
        ContactListQuery {
            filter: ContactFilter {
                status: Some(ContactStatus::Active),
                ..Default::default()
            },
            limit: 500,
            ..Default::default()
        },
    )
    .await;
    assert!(active.iter().all(|r| r.id != id));
    let detail = contacts::get(&demo.db, &regional, &id, "GB").await.unwrap();
    assert_eq!(detail.status, ContactStatus::Inactive);
    assert!(!detail.lifecycle_history.is_empty());

    let logged = events(&demo.db, "deactivate", Some(&id)).await;
    assert_eq!(logged.len(), 1);
    let (user, summary) = &logged[0];
    assert_eq!(user, "regional");
    let ended: Vec<String> = primaries.iter().map(i64::to_string).collect();
    assert_eq!(summary["primaryEnded"], serde_json::json!(ended));
    let history = audit::contact_history(&demo.db, &demo.admin, &id)
        .await
        .unwrap();
    let status_change = history.iter().find(|c| c.field == "status").unwrap();
    assert_eq!(status_change.action, "deactivate");
    assert_eq!(status_change.before.as_deref(), Some("active"));
    assert_eq!(status_change.after.as_deref(), Some("inactive"));
    assert!(history
        .iter()
        .any(|c| c.field == "statusReason" && c.after.as_deref() == Some("Left the company")));

    let again = status::deactivate(&demo.db, &regional, &id, "Twice")
        .await
        .unwrap_err();
    assert_eq!(field_of(&again), "status");
    assert!(again.fields()[0].message.contains("already inactive"));
    chain_verifies(&demo.db).await;
}

#[tokio::test]
async fn deactivation_is_refused_outside_role_and_scope() {
    let demo = demo_db(1_500).await;
    let billing = sign_in(&demo.db, "billing").await;
    let territory = sign_in(&demo.db, "territory").await;
    let billing_contact = ids(
        &demo.db,
        "SELECT c.id FROM contacts c WHERE c.contact_type = 'billing' AND c.status = 'active'
             AND EXISTS (SELECT 1 FROM contact_sites cs WHERE cs.contact_id = c.id)
         ORDER BY c.id LIMIT 1",
    )
    .await
    .remove(0);
    let error = status::deactivate(&demo.db, &billing, &billing_contact, "Left")
        .await
        .unwrap_err();
    assert_eq!(error.code(), "forbidden");
    let error = status::archive(&demo.db, &billing, &billing_contact, "Left")
        .await
        .unwrap_err();
    assert_eq!(error.code(), "forbidden");
    assert_eq!(row(&demo.db, &billing_contact).await.status, "active");

    let outside = ids(&demo.db, OUTSIDE_TERRITORY_SQL).await.remove(0);
    let denials = events(&demo.db, "denied", Some(&outside)).await.len();
    let error = status::deactivate(&demo.db, &territory, &outside, "Left")
        .await
        .unwrap_err();
    assert_eq!(error.code(), "not_found");
    assert_eq!(
        events(&demo.db, "denied", Some(&outside)).await.len(),
        denials + 1,
        "the attempt is audited"
    );
    assert_eq!(row(&demo.db, &outside).await.status, "active");
    chain_verifies(&demo.db).await;
}

#[tokio::test]
async fn archived_contacts_are_for_site_administrators_and_only_they_reactivate_them() {
    let demo = demo_db(1_500).await;
    let regional = sign_in(&demo.db, "regional").await;
    let billing = sign_in(&demo.db, "billing").await;
    let id = ids(&demo.db, REGION_PRIMARY_SQL).await.remove(0);
    let count_before = count_for(&demo, &regional).await;
    assert!(visible_to(&demo, &regional, &id).await);
    assert!(found_by_name(&demo, &regional, &id).await);

    let error = status::archive(&demo.db, &regional, &id, " ")
        .await
        .unwrap_err();
    assert_eq!(field_of(&error), "reason");
    status::archive(&demo.db, &regional, &id, "No longer with the customer")
        .await
        .unwrap();
    assert_eq!(row(&demo.db, &id).await.status, "archived");
    assert!(primary_sites(&demo.db, &id).await.is_empty());
    assert_eq!(events(&demo.db, "archive", Some(&id)).await.len(), 1);
    assert!(indexed_as_archived(&demo.db, &id).await);

    // Gone from the manager's list, count, search and detail.
    assert_eq!(count_for(&demo, &regional).await, count_before - 1);
    assert!(!visible_to(&demo, &regional, &id).await);
    assert!(!found_by_name(&demo, &regional, &id).await);
    let error = contacts::get(&demo.db, &regional, &id, "GB")
        .await
        .unwrap_err();
    assert_eq!(error.code(), "not_found");
    let error = status::reactivate(&demo.db, &regional, &id, "Back again")
        .await
        .unwrap_err();
    assert_eq!(
        error.code(),
        "not_found",
        "managers cannot reach archived contacts"
    );
    let error = status::reactivate(&demo.db, &billing, &id, "Back again")
        .await
        .unwrap_err();
    assert_eq!(error.code(), "forbidden");
    assert_eq!(row(&demo.db, &id).await.status, "archived");

    // The administrator reads it, and the read is on record.
    let reads = events(&demo.db, "read_archived", Some(&id)).await.len();
    let detail = contacts::get(&demo.db, &demo.admin, &id, "GB")
        .await
        .unwrap();
    assert_eq!(detail.status, ContactStatus::Archived);
    assert_eq!(
        events(&demo.db, "read_archived", Some(&id)).await.len(),
        reads + 1
    );
    assert!(found_by_name(&demo, &demo.admin, &id).await);

    let error = status::archive(&demo.db, &demo.admin, &id, "Again")
        .await
        .unwrap_err();
    assert_eq!(field_of(&error), "status");
    let error = status::reactivate(&demo.db, &demo.admin, &id, "")
        .await
        .unwrap_err();
    assert_eq!(field_of(&error), "reason");
    let version = row(&demo.db, &id).await.version;
    status::reactivate(&demo.db, &demo.admin, &id, "Rejoined the customer")
        .await
        .unwrap();
    let after = row(&demo.db, &id).await;
    assert_eq!(after.status, "active");
    assert_eq!(after.status_reason, None);
    assert_eq!(after.version, version + 1);
    assert!(
        primary_sites(&demo.db, &id).await.is_empty(),
        "roles are not given back"
    );
    let (user, summary) = &events(&demo.db, "reactivate", Some(&id)).await[0];
    assert_eq!(user, "admin");
    assert_eq!(summary["from"], "archived");
    assert_eq!(count_for(&demo, &regional).await, count_before);
    assert!(found_by_name(&demo, &regional, &id).await, "indexed again");
    assert!(!indexed_as_archived(&demo.db, &id).await);

    let error = status::reactivate(&demo.db, &regional, &id, "Again")
        .await
        .unwrap_err();
    assert_eq!(field_of(&error), "status");
    // From inactive, the manager's own right is enough.
    status::deactivate(&demo.db, &regional, &id, "On leave")
        .await
        .unwrap();
    status::reactivate(&demo.db, &regional, &id, "Back from leave")
        .await
        .unwrap();
    assert_eq!(row(&demo.db, &id).await.status, "active");
    chain_verifies(&demo.db).await;
}

#[tokio::test]
async fn inactive_contacts_are_archived_after_the_policy_period() {
    let demo = demo_db(1_500).await;
    let regional = sign_in(&demo.db, "regional").await;
    let region = ids(&demo.db, REGION_PRIMARY_SQL).await;
    let (due, recent) = (&region[0], &region[1]);
    status::deactivate(&demo.db, &regional, due, "Left")
        .await
        .unwrap();
    status::deactivate(&demo.db, &regional, recent, "On leave")
        .await
        .unwrap();
    let now = Utc::now();
    set_backdated(&demo.db, due, now - Duration::days(366)).await;
    set_backdated(&demo.db, recent, now - Duration::days(364)).await;
    // Demo contacts went inactive within the last 300 days: none of them is due yet.
    let other_inactive: Vec<String> = sqlx::query_scalar::<_, i64>(
        "SELECT id FROM contacts WHERE status = 'inactive' AND id NOT IN (?, ?)",
    )
    .bind(due.parse::<i64>().unwrap())
    .bind(recent.parse::<i64>().unwrap())
    .fetch_all(demo.db.reader())
    .await
    .unwrap()
    .into_iter()
    .map(|id| id.to_string())
    .collect();
    assert!(!other_inactive.is_empty());
    assert_eq!(without_status_time(&demo.db).await, 0);

    // Turned off, nothing moves.
    let mut rules = policy::load_for(&demo.db, &demo.admin).await.unwrap();
    rules.archive_after_days = 0;
    policy::save(&demo.db, &demo.admin, rules).await.unwrap();
    assert_eq!(status::archive_due(&demo.db, now).await.unwrap(), 0);
    assert_eq!(row(&demo.db, due).await.status, "inactive");
    assert!(events(&demo.db, "auto_archive", None).await.is_empty());
    rules.archive_after_days = 365;
    policy::save(&demo.db, &demo.admin, rules).await.unwrap();

    let archived = status::archive_due(&demo.db, now).await.unwrap();
    assert_eq!(archived, 1);
    let due_row = row(&demo.db, due).await;
    assert_eq!(due_row.status, "archived");
    assert_eq!(due_row.status_changed_at, Some(timestamp(now)));
    assert_eq!(
        due_row.status_reason.as_deref(),
        Some("Left"),
        "the reason stays"
    );
    assert!(primary_sites(&demo.db, due).await.is_empty());
    assert_eq!(row(&demo.db, recent).await.status, "inactive");
    for id in &other_inactive {
        assert_eq!(row(&demo.db, id).await.status, "inactive", "{id}");
    }
    assert!(!visible_to(&demo, &regional, due).await);
    assert!(
        !found_by_name(&demo, &regional, due).await,
        "search scope follows"
    );
    assert!(found_by_name(&demo, &demo.admin, due).await);
    assert!(indexed_as_archived(&demo.db, due).await);
    assert!(!indexed_as_archived(&demo.db, recent).await);

    let logged = events(&demo.db, "auto_archive", None).await;
    assert_eq!(logged.len(), 1, "one event for the whole run");
    let (user, summary) = &logged[0];
    assert_eq!(user, "system");
    assert_eq!(summary["count"], archived);
    let in_ranges: i64 = summary["idRanges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r[1].as_i64().unwrap() - r[0].as_i64().unwrap() + 1)
        .sum();
    assert_eq!(in_ranges as u64, archived);

    let events_before = event_count(&demo.db).await;
    assert_eq!(status::archive_due(&demo.db, now).await.unwrap(), 0);
    assert_eq!(event_count(&demo.db).await, events_before, "nothing to say");
    chain_verifies(&demo.db).await;
}

#[tokio::test]
async fn archived_contacts_are_listed_for_erasure_after_retention() {
    let demo = demo_db(1_500).await;
    let regional = sign_in(&demo.db, "regional").await;
    let error = status::erasure_due(&demo.db, &regional).await.unwrap_err();
    assert_eq!(error.code(), "forbidden");

    let mut rules = policy::load_for(&demo.db, &demo.admin).await.unwrap();
    rules.retention_days = 30;
    policy::save(&demo.db, &demo.admin, rules).await.unwrap();
    let region = ids(&demo.db, REGION_PRIMARY_SQL).await;
    let (older, newer, recent, erased) = (&region[0], &region[1], &region[2], &region[3]);
    let now = Utc::now();
    for id in [older, newer, recent, erased] {
        status::archive(&demo.db, &demo.admin, id, "Left")
            .await
            .unwrap();
    }
    set_backdated(&demo.db, older, now - Duration::days(40)).await;
    set_backdated(&demo.db, newer, now - Duration::days(35)).await;
    set_backdated(&demo.db, recent, now - Duration::days(29)).await;
    set_backdated(&demo.db, erased, now - Duration::days(50)).await;
    set_column(&demo.db, erased, "erased_at", now).await;

    let listed = status::erasure_due(&demo.db, &demo.admin).await.unwrap();
    let listed_ids: Vec<&str> = listed.iter().map(|c| c.id.as_str()).collect();
    let mut expected = ids(
        &demo.db,
        &format!(
            "SELECT id FROM contacts WHERE status = 'archived' AND erased_at IS NULL
                 AND ifnull(status_changed_at, updated_at) < '{}'",
            timestamp(now - Duration::days(30))
        ),
    )
    .await;
    expected.sort();
    let mut sorted: Vec<String> = listed_ids.iter().map(|s| s.to_string()).collect();
    sorted.sort();
    assert_eq!(sorted, expected, "every due archived contact, nothing else");
    assert!(listed_ids.contains(&older.as_str()) && listed_ids.contains(&newer.as_str()));
    assert!(!listed_ids.contains(&recent.as_str()));
    assert!(
        !listed_ids.contains(&erased.as_str()),
        "tombstones are done"
    );
    let position = |id: &str| listed_ids.iter().position(|x| *x == id).unwrap();
    assert!(position(newer) < position(older), "newest due first");
    assert!(listed
        .windows(2)
        .all(|pair| pair[0].due_since >= pair[1].due_since));
    for candidate in &listed {
        assert_eq!(
            candidate.due_since - candidate.archived_at,
            Duration::days(30)
        );
        assert_eq!(
            candidate.reference,
            contact_reference(candidate.id.parse().unwrap())
        );
    }
    let older_row = &listed[position(older)];
    assert_eq!(
        timestamp(older_row.archived_at),
        timestamp(now - Duration::days(40))
    );
    assert_eq!(events(&demo.db, "list_erasure_due", None).await.len(), 1);
    chain_verifies(&demo.db).await;
}

#[tokio::test]
async fn verification_records_method_date_and_user() {
    let demo = demo_db(300).await;
    let regional = sign_in(&demo.db, "regional").await;
    let id = ids(&demo.db, REGION_PRIMARY_SQL).await.remove(0);
    let created: DateTime<Utc> = sqlx::query_scalar("SELECT created_at FROM contacts WHERE id = ?")
        .bind(id.parse::<i64>().unwrap())
        .fetch_one(demo.db.reader())
        .await
        .unwrap();
    let today = Utc::now().date_naive();
    let input = |method: &str, verified_on: NaiveDate| VerificationInput {
        method: method.into(),
        verified_on,
    };
    let refusals = [
        (input("  ", today), "method"),
        (input("phone call", today + Duration::days(1)), "verifiedOn"),
        (
            input("phone call", created.date_naive() - Duration::days(1)),
            "verifiedOn",
        ),
    ];
    let before = row(&demo.db, &id).await;
    for (bad, field) in refusals {
        let error = status::verify(&demo.db, &regional, &id, &bad)
            .await
            .unwrap_err();
        assert_eq!(field_of(&error), field, "{bad:?}");
    }
    assert_eq!(row(&demo.db, &id).await.version, before.version);

    let on = today - Duration::days(2);
    status::verify(&demo.db, &regional, &id, &input("  phone   call ", on))
        .await
        .unwrap();
    let detail = contacts::get(&demo.db, &regional, &id, "GB").await.unwrap();
    assert_eq!(
        detail.verified_at,
        Some(Utc.from_utc_datetime(&on.and_hms_opt(12, 0, 0).unwrap()))
    );
    assert_eq!(detail.verified_by.as_deref(), Some("regional"));
    assert_eq!(detail.verification_method.as_deref(), Some("phone call"));
    assert_eq!(detail.version as i64, before.version + 1);
    let (user, summary) = &events(&demo.db, "verify", Some(&id)).await[0];
    assert_eq!(user, "regional");
    assert_eq!(summary["verifiedOn"], on.to_string());

    let billing = sign_in(&demo.db, "billing").await;
    let outside = ids(
        &demo.db,
        "SELECT c.id FROM contacts c WHERE c.contact_type <> 'billing' AND NOT EXISTS
             (SELECT 1 FROM contact_sites cs WHERE cs.contact_id = c.id AND cs.role = 'billing')
         ORDER BY c.id LIMIT 1",
    )
    .await
    .remove(0);
    let error = status::verify(&demo.db, &billing, &outside, &input("email", today))
        .await
        .unwrap_err();
    assert_eq!(error.code(), "not_found");
    chain_verifies(&demo.db).await;
}

/// A business site with an active primary contact and another active contact there.
async fn business_site_with_a_primary(db: &Database) -> (i64, String, String) {
    let (site, primary, other): (i64, i64, i64) = sqlx::query_as(
        "SELECT p.site_id, p.contact_id, o.contact_id
         FROM contact_sites p JOIN contacts pc ON pc.id = p.contact_id
         JOIN contact_sites o ON o.site_id = p.site_id AND o.contact_id <> p.contact_id
         JOIN contacts oc ON oc.id = o.contact_id
         JOIN sites s ON s.id = p.site_id JOIN accounts a ON a.id = s.account_id
         WHERE p.is_primary = 1 AND pc.status = 'active' AND oc.status = 'active'
             AND a.kind = 'business'
             AND (SELECT count(*) FROM sites x WHERE x.account_id = a.id) > 1
             AND EXISTS (SELECT 1 FROM contact_sites y JOIN sites ys ON ys.id = y.site_id
                 WHERE ys.account_id = a.id AND y.site_id <> p.site_id AND y.is_primary = 1)
         ORDER BY p.site_id LIMIT 1",
    )
    .fetch_one(db.reader())
    .await
    .unwrap();
    (site, primary.to_string(), other.to_string())
}

async fn primaries_of_account(db: &Database, account: i64) -> Vec<(i64, i64)> {
    sqlx::query_as(
        "SELECT cs.site_id, cs.contact_id FROM contact_sites cs JOIN sites s ON s.id = cs.site_id
         WHERE s.account_id = ? AND cs.is_primary = 1 ORDER BY cs.site_id",
    )
    .bind(account)
    .fetch_all(db.reader())
    .await
    .unwrap()
}

async fn account_of(db: &Database, site: i64) -> i64 {
    sqlx::query_scalar("SELECT account_id FROM sites WHERE id = ?")
        .bind(site)
        .fetch_one(db.reader())
        .await
        .unwrap()
}

#[tokio::test]
async fn a_new_primary_replaces_the_sites_previous_one_only() {
    let demo = demo_db(1_500).await;
    let admin = &demo.admin;
    let (site, previous, new) = business_site_with_a_primary(&demo.db).await;
    let site_id = site.to_string();
    let account = account_of(&demo.db, site).await;
    let others_before: Vec<(i64, i64)> = primaries_of_account(&demo.db, account)
        .await
        .into_iter()
        .filter(|(s, _)| *s != site)
        .collect();
    assert!(!others_before.is_empty());
    let (previous_before, new_before) = (row(&demo.db, &previous).await, row(&demo.db, &new).await);
    let events_before = event_count(&demo.db).await;

    let just = justification();
    let error = status::set_primary(&demo.db, admin, &new, &site_id, "yes", Some(&just))
        .await
        .unwrap_err();
    assert_eq!(field_of(&error), "confirmation");
    assert_eq!(error.fields()[0].message, "type primary to confirm");
    let elsewhere = sqlx::query_scalar::<_, i64>(
        "SELECT id FROM sites WHERE id NOT IN
             (SELECT site_id FROM contact_sites WHERE contact_id = ?) LIMIT 1",
    )
    .bind(new.parse::<i64>().unwrap())
    .fetch_one(demo.db.reader())
    .await
    .unwrap();
    for not_its_site in [elsewhere.to_string(), "x".into(), "999999".into()] {
        let error =
            status::set_primary(&demo.db, admin, &new, &not_its_site, "primary", Some(&just))
                .await
                .unwrap_err();
        assert_eq!(field_of(&error), "siteId", "{not_its_site}");
    }
    let error = status::set_primary(&demo.db, admin, &new, &site_id, "primary", None)
        .await
        .unwrap_err();
    match error {
        CoreError::JustificationRequired { fields } => assert_eq!(fields, ["primary"]),
        other => panic!("{other:?}"),
    }
    let mut blank = justification();
    blank.reason = " ".into();
    let error = status::set_primary(&demo.db, admin, &new, &site_id, "primary", Some(&blank))
        .await
        .unwrap_err();
    assert_eq!(field_of(&error), "justification.reason");
    assert_eq!(primary_sites(&demo.db, &new).await, Vec::<i64>::new());
    assert!(primary_sites(&demo.db, &previous).await.contains(&site));
    assert_eq!(
        event_count(&demo.db).await,
        events_before,
        "refusals change nothing"
    );

    status::set_primary(&demo.db, admin, &new, &site_id, "  PRIMARY ", Some(&just))
        .await
        .unwrap();
    assert_eq!(primary_sites(&demo.db, &new).await, vec![site]);
    assert!(!primary_sites(&demo.db, &previous).await.contains(&site));
    let others_after: Vec<(i64, i64)> = primaries_of_account(&demo.db, account)
        .await
        .into_iter()
        .filter(|(s, _)| *s != site)
        .collect();
    assert_eq!(
        others_after, others_before,
        "a business keeps its other sites' primaries"
    );
    assert_eq!(row(&demo.db, &new).await.version, new_before.version + 1);
    assert_eq!(
        row(&demo.db, &previous).await.version,
        previous_before.version + 1
    );

    let detail = contacts::get(&demo.db, admin, &new, "GB").await.unwrap();
    let approval = &detail.approvals[0];
    assert_eq!(approval.fields, ["primary"]);
    assert_eq!(approval.justification, "The site manager changed");
    assert_eq!(approval.approved_by, "Regional director");
    let (_, summary) = &events(&demo.db, "set_primary", Some(&new)).await[0];
    assert_eq!(summary["siteId"], site_id);
    assert_eq!(summary["replaced"], previous);
    let (_, summary) = &events(&demo.db, "primary_replaced", Some(&previous)).await[0];
    assert_eq!(summary["replacedBy"], new);

    // The same again changes nothing; an inactive contact cannot take the role.
    let events_now = event_count(&demo.db).await;
    status::set_primary(&demo.db, admin, &new, &site_id, "primary", Some(&just))
        .await
        .unwrap();
    assert_eq!(event_count(&demo.db).await, events_now);
    status::deactivate(&demo.db, admin, &previous, "Left")
        .await
        .unwrap();
    let error = status::set_primary(&demo.db, admin, &previous, &site_id, "primary", Some(&just))
        .await
        .unwrap_err();
    assert_eq!(field_of(&error), "siteId");
    assert_eq!(primary_sites(&demo.db, &new).await, vec![site]);
    chain_verifies(&demo.db).await;
}

#[tokio::test]
async fn a_private_customer_has_one_primary_contact_across_its_sites() {
    let demo = demo_db(1_500).await;
    let admin = &demo.admin;
    let (first_site, account, territory, previous): (i64, i64, i64, i64) = sqlx::query_as(
        "SELECT cs.site_id, s.account_id, s.territory_id, cs.contact_id FROM contact_sites cs
         JOIN contacts c ON c.id = cs.contact_id
         JOIN sites s ON s.id = cs.site_id JOIN accounts a ON a.id = s.account_id
         WHERE a.kind = 'private' AND cs.is_primary = 1 AND c.status = 'active'
         ORDER BY cs.site_id LIMIT 1",
    )
    .fetch_one(demo.db.reader())
    .await
    .unwrap();
    let second_site: i64 = organisation::save_site(
        &demo.db,
        admin,
        None,
        SiteInput {
            account_id: account.to_string(),
            territory_id: territory.to_string(),
            name: "Holiday home".into(),
            line1: "1 Harbour Row".into(),
            city: "Oban".into(),
            postal_code: None,
            country: "GB".into(),
        },
    )
    .await
    .unwrap()
    .parse()
    .unwrap();
    let new: i64 = sqlx::query_scalar(
        "SELECT c.id FROM contacts c WHERE c.status = 'active' AND c.id <> ? ORDER BY c.id LIMIT 1",
    )
    .bind(previous)
    .fetch_one(demo.db.reader())
    .await
    .unwrap();
    // Associating a contact with a site is the edit form's business; here it is set up directly.
    let mut tx = demo.db.write().await.unwrap();
    sqlx::query("INSERT INTO contact_sites (contact_id, site_id, role) VALUES (?, ?, 'other')")
        .bind(new)
        .bind(second_site)
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(
        primaries_of_account(&demo.db, account).await,
        vec![(first_site, previous)]
    );

    status::set_primary(
        &demo.db,
        admin,
        &new.to_string(),
        &second_site.to_string(),
        "primary",
        Some(&justification()),
    )
    .await
    .unwrap();
    assert_eq!(
        primaries_of_account(&demo.db, account).await,
        vec![(second_site, new)],
        "the household's previous primary contact steps down at the other site"
    );
    let (_, summary) = &events(&demo.db, "set_primary", Some(&new.to_string())).await[0];
    assert_eq!(summary["replaced"], previous.to_string());
    let (_, summary) = &events(&demo.db, "primary_replaced", Some(&previous.to_string())).await[0];
    assert_eq!(summary["siteId"], second_site.to_string());
    chain_verifies(&demo.db).await;
}

#[tokio::test]
async fn a_territory_manager_cannot_set_a_primary_out_of_scope() {
    let demo = demo_db(1_500).await;
    let territory = sign_in(&demo.db, "territory").await;
    let outside = ids(&demo.db, OUTSIDE_TERRITORY_SQL).await.remove(0);
    let site: i64 = sqlx::query_scalar(
        "SELECT site_id FROM contact_sites WHERE contact_id = ? AND is_primary = 0",
    )
    .bind(outside.parse::<i64>().unwrap())
    .fetch_one(demo.db.reader())
    .await
    .unwrap();
    let error = status::set_primary(
        &demo.db,
        &territory,
        &outside,
        &site.to_string(),
        "primary",
        Some(&justification()),
    )
    .await
    .unwrap_err();
    assert_eq!(error.code(), "not_found");
    assert!(!primary_sites(&demo.db, &outside).await.contains(&site));
    chain_verifies(&demo.db).await;
}

#[tokio::test]
async fn an_erased_tombstone_is_not_brought_back() {
    let demo = demo_db(300).await;
    let admin = &demo.admin;
    let id = ids(
        &demo.db,
        "SELECT c.id FROM contacts c WHERE c.status = 'active' AND EXISTS
             (SELECT 1 FROM contact_sites cs WHERE cs.contact_id = c.id AND cs.is_primary = 0)
         ORDER BY c.id LIMIT 1",
    )
    .await
    .remove(0);
    let site: i64 = sqlx::query_scalar(
        "SELECT site_id FROM contact_sites WHERE contact_id = ? AND is_primary = 0",
    )
    .bind(id.parse::<i64>().unwrap())
    .fetch_one(demo.db.reader())
    .await
    .unwrap();
    status::deactivate(&demo.db, admin, &id, "Asked to be forgotten")
        .await
        .unwrap();
    set_column(&demo.db, &id, "erased_at", Utc::now()).await;
    let version = row(&demo.db, &id).await.version;

    let error = status::reactivate(&demo.db, admin, &id, "By mistake")
        .await
        .unwrap_err();
    assert_eq!(field_of(&error), "status");
    let verification = VerificationInput {
        method: "phone call".into(),
        verified_on: Utc::now().date_naive(),
    };
    let error = status::verify(&demo.db, admin, &id, &verification)
        .await
        .unwrap_err();
    assert_eq!(field_of(&error), "status");
    let error = status::set_primary(
        &demo.db,
        admin,
        &id,
        &site.to_string(),
        "primary",
        Some(&justification()),
    )
    .await
    .unwrap_err();
    assert_eq!(field_of(&error), "status");
    let after = row(&demo.db, &id).await;
    assert_eq!(
        (after.status.as_str(), after.version),
        ("inactive", version)
    );
    chain_verifies(&demo.db).await;
}
