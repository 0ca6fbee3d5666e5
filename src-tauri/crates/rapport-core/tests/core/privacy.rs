//! Privacy requests against a real encrypted database: the export of everything held about a
//! person (JSON and vCard 4.0), and erasure, checked where the values could survive: the rows,
//! the search indexes' segments, freed pages, the write-ahead log and a later backup.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use aes::cipher::block_padding::NoPadding;
use aes::cipher::{BlockDecryptMut, KeyIvInit};
use calcard::vcard::{
    VCard, VCardEntry, VCardParameterName, VCardParameterValue, VCardProperty, VCardType,
    VCardValue,
};
use chrono::NaiveDate;
use rapport_core::access::Actor;
use rapport_core::audit;
use rapport_core::contact::privacy::{self, TOMBSTONE_NAME};
use rapport_core::contact::write;
use rapport_core::demo::DemoOptions;
use rapport_core::maintenance;
use rapport_core::model::*;
use rapport_core::store::contacts;
use rapport_core::{Database, DatabaseKey};
use serde_json::Value;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{Connection, SqliteConnection};
use tempfile::TempDir;

use crate::{fixed_now, sign_in};

const HOME: &str = "GB";

// Values no demo contact has (checked against a copy made before the person exists).
const FIRST: &str = "Ysoldé";
const LAST: &str = "Quarternmoss";
const LAST_EDITED: &str = "Quarternmoss-Vantreece";
const EMAIL: &str = "ysolde.quarternmoss@vexmouth-logistics.example";
const PHONE: &str = "+44 20 7946 0321";
const PHONE_DIGITS: &str = "2079460321";
const STREET: &str = "17 Wrenfeather Close";
const CITY: &str = "Quillhaven";
const JOB: &str = "Chief Lanternwright";
const TAG: &str = "glimmerdeep";
const NOTES: &str = "Met at the Marrowgate depot";
const NOTES_EDITED: &str = "Gatekeeper is Thistlewaite";
const JUSTIFICATION: &str = "Promoted after the Kestrelbay review";
const APPROVER: &str = "Ottoline Harrowgate";
const PHOTO_MARK: &[u8] = b"photo-canary-5f1d93";

/// What must not survive an erasure, as it is stored.
const STORED: [&str; 14] = [
    FIRST,
    LAST,
    "Vantreece",
    "vexmouth",
    PHONE_DIGITS,
    "Wrenfeather",
    CITY,
    "Lanternwright",
    TAG,
    "Marrowgate",
    "Thistlewaite",
    "Kestrelbay",
    "Harrowgate",
    "Ottoline",
];

/// The stored values, then the forms search and sort keys fold them into (lowercase, without
/// diacritics), then the photo's bytes.
fn needles() -> Vec<Vec<u8>> {
    let mut needles: Vec<Vec<u8>> = STORED.iter().map(|w| w.as_bytes().to_vec()).collect();
    for word in STORED.iter().copied().chain(["ysolde"]) {
        let folded = word.to_lowercase().into_bytes();
        if !needles.contains(&folded) {
            needles.push(folded);
        }
    }
    needles.push(PHOTO_MARK.to_vec());
    needles
}

