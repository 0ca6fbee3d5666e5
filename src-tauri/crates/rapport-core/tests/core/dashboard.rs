use chrono::Duration;
use rapport_core::access::Actor;
use rapport_core::dashboard::dashboard;
use rapport_core::model::*;
use rapport_core::store::{contacts, dashboard as sql, organisation};
use rapport_core::Database;

use crate::{demo_db, fixed_now, sign_in, walk};

async fn list_count(db: &Database, actor: &Actor, filter: ContactFilter) -> u32 {
    let query = ContactCountQuery {
        search: None,
        filter,
    };
    let count = contacts::count(db, actor, &query).await.unwrap();
    assert!(count.exact);
    count.count
}

/// The area a demo manager's or billing's scope is, keyed as `area_contacts` keys it.
async fn single_area(db: &Database, actor: &Actor) -> Option<i64> {
    let sql = match actor.role() {
        Role::TerritoryManager => "SELECT territory_id FROM user_territories WHERE user_id = ?",
        Role::RegionalManager => "SELECT -region_id FROM user_regions WHERE user_id = ?",
        Role::BillingAdmin => "SELECT 0 WHERE ? IS NOT NULL",
        Role::SiteAdmin => return None,
    };
    let areas: Vec<i64> = sqlx::query_scalar(sql)
        .bind(actor.user_id())
        .fetch_all(db.reader())
        .await
        .unwrap();
    (areas.len() == 1).then(|| areas[0])
}

/// Every figure of the dashboard is the list's count for the same filter.
async fn assert_counts_match_the_list(db: &Database, actor: &Actor, who: &str) -> Dashboard {
    let now = fixed_now();
    let d = dashboard(db, actor, now).await.unwrap();
    assert_eq!(
        d.total,
        list_count(db, actor, ContactFilter::default()).await,
        "{who}: total"
    );
    for t in &d.by_type {
        let filter = ContactFilter {
            contact_type: Some(t.value),
            ..ContactFilter::default()
        };
        assert_eq!(
            t.count,
            list_count(db, actor, filter).await,
            "{who}: {:?}",
            t.value
        );
    }
    for t in &d.by_stage {
        let filter = ContactFilter {
            lifecycle_stage: Some(t.value),
            ..ContactFilter::default()
        };
        assert_eq!(
            t.count,
            list_count(db, actor, filter).await,
            "{who}: {:?}",
            t.value
        );
    }
    for t in &d.by_status {
        let filter = ContactFilter {
            status: Some(t.value),
            ..ContactFilter::default()
        };
        assert_eq!(
            t.count,
            list_count(db, actor, filter).await,
            "{who}: {:?}",
            t.value
        );
    }
    for t in &d.by_territory {
        let filter = ContactFilter {
            territory_id: Some(t.territory_id.clone()),
            ..ContactFilter::default()
        };
        assert_eq!(
            t.count,
            list_count(db, actor, filter).await,
            "{who}: {}",
            t.name
        );
    }
    for (kind, n) in [
        (ChangeKind::Created, d.month.created),
        (ChangeKind::Updated, d.month.updated),
        (ChangeKind::Deactivated, d.month.deactivated),
    ] {
        let filter = ContactFilter {
            changed: Some(ChangeFilter {
                kind,
                since: d.month.since,
            }),
            ..ContactFilter::default()
        };
        assert_eq!(n, list_count(db, actor, filter).await, "{who}: {kind:?}");
    }
    // Over a longer period the change filters find contacts, and still agree with the list.
    let scope = rapport_core::access::scope::search_scope(db.reader(), actor)
        .await
        .unwrap();
    let since = now - Duration::days(400);
    for kind in [
        ChangeKind::Created,
        ChangeKind::Updated,
        ChangeKind::Deactivated,
    ] {
        let n = sql::changed(db.reader(), actor, scope.as_deref(), kind, since)
            .await
            .unwrap();
        let filter = ContactFilter {
            changed: Some(ChangeFilter { kind, since }),
            ..ContactFilter::default()
        };
        let listed = list_count(db, actor, filter).await;
        assert_eq!(n, listed, "{who}: {kind:?} in 400 days");
        if let Some(area) = single_area(db, actor).await {
            let n = sql::area_changed(db.reader(), area, kind, since)
                .await
                .unwrap();
            assert_eq!(n, listed, "{who}: {kind:?} in 400 days, from the area");
        }
    }
    let sum = |v: &[u32]| v.iter().sum::<u32>();
    assert_eq!(
        sum(&d.by_type.iter().map(|t| t.count).collect::<Vec<_>>()),
        d.total
    );
    assert_eq!(
        sum(&d.by_stage.iter().map(|t| t.count).collect::<Vec<_>>()),
        d.total
    );
    assert_eq!(
        sum(&d.by_status.iter().map(|t| t.count).collect::<Vec<_>>()),
        d.total
    );
    assert_eq!(d.quality.contacts, d.total);
    assert!(d.quality.clean <= d.total && d.quality.score <= 100);
    // Data quality counts the contacts the list shows: those without an email address or a
    // phone number, and the active ones not verified within the policy's days.
    let rows = walk(
        db,
        actor,
        ContactListQuery {
            limit: 500,
            ..ContactListQuery::default()
        },
    )
    .await;
    assert_eq!(rows.len() as u32, d.total, "{who}: listed");
    let unreachable = rows
        .iter()
        .filter(|r| r.email.is_none() && r.phone.is_none())
        .count();
    assert_eq!(
        d.quality.unreachable as usize, unreachable,
        "{who}: unreachable"
    );
    let ids: Vec<i64> = rows.iter().map(|r| r.id.parse().unwrap()).collect();
    let cutoff = (now - Duration::days(i64::from(d.quality.verification_days)))
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let unverified: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM contacts WHERE id IN (SELECT value FROM json_each(?))
           AND status = 'active' AND (verified_at IS NULL OR verified_at < ?)",
    )
    .bind(serde_json::to_string(&ids).unwrap())
    .bind(cutoff)
    .fetch_one(db.reader())
    .await
    .unwrap();
    assert_eq!(
        i64::from(d.quality.unverified),
        unverified,
        "{who}: unverified"
    );
    d
}

