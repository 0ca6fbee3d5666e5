//! The `rapport` command line as administrators script it: exit codes, text and JSON reports.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use assert_cmd::Command;
use serde_json::Value;

fn rapport() -> Command {
    Command::cargo_bin("rapport").unwrap()
}

fn demo(dir: &tempfile::TempDir, contacts: u32) -> std::path::PathBuf {
    let db = dir.path().join("demo.sqlite3");
    rapport()
        .args(["demo", "--db"])
        .arg(&db)
        .args(["--contacts", &contacts.to_string(), "--seed", "3"])
        .assert()
        .success();
    db
}

#[test]
fn demo_creates_a_database_and_says_what_is_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new.sqlite3");
    let out = rapport()
        .args(["demo", "--db"])
        .arg(&db)
        .args(["--contacts", "300", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["summary"]["contacts"], 300);
    assert_eq!(report["summary"]["regions"], 5);
    assert_eq!(report["summary"]["territories"], 20);
    assert!(db.is_file());
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
    let db = demo(&dir, 1_500);
    let out = rapport()
        .args(["search", "--db"])
        .arg(&db)
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
    let db = demo(&dir, 800);
    let out = rapport()
        .args(["search", "--db"])
        .arg(&db)
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
        .args(["search", "--db"])
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
        .args(["search", "--db"])
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
        .args(["bench", "--contacts", "1500", "--json", "--dir"])
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
    for key in [
        "create_rows_per_s",
        "baseline_rows_per_s",
        "same_schema_rows_per_s",
        "search_prefix_p50_ms",
        "search_prefix_p99_ms",
        "search_substring_p99_ms",
        "page_p99_ms",
        "open_ms",
    ] {
        let value = report[key]
            .as_f64()
            .unwrap_or_else(|| panic!("{key} missing in {report}"));
        assert!(value > 0.0, "{key} = {value}");
    }
}
