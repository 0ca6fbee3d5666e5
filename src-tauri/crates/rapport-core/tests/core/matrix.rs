//! The permission matrix, command by command: every role against in-scope, out-of-scope and
//! archived contacts, and every administration command. Each refusal is audited.

use rapport_core::access::role::reach;
use rapport_core::access::{policy, users, Action, Actor, Reach};
use rapport_core::audit;
use rapport_core::model::*;
use rapport_core::store::{contacts, organisation};
use rapport_core::{maintenance, CoreError, CoreResult};

use crate::{demo_db, sign_in, Demo};

const ROLES: [&str; 4] = ["admin", "regional", "territory", "billing"];

async fn denials(demo: &Demo) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM audit_events WHERE action = 'denied'")
        .fetch_one(demo.db.reader())
        .await
        .unwrap()
}

/// A contact inside the territory manager's territory (and so inside the regional manager's
/// region) that is not a billing contact, and one outside all three scopes.
async fn sample(demo: &Demo, inside: bool) -> String {
    let sql = format!(
        "SELECT c.id FROM contacts c WHERE c.contact_type <> 'billing' AND c.status = 'active'
         AND NOT EXISTS (SELECT 1 FROM contact_sites x WHERE x.contact_id = c.id AND x.role = 'billing')
         AND {} EXISTS (SELECT 1 FROM contact_sites cs JOIN sites s ON s.id = cs.site_id
                   JOIN territories t ON t.id = s.territory_id JOIN regions r ON r.id = t.region_id
                   WHERE cs.contact_id = c.id AND {})
         ORDER BY c.id LIMIT 1",
        if inside { "" } else { "NOT" },
        if inside { "t.code = 'UKI-SCO'" } else { "r.code = 'UKI'" },
    );
    sqlx::query_scalar::<_, i64>(&sql)
        .fetch_one(demo.db.reader())
        .await
        .unwrap()
        .to_string()
}

fn outcome<T>(result: CoreResult<T>) -> &'static str {
    match result {
        Ok(_) => "ok",
        Err(CoreError::NotFound { .. }) => "not_found",
        Err(CoreError::Forbidden { .. }) => "forbidden",
        Err(other) => panic!("unexpected {other}: {:?}", other.fields()),
    }
}

async fn read_contact(demo: &Demo, actor: &Actor, id: &str) -> (&'static str, &'static str) {
    (
        outcome(contacts::get(&demo.db, actor, id, "GB").await),
        outcome(audit::contact_history(&demo.db, actor, id).await),
    )
}

#[tokio::test]
async fn contact_reads_follow_the_matrix_for_every_role() {
    let demo = demo_db(1_500).await;
    let inside = sample(&demo, true).await;
    let outside = sample(&demo, false).await;
    let mut tx = demo.db.write().await.unwrap();
    // A second in-scope contact, archived.
    let archived: String = sqlx::query_scalar::<_, i64>(
        "SELECT c.id FROM contacts c JOIN contact_sites cs ON cs.contact_id = c.id
         JOIN sites s ON s.id = cs.site_id JOIN territories t ON t.id = s.territory_id
         WHERE t.code = 'UKI-SCO' AND c.id <> ? ORDER BY c.id LIMIT 1",
    )
    .bind(inside.parse::<i64>().unwrap())
    .fetch_one(&mut *tx)
    .await
    .unwrap()
    .to_string();
    sqlx::query("UPDATE contacts SET status = 'archived' WHERE id = ?")
        .bind(&archived)
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();

    // (role, inside, outside, archived) as the matrix and the scope rules say.
    let expected = [
        ("admin", "ok", "ok", "ok"),
        ("regional", "ok", "not_found", "not_found"),
        ("territory", "ok", "not_found", "not_found"),
        ("billing", "not_found", "not_found", "not_found"),
    ];
    for (username, want_inside, want_outside, want_archived) in expected {
        let actor = sign_in(&demo.db, username).await;
        for (id, want) in [
            (&inside, want_inside),
            (&outside, want_outside),
            (&archived, want_archived),
        ] {
            let before = denials(&demo).await;
            let (detail, history) = read_contact(&demo, &actor, id).await;
            assert_eq!((detail, history), (want, want), "{username} reading {id}");
            let audited = if want == "ok" { 0 } else { 2 };
            assert_eq!(
                denials(&demo).await - before,
                audited,
                "{username} {id}: denials audited"
            );
        }
    }
}