#[tokio::test]
async fn dashboard_counts_are_the_list_counts_for_every_role() {
    let demo = demo_db(1_500).await;
    let admin = assert_counts_match_the_list(&demo.db, &demo.admin, "admin").await;
    assert_eq!(admin.total, 1_500);
    assert!(admin.by_type.iter().filter(|t| t.count > 0).count() >= 3);
    assert!(admin.by_stage.iter().filter(|t| t.count > 0).count() >= 2);
    assert!(admin.by_territory.iter().any(|t| t.count > 0));
    assert_eq!(admin.by_status.len(), 3);

    for who in ["regional", "territory", "billing"] {
        let actor = sign_in(&demo.db, who).await;
        let d = assert_counts_match_the_list(&demo.db, &actor, who).await;
        assert!(d.total > 0 && d.total < admin.total, "{who} sees part");
        assert!(
            d.by_status
                .iter()
                .all(|t| t.value != ContactStatus::Archived),
            "{who}: archived is for administrators"
        );
        assert!(d.imports.is_empty() || who != "billing");
    }
}

#[tokio::test]
async fn a_territory_manager_sees_only_their_territory() {
    let demo = demo_db(1_200).await;
    let manager = sign_in(&demo.db, "territory").await;
    let theirs = organisation::list_territories(&demo.db, &manager)
        .await
        .unwrap();
    assert!(!theirs.is_empty());
    let d = dashboard(&demo.db, &manager, fixed_now()).await.unwrap();
    let ids: Vec<_> = d
        .by_territory
        .iter()
        .map(|t| t.territory_id.clone())
        .collect();
    let expected: Vec<_> = theirs.iter().map(|t| t.id.clone()).collect();
    assert_eq!(ids, expected, "only their territories are charted");
    let admin = dashboard(&demo.db, &demo.admin, fixed_now()).await.unwrap();
    assert!(admin.by_territory.len() > d.by_territory.len());
    // Their total is the contacts at sites in their territories, as the administrator's
    // territory bars count them (less archived ones, which managers do not see).
    let theirs_in_admin: u32 = admin
        .by_territory
        .iter()
        .filter(|t| expected.contains(&t.territory_id))
        .map(|t| t.count)
        .sum();
    assert!(d.total <= theirs_in_admin);
    assert!(d.total > 0);
    let manager_bars: u32 = d.by_territory.iter().map(|t| t.count).sum();
    assert!(manager_bars >= d.total);
}

