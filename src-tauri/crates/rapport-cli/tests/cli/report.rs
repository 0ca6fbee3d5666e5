//! `rapport report`: the report as JSON, CSV on standard output, and files in every format.

use serde_json::Value;

use crate::{demo, rapport, stderr, ADMIN};

#[test]
fn report_prints_json_and_csv_and_writes_files() {
    let dir = tempfile::tempdir().unwrap();
    let (db, key) = demo(&dir, 300);
    let run = |args: &[&str]| {
        rapport()
            .args(["report", "--user", ADMIN, "--db"])
            .arg(&db)
            .arg("--key-file")
            .arg(&key)
            .args(args)
            .output()
            .unwrap()
    };

    let out = run(&["monthly", "--period", "2026-10"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut keys: Vec<&str> = report
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "chart",
            "figures",
            "generatedAt",
            "generatedBy",
            "kind",
            "period",
            "scope",
            "sections",
            "title"
        ]
    );
    assert_eq!(report["kind"], "monthly");
    assert_eq!(report["period"]["key"], "2026-10");
    assert_eq!(report["period"]["label"], "October 2026");
    assert_eq!(report["scope"], "All contacts");
    assert_eq!(
        report["chart"],
        Value::Null,
        "only the data-quality report draws a line"
    );
    assert_eq!(report["figures"][0]["label"], "Contacts");
    assert_eq!(report["figures"][0]["value"], "300");
    let sections = report["sections"].as_array().unwrap();
    assert_eq!(sections[0]["title"], "Contacts by territory");
    assert_eq!(sections[0]["columns"][2]["label"], "Contacts");
    assert_eq!(sections[0]["columns"][2]["numeric"], true);

    let csv = run(&["data-quality", "--format", "csv"]);
    assert!(csv.status.success(), "{}", stderr(&csv));
    let text = String::from_utf8(csv.stdout).unwrap();
    assert!(
        text.starts_with("\u{feff}Report,Data quality report\r\n"),
        "{text}"
    );
    assert!(text.contains("\r\nFindings\r\n"));

    for format in ["csv", "pdf", "json"] {
        let path = dir.path().join(format!("verification.{format}"));
        let out = run(&[
            "verification",
            "--format",
            format,
            "--output",
            path.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{format}: {}", stderr(&out));
        let written: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(written["report"], "verification");
        assert_eq!(written["format"], format);
        assert_eq!(written["file"], path.display().to_string());
        let bytes = std::fs::read(&path).unwrap();
        match format {
            "pdf" => assert!(bytes.starts_with(b"%PDF-")),
            "csv" => assert!(bytes.starts_with("\u{feff}Report,Verification status".as_bytes())),
            _ => assert_eq!(
                serde_json::from_slice::<Value>(&bytes).unwrap()["kind"],
                "verification"
            ),
        }
    }
}

#[test]
fn report_refuses_what_it_cannot_make_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let (db, key) = demo(&dir, 20);
    let run = |args: &[&str]| {
        let out = rapport()
            .args(["report", "--user", ADMIN, "--db"])
            .arg(&db)
            .arg("--key-file")
            .arg(&key)
            .args(args)
            .output()
            .unwrap();
        assert!(!out.status.success(), "{args:?} succeeded");
        assert!(out.stdout.is_empty());
        stderr(&out)
    };
    let message = run(&["weekly"]);
    assert!(
        message.contains(
            "the reports are monthly, quarterly-review, data-quality, verification, response-rates"
        ),
        "{message}"
    );
    let message = run(&["monthly", "--period", "2026-13"]);
    assert!(
        message.contains("period") && message.contains("YYYY-MM"),
        "{message}"
    );
    let message = run(&["verification", "--format", "pdf"]);
    assert!(message.contains("--output"), "{message}");
    let message = run(&["monthly", "--format", "xml"]);
    assert!(message.contains("use json, csv or pdf"), "{message}");
}
