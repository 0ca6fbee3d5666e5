//! SQLite configured with mimalloc, as the app and the CLI start: a test binary of its own, so
//! that nothing else in the process has touched SQLite when it runs.
#![allow(unsafe_code, clippy::unwrap_used)]

use chrono::{TimeZone, Utc};
use rapport_core::demo::DemoOptions;
use rapport_core::sqlite_memory::{self, SqliteMemory};
use rapport_core::{Database, DatabaseKey};

#[tokio::test]
async fn an_encrypted_database_works_on_mimalloc() {
    // SAFETY: the only test of this binary, and nothing has used SQLite yet.
    assert_eq!(
        unsafe { sqlite_memory::use_mimalloc() },
        SqliteMemory::Mimalloc
    );
    // Once SQLite is initialised its allocator cannot change.
    assert_eq!(
        unsafe { sqlite_memory::use_mimalloc() },
        SqliteMemory::Default
    );

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rapport.sqlite3");
    let key = DatabaseKey::generate();
    let db = Database::create(&path, &key).await.unwrap();
    let options = DemoOptions {
        contacts: 2_000,
        seed: 1,
        now: Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap(),
    };
    rapport_core::demo::create(&db, options, |_| {})
        .await
        .unwrap();
    db.close().await;

    // Pages written and encrypted with SQLite's memory from mimalloc read back whole.
    let db = Database::open(&path, &key).await.unwrap();
    let (contacts, check): (i64, String) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM contacts), (SELECT integrity_check FROM pragma_integrity_check)",
    )
    .fetch_one(db.reader())
    .await
    .unwrap();
    assert_eq!((contacts, check.as_str()), (2_000, "ok"));
    let found: i64 =
        sqlx::query_scalar("SELECT count(*) FROM contact_words WHERE contact_words MATCH 'a*'")
            .fetch_one(db.reader())
            .await
            .unwrap();
    assert!(found > 0, "the full-text index answers");
    db.close().await;
}
