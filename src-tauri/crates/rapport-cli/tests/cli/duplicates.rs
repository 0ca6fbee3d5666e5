//! `rapport duplicates`: the scan's JSON shape and its readable table.

use serde_json::Value;

use crate::{demo, rapport, stderr, ADMIN};

#[test]
fn duplicates_json_lists_groups_of_string_ids_with_scores_and_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let (db, key) = demo(&dir, 400);
    let out = rapport()
        .args(["duplicates", "--user", ADMIN, "--json", "--db"])
        .arg(&db)
        .arg("--key-file")
        .arg(&key)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let object = report.as_object().unwrap();
    let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["contactsScanned", "groups"]);
    assert_eq!(report["contactsScanned"], 400);
    let groups = report["groups"].as_array().unwrap();
    assert!(!groups.is_empty());
    for group in groups {
        let mut fields: Vec<&str> = group
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        fields.sort_unstable();
        assert_eq!(fields, ["contacts", "reasons", "score"], "{group}");
        let contacts = group["contacts"].as_array().unwrap();
        assert!(contacts.len() >= 2, "{group}");
        assert!(
            contacts.iter().all(Value::is_string),
            "ids are strings: {group}"
        );
        let score = group["score"].as_u64().unwrap();
        assert!((1..=100).contains(&score), "{group}");
        let reasons = group["reasons"].as_array().unwrap();
        assert!(
            !reasons.is_empty() && reasons.iter().all(Value::is_string),
            "{group}"
        );
    }
    // The demo plants contact 97 as a near-duplicate of 96 (and every 97th likewise).
    for (a, b) in [("96", "97"), ("193", "194"), ("290", "291"), ("387", "388")] {
        assert!(
            groups
                .iter()
                .any(|g| g["contacts"].as_array().unwrap().iter().any(|c| c == a)
                    && g["contacts"].as_array().unwrap().iter().any(|c| c == b)),
            "{a} and {b} are grouped"
        );
    }

    let table = rapport()
        .args(["duplicates", "--user", ADMIN, "--db"])
        .arg(&db)
        .arg("--key-file")
        .arg(&key)
        .output()
        .unwrap();
    assert!(table.status.success(), "{}", stderr(&table));
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(text.contains("96 (C-000096), 97 (C-000097)"), "{text}");
    assert!(stderr(&table).contains("groups of likely duplicates among 400 contacts"));

    let refused = rapport()
        .env("RAPPORT_PASSWORD", "wrong password")
        .args(["duplicates", "--user", ADMIN, "--json", "--db"])
        .arg(&db)
        .arg("--key-file")
        .arg(&key)
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(1), "{}", stderr(&refused));
    assert!(refused.stdout.is_empty());
}
