//! The `rapport` command line as administrators script it: exit codes, text and JSON reports.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod access;
mod contact;
mod duplicates;
mod export;
mod import;
mod merge;
mod report;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// The demo's site administrator signs in; scripts give the password through the environment.
const ADMIN: &str = "admin";

fn rapport() -> Command {
    let mut cmd = Command::cargo_bin("rapport").unwrap();
    cmd.env("RAPPORT_PASSWORD", rapport_core::demo::users::PASSWORD)
        .env_remove("RAPPORT_TOTP");
    cmd
}

/// A demo database whose key is in a key file, as scripts without a keychain make them.
fn demo(dir: &tempfile::TempDir, contacts: u32) -> (PathBuf, PathBuf) {
    demo_named(dir, "demo", contacts)
}

fn demo_named(dir: &tempfile::TempDir, name: &str, contacts: u32) -> (PathBuf, PathBuf) {
    let db = dir.path().join(format!("{name}.sqlite3"));
    let key = dir.path().join(format!("{name}.key"));
    rapport()
        .args(["demo", "--db"])
        .arg(&db)
        .arg("--key-file")
        .arg(&key)
        .args(["--contacts", &contacts.to_string(), "--seed", "3"])
        .assert()
        .success();
    (db, key)
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

#[test]
fn demo_creates_a_database_and_says_what_is_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new.sqlite3");
    let key = dir.path().join("new.key");
    let out = rapport()
        .args(["demo", "--db"])
        .arg(&db)
        .arg("--key-file")
        .arg(&key)
        .args(["--contacts", "300", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["summary"]["contacts"], 300);
    assert_eq!(report["summary"]["regions"], 5);
    assert_eq!(report["summary"]["territories"], 20);
    assert!(db.is_file());
    let recovery = report["recovery_key"].as_str().unwrap();
    assert_eq!(recovery.len(), 69, "{recovery}");
    assert_eq!(std::fs::read_to_string(&key).unwrap().trim(), recovery);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "the key file is private");
    }
}

#[test]
fn demo_never_overwrites_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("keep.sqlite3");
    std::fs::write(&db, b"precious").unwrap();
    let out = rapport().args(["demo", "--db"]).arg(&db).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));
    assert_eq!(std::fs::read(&db).unwrap(), b"precious");
}

#[test]
fn search_prints_matching_contacts_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let (db, key) = demo(&dir, 1_500);
    let out = rapport()
        .args(["search", "--user", ADMIN, "--db"])
        .arg(&db)
        .arg("--key-file")
        .arg(&key)
        .args(["schm", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["query"], "schm");
    assert_eq!(report["mode"], "prefix");
    let contacts = report["contacts"].as_array().unwrap();
    assert!(!contacts.is_empty());
    assert!(report["count"].as_u64().unwrap() >= contacts.len() as u64);
    assert_eq!(report["exact"], true);
    for c in contacts {
        for key in [
            "id",
            "reference",
            "displayName",
            "company",
            "email",
            "phone",
            "contactType",
            "status",
        ] {
            assert!(c.get(key).is_some(), "{key} in {c}");
        }
        let text = format!("{} {} {}", c["displayName"], c["email"], c["company"]).to_lowercase();
        assert!(text.contains("schm"), "{text}");
    }
}

#[test]
fn search_text_output_is_one_tab_separated_line_per_contact() {
    let dir = tempfile::tempdir().unwrap();
    let (db, key) = demo(&dir, 800);
    let out = rapport()
        .args(["search", "--user", ADMIN, "--db"])
        .arg(&db)
        .arg("--key-file")
        .arg(&key)
        .args(["a", "--limit", "7", "--type", "billing"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 7);
    for line in lines {
        assert_eq!(line.split('\t').count(), 5, "{line}");
        assert!(line.starts_with("C-"));
    }
}

#[test]
fn bad_input_gets_a_clear_message_and_a_failing_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.sqlite3");
    let out = rapport()
        .args(["search", "--user", ADMIN, "--db"])
        .arg(&missing)
        .arg("x")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error[unavailable]") && stderr.contains("no database file"),
        "{stderr}"
    );
    assert!(!missing.exists(), "search never creates a database");

    let out = rapport()
        .args(["search", "--user", ADMIN, "--db"])
        .arg(&missing)
        .args(["x", "--type", "vip"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "usage errors exit with 2");
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("primary, billing, operations, emergency, other"));
}

