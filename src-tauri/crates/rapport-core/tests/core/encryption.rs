//! Encryption at rest: what lands on disk, wrong keys, backups and restores.

use std::path::{Path, PathBuf};

use rapport_core::backup;
use rapport_core::demo::{self, ContactGenerator, DemoOptions};
use rapport_core::store::bulk;
use rapport_core::{CoreError, Database, DatabaseKey};

use crate::fixed_now;

/// A made-up surname no generator produces, in the name, email and notes of one contact.
const CANARY: &str = "Qwzxcanaryvortex";

fn companion(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Every spelling of the canary that could sit in a page: as stored, folded for search.
fn assert_no_canary(path: &Path) {
    let bytes = std::fs::read(path).unwrap();
    assert!(!bytes.is_empty(), "{} is empty", path.display());
    for needle in [CANARY.to_string(), CANARY.to_lowercase()] {
        assert!(
            !contains(&bytes, needle.as_bytes()),
            "{needle} is readable in {}",
            path.display()
        );
    }
    assert!(
        !contains(&bytes, b"SQLite format 3"),
        "{} has a plain SQLite header",
        path.display()
    );
}

/// A database of 60 demo contacts where contact 10 carries the canary.
async fn canary_database(path: &Path, key: &DatabaseKey) -> Database {
    let db = Database::create(path, key).await.unwrap();
    let options = DemoOptions {
        contacts: 60,
        seed: 5,
        now: fixed_now(),
    };
    let org = demo::organisation(options);
    bulk::insert_organisation(&db, &org).await.unwrap();
    let mut records: Vec<_> = ContactGenerator::new(&org, options)
        .batches(100)
        .flatten()
        .collect();
    let marked = &mut records[9];
    marked.last_name = CANARY.into();
    marked.notes = Some(format!("Ask {CANARY} about the gate code"));
    if let Some(email) = marked.emails.first_mut() {
        email.address = format!("{}@example.com", CANARY.to_lowercase());
    }
    bulk::insert_contacts(&db, demo::HOME_COUNTRY, 60, [records], |_| {})
        .await
        .unwrap();
    db
}

async fn find_canary(db: &Database) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM contacts WHERE last_name = ?")
        .bind(CANARY)
        .fetch_one(db.reader())
        .await
        .unwrap()
}

#[tokio::test]
async fn no_personal_field_is_readable_in_the_database_its_wal_or_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rapport.sqlite3");
    let key = DatabaseKey::generate();
    let db = canary_database(&path, &key).await;
    assert_eq!(find_canary(&db).await, 1, "the canary is stored and found");

    // Before the checkpoint at close, the newest pages live in the write-ahead log.
    let wal = companion(&path, "-wal");
    assert!(
        std::fs::metadata(&wal).unwrap().len() > 0,
        "the WAL holds pages"
    );
    assert_no_canary(&wal);
    assert_no_canary(&path);

    let backup_path = dir.path().join("backups").join("rapport-backup.sqlite3");
    let report = db.backup_to(&backup_path).await.unwrap();
    assert_eq!(report.contacts, 60);
    assert_eq!(report.path, backup_path);
    assert!(report.bytes > 0);
    assert_no_canary(&backup_path);
    db.close().await;
    assert_no_canary(&path);

    // The backup opens with the same key and holds the canary contact.
    let copy = dir.path().join("copy.sqlite3");
    std::fs::copy(&backup_path, &copy).unwrap();
    let db = Database::open(&copy, &key).await.unwrap();
    assert_eq!(find_canary(&db).await, 1);
    db.close().await;
}

#[tokio::test]
async fn a_wrong_key_is_rejected_and_leaves_the_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rapport.sqlite3");
    let db = Database::create(&path, &DatabaseKey::generate())
        .await
        .unwrap();
    db.close().await;
    let before = std::fs::read(&path).unwrap();
    let error = Database::open(&path, &DatabaseKey::generate())
        .await
        .err()
        .expect("refused");
    assert!(matches!(error, CoreError::KeyRejected { .. }), "{error:?}");
    assert_eq!(error.code(), "key_rejected");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "not one byte changed"
    );
    assert!(!companion(&path, "-wal").exists(), "no WAL was started");
}

#[tokio::test]
async fn create_never_writes_over_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rapport.sqlite3");
    std::fs::write(&path, b"precious").unwrap();
    let error = Database::create(&path, &DatabaseKey::generate())
        .await
        .err()
        .expect("refused");
    assert_eq!(error.code(), "unavailable");
    assert!(
        error.user_message().contains("already exists"),
        "{}",
        error.user_message()
    );
    assert_eq!(std::fs::read(&path).unwrap(), b"precious");

    let empty = dir.path().join("empty.sqlite3");
    std::fs::write(&empty, b"").unwrap();
    let error = Database::open(&empty, &DatabaseKey::generate())
        .await
        .err()
        .expect("an empty file is not a database to fill");
    assert_eq!(error.code(), "unavailable");
    assert_eq!(std::fs::metadata(&empty).unwrap().len(), 0);
}