#[tokio::test]
async fn an_empty_database_reads_well() {
    let demo = demo_db(0).await;
    let d = dashboard(&demo.db, &demo.admin, fixed_now()).await.unwrap();
    assert_eq!(d.total, 0);
    assert_eq!(d.quality.score, 100);
    assert!(d.by_type.iter().all(|t| t.count == 0));
    assert_eq!(d.by_type.len(), ContactType::ALL.len());
}

/// The administrator's charts come from counts kept by triggers: they follow links added,
/// removed and moved, sites moved to another territory, and contacts changed and erased.
#[tokio::test]
async fn kept_counts_follow_links_sites_and_contacts() {
    let demo = demo_db(800).await;
    let check = |label: &'static str| {
        let db = &demo.db;
        let admin = &demo.admin;
        async move {
            let d = assert_counts_match_the_list(db, admin, label).await;
            let cutoff = (fixed_now() - Duration::days(i64::from(d.quality.verification_days)))
                .to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
            let unverified: i64 = sqlx::query_scalar(
                "SELECT count(*) FROM contacts WHERE status = 'active' AND erased_at IS NULL
                   AND (verified_at IS NULL OR verified_at < ?)",
            )
            .bind(cutoff)
            .fetch_one(db.reader())
            .await
            .unwrap();
            assert_eq!(
                i64::from(d.quality.unverified),
                unverified,
                "{label}: unverified"
            );
            d.month
        }
    };
    let before = check("as loaded").await;
    let mut tx = demo.db.write().await.unwrap();
    let sites: Vec<(i64, i64)> = sqlx::query_as("SELECT id, territory_id FROM sites ORDER BY id")
        .fetch_all(&mut *tx)
        .await
        .unwrap();
    let (first_site, first_territory) = sites[0];
    let other = sites
        .iter()
        .find(|(_, t)| *t != first_territory)
        .copied()
        .unwrap();
    // A contact gains a site in another territory, and a second one in the same territory.
    sqlx::query(
        "INSERT OR IGNORE INTO contact_sites (contact_id, site_id, role) VALUES (1, ?, 'other')",
    )
    .bind(other.0)
    .execute(&mut *tx)
    .await
    .unwrap();
    sqlx::query(
        "INSERT OR IGNORE INTO contact_sites (contact_id, site_id, role) VALUES (2, ?, 'other')",
    )
    .bind(first_site)
    .execute(&mut *tx)
    .await
    .unwrap();
    // Contact 3's links move to contact 4 (as a merge moves them), where they do not clash.
    sqlx::query(
        "UPDATE contact_sites SET contact_id = 4 WHERE contact_id = 3
           AND site_id NOT IN (SELECT site_id FROM contact_sites WHERE contact_id = 4)",
    )
    .execute(&mut *tx)
    .await
    .unwrap();
    sqlx::query("DELETE FROM contact_sites WHERE contact_id = 5")
        .execute(&mut *tx)
        .await
        .unwrap();

    // Type, stage and status change, and a person is erased.
    sqlx::query(
        "UPDATE contacts SET contact_type = 'other', lifecycle_stage = 'former',
                status = 'inactive' WHERE id IN (6, 7)",
    )
    .execute(&mut *tx)
    .await
    .unwrap();
    sqlx::query("UPDATE contacts SET erased_at = '2026-10-01T00:00:00.000Z' WHERE id = 8")
        .execute(&mut *tx)
        .await
        .unwrap();

    sqlx::query("UPDATE sites SET territory_id = ? WHERE id = ?")
        .bind(other.1)
        .bind(first_site)
        .execute(&mut *tx)
        .await
        .unwrap();

    // This month: two people edited, one deactivated, one entered anew, and one created
    // this month deleted (the month tallies follow each).
    let now = "2026-11-01T09:00:00.000Z";
    // Deleted as an undone import deletes its contacts: one with no history.
    let gone: i64 = sqlx::query_scalar(
        "SELECT min(c.id) FROM contacts c WHERE c.id > 13
           AND NOT EXISTS (SELECT 1 FROM interaction_contacts x WHERE x.contact_id = c.id)
           AND NOT EXISTS (SELECT 1 FROM follow_ups x WHERE x.contact_id = c.id)
           AND NOT EXISTS (SELECT 1 FROM cadences x WHERE x.contact_id = c.id)
           AND NOT EXISTS (SELECT 1 FROM contact_engagement x WHERE x.contact_id = c.id)
           AND NOT EXISTS (SELECT 1 FROM contact_responses x WHERE x.contact_id = c.id)
           AND NOT EXISTS (SELECT 1 FROM escalations x WHERE x.contact_id = c.id)",
    )
    .fetch_one(&mut *tx)
    .await
    .unwrap();
    for sql in [
        "UPDATE contacts SET updated_at = ?1 WHERE id IN (9, 10)",
        "UPDATE contacts SET status = 'inactive', status_changed_at = ?1, updated_at = ?1
         WHERE id = 11",
        "UPDATE contacts SET created_at = ?1, updated_at = ?1 WHERE id = 12",
        "UPDATE contacts SET created_at = ?1, updated_at = ?1 WHERE id = ?2",
        "DELETE FROM contacts WHERE id = ?2",
        // Verified just before and just after the cutoff (90 days before now), on its day.
        "UPDATE contacts SET status = 'active', verified_at = '2026-08-03T08:59:00.000Z'
         WHERE id = 14",
        "UPDATE contacts SET status = 'active', verified_at = '2026-08-03T09:01:00.000Z'
         WHERE id = 15",
        "UPDATE contacts SET status = 'active', verified_at = ?1 WHERE id = 16",
        "UPDATE contacts SET status = 'inactive', verified_at = ?1 WHERE id = 17",
    ] {
        sqlx::query(sql)
            .bind(now)
            .bind(gone)
            .execute(&mut *tx)
            .await
            .unwrap();
    }

    tx.commit().await.unwrap();
    let after = check("after the changes").await;
    assert_eq!(after.created, before.created + 1, "created this month");
    assert!(after.updated >= before.updated + 2, "updated this month");
    assert_eq!(after.deactivated, before.deactivated + 1, "deactivated");
}