#[test]
fn bench_prints_every_documented_figure() {
    let dir = tempfile::tempdir().unwrap();
    let out = rapport()
        .args([
            "bench",
            "--contacts",
            "1500",
            "--import-rows",
            "700",
            "--json",
            "--dir",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["contacts"], 1500);
    assert_eq!(report["import_rows"], 700);
    for key in [
        "create_rows_per_s",
        "baseline_rows_per_s",
        "same_schema_rows_per_s",
        "search_prefix_p50_ms",
        "search_prefix_p99_ms",
        "search_substring_p99_ms",
        "page_p99_ms",
        "open_ms",
        "count_ms",
        "database_mb",
        "import_rows_per_s",
        "import_seconds",
        "import_pct_of_same_schema",
    ] {
        let value = report[key]
            .as_f64()
            .unwrap_or_else(|| panic!("{key} missing in {report}"));
        assert!(value > 0.0, "{key} = {value}");
    }
    let index = report["import_index_seconds"].as_f64().unwrap();
    assert!(
        (0.0..=report["import_seconds"].as_f64().unwrap()).contains(&index),
        "{report}"
    );
    assert_dashboard_figures(&report);
}

/// The dashboard's timings in a bench report, each one measured.
fn assert_dashboard_figures(report: &Value) {
    for key in [
        "total_ms",
        "breakdown_ms",
        "scoped_total_ms",
        "scoped_breakdown_ms",
        "regional_total_ms",
        "billing_total_ms",
        "raw_breakdown_ms",
    ] {
        let value = report["dashboard"][key].as_f64();
        assert!(
            value.is_some_and(|v| v > 0.0),
            "dashboard.{key} = {value:?} in {report}"
        );
    }
}

#[test]
fn bench_with_interactions_prints_every_documented_engagement_figure() {
    let dir = tempfile::tempdir().unwrap();
    let out = rapport()
        .args([
            "bench",
            "--contacts",
            "1500",
            "--interactions",
            "15000",
            "--engagement-only",
            "--json",
            "--dir",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["contacts"], 1500);
    let engagement = &report["engagement"];
    assert_eq!(engagement["interactions"], 15000);
    for key in [
        "link_rows",
        "follow_ups",
        "load_seconds",
        "summaries_seconds",
        "escalation_first_run_ms",
        "escalations_opened",
        "biggest_account_interactions",
        "biggest_account_contacts",
        "busiest_contact_interactions",
        "territory_share_pct",
        "region_share_pct",
        "contact_metrics_ms",
        "account_metrics_ms",
        "scope_metrics_admin_ms",
        "scope_metrics_territory_ms",
        "scope_metrics_region_ms",
        "contact_timeline_first_ms",
        "contact_timeline_later_ms",
        "account_timeline_first_ms",
        "account_timeline_later_ms",
        "account_timeline_filtered_ms",
        "overdue_queue_ms",
        "non_responsive_ms",
        "escalation_run_ms",
        "baseline_contact_metrics_ms",
        "baseline_account_metrics_ms",
        "baseline_scope_metrics_admin_ms",
        "baseline_scope_metrics_territory_ms",
        "baseline_contact_timeline_first_ms",
        "baseline_account_timeline_first_ms",
        "baseline_account_timeline_filtered_ms",
        "baseline_overdue_queue_ms",
        "baseline_non_responsive_ms",
    ] {
        let value = engagement[key]
            .as_f64()
            .unwrap_or_else(|| panic!("{key} missing in {report}"));
        assert!(value > 0.0, "{key} = {value}");
    }
    assert_dashboard_figures(&report);
}

/// The keychain path (no --key-file) against the real OS keychain; under `cargo xtask test` a
/// private gnome-keyring. Removes its entry afterwards.
#[test]
fn demo_keeps_its_key_in_the_keychain_and_shows_the_recovery_key_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kept.sqlite3");
    let out = rapport()
        .args(["demo", "--db"])
        .arg(&db)
        .args(["--contacts", "200"])
        .output()
        .unwrap();
    let forget = || rapport_core::keychain::forget_database_key(&db);
    assert!(
        out.status.success(),
        "{} (the keychain tests need a Secret Service: run them with `cargo xtask test`)",
        stderr(&out)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("keychain"), "{text}");
    let recovery = text
        .lines()
        .map(str::trim)
        .find(|l| l.len() == 69 && l.split('-').count() == 14)
        .unwrap_or_else(|| panic!("no recovery key in {text}"))
        .to_string();
    assert_eq!(text.matches(&recovery).count(), 1, "shown once");

    let out = rapport()
        .args(["search", "--user", ADMIN, "--db"])
        .arg(&db)
        .args(["a", "--limit", "3"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 3);

    // With the entry gone, `unlock` and the recovery key bring access back.
    forget().unwrap();
    let key_file = dir.path().join("typed.key");
    std::fs::write(&key_file, recovery.to_lowercase().replace('-', " ")).unwrap();
    let out = rapport()
        .args(["unlock", "--db"])
        .arg(&db)
        .arg("--key-file")
        .arg(&key_file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    rapport()
        .args(["search", "--user", ADMIN, "--db"])
        .arg(&db)
        .arg("x")
        .assert()
        .success();
    forget().unwrap();
}

#[test]
fn a_missing_key_is_a_clear_error_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _key) = demo(&dir, 100);
    let before = std::fs::read(&db).unwrap();
    let had_wal = with_suffix(&db, "-wal").exists();
    let out = rapport()
        .args(["search", "--user", ADMIN, "--db"])
        .arg(&db)
        .arg("a")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("error[key_missing]"), "{err}");
    assert!(
        err.contains("recovery key") && err.contains("--key-file"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "the database is untouched"
    );
    assert_eq!(
        with_suffix(&db, "-wal").exists(),
        had_wal,
        "nothing was opened"
    );
    assert_eq!(
        rapport_core::keychain::load_database_key(&db).unwrap(),
        None,
        "no key was made up"
    );
}

#[test]
fn a_wrong_key_or_a_mistyped_key_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (db, key) = demo_named(&dir, "one", 100);
    let (_other_db, other_key) = demo_named(&dir, "two", 100);
    let before = std::fs::read(&db).unwrap();

    let out = rapport()
        .args(["search", "--user", ADMIN, "--db"])
        .arg(&db)
        .arg("--key-file")
        .arg(&other_key)
        .arg("a")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("error[key_rejected]"),
        "{}",
        stderr(&out)
    );

    let mut text: Vec<char> = std::fs::read_to_string(&key).unwrap().chars().collect();
    text[0] = if text[0] == 'A' { 'B' } else { 'A' };
    let typo = dir.path().join("typo.key");
    std::fs::write(&typo, text.into_iter().collect::<String>()).unwrap();
    let out = rapport()
        .args(["search", "--user", ADMIN, "--db"])
        .arg(&db)
        .arg("--key-file")
        .arg(&typo)
        .arg("a")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("error[invalid_input]") && err.contains("typo"),
        "{err}"
    );
    assert_eq!(std::fs::read(&db).unwrap(), before);

    let out = rapport()
        .args(["demo", "--db"])
        .arg(dir.path().join("three.sqlite3"))
        .arg("--key-file")
        .arg(&key)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "an existing key file is never overwritten"
    );
    assert!(!dir.path().join("three.sqlite3").exists());
}

