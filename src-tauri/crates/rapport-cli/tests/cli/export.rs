//! `rapport export`: the JSON line scripts read, the refusal to replace a file, and every
//! format read back by `rapport import --dry-run` with nothing rejected.

use std::path::Path;

use serde_json::Value;

use crate::{demo, rapport, stderr};

fn export(
    db: &Path,
    key: &Path,
    user: &str,
    format: &str,
    out: &Path,
    extra: &[&str],
) -> std::process::Output {
    rapport()
        .args([
            "export", "--user", user, "--format", format, "--json", "--db",
        ])
        .arg(db)
        .arg("--key-file")
        .arg(key)
        .arg("--out")
        .arg(out)
        .args(extra)
        .output()
        .unwrap()
}

fn count(db: &Path, key: &Path, user: &str) -> u64 {
    let out = rapport()
        .args(["count", "--user", user, "--json", "--db"])
        .arg(db)
        .arg("--key-file")
        .arg(key)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    report["count"].as_u64().unwrap()
}

#[test]
fn every_format_exports_the_users_contacts_and_imports_back_without_rejections() {
    let dir = tempfile::tempdir().unwrap();
    let (db, key) = demo(&dir, 200);
    let visible = count(&db, &key, "territory");
    assert!(visible > 0);
    for (format, extension) in [
        ("csv", "csv"),
        ("csv_outlook", "csv"),
        ("csv_google", "csv"),
        ("vcard", "vcf"),
        ("xlsx", "xlsx"),
    ] {
        let out = dir.path().join(format!("{format}.{extension}"));
        let done = export(&db, &key, "territory", format, &out, &[]);
        assert!(done.status.success(), "{format}: {}", stderr(&done));
        let stdout = String::from_utf8(done.stdout).unwrap();
        assert_eq!(stdout.lines().count(), 1, "one JSON line: {stdout}");
        let report: Value = serde_json::from_str(&stdout).unwrap();
        let mut keys: Vec<&str> = report
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(keys, ["exported", "file", "format"]);
        assert_eq!(report["exported"].as_u64(), Some(visible), "{format}");
        assert_eq!(report["format"], format);
        assert_eq!(report["file"].as_str(), out.to_str());

        // An existing file is refused and left as it is, unless --force.
        let before = std::fs::read(&out).unwrap();
        let again = export(&db, &key, "territory", format, &out, &[]);
        assert!(!again.status.success());
        assert!(
            stderr(&again).contains("already exists"),
            "{}",
            stderr(&again)
        );
        assert_eq!(std::fs::read(&out).unwrap(), before);
        let forced = export(&db, &key, "territory", format, &out, &["--force"]);
        assert!(forced.status.success(), "{}", stderr(&forced));

        let read = rapport()
            .args(["import", "--user", "admin", "--dry-run", "--json", "--db"])
            .arg(&db)
            .arg("--key-file")
            .arg(&key)
            .arg(&out)
            .output()
            .unwrap();
        assert!(read.status.success(), "{}", stderr(&read));
        let report: Value = serde_json::from_slice(&read.stdout).unwrap();
        assert_eq!(
            report["records"].as_u64(),
            Some(visible),
            "{format}: {report}"
        );
        assert_eq!(report["rejected"], serde_json::json!([]), "{format}");
    }
}

#[test]
fn ids_and_filters_narrow_the_export_and_bad_arguments_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (db, key) = demo(&dir, 100);
    let out = dir.path().join("two.csv");
    let done = export(&db, &key, "admin", "csv", &out, &["--ids", "1, 2,999999"]);
    assert!(done.status.success(), "{}", stderr(&done));
    let report: Value = serde_json::from_slice(&done.stdout).unwrap();
    assert_eq!(report["exported"], 2, "an unknown id is left out");

    let out = dir.path().join("billing.csv");
    let done = export(&db, &key, "admin", "csv", &out, &["--type", "billing"]);
    assert!(done.status.success(), "{}", stderr(&done));
    let report: Value = serde_json::from_slice(&done.stdout).unwrap();
    assert!(report["exported"].as_u64().unwrap() < 100);

    let bad = export(&db, &key, "admin", "pdf", &dir.path().join("x.pdf"), &[]);
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("csv_outlook"), "{}", stderr(&bad));
    let mixed = export(
        &db,
        &key,
        "admin",
        "csv",
        &dir.path().join("y.csv"),
        &["--ids", "1", "--search", "a"],
    );
    assert!(!mixed.status.success());
    assert!(!dir.path().join("y.csv").exists());
}
