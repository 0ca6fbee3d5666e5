//! `rapport merge` and `rapport unmerge`: JSON reports, field names in errors, exit codes.

use serde_json::Value;

use crate::{demo, rapport, stderr};

fn run(db: &std::path::Path, key: &std::path::Path, args: &[&str]) -> std::process::Output {
    rapport()
        .args(args)
        .args(["--user", "admin", "--json", "--db"])
        .arg(db)
        .arg("--key-file")
        .arg(key)
        .output()
        .unwrap()
}

#[test]
fn merge_and_unmerge_report_json_and_refuse_with_the_field_named() {
    let dir = tempfile::tempdir().unwrap();
    // The demo plants contact 97 as a near-duplicate of contact 96.
    let (db, key) = demo(&dir, 200);

    let bad = run(
        &db,
        &key,
        &["merge", "--into", "96", "97", "--prefer", "jobTitle=5"],
    );
    assert!(!bad.status.success());
    assert!(
        stderr(&bad).contains("choices.jobTitle"),
        "{}",
        stderr(&bad)
    );
    let report: Value = serde_json::from_slice(&bad.stdout).unwrap();
    assert_eq!(report["error"], "invalid_input");

    let out = run(
        &db,
        &key,
        &["merge", "--into", "96", "97", "--prefer", "jobTitle=97"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let merged: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(merged["survivor"], "96");
    assert_eq!(merged["merged"], serde_json::json!(["97"]));
    let merge_id = merged["mergeId"].as_str().unwrap().to_string();

    let out = run(&db, &key, &["unmerge", &merge_id]);
    assert!(out.status.success(), "{}", stderr(&out));
    let undone: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(undone["mergeId"], merge_id.as_str());
    assert_eq!(undone["restored"], serde_json::json!(["97"]));

    let again = run(&db, &key, &["unmerge", &merge_id]);
    assert!(
        !again.status.success(),
        "an undone merge cannot be undone twice"
    );
    assert!(
        stderr(&again).contains("error[conflict]"),
        "{}",
        stderr(&again)
    );
}