/// The needles that stand for what is stored (each must be found before the erasure).
fn stored_needles() -> Vec<String> {
    STORED
        .iter()
        .map(|w| w.to_string())
        .chain([String::from_utf8_lossy(PHOTO_MARK).into_owned()])
        .collect()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn found_in(bytes: &[u8]) -> Vec<String> {
    needles()
        .iter()
        .filter(|n| contains(bytes, n))
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .collect()
}

fn companion(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

struct Fixture {
    dir: TempDir,
    path: PathBuf,
    key: DatabaseKey,
    db: Database,
    admin: Actor,
}

/// A demo organisation of `contacts` contacts in a database whose key the test keeps.
async fn fixture(contacts: u64) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rapport.sqlite3");
    let key = DatabaseKey::generate();
    let db = Database::create(&path, &key).await.unwrap();
    let options = DemoOptions {
        contacts,
        seed: 1,
        now: fixed_now(),
    };
    rapport_core::demo::create(&db, options, |_| {})
        .await
        .unwrap();
    let admin = sign_in(&db, "admin").await;
    Fixture {
        dir,
        path,
        key,
        db,
        admin,
    }
}

/// A connection of the test's own to an encrypted file (the database or a backup).
async fn raw_connection(path: &Path, key: &DatabaseKey) -> SqliteConnection {
    let options = SqliteConnectOptions::new()
        .filename(path)
        .pragma("key", key.sqlcipher_pragma().to_string())
        .create_if_missing(false);
    SqliteConnection::connect_with(&options).await.unwrap()
}

/// The bytes of a plaintext copy (`sqlcipher_export` into a database attached without a key)
/// of the encrypted file at `path`: every row of every table, search-index segments included.
async fn plaintext_copy(path: &Path, key: &DatabaseKey, dir: &Path, name: &str) -> Vec<u8> {
    let plain = dir.join(format!("{name}.plain.sqlite3"));
    // The connection opens without SQLITE_OPEN_CREATE, and an attached file inherits that.
    std::fs::File::create(&plain).unwrap();
    let mut conn = raw_connection(path, key).await;
    sqlx::query("ATTACH DATABASE ?1 AS plain KEY ''")
        .bind(plain.to_str().unwrap())
        .execute(&mut conn)
        .await
        .unwrap();
    sqlx::query("SELECT sqlcipher_export('plain')")
        .execute(&mut conn)
        .await
        .unwrap();
    sqlx::query("DETACH DATABASE plain")
        .execute(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    let bytes = std::fs::read(&plain).unwrap();
    assert!(
        bytes.starts_with(b"SQLite format 3\0"),
        "the copy is a plain SQLite file"
    );
    bytes
}

/// SQLCipher 4's page layout with a raw key: AES-256-CBC over the page minus its reserved
/// tail (16-byte IV + 64-byte HMAC-SHA512), the first 16 bytes of page 1 being the salt.
const PAGE_SIZE: usize = 4096;
const RESERVE: usize = 80;

fn raw_key(key: &DatabaseKey) -> [u8; 32] {
    let pragma = key.sqlcipher_pragma();
    let hex = pragma
        .trim_matches('"')
        .trim_start_matches("x'")
        .trim_end_matches('\'');
    let mut bytes = [0u8; 32];
    for (i, byte) in bytes.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap();
    }
    bytes
}

fn decrypt_page(key: &[u8; 32], page: &[u8], pgno: u32) -> Vec<u8> {
    let start = if pgno == 1 { 16 } else { 0 };
    let end = PAGE_SIZE - RESERVE;
    let iv = &page[end..end + 16];
    let mut data = page[start..end].to_vec();
    cbc::Decryptor::<aes::Aes256>::new(key.into(), iv.into())
        .decrypt_padded_mut::<NoPadding>(&mut data)
        .unwrap();
    data
}

/// Every page of an encrypted database file as stored on disk, decrypted, freed ones too:
/// what someone holding the key could read, not just what SQLite would show.
fn decrypt_database_file(path: &Path, key: &DatabaseKey) -> Vec<u8> {
    let key = raw_key(key);
    let bytes = std::fs::read(path).unwrap();
    assert_eq!(bytes.len() % PAGE_SIZE, 0, "whole pages");
    let mut plain = Vec::with_capacity(bytes.len());
    for (i, page) in bytes.chunks(PAGE_SIZE).enumerate() {
        let pgno = u32::try_from(i + 1).unwrap();
        let data = decrypt_page(&key, page, pgno);
        if pgno == 1 {
            // The rest of SQLite's header: page size 4096 at 16, 80 reserved bytes at 20
            // (offsets shifted by the 16 salt bytes). Proves the decryption is right.
            assert_eq!(
                &data[0..2],
                &[0x10, 0x00],
                "page size in the decrypted header"
            );
            assert_eq!(data[4], 80, "reserved bytes in the decrypted header");
        }
        plain.extend_from_slice(&data);
    }
    plain
}

/// Every frame of a write-ahead log, decrypted (frames of old transactions too).
fn decrypt_wal_file(path: &Path, key: &DatabaseKey) -> Vec<u8> {
    let key = raw_key(key);
    let bytes = std::fs::read(path).unwrap_or_default();
    let mut plain = Vec::new();
    let frame = 24 + PAGE_SIZE;
    let mut offset = 32;
    while offset + frame <= bytes.len() {
        let pgno = u32::from_be_bytes(bytes[offset..offset + 4].try_into().unwrap());
        plain.extend(decrypt_page(
            &key,
            &bytes[offset + 24..offset + frame],
            pgno,
        ));
        offset += frame;
    }
    plain
}

/// Every term of a search index that a live document has (fts5vocab skips documents that a
/// contentless delete only marked as deleted, so it shows the index as searches see it).
async fn vocabulary(conn: &mut SqliteConnection, index: &str) -> BTreeSet<String> {
    let vocab = format!("temp.{index}_vocab");
    sqlx::query(&format!(
        "CREATE VIRTUAL TABLE IF NOT EXISTS {vocab} USING fts5vocab(main, {index}, row)"
    ))
    .execute(&mut *conn)
    .await
    .unwrap();
    sqlx::query_scalar(&format!("SELECT term FROM {vocab}"))
        .fetch_all(&mut *conn)
        .await
        .unwrap()
        .into_iter()
        .collect()
}

/// Ends of the person's word terms, as they sit in the index's segment pages. FTS5 stores a
/// term after the prefix it shares with the term before it, so the ends are what any copy of
/// the term keeps; a document that a delete only marked as deleted keeps them until a merge.
const TERM_ENDS: [&str; 5] = ["ternmoss", "antreece", "xmouth", "ernwright", "ysolde"];

/// Which term ends are in the raw segment blocks of the word index.
async fn segment_leftovers(path: &Path, key: &DatabaseKey) -> Vec<&'static str> {
    let mut conn = raw_connection(path, key).await;
    let blocks: Vec<Vec<u8>> = sqlx::query_scalar("SELECT block FROM contact_words_data")
        .fetch_all(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    let all = blocks.concat();
    TERM_ENDS
        .into_iter()
        .filter(|end| contains(&all, end.as_bytes()))
        .collect()
}

/// The segments of a search index, from the rowids of its `_data` blocks: FTS5 numbers a
/// block `segment id << 37 | page` and a tombstone page (the marks a contentless delete leaves
/// instead of removing a document) under its segment's id + 65,536. One segment without
/// tombstone pages means every deleted document has been merged out of the index.
async fn segments(path: &Path, key: &DatabaseKey, index: &str) -> Vec<i64> {
    let mut conn = raw_connection(path, key).await;
    let ids = sqlx::query_scalar(&format!(
        "SELECT DISTINCT rowid >> 37 FROM {index}_data WHERE rowid >> 37 > 0 ORDER BY 1"
    ))
    .fetch_all(&mut conn)
    .await
    .unwrap();
    conn.close().await.unwrap();
    ids
}

async fn vocabularies(path: &Path, key: &DatabaseKey) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut conn = raw_connection(path, key).await;
    let words = vocabulary(&mut conn, "contact_words").await;
    let grams = vocabulary(&mut conn, "contact_grams").await;
    conn.close().await.unwrap();
    (words, grams)
}