#[tokio::test]
async fn sqlcipher_keeps_fts5_trigram_and_contentless_delete() {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::create(&dir.path().join("r.sqlite3"), &DatabaseKey::generate())
        .await
        .unwrap();
    let version: String = sqlx::query_scalar("PRAGMA cipher_version")
        .fetch_one(db.reader())
        .await
        .unwrap();
    assert!(!version.is_empty(), "SQLCipher is linked");
    let mut tx = db.write().await.unwrap();
    sqlx::query(
        "CREATE VIRTUAL TABLE temp.probe USING fts5(body, tokenize = 'trigram', \
         content = '', contentless_delete = 1)",
    )
    .execute(&mut *tx)
    .await
    .unwrap();
    sqlx::query("INSERT INTO temp.probe (rowid, body) VALUES (1, 'Schmidt'), (2, 'Smith')")
        .execute(&mut *tx)
        .await
        .unwrap();
    sqlx::query("DELETE FROM temp.probe WHERE rowid = 2")
        .execute(&mut *tx)
        .await
        .unwrap();
    let found: Vec<i64> = sqlx::query_scalar("SELECT rowid FROM temp.probe('hmi')")
        .fetch_all(&mut *tx)
        .await
        .unwrap();
    assert_eq!(found, vec![1]);
    tx.rollback().await.unwrap();
    db.close().await;
}

#[tokio::test]
async fn a_backup_restores_over_the_database_and_keeps_the_one_it_replaces() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rapport.sqlite3");
    let key = DatabaseKey::generate();
    let db = canary_database(&path, &key).await;
    let backup_path = dir.path().join("monday.sqlite3");
    db.backup_to(&backup_path).await.unwrap();

    let error = db.backup_to(&backup_path).await.expect_err("refused");
    assert!(error.user_message().contains("never written over"));

    // After the backup the database changes; the restore must bring the old state back.
    let mut tx = db.write().await.unwrap();
    sqlx::query("DELETE FROM contacts WHERE last_name = ?")
        .bind(CANARY)
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(find_canary(&db).await, 0);
    db.close().await;
    let backup_bytes = std::fs::read(&backup_path).unwrap();

    let report = backup::restore(&backup_path, &key, &path).await.unwrap();
    assert_eq!(report.contacts, 60);
    let kept = report.kept.expect("the replaced database is kept");
    let kept_name = kept.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        kept_name.starts_with("rapport.sqlite3.before-restore-"),
        "{kept_name}"
    );
    assert!(!companion(&path, "-wal").exists(), "no stale WAL");
    assert!(!companion(&path, "-shm").exists(), "no stale shared memory");
    assert_eq!(
        std::fs::read(&backup_path).unwrap(),
        backup_bytes,
        "the backup itself is left as it was"
    );

    let db = Database::open(&path, &key).await.unwrap();
    assert_eq!(
        find_canary(&db).await,
        1,
        "the restored state is the backup's"
    );
    db.close().await;
    let previous = Database::open(&kept, &key).await.unwrap();
    assert_eq!(
        find_canary(&previous).await,
        0,
        "the kept one is the replaced state"
    );
    previous.close().await;
}

#[tokio::test]
async fn a_restore_with_a_wrong_key_or_a_damaged_backup_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rapport.sqlite3");
    let key = DatabaseKey::generate();
    let db = canary_database(&path, &key).await;
    let backup_path = dir.path().join("backup.sqlite3");
    db.backup_to(&backup_path).await.unwrap();
    db.close().await;
    let before = std::fs::read(&path).unwrap();
    let listing = |dir: &Path| {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let files = listing(dir.path());

    let error = backup::restore(&backup_path, &DatabaseKey::generate(), &path)
        .await
        .expect_err("refused");
    assert!(matches!(error, CoreError::KeyRejected { .. }), "{error:?}");

    let damaged = dir.path().join("damaged.sqlite3");
    let mut bytes = std::fs::read(&backup_path).unwrap();
    let middle = bytes.len() / 2;
    for b in &mut bytes[middle..middle + 64] {
        *b ^= 0x5a;
    }
    std::fs::write(&damaged, &bytes).unwrap();
    let error = backup::restore(&damaged, &key, &path)
        .await
        .expect_err("refused");
    assert!(
        error.user_message().contains("damaged"),
        "{}",
        error.user_message()
    );
    std::fs::remove_file(&damaged).unwrap();

    let missing = dir.path().join("missing.sqlite3");
    let error = backup::restore(&missing, &key, &path)
        .await
        .expect_err("refused");
    assert!(error.user_message().contains("no backup file"));

    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(listing(dir.path()), files, "no file was added or removed");
}

#[tokio::test]
async fn a_restore_into_a_new_place_needs_no_existing_database() {
    let dir = tempfile::tempdir().unwrap();
    let key = DatabaseKey::generate();
    let db = canary_database(&dir.path().join("a.sqlite3"), &key).await;
    let backup_path = dir.path().join("a-backup.sqlite3");
    db.backup_to(&backup_path).await.unwrap();
    db.close().await;
    let target = dir.path().join("elsewhere").join("b.sqlite3");
    let report = backup::restore(&backup_path, &key, &target).await.unwrap();
    assert_eq!(report.kept, None);
    let db = Database::open(&target, &key).await.unwrap();
    assert_eq!(find_canary(&db).await, 1);
    db.close().await;
}

#[tokio::test]
async fn a_backup_whose_audit_trail_was_tampered_with_is_not_restored() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rapport.sqlite3");
    let key = DatabaseKey::generate();
    let db = canary_database(&path, &key).await;
    let backup_path = dir.path().join("backup.sqlite3");
    db.backup_to(&backup_path).await.unwrap();
    db.close().await;

    // Someone with the key removes the trail's protection inside the backup.
    let tampered = Database::open(&backup_path, &key).await.unwrap();
    let mut tx = tampered.write().await.unwrap();
    sqlx::query("DROP TRIGGER audit_events_append_only_delete")
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    tampered.close().await;

    let before = std::fs::read(&path).unwrap();
    let error = backup::restore(&backup_path, &key, &path)
        .await
        .expect_err("refused");
    assert!(
        error.user_message().contains("audit trail"),
        "{}",
        error.user_message()
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}
