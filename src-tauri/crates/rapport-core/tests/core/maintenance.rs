//! Administrators' backups: on demand (audited, administrators only) and on schedule.

use rapport_core::maintenance;

use crate::{demo_db, sign_in};

#[tokio::test]
async fn scheduled_backups_run_once_a_day_and_keep_the_newest() {
    let demo = demo_db(100).await;
    let day = chrono::Duration::hours(24);
    assert!(maintenance::backup_if_due(&demo.db, day, 2).await.unwrap());
    assert!(
        !maintenance::backup_if_due(&demo.db, day, 2).await.unwrap(),
        "not due again yet"
    );
    // Always due with a zero interval: the third backup pushes the oldest out.
    std::thread::sleep(std::time::Duration::from_millis(1_100));
    assert!(
        maintenance::backup_if_due(&demo.db, chrono::Duration::zero(), 2)
            .await
            .unwrap()
    );
    std::thread::sleep(std::time::Duration::from_millis(1_100));
    assert!(
        maintenance::backup_if_due(&demo.db, chrono::Duration::zero(), 2)
            .await
            .unwrap()
    );
    let kept = maintenance::list_backups(&demo.db, &demo.admin)
        .await
        .unwrap();
    assert_eq!(kept.len(), 2, "{kept:?}");
    let events: i64 =
        sqlx::query_scalar("SELECT count(*) FROM audit_events WHERE action = 'scheduled_backup'")
            .fetch_one(demo.db.reader())
            .await
            .unwrap();
    assert_eq!(events, 3);
}

#[tokio::test]
async fn a_backup_now_is_for_administrators_and_is_audited() {
    let demo = demo_db(100).await;
    let file = maintenance::backup_now(&demo.db, &demo.admin)
        .await
        .unwrap();
    assert!(file.name.ends_with(".rapport-backup"));
    assert!(file.bytes > 0.0);
    let regional = sign_in(&demo.db, "regional").await;
    let error = maintenance::backup_now(&demo.db, &regional)
        .await
        .unwrap_err();
    assert_eq!(error.code(), "forbidden");
    let error = maintenance::backup_path(&demo.db, &demo.admin, "../../etc/passwd")
        .await
        .unwrap_err();
    assert_eq!(
        error.code(),
        "not_found",
        "only names from the backup folder"
    );
}