/// Personal data from the demo (a contact's email and name) must not be readable in the
/// database, its WAL or a backup.
#[test]
fn a_backup_is_encrypted_and_restores_over_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let (db, key) = demo(&dir, 400);
    let search = |query: &str| {
        let out = rapport()
            .args(["search", "--user", ADMIN, "--db"])
            .arg(&db)
            .arg("--key-file")
            .arg(&key)
            .args([query, "--json"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        serde_json::from_slice::<Value>(&out.stdout).unwrap()
    };
    let first = search("a")["contacts"][0].clone();
    let email = first["email"].as_str().unwrap().to_string();
    let name = first["displayName"].as_str().unwrap().to_string();

    let backup = dir.path().join("backups").join("demo-backup.sqlite3");
    let out = rapport()
        .args(["backup", "--user", ADMIN, "--db"])
        .arg(&db)
        .arg("--key-file")
        .arg(&key)
        .arg("--to")
        .arg(&backup)
        .arg("--json")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["contacts"], 400);

    for file in [db.clone(), with_suffix(&db, "-wal"), backup.clone()] {
        let Ok(bytes) = std::fs::read(&file) else {
            continue;
        };
        for needle in [&email, &name] {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle.as_bytes()),
                "{needle} is readable in {}",
                file.display()
            );
        }
    }

    let out = rapport()
        .args(["backup", "--user", ADMIN, "--db"])
        .arg(&db)
        .arg("--key-file")
        .arg(&key)
        .arg("--to")
        .arg(&backup)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "a backup is never written over");

    let out = rapport()
        .args(["restore", "--db"])
        .arg(&db)
        .arg("--key-file")
        .arg(&key)
        .arg("--from")
        .arg(&backup)
        .arg("--json")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["contacts"], 400);
    let kept = PathBuf::from(report["kept"].as_str().unwrap());
    assert!(kept.is_file());
    assert_eq!(search(&email)["contacts"][0]["email"], email.as_str());

    // A wrong key for the backup changes nothing.
    let (_other, other_key) = demo_named(&dir, "other", 50);
    let before = std::fs::read(&db).unwrap();
    let out = rapport()
        .args(["restore", "--db"])
        .arg(&db)
        .arg("--key-file")
        .arg(&other_key)
        .arg("--from")
        .arg(&backup)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("error[key_rejected]"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&db).unwrap(), before);
}