/// A site in the territory manager's territory (Scotland).
async fn scottish_site(db: &Database) -> String {
    let id: i64 = sqlx::query_scalar(
        "SELECT s.id FROM sites s JOIN territories t ON t.id = s.territory_id
         JOIN accounts a ON a.id = s.account_id
         WHERE t.code = 'UKI-SCO' AND a.status = 'active' ORDER BY s.id LIMIT 1",
    )
    .fetch_one(db.reader())
    .await
    .unwrap();
    id.to_string()
}

fn person(site_id: &str) -> ContactInput {
    ContactInput {
        contact_type: ContactType::Operations,
        salutation: Some("Dr".into()),
        first_name: FIRST.into(),
        middle_name: Some("Maëlle".into()),
        last_name: LAST.into(),
        preferred_name: Some("Sol".into()),
        suffix: Some("PhD".into()),
        job_title: Some(JOB.into()),
        department: Some("Lamp Works".into()),
        authority_level: Some("Supervisor".into()),
        emails: vec![EmailInput {
            kind: EmailKind::Business,
            address: EMAIL.into(),
        }],
        phones: vec![PhoneInput {
            kind: PhoneKind::Office,
            number: PHONE.into(),
            country: "GB".into(),
            extension: Some("77".into()),
        }],
        addresses: vec![AddressInput {
            kind: AddressKind::Mailing,
            line1: STREET.into(),
            line2: Some("Unit 4".into()),
            city: CITY.into(),
            region: None,
            postal_code: Some("EH1 1AA".into()),
            country: "GB".into(),
        }],
        lifecycle_stage: LifecycleStage::Lead,
        tags: vec![TAG.into()],
        owner: Some("admin".into()),
        time_zone: Some("Europe/London".into()),
        language: Some("cy".into()),
        notes: Some(NOTES.into()),
        birthday: NaiveDate::from_ymd_opt(1983, 4, 29),
        websites: vec!["https://lamps.example/ysolde".into()],
        sites: vec![SiteAssociationInput {
            site_id: site_id.into(),
            role: SiteRole::Operations,
            authority_limit: None,
        }],
        ..Default::default()
    }
}

/// Creates the person, edits them once (a significant change with its approval, a new stage,
/// new notes and surname: the audit payloads then hold before and after values) and gives
/// them a photo. Returns the contact's id.
async fn create_person(f: &Fixture) -> String {
    let site = scottish_site(&f.db).await;
    let created = write::create(&f.db, &f.admin, &person(&site), HOME)
        .await
        .unwrap();
    let mut edited = person(&site);
    edited.last_name = LAST_EDITED.into();
    edited.notes = Some(NOTES_EDITED.into());
    edited.lifecycle_stage = LifecycleStage::Prospect;
    edited.authority_level = Some("Manager".into());
    let justification = Justification {
        reason: JUSTIFICATION.into(),
        approved_by: APPROVER.into(),
        approved_on: NaiveDate::from_ymd_opt(2026, 10, 1),
    };
    let detail = write::update(
        &f.db,
        &f.admin,
        &created.id,
        1,
        &edited,
        Some(&justification),
        HOME,
    )
    .await
    .unwrap();
    assert_eq!(detail.last_name, LAST_EDITED);
    assert_eq!(detail.approvals.len(), 1, "the approval is recorded");
    assert_eq!(detail.lifecycle_history.len(), 2, "lead, then prospect");
    // No form sets a photo yet; the column is what an export and an erasure must handle.
    let mut photo = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    photo.extend_from_slice(PHOTO_MARK);
    let mut tx = f.db.write().await.unwrap();
    sqlx::query("UPDATE contacts SET photo = ? WHERE id = ?")
        .bind(photo)
        .bind(created.id.parse::<i64>().unwrap())
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    created.id
}

