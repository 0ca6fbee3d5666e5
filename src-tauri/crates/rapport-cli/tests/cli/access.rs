//! Signing in from scripts: init, per-user counts, audit verification, refused sign-ins.

use rapport_core::DatabaseKey;
use serde_json::Value;

use crate::{demo, rapport, stderr, ADMIN};

fn count(db: &std::path::Path, key: &std::path::Path, user: &str) -> u64 {
    let out = rapport()
        .args(["count", "--json", "--user", user, "--db"])
        .arg(db)
        .arg("--key-file")
        .arg(key)
        .output()
        .unwrap();
    assert!(out.status.success(), "{user}: {}", stderr(&out));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["exact"], true);
    report["count"].as_u64().unwrap()
}

#[test]
fn each_demo_user_counts_only_their_scope() {
    let dir = tempfile::tempdir().unwrap();
    let (db, key) = demo(&dir, 800);
    let all = count(&db, &key, ADMIN);
    assert_eq!(all, 800);
    let regional = count(&db, &key, "regional");
    let territory = count(&db, &key, "territory");
    let billing = count(&db, &key, "billing");
    assert!(
        0 < territory && territory < regional && regional < all,
        "{territory} {regional}"
    );
    assert!(0 < billing && billing < all);
}

#[test]
fn a_wrong_password_is_refused_with_its_code() {
    let dir = tempfile::tempdir().unwrap();
    let (db, key) = demo(&dir, 50);
    let out = rapport()
        .env("RAPPORT_PASSWORD", "not the password")
        .args(["count", "--user", "territory", "--db"])
        .arg(&db)
        .arg("--key-file")
        .arg(&key)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("error[sign_in_refused]"),
        "{}",
        stderr(&out)
    );
    // Administration is refused to other roles, and says so.
    let out = rapport()
        .args(["audit", "verify", "--user", "billing", "--db"])
        .arg(&db)
        .arg("--key-file")
        .arg(&key)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("error[forbidden]"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn init_creates_an_empty_database_with_its_administrator() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("org.sqlite3");
    let key = dir.path().join("org.key");
    let out = rapport()
        .env("RAPPORT_PASSWORD", "a long enough phrase")
        .args(["init", "--admin", "office.admin", "--json", "--db"])
        .arg(&db)
        .arg("--key-file")
        .arg(&key)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["admin"], "office.admin");
    assert!(report["recovery_key"].as_str().unwrap().len() > 50);
    let out = rapport()
        .env("RAPPORT_PASSWORD", "a long enough phrase")
        .args(["count", "--json", "--user", "office.admin", "--db"])
        .arg(&db)
        .arg("--key-file")
        .arg(&key)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        serde_json::from_slice::<Value>(&out.stdout).unwrap()["count"],
        0
    );

    // A weak password leaves no file behind.
    let weak = dir.path().join("weak.sqlite3");
    let out = rapport()
        .env("RAPPORT_PASSWORD", "short")
        .args(["init", "--admin", "someone", "--db"])
        .arg(&weak)
        .arg("--key-file")
        .arg(dir.path().join("weak.key"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("password"), "{}", stderr(&out));
    assert!(!weak.exists());
}

#[test]
fn audit_verify_passes_then_names_a_tampered_event() {
    let dir = tempfile::tempdir().unwrap();
    let (db, key) = demo(&dir, 50);
    let verify = || {
        rapport()
            .args(["audit", "verify", "--json", "--user", ADMIN, "--db"])
            .arg(&db)
            .arg("--key-file")
            .arg(&key)
            .output()
            .unwrap()
    };
    let out = verify();
    assert!(out.status.success(), "{}", stderr(&out));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["ok"], true);
    assert_eq!(report["appendOnly"], true);

    // Someone with the key edits an event behind Rapport's back.
    let database_key = DatabaseKey::read_key_file(&key).unwrap();
    let raw = rusqlite::Connection::open(&db).unwrap();
    raw.execute_batch(&format!(
        "PRAGMA key = {};",
        database_key.sqlcipher_pragma().as_str()
    ))
    .unwrap();
    raw.execute_batch(
        "DROP TRIGGER audit_events_append_only_update;
         UPDATE audit_events SET action = 'nothing_to_see' WHERE seq = 2;",
    )
    .unwrap();
    drop(raw);

    let out = verify();
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["ok"], false);
    assert_eq!(report["firstBad"]["seq"], "2");
    assert_eq!(report["appendOnly"], false);
}