/// The dashboard's work figures count what the queues list, for every role (a one-area user's
/// scope is tested against their area's rows, the queues' against the contacts).
async fn assert_work_is_what_the_queues_list(db: &Database, label: &str) {
    use rapport_core::engagement;
    let now = fixed_now();
    for who in ["admin", "regional", "territory", "billing"] {
        let actor = sign_in(db, who).await;
        let d = dashboard(db, &actor, now).await.unwrap();
        let mut overdue = 0;
        let mut query = FollowUpQuery {
            limit: 100,
            ..FollowUpQuery::default()
        };
        loop {
            let page = engagement::overdue_queue(db, &actor, &query, now)
                .await
                .unwrap();
            overdue += page.items.len() as u32;
            match page.next_cursor {
                Some(cursor) => query.cursor = Some(cursor),
                None => break,
            }
        }
        assert_eq!(d.work.overdue_in_scope, overdue, "{label}, {who}: overdue");
        let listed = engagement::non_responsive_contacts(db, &actor, None)
            .await
            .unwrap();
        assert_eq!(
            d.work.non_responsive as usize,
            listed.len(),
            "{label}, {who}: non-responsive"
        );
        let counts = engagement::follow_up_counts(db, &actor, now).await.unwrap();
        let waiting = engagement::escalation_queue(db, &actor).await.unwrap();
        assert_eq!(
            counts.escalations as usize,
            waiting.len(),
            "{label}, {who}: escalations waiting"
        );
        if who == "admin" {
            assert!(
                overdue > 0 && !listed.is_empty() && !waiting.is_empty(),
                "the demo has work to count"
            );
        }
    }
    // The kept rows are exactly what they copy.
    let (missing, extra): (i64, i64) = sqlx::query_as(
        "WITH should AS (SELECT a.area, f.overdue_at, f.id FROM follow_ups f
                         JOIN area_contacts a ON a.contact_id = f.contact_id
                         WHERE f.status = 'open'),
              kept AS (SELECT area, overdue_at, follow_up_id FROM area_follow_ups)
         SELECT (SELECT count(*) FROM (SELECT * FROM should EXCEPT SELECT * FROM kept)),
                (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM should))",
    )
    .fetch_one(db.reader())
    .await
    .unwrap();
    assert_eq!((missing, extra), (0, 0), "{label}: area follow-ups");
    let stale: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM escalations x WHERE x.waiting_on IS NOT (SELECT s.user_id
           FROM escalation_steps s WHERE s.escalation_id = x.id ORDER BY s.step DESC LIMIT 1)",
    )
    .fetch_one(db.reader())
    .await
    .unwrap();
    assert_eq!(stale, 0, "{label}: who escalations wait on");
}