async fn search_rows(f: &Fixture, text: &str) -> Vec<ContactRow> {
    let query = ContactListQuery {
        search: Some(text.into()),
        limit: 50,
        ..Default::default()
    };
    contacts::list(&f.db, &f.admin, &query).await.unwrap().rows
}

/// The tables that reference `contacts(id)` and the column that does, from the schema itself.
async fn tables_referencing_contacts(db: &Database) -> Vec<(String, String)> {
    sqlx::query_as(
        "SELECT m.name, fk.\"from\" FROM sqlite_master m, pragma_foreign_key_list(m.name) fk
         WHERE m.type = 'table' AND fk.\"table\" = 'contacts' ORDER BY m.name",
    )
    .fetch_all(db.reader())
    .await
    .unwrap()
}

#[tokio::test]
async fn an_erased_person_is_gone_from_rows_indexes_freed_pages_the_wal_and_later_backups() {
    let f = fixture(300).await;
    let dir = f.dir.path().to_path_buf();
    // SQLCipher forces secure_delete on every keyed connection (deleted cells and freed pages
    // are zeroed); the physical checks below depend on it, this says where it comes from.
    let secure: i64 = sqlx::query_scalar("PRAGMA secure_delete")
        .fetch_one(f.db.reader())
        .await
        .unwrap();
    assert_eq!(secure, 1);

    let baseline = plaintext_copy(&f.path, &f.key, &dir, "baseline").await;
    assert_eq!(
        found_in(&baseline),
        Vec::<String>::new(),
        "the test values must not occur in the demo data"
    );
    let (words_before, grams_before) = vocabularies(&f.path, &f.key).await;

    let id = create_person(&f).await;
    let contact_id: i64 = id.parse().unwrap();
    let reference = contact_reference(contact_id);

    // Every value is where the checks look: otherwise "absent afterwards" would prove nothing.
    let stored = found_in(&plaintext_copy(&f.path, &f.key, &dir, "stored").await);
    for needle in stored_needles() {
        assert!(
            stored.contains(&needle),
            "{needle} is not in the copy: {stored:?}"
        );
    }
    assert!(
        stored.contains(&"quarternmoss".to_string()),
        "folded forms are seen"
    );
    let mut on_disk = decrypt_database_file(&f.path, &f.key);
    on_disk.extend(decrypt_wal_file(&companion(&f.path, "-wal"), &f.key));
    let on_disk = found_in(&on_disk);
    for needle in stored_needles() {
        assert!(
            on_disk.contains(&needle),
            "{needle} is not on disk: {on_disk:?}"
        );
    }
    let (words_with, grams_with) = vocabularies(&f.path, &f.key).await;
    let new_words: BTreeSet<String> = words_with.difference(&words_before).cloned().collect();
    let new_grams: BTreeSet<String> = grams_with.difference(&grams_before).cloned().collect();
    for term in [
        "ysolde",
        "quarternmoss",
        "vantreece",
        "vexmouth",
        "lanternwright",
    ] {
        assert!(new_words.contains(term), "{term} is in the word index");
    }
    assert!(
        new_grams.contains("rnm"),
        "quarternmoss's trigrams are indexed"
    );
    assert_eq!(
        segment_leftovers(&f.path, &f.key).await,
        TERM_ENDS,
        "the terms are in the segments"
    );
    assert_eq!(search_rows(&f, LAST).await.len(), 1, "found by name first");
    let payloads_before: i64 =
        sqlx::query_scalar("SELECT count(*) FROM audit_payloads WHERE contact_id = ?")
            .bind(contact_id)
            .fetch_one(f.db.reader())
            .await
            .unwrap();
    assert!(payloads_before >= 2, "create and update left values");

    let started = Instant::now();
    let report = privacy::erase_person(
        &f.db,
        &f.admin,
        &id,
        &format!("  {} ", reference.to_lowercase()),
    )
    .await
    .unwrap();
    eprintln!("erasure of one person among 300: {:?}", started.elapsed());
    assert_eq!(report.reference, reference);
    assert_eq!(i64::from(report.payloads_erased), payloads_before);

    // (a) Not in any row of any table: a plaintext copy of the whole database.
    let after = plaintext_copy(&f.path, &f.key, &dir, "after").await;
    assert_eq!(found_in(&after), Vec::<String>::new(), "plaintext copy");

    // (b) Not in the search indexes: no match, and no term of theirs left in any segment.
    assert!(search_rows(&f, LAST).await.is_empty());
    assert!(search_rows(&f, "vexmouth").await.is_empty());
    assert!(search_rows(&f, PHONE_DIGITS).await.is_empty());
    assert!(
        search_rows(&f, "ternmo").await.is_empty(),
        "nor inside words"
    );
    let mut conn = raw_connection(&f.path, &f.key).await;
    for (index, term) in [
        ("contact_words", "quarternmoss"),
        ("contact_grams", "ternmo"),
    ] {
        let hits: i64 = sqlx::query_scalar(&format!(
            "SELECT count(*) FROM {index} WHERE {index} MATCH ?"
        ))
        .bind(term)
        .fetch_one(&mut conn)
        .await
        .unwrap();
        assert_eq!(hits, 0, "{index} still matches {term}");
    }
    conn.close().await.unwrap();
    assert_eq!(
        segment_leftovers(&f.path, &f.key).await,
        Vec::<&str>::new(),
        "terms left in the word index's segments"
    );
    for index in ["contact_words", "contact_grams"] {
        let ids = segments(&f.path, &f.key, index).await;
        assert!(
            ids.len() == 1 && ids[0] < 65_536,
            "{index} must be one segment without deletion marks: {ids:?}"
        );
    }
    let (words_after, grams_after) = vocabularies(&f.path, &f.key).await;
    let left: Vec<&String> = new_words.intersection(&words_after).collect();
    assert!(left.is_empty(), "word terms left: {left:?}");
    let left: Vec<&String> = new_grams.intersection(&grams_after).collect();
    assert!(left.is_empty(), "trigrams left: {left:?}");

    // (c) The log was checkpointed and truncated; no page version is left in it, and the
    // database file itself (freed pages included, decrypted) holds none of the values.
    let wal = companion(&f.path, "-wal");
    assert_eq!(
        std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0),
        0,
        "WAL truncated"
    );
    assert_eq!(
        found_in(&decrypt_wal_file(&wal, &f.key)),
        Vec::<String>::new()
    );
    let physical = decrypt_database_file(&f.path, &f.key);
    assert_eq!(
        found_in(&physical),
        Vec::<String>::new(),
        "database file, decrypted"
    );

    // (d) A backup made afterwards holds none of them either.
    let backup = dir.join("backups").join("after-erasure.sqlite3");
    maintenance::backup(&f.db, &f.admin, &backup).await.unwrap();
    let backup_plain = plaintext_copy(&backup, &f.key, &dir, "backup").await;
    assert_eq!(found_in(&backup_plain), Vec::<String>::new(), "backup");
    assert_eq!(
        found_in(&decrypt_database_file(&backup, &f.key)),
        Vec::<String>::new(),
        "backup file, decrypted"
    );

    // (e) The chain still verifies, and the tombstone resolves by id for an administrator.
    let verification = audit::verify(f.db.reader()).await.unwrap();
    assert!(verification.ok, "{verification:?}");
    let tombstone = contacts::get(&f.db, &f.admin, &id, HOME).await.unwrap();
    assert_eq!(tombstone.display_name, TOMBSTONE_NAME);
    assert!(tombstone.erased);
    assert_eq!(tombstone.status, ContactStatus::Archived);
    assert_eq!(tombstone.reference, reference);
    assert_eq!(tombstone.version, 3, "create, edit, erasure");
    assert!(tombstone.emails.is_empty() && tombstone.phones.is_empty());
    assert!(tombstone.addresses.is_empty() && tombstone.sites.is_empty());
    assert!(tombstone.tags.is_empty() && tombstone.approvals.is_empty());
    assert!(tombstone.lifecycle_history.is_empty() && tombstone.channel_preferences.is_empty());
    assert!(!tombstone.has_photo && tombstone.notes.is_none() && tombstone.owner.is_none());
    assert!(tombstone.status_changed_at.is_some());
    assert!(audit::contact_history(&f.db, &f.admin, &id)
        .await
        .unwrap()
        .is_empty());
    let erase_events: Vec<String> = sqlx::query_scalar(
        "SELECT summary FROM audit_events WHERE action = 'erase' AND entity_id = ?",
    )
    .bind(&id)
    .fetch_all(f.db.reader())
    .await
    .unwrap();
    assert_eq!(erase_events, [format!("{{\"reference\":\"{reference}\"}}")]);

    // No table that references contacts keeps a row of the person, whatever table a later
    // migration adds: they must be erased too, or this fails.
    let referencing = tables_referencing_contacts(&f.db).await;
    assert!(referencing.len() >= 8, "{referencing:?}");
    for (table, column) in referencing {
        let rows: i64 = sqlx::query_scalar(&format!(
            "SELECT count(*) FROM \"{table}\" WHERE \"{column}\" = ?"
        ))
        .bind(contact_id)
        .fetch_one(f.db.reader())
        .await
        .unwrap();
        assert_eq!(rows, 0, "{table}.{column} keeps rows of an erased person");
    }
    // Every column of the tombstone is cleared except its identity and the erasure's own.
    let columns: Vec<(String, bool)> =
        sqlx::query_as("SELECT name, \"notnull\" FROM pragma_table_info('contacts')")
            .fetch_all(f.db.reader())
            .await
            .unwrap();
    for (column, not_null) in columns {
        if not_null || ["id", "erased_at", "status_changed_at"].contains(&column.as_str()) {
            continue;
        }
        let set: bool = sqlx::query_scalar(&format!(
            "SELECT \"{column}\" IS NOT NULL FROM contacts WHERE id = ?"
        ))
        .bind(contact_id)
        .fetch_one(f.db.reader())
        .await
        .unwrap();
        assert!(!set, "the tombstone keeps contacts.{column}");
    }

    // A second erasure is refused by the status, not by the confirmation.
    let again = privacy::erase_person(&f.db, &f.admin, &id, &reference)
        .await
        .unwrap_err();
    assert_eq!(again.code(), "invalid_input");
    assert_eq!(again.fields()[0].field, "status");
    f.db.close().await;
}