#[tokio::test]
async fn administration_commands_follow_the_matrix_for_every_role() {
    let demo = demo_db(200).await;
    for username in ROLES {
        let actor = sign_in(&demo.db, username).await;
        let allowed = reach(actor.role(), Action::Administer) == Reach::All;
        let want = if allowed { "ok" } else { "forbidden" };
        let before = denials(&demo).await;
        let region = RegionInput {
            code: format!("X{}", &username[..2].to_uppercase()),
            name: "Test region".into(),
        };
        let results = [
            (
                "list users",
                outcome(users::list_users(&demo.db, &actor).await),
            ),
            (
                "list regions",
                outcome(organisation::list_regions(&demo.db, &actor).await),
            ),
            (
                "save region",
                outcome(organisation::save_region(&demo.db, &actor, None, region).await),
            ),
            (
                "list accounts",
                outcome(organisation::list_accounts(&demo.db, &actor, "", 10).await),
            ),
            ("policy", outcome(policy::load_for(&demo.db, &actor).await)),
            (
                "audit",
                outcome(audit::list_events(&demo.db, &actor, None, 10).await),
            ),
            ("verify", outcome(audit::verify_for(&demo.db, &actor).await)),
            (
                "backups",
                outcome(maintenance::list_backups(&demo.db, &actor).await),
            ),
        ];
        for (what, got) in &results {
            assert_eq!(*got, want, "{username}: {what}");
        }
        let refused = if allowed { 0 } else { results.len() as i64 };
        assert_eq!(
            denials(&demo).await - before,
            refused,
            "{username}: each refusal audited"
        );
    }
}

/// Every way of changing a contact, for every role, against a contact inside the managers'
/// scope and one outside it. Each runs on its own fresh contact pair so one outcome never
/// depends on another (an erased contact cannot be deactivated).
#[tokio::test]
async fn contact_changes_follow_the_matrix_for_every_role() {
    use rapport_core::contact::bulk::{self, BulkAction, BulkSelection};
    use rapport_core::contact::status::{self, VerificationInput};
    use rapport_core::contact::{privacy, write};
    use std::sync::atomic::AtomicBool;

    let demo = demo_db(1_500).await;
    let inside = sample(&demo, true).await;
    let outside = sample(&demo, false).await;
    let today = chrono::Utc::now().date_naive();

    // (role, what, inside, outside)
    let expected = [
        ("admin", "ok", "ok"),
        ("regional", "ok", "not_found"),
        ("territory", "ok", "not_found"),
        ("billing", "not_found", "not_found"),
    ];
    for (username, want_inside, want_outside) in expected {
        let actor = sign_in(&demo.db, username).await;
        let deactivation = reach(actor.role(), Action::Deactivate) != Reach::None;
        let erasure = reach(actor.role(), Action::Archived) == Reach::All;
        for (id, want) in [(&inside, want_inside), (&outside, want_outside)] {
            let before = denials(&demo).await;
            let detail = contacts::get(&demo.db, &demo.admin, id, "GB")
                .await
                .unwrap();
            let mut input = write::input_of_detail(&detail);
            input.department = Some(format!("Checked by {username}"));
            let edit = outcome(
                write::update(&demo.db, &actor, id, detail.version, &input, None, "GB").await,
            );
            let verify = outcome(
                status::verify(
                    &demo.db,
                    &actor,
                    id,
                    &VerificationInput {
                        method: "phone call".into(),
                        verified_on: today,
                    },
                )
                .await,
            );
            let export = outcome(privacy::export_person(&demo.db, &actor, id, "GB").await);
            assert_eq!(
                (edit, verify, export),
                (want, want, want),
                "{username} editing {id}"
            );

            // Deactivation and erasure: the role decides first, then the scope.
            let gated = |allowed: bool| if !allowed { "forbidden" } else { want };
            let deactivate = outcome(status::deactivate(&demo.db, &actor, id, "left").await);
            assert_eq!(
                deactivate,
                gated(deactivation),
                "{username} deactivating {id}"
            );
            if deactivate == "ok" {
                status::reactivate(&demo.db, &demo.admin, id, "back")
                    .await
                    .unwrap();
            }
            let selection = BulkSelection::Ids {
                ids: vec![id.clone()],
            };
            let bulk = bulk::apply(
                &demo.db,
                &actor,
                &selection,
                &BulkAction::Deactivate {
                    reason: "left".into(),
                },
                |_| {},
                &AtomicBool::new(false),
            )
            .await;
            let bulk_changed = match bulk {
                Ok(report) => report.changed,
                Err(CoreError::Forbidden { .. }) => {
                    assert!(!deactivation, "{username} bulk deactivation refused");
                    0
                }
                Err(other) => panic!("{username}: unexpected {other}"),
            };
            let expect_changed = u32::from(deactivation && want == "ok");
            assert_eq!(bulk_changed, expect_changed, "{username} bulk {id}");
            if bulk_changed == 1 {
                status::reactivate(&demo.db, &demo.admin, id, "back")
                    .await
                    .unwrap();
            }
            // A wrong confirmation is enough to tell the role check from the erasure itself.
            let erase = privacy::erase_person(&demo.db, &actor, id, "not the reference").await;
            match erase {
                Err(CoreError::Forbidden { .. }) => assert!(!erasure, "{username} erasing"),
                Err(CoreError::InvalidInput(p)) => {
                    assert!(erasure, "{username} erasing");
                    assert_eq!(p.field, "confirmation");
                }
                other => panic!("{username} erasing {id}: unexpected {other:?}"),
            }
            let refusals = denials(&demo).await - before;
            if want == "ok" && deactivation && erasure {
                assert_eq!(refusals, 0, "{username} {id}: nothing refused");
            } else {
                assert!(refusals > 0, "{username} {id}: refusals audited");
            }
        }
    }
    assert!(audit::verify(demo.db.reader()).await.unwrap().ok);
}
