use rapport_core::{CoreError, Database, DatabaseKey};

const NOT_SQLITE: &str = "Name;Email\nAnna Schmidt;anna@example.com\n";

#[tokio::test]
async fn a_missing_database_is_not_created_by_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing.sqlite3");
    let error = Database::open(&path, &DatabaseKey::generate())
        .await
        .err()
        .expect("refused");
    assert_eq!(error.code(), "unavailable");
    assert!(
        error.user_message().contains("no database file there"),
        "{}",
        error.user_message()
    );
    assert!(!path.exists(), "nothing was created");
}

#[tokio::test]
async fn a_file_that_is_not_sqlite_is_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.sqlite3");
    std::fs::write(&path, NOT_SQLITE.repeat(200)).unwrap();
    let error = Database::open(&path, &DatabaseKey::generate())
        .await
        .err()
        .expect("refused");
    assert_eq!(error.code(), "unavailable");
    assert!(
        error.user_message().contains("not a Rapport database"),
        "{}",
        error.user_message()
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap().len(),
        NOT_SQLITE.len() * 200,
        "the file is left exactly as it was"
    );
}

#[tokio::test]
async fn another_programs_sqlite_database_gets_no_rapport_tables() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite3");
    {
        let conn = rusqlite_free_setup(&path).await;
        conn.close().await;
    }
    let error = Database::open(&path, &DatabaseKey::generate())
        .await
        .err()
        .expect("refused");
    assert!(matches!(error, CoreError::Unavailable { .. }));
    assert!(
        error.user_message().contains("unencrypted"),
        "{}",
        error.user_message()
    );
    let pool = sqlx::SqlitePool::connect(&format!("sqlite:{}", path.display()))
        .await
        .unwrap();
    let tables: Vec<String> =
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table'")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(tables, vec!["invoices".to_string()]);
}

async fn rusqlite_free_setup(path: &std::path::Path) -> sqlx::SqlitePool {
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true);
    let pool = sqlx::SqlitePool::connect_with(options).await.unwrap();
    sqlx::query("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total INTEGER)")
        .execute(&pool)
        .await
        .unwrap();
    pool
}

#[tokio::test]
async fn the_schema_allows_one_primary_contact_per_site() {
    let demo = crate::demo_db(300).await;
    let mut tx = demo.db.write().await.unwrap();
    let (site, contact): (i64, i64) = sqlx::query_as(
        "SELECT site_id, contact_id FROM contact_sites WHERE is_primary = 1 LIMIT 1",
    )
    .fetch_one(&mut *tx)
    .await
    .unwrap();
    let other: i64 = sqlx::query_scalar("SELECT id FROM contacts WHERE id <> ? LIMIT 1")
        .bind(contact)
        .fetch_one(&mut *tx)
        .await
        .unwrap();
    sqlx::query("DELETE FROM contact_sites WHERE contact_id = ? AND site_id = ?")
        .bind(other)
        .bind(site)
        .execute(&mut *tx)
        .await
        .unwrap();
    let second = sqlx::query(
        "INSERT INTO contact_sites (contact_id, site_id, role, is_primary) VALUES (?, ?, 'x', 1)",
    )
    .bind(other)
    .bind(site)
    .execute(&mut *tx)
    .await;
    assert!(
        second.is_err(),
        "a second primary contact for one site is refused"
    );
}

#[tokio::test]
async fn wal_and_foreign_keys_are_on() {
    let demo = crate::demo_db(10).await;
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(demo.db.reader())
        .await
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
        .fetch_one(demo.db.reader())
        .await
        .unwrap();
    assert_eq!(fk, 1);
}

#[tokio::test]
async fn an_unencrypted_database_of_an_earlier_release_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite3");
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(&path)
        .create_if_missing(true);
    let pool = sqlx::SqlitePool::connect_with(options).await.unwrap();
    sqlx::query("CREATE TABLE _sqlx_migrations (version INTEGER PRIMARY KEY)")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    let before = std::fs::read(&path).unwrap();
    let error = Database::open(&path, &DatabaseKey::generate())
        .await
        .err()
        .expect("refused");
    assert!(
        error.user_message().contains("earlier Rapport version"),
        "{}",
        error.user_message()
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}