#[tokio::test]
async fn only_a_site_administrator_erases_and_only_with_the_reference_typed() {
    let f = fixture(300).await;
    let id = create_person(&f).await;
    let reference = contact_reference(id.parse().unwrap());
    let before = contacts::get(&f.db, &f.admin, &id, HOME).await.unwrap();

    // The territory manager can see this person (a Scottish site) but may not erase anyone.
    let territory = sign_in(&f.db, "territory").await;
    contacts::get(&f.db, &territory, &id, HOME).await.unwrap();
    let refused = privacy::erase_person(&f.db, &territory, &id, &reference)
        .await
        .unwrap_err();
    assert_eq!(refused.code(), "forbidden", "{refused:?}");

    for wrong in ["", "C-000001", &format!("{reference}0"), "Quarternmoss"] {
        let error = privacy::erase_person(&f.db, &f.admin, &id, wrong)
            .await
            .unwrap_err();
        assert_eq!(error.code(), "invalid_input");
        assert_eq!(error.fields()[0].field, "confirmation", "{wrong:?}");
        assert!(error.fields()[0].message.contains(&reference));
    }
    let unknown = privacy::erase_person(&f.db, &f.admin, "999999", "C-999999")
        .await
        .unwrap_err();
    assert_eq!(unknown.code(), "not_found");

    // Nothing changed: the same contact, still found, values and history kept.
    let after = contacts::get(&f.db, &f.admin, &id, HOME).await.unwrap();
    assert_eq!(after, before);
    assert_eq!(search_rows(&f, LAST).await.len(), 1);
    assert!(!audit::contact_history(&f.db, &f.admin, &id)
        .await
        .unwrap()
        .is_empty());
    let erasures: i64 =
        sqlx::query_scalar("SELECT count(*) FROM audit_events WHERE action = 'erase'")
            .fetch_one(f.db.reader())
            .await
            .unwrap();
    assert_eq!(erasures, 0);
    f.db.close().await;
}

