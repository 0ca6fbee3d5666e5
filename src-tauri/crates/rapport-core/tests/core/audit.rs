//! The audit trail: chained, append-only, verifiable, and erasable without breaking the chain.

use rapport_core::access::users::{self, UserInput};
use rapport_core::audit;
use rapport_core::model::Role;

use crate::demo_db;

fn new_user(username: &str) -> UserInput {
    UserInput {
        username: username.into(),
        display_name: "Canary Person".into(),
        role: Role::BillingAdmin,
        region_ids: Vec::new(),
        territory_ids: Vec::new(),
        disabled: false,
        password: Some("a long enough phrase".into()),
    }
}

#[tokio::test]
async fn the_chain_verifies_and_refuses_updates_and_deletes() {
    let demo = demo_db(50).await;
    users::create_user(&demo.db, &demo.admin, new_user("auditor"))
        .await
        .unwrap();
    let report = audit::verify(demo.db.reader()).await.unwrap();
    assert!(report.ok, "{report:?}");
    assert!(report.append_only);
    assert!(report.events >= 6, "demo users, sign-in and the new user");

    let mut tx = demo.db.write().await.unwrap();
    let update = sqlx::query("UPDATE audit_events SET username = 'mallory' WHERE seq = 2")
        .execute(&mut *tx)
        .await;
    assert!(update.is_err(), "updates are refused");
    let delete = sqlx::query("DELETE FROM audit_events WHERE seq = 2")
        .execute(&mut *tx)
        .await;
    assert!(delete.is_err(), "deletes are refused");
}

#[tokio::test]
async fn a_tampered_event_is_named_by_verify() {
    let demo = demo_db(50).await;
    let mut tx = demo.db.write().await.unwrap();
    sqlx::query("DROP TRIGGER audit_events_append_only_update")
        .execute(&mut *tx)
        .await
        .unwrap();
    sqlx::query("UPDATE audit_events SET username = 'mallory' WHERE seq = 3")
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let report = audit::verify(demo.db.reader()).await.unwrap();
    assert!(!report.ok);
    assert!(!report.append_only, "the missing trigger is reported");
    let bad = report.first_bad.unwrap();
    assert_eq!(bad.seq, "3");
    assert!(bad.reason.contains("changed"), "{}", bad.reason);
}

#[tokio::test]
async fn erasing_payloads_keeps_the_chain_valid_but_a_changed_payload_is_found() {
    let demo = demo_db(50).await;
    let created = users::create_user(&demo.db, &demo.admin, new_user("canary1"))
        .await
        .unwrap();
    let mut input = new_user("canary1");
    input.display_name = "Renamed Canary".into();
    input.password = None;
    users::update_user(&demo.db, &demo.admin, &created.id, input)
        .await
        .unwrap();
    let payloads: i64 = sqlx::query_scalar("SELECT count(*) FROM audit_payloads")
        .fetch_one(demo.db.reader())
        .await
        .unwrap();
    assert_eq!(payloads, 1, "the rename's before/after values");

    let mut tx = demo.db.write().await.unwrap();
    sqlx::query("DROP TRIGGER audit_payloads_no_update")
        .execute(&mut *tx)
        .await
        .unwrap();
    sqlx::query("UPDATE audit_payloads SET body = replace(body, 'Renamed', 'Forged')")
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let report = audit::verify(demo.db.reader()).await.unwrap();
    assert!(report.first_bad.unwrap().reason.contains("before/after"));

    let mut tx = demo.db.write().await.unwrap();
    sqlx::query("DELETE FROM audit_payloads")
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let report = audit::verify(demo.db.reader()).await.unwrap();
    assert!(
        report.first_bad.is_none(),
        "erased values leave the chain intact: {report:?}"
    );
}

#[tokio::test]
async fn a_bulk_load_writes_one_event_per_batch_with_its_id_ranges() {
    let demo = demo_db(12_000).await;
    let summaries: Vec<String> = sqlx::query_scalar(
        "SELECT summary FROM audit_events WHERE action = 'bulk_create' AND entity = 'contact'
         ORDER BY seq",
    )
    .fetch_all(demo.db.reader())
    .await
    .unwrap();
    assert_eq!(summaries.len(), 3, "batches of 5,000");
    let first: serde_json::Value = serde_json::from_str(&summaries[0]).unwrap();
    assert_eq!(first["count"], 5_000);
    assert_eq!(first["idRanges"], serde_json::json!([[1, 5_000]]));
    assert!(audit::verify(demo.db.reader()).await.unwrap().ok);
}