#[tokio::test]
async fn work_figures_are_what_the_queues_list() {
    let demo = demo_db(600).await;
    assert_work_is_what_the_queues_list(&demo.db, "as loaded").await;
    let now = "2026-11-01T09:00:00.000Z";
    let mut tx = demo.db.write().await.unwrap();
    let overdue: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT id, contact_id FROM follow_ups WHERE status = 'open' AND overdue_at <= ?
         ORDER BY id LIMIT 5",
    )
    .bind(now)
    .fetch_all(&mut *tx)
    .await
    .unwrap();
    assert_eq!(overdue.len(), 5, "the demo has overdue follow-ups");
    let other_contact: i64 = sqlx::query_scalar(
        "SELECT min(contact_id) FROM contact_sites WHERE contact_id <> ? AND contact_id <> ?",
    )
    .bind(overdue[2].1)
    .bind(overdue[3].1)
    .fetch_one(&mut *tx)
    .await
    .unwrap();
    // One is done, one moves to next month, one moves to another person (as a merge moves
    // it), one is deleted, and the person of the last one leaves every site.
    for (sql, a, b) in [
        (
            "UPDATE follow_ups SET status = 'done' WHERE id = ?1",
            overdue[0].0,
            0,
        ),
        (
            "UPDATE follow_ups SET due_at = '2026-12-01T00:00:00.000Z',
                overdue_at = '2026-12-02T00:00:00.000Z' WHERE id = ?1",
            overdue[1].0,
            0,
        ),
        (
            "UPDATE follow_ups SET contact_id = ?2 WHERE id = ?1",
            overdue[2].0,
            other_contact,
        ),
        ("DELETE FROM follow_ups WHERE id = ?1", overdue[3].0, 0),
        (
            "DELETE FROM contact_sites WHERE contact_id = ?1",
            overdue[4].1,
            0,
        ),
        // An escalation is answered, and another one goes up a level.
        (
            "UPDATE escalations SET resolved_at = '2026-11-01T08:00:00.000Z',
                resolution = 'responded'
             WHERE id = (SELECT min(id) FROM escalations WHERE resolved_at IS NULL)",
            0,
            0,
        ),
        (
            "INSERT INTO escalation_steps (escalation_id, step, level, user_id, at)
             SELECT x.id, s.step + 1, 'site_admin', (SELECT id FROM users WHERE username = 'admin'),
                    '2026-11-01T08:00:00.000Z'
             FROM escalations x JOIN escalation_steps s ON s.escalation_id = x.id
             WHERE x.resolved_at IS NULL AND s.step < 3
               AND s.step = (SELECT max(step) FROM escalation_steps t WHERE t.escalation_id = x.id)
             ORDER BY x.id LIMIT 1",
            0,
            0,
        ),
    ] {
        sqlx::query(sql)
            .bind(a)
            .bind(b)
            .execute(&mut *tx)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    assert_work_is_what_the_queues_list(&demo.db, "after the changes").await;
}