fn property(card: &VCard, name: VCardProperty) -> &VCardEntry {
    card.property(&name)
        .unwrap_or_else(|| panic!("{name:?} is missing"))
}

fn texts(entry: &VCardEntry) -> Vec<String> {
    entry
        .values
        .iter()
        .map(|v| match v {
            VCardValue::Text(t) => t.clone(),
            VCardValue::Component(parts) => parts.join("|"),
            other => format!("{other:?}"),
        })
        .collect()
}

fn types(entry: &VCardEntry) -> Vec<VCardType> {
    entry
        .parameters(&VCardParameterName::Type)
        .filter_map(|p| match p {
            VCardParameterValue::Type(t) => Some(t.clone()),
            _ => None,
        })
        .collect()
}

fn preferred(entry: &VCardEntry) -> bool {
    entry
        .parameters(&VCardParameterName::Pref)
        .any(|p| matches!(p, VCardParameterValue::Integer(1)))
}

#[tokio::test]
async fn an_export_holds_everything_about_the_person_as_json_and_a_vcard() {
    let f = fixture(300).await;
    let id = create_person(&f).await;
    let reference = contact_reference(id.parse().unwrap());
    // A long note, so the card has to fold its line (75 octets at most, UTF-8 kept whole).
    let long_note = format!(
        "{NOTES_EDITED}. {}",
        "Çà et là, über die Brücke; ".repeat(8)
    );
    let mut tx = f.db.write().await.unwrap();
    sqlx::query("UPDATE contacts SET notes = ? WHERE id = ?")
        .bind(&long_note)
        .bind(id.parse::<i64>().unwrap())
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();

    let export = privacy::export_person(&f.db, &f.admin, &id, HOME)
        .await
        .unwrap();
    assert_eq!(export.reference, reference);

    // JSON: the header, the whole contact, the photo, the field history with before/after.
    let json: Value = serde_json::from_str(&export.json).unwrap();
    assert!(export.json.contains("\n  \"header\""), "pretty-printed");
    assert_eq!(json["header"]["reference"], reference.as_str());
    assert_eq!(json["header"]["exportedBy"], "admin");
    assert_eq!(json["header"]["formatVersion"], 1);
    assert!(json["header"]["exportedAt"]
        .as_str()
        .unwrap()
        .ends_with('Z'));
    let contact = &json["contact"];
    assert_eq!(contact["firstName"], FIRST);
    assert_eq!(contact["lastName"], LAST_EDITED);
    assert_eq!(contact["emails"][0]["address"], EMAIL);
    assert_eq!(contact["phones"][0]["e164"], "+442079460321");
    assert_eq!(contact["addresses"][0]["line1"], STREET);
    assert_eq!(contact["tags"][0], TAG);
    assert_eq!(contact["notes"], long_note.as_str());
    assert_eq!(contact["sites"][0]["role"], "operations");
    assert_eq!(contact["lifecycleHistory"].as_array().unwrap().len(), 2);
    assert_eq!(contact["approvals"][0]["justification"], JUSTIFICATION);
    assert_eq!(contact["approvals"][0]["approvedBy"], APPROVER);
    assert!(contact["findings"].is_array());
    assert_eq!(json["photo"]["mediaType"], "image/png");
    let history = json["fieldHistory"].as_array().unwrap();
    let surname = history
        .iter()
        .find(|c| c["field"] == "lastName" && c["action"] == "update")
        .expect("the surname change is in the history");
    assert_eq!(surname["before"], LAST);
    assert_eq!(surname["after"], LAST_EDITED);
    assert!(history.iter().any(|c| c["action"] == "create"));
    let actions: Vec<&str> = json["auditEvents"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert!(
        actions.starts_with(&["create", "update"]),
        "events about the person: {actions:?}"
    );

    // vCard 4.0: folded lines, CRLF, and every value back through calcard's parser.
    let vcard = &export.vcard;
    assert!(
        vcard.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\n"),
        "{vcard}"
    );
    assert!(vcard.ends_with("END:VCARD\r\n"));
    for line in vcard.split("\r\n") {
        assert!(
            line.len() <= 75,
            "a line of {} octets: {line:?}",
            line.len()
        );
    }
    assert!(
        vcard.split("\r\n").filter(|l| l.starts_with(' ')).count() >= 3,
        "the note and the photo are folded"
    );
    let card = VCard::parse(vcard).unwrap();
    assert_eq!(
        texts(property(&card, VCardProperty::Fn)),
        [contact["displayName"].as_str().unwrap()]
    );
    assert_eq!(
        texts(property(&card, VCardProperty::N)),
        [LAST_EDITED, FIRST, "Maëlle", "Dr", "PhD"]
    );
    assert_eq!(texts(property(&card, VCardProperty::Nickname)), ["Sol"]);
    let org = texts(property(&card, VCardProperty::Org));
    assert_eq!(org.len(), 2);
    assert_eq!(org[1], "Lamp Works");
    assert_eq!(texts(property(&card, VCardProperty::Title)), [JOB]);
    assert_eq!(
        texts(property(&card, VCardProperty::Role)),
        ["Operations contact"]
    );
    let email = property(&card, VCardProperty::Email);
    assert_eq!(texts(email), [EMAIL]);
    assert_eq!(types(email), [VCardType::Work]);
    assert!(preferred(email), "the primary email has PREF=1");
    let tel = property(&card, VCardProperty::Tel);
    assert_eq!(texts(tel), ["tel:+442079460321;ext=77"]);
    assert_eq!(types(tel), [VCardType::Work, VCardType::Voice]);
    assert!(preferred(tel));
    let adr = property(&card, VCardProperty::Adr);
    assert_eq!(
        texts(adr),
        [
            "",
            "",
            &format!("{STREET}|Unit 4"),
            CITY,
            "",
            "EH1 1AA",
            "GB"
        ]
    );
    assert_eq!(types(adr), [VCardType::Work]);
    match &property(&card, VCardProperty::Bday).values[..] {
        [VCardValue::PartialDateTime(d)] => {
            assert_eq!((d.year, d.month, d.day), (Some(1983), Some(4), Some(29)));
        }
        other => panic!("BDAY {other:?}"),
    }
    assert_eq!(
        texts(property(&card, VCardProperty::Url)),
        ["https://lamps.example/ysolde"]
    );
    assert_eq!(
        texts(property(&card, VCardProperty::Note)),
        [long_note.as_str()]
    );
    assert_eq!(texts(property(&card, VCardProperty::Lang)), ["cy"]);
    assert_eq!(texts(property(&card, VCardProperty::Tz)), ["Europe/London"]);
    assert_eq!(texts(property(&card, VCardProperty::Categories)), [TAG]);
    match &property(&card, VCardProperty::Photo).values[..] {
        [VCardValue::Binary(data)] => {
            assert_eq!(data.content_type.as_deref(), Some("image/png"));
            assert!(contains(&data.data, PHOTO_MARK));
        }
        other => panic!("PHOTO {other:?}"),
    }
    assert!(matches!(
        &property(&card, VCardProperty::Rev).values[..],
        [VCardValue::PartialDateTime(_)]
    ));
    let uid = texts(property(&card, VCardProperty::Uid)).remove(0);
    assert!(uid.starts_with("urn:uuid:"), "{uid}");

    // The UID is stable; the export is audited with the reference only.
    let again = privacy::export_person(&f.db, &f.admin, &id, HOME)
        .await
        .unwrap();
    let card_again = VCard::parse(&again.vcard).unwrap();
    assert_eq!(texts(property(&card_again, VCardProperty::Uid)), [uid]);
    let exports: Vec<String> = sqlx::query_scalar(
        "SELECT summary FROM audit_events WHERE action = 'export_person' AND entity_id = ?",
    )
    .bind(&id)
    .fetch_all(f.db.reader())
    .await
    .unwrap();
    assert_eq!(exports.len(), 2);
    assert!(exports[0].contains(&reference) && !exports[0].contains(LAST));
    f.db.close().await;
}

#[tokio::test]
async fn an_export_follows_the_actors_scope() {
    let f = fixture(300).await;
    let id = create_person(&f).await;
    let territory = sign_in(&f.db, "territory").await;
    let export = privacy::export_person(&f.db, &territory, &id, HOME)
        .await
        .unwrap();
    assert!(export.json.contains(LAST_EDITED));

    // A contact outside Scotland does not exist for the territory manager.
    let outside: i64 = sqlx::query_scalar(
        "SELECT cs.contact_id FROM contact_sites cs JOIN sites s ON s.id = cs.site_id
         JOIN territories t ON t.id = s.territory_id WHERE t.code <> 'UKI-SCO'
         AND cs.contact_id NOT IN (SELECT cs2.contact_id FROM contact_sites cs2
             JOIN sites s2 ON s2.id = cs2.site_id JOIN territories t2 ON t2.id = s2.territory_id
             WHERE t2.code = 'UKI-SCO')
         ORDER BY cs.contact_id LIMIT 1",
    )
    .fetch_one(f.db.reader())
    .await
    .unwrap();
    let error = privacy::export_person(&f.db, &territory, &outside.to_string(), HOME)
        .await
        .unwrap_err();
    assert_eq!(error.code(), "not_found");

    // An erased person's export is the tombstone and nothing else.
    let reference = contact_reference(id.parse().unwrap());
    privacy::erase_person(&f.db, &f.admin, &id, &reference)
        .await
        .unwrap();
    let export = privacy::export_person(&f.db, &f.admin, &id, HOME)
        .await
        .unwrap();
    assert_eq!(found_in(export.json.as_bytes()), Vec::<String>::new());
    assert_eq!(found_in(export.vcard.as_bytes()), Vec::<String>::new());
    assert!(export.vcard.contains(&format!("FN:{TOMBSTONE_NAME}\r\n")));
    f.db.close().await;
}

/// The cost of an erasure at scale. `RAPPORT_ERASE_CONTACTS` sets the size (default 100,000):
/// `cargo test -p rapport-core --test core erasure_cost -- --ignored --nocapture`.
#[tokio::test]
#[ignore = "builds a large database; run by hand to measure"]
async fn erasure_cost() {
    let contacts: u64 = std::env::var("RAPPORT_ERASE_CONTACTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    // erase_person logs its phases (logical, commit, merge, checkpoint) and the rewrite its
    // steps and longest step (the longest wait for the write lock) at info level.
    let _ = tracing_subscriber::fmt()
        .with_env_filter("rapport_core=info")
        .with_test_writer()
        .try_init();
    let started = Instant::now();
    let f = fixture(contacts).await;
    eprintln!(
        "demo of {contacts} contacts built in {:?}",
        started.elapsed()
    );
    let (id, reference): (i64, String) =
        sqlx::query_as("SELECT id, reference FROM contacts ORDER BY id LIMIT 1 OFFSET 100")
            .fetch_one(f.db.reader())
            .await
            .unwrap();
    let sizes: Vec<(String, i64)> = sqlx::query_as(
        "SELECT CASE WHEN name LIKE 'contact_words%' THEN 'contact_words'
                     WHEN name LIKE 'contact_grams%' THEN 'contact_grams' ELSE 'other' END,
                sum(pgsize) FROM dbstat GROUP BY 1",
    )
    .fetch_all(f.db.reader())
    .await
    .unwrap();
    eprintln!("bytes by part: {sizes:?}");

    // Start from an empty log, as after any earlier erasure, so the log's growth is the
    // erasure's own (the demo load leaves it at the size of the database).
    let mut conn = raw_connection(&f.path, &f.key).await;
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    let started = Instant::now();
    privacy::erase_person(&f.db, &f.admin, &id.to_string(), &reference)
        .await
        .unwrap();
    let file = std::fs::metadata(&f.path).unwrap().len();
    eprintln!(
        "erasure among {contacts} contacts: {:?} in all (phases in the log line above); \
         database file {} MB",
        started.elapsed(),
        file / 1_000_000
    );
    f.db.close().await;
}
