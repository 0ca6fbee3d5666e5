//! `rapport contact add`: the wizard's rules for scripts, with field problems on failure.

use serde_json::{json, Value};

use crate::{demo, rapport, stderr};

fn add(db: &std::path::Path, key: &std::path::Path, form: &Value) -> std::process::Output {
    rapport()
        .args([
            "contact", "add", "--user", "admin", "--json", "--input", "-", "--db",
        ])
        .arg(db)
        .arg("--key-file")
        .arg(key)
        .write_stdin(form.to_string())
        .output()
        .unwrap()
}

#[test]
fn contact_add_creates_a_findable_contact_or_names_each_bad_field() {
    let dir = tempfile::tempdir().unwrap();
    let (db, key) = demo(&dir, 200);

    let bad = json!({
        "firstName": "Ingrid",
        "lastName": "",
        "emails": [{ "kind": "business", "address": "ingrid@[10.0.0.1]" }],
        "phones": [{ "kind": "mobile", "number": "07700 9OO123", "country": "GB" }]
    });
    let out = add(&db, &key, &bad);
    assert!(!out.status.success());
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["error"], "invalid_input");
    let mut fields: Vec<&str> = report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["field"].as_str().unwrap())
        .collect();
    fields.sort();
    assert_eq!(fields, ["emails.0.address", "lastName", "phones.0.number"]);

    let good = json!({
        "contactType": "billing",
        "firstName": "Ingrid",
        "lastName": "Solvang-Mæhle",
        "emails": [{ "kind": "business", "address": "ingrid.solvang@fjordline.example.no" }],
        "phones": [{ "kind": "mobile", "number": "+47 412 34 567" }]
    });
    let out = add(&db, &key, &good);
    assert!(out.status.success(), "{}", stderr(&out));
    let created: Value = serde_json::from_slice(&out.stdout).unwrap();
    let reference = created["reference"].as_str().unwrap();
    assert!(reference.starts_with("C-"));

    let out = rapport()
        .args(["search", "--user", "admin", "--json", "--db"])
        .arg(&db)
        .arg("--key-file")
        .arg(&key)
        .arg("solvang")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let found: Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = found.to_string();
    assert!(text.contains(reference), "{text}");
}
