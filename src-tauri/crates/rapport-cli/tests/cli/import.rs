//! `rapport import`: the JSON Lines report for every shared fixture, and the import, re-import
//! and undo cycle as a script runs it.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::{demo, rapport, stderr};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../tests/fixtures")
        .join(name)
}

/// Runs `rapport import --json` and parses its JSON Lines.
fn import(db: &Path, key: &Path, args: &[&str], files: &[PathBuf]) -> Vec<Value> {
    let out = rapport()
        .args(["import", "--user", "admin", "--json", "--db"])
        .arg(db)
        .arg("--key-file")
        .arg(key)
        .args(args)
        .args(files)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn reasons(report: &Value) -> Vec<(u64, String)> {
    report["rejected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["record"].as_u64().unwrap(),
                r["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn contact(report: &Value, record: u64) -> &Value {
    report["contacts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["record"] == record)
        .expect("the record is listed")
}

/// The report's own arithmetic, for every file.
fn adds_up(report: &Value) {
    let n = |k: &str| report[k].as_u64().unwrap();
    assert_eq!(
        n("records"),
        n("imported")
            + n("updated")
            + n("skipped")
            + report["rejected"].as_array().unwrap().len() as u64,
        "{report}"
    );
    assert_eq!(
        report["contacts"].as_array().unwrap().len() as u64,
        n("imported") + n("updated")
    );
}

/// Rejections a report is expected to list: (record, reason).
type Rejections = &'static [(u64, &'static str)];

/// (file, records, imported, rejected) for every shared vCard fixture.
const VCARDS: [(&str, u64, u64, Rejections); 29] = [
    ("eds__photo-1.vcf", 1, 1, &[]),
    ("eds__vcard_12.vcf", 1, 1, &[]),
    // A semicolon before the @ in the second address: the row is refused, named by field.
    ("eds__vcard_13.vcf", 1, 0, &[(1, "invalid_email")]),
    // Its TEL values are Chinese text, not numbers.
    ("eds__vcard_5.vcf", 1, 0, &[(1, "invalid_phone")]),
    ("eds__vcard_7.vcf", 0, 0, &[(0, "unsupported_file")]),
    ("eds__vcard_8.vcf", 1, 0, &[(1, "truncated_card")]),
    ("eds__vcard_9.vcf", 1, 0, &[(1, "truncated_card")]),
    (
        "ezvcard__John_Doe_ANDROID.vcf",
        6,
        5,
        &[(5, "invalid_email")],
    ),
    ("ezvcard__John_Doe_BLACK_BERRY.vcf", 1, 1, &[]),
    ("ezvcard__John_Doe_GMAIL.vcf", 1, 1, &[]),
    ("ezvcard__John_Doe_IPHONE.vcf", 1, 1, &[]),
    ("ezvcard__John_Doe_MAC_ADDRESS_BOOK.vcf", 1, 1, &[]),
    ("ezvcard__John_Doe_MS_OUTLOOK.vcf", 1, 1, &[]),
    ("ezvcard__fullcontact.vcf", 1, 1, &[]),
    ("ezvcard__gmail-list.vcf", 3, 3, &[]),
    ("ezvcard__outlook-2007.vcf", 1, 1, &[]),
    ("ezvcard__rfc2426-example.vcf", 2, 2, &[]),
    ("ezvcard__rfc6350-example.vcf", 1, 1, &[]),
    (
        "ezvcard__thunderbird-MoreFunctionsForAddressBook-extension.vcf",
        1,
        1,
        &[],
    ),
    ("sabrevobject__issue153.vcf", 1, 1, &[]),
    ("thunderbird__dos_vcard_addressbook.vcf", 1, 1, &[]),
    ("thunderbird__emptylines_vcard_addressbook.vcf", 2, 2, &[]),
    // Thunderbird's test addresses end in "@invalid": no dot in the domain.
    (
        "thunderbird__export.vcf",
        2,
        0,
        &[(1, "invalid_email"), (2, "invalid_email")],
    ),
    ("vobject__photo-test.vcf", 1, 1, &[]),
    ("vobject__quoted-printable.vcf", 1, 1, &[]),
    ("vobject__simple_3_0_test.vcf", 1, 1, &[]),
    ("vobject__vcard40_full.vcf", 1, 1, &[]),
    ("vobject__vcard40_multilang.vcf", 1, 1, &[]),
    ("vobject__vcard_with_groups.vcf", 1, 1, &[]),
];

#[test]
fn every_shared_vcard_gives_its_expected_report() {
    let dir = tempfile::tempdir().unwrap();
    let (db, key) = demo(&dir, 50);
    let files: Vec<PathBuf> = VCARDS.iter().map(|(f, ..)| fixture(f)).collect();
    let reports = import(&db, &key, &["--dry-run"], &files);
    assert_eq!(reports.len(), VCARDS.len(), "one line per file");
    for ((file, records, imported, rejected), report) in VCARDS.iter().zip(&reports) {
        assert_eq!(report["file"], *file);
        assert_eq!(report["records"], *records, "{file}: {report}");
        assert_eq!(report["imported"], *imported, "{file}: {report}");
        let expected: Vec<(u64, String)> =
            rejected.iter().map(|(n, r)| (*n, r.to_string())).collect();
        assert_eq!(reasons(report), expected, "{file}");
        if report["format"] == "vcard" {
            adds_up(report);
        }
    }
    let by_file = |name: &str| {
        reports
            .iter()
            .find(|r| r["file"] == name)
            .expect("a report per file")
    };
    // Quoted-printable with soft breaks, Nokia style.
    let bruning = contact(by_file("eds__vcard_12.vcf"), 1);
    assert_eq!(bruning["family_name"], "Brüning");
    assert_eq!(bruning["addresses"][0]["street"], "Münsterplatz 21");
    assert_eq!(bruning["birthday"], "1978-12-29");
    // The iPhone's folded base64 photo is kept.
    let iphone = contact(by_file("ezvcard__John_Doe_IPHONE.vcf"), 1);
    assert_eq!(iphone["photo"]["media_type"], "image/jpeg");
    assert!(iphone["photo"]["bytes"].as_u64().unwrap() > 30_000);
    assert_eq!(iphone["organization"], "IBM");
    // A PNG labelled as a JPEG is stored as what it is.
    let photo = contact(by_file("eds__photo-1.vcf"), 1);
    assert_eq!(photo["photo"]["media_type"], "image/png");
    let public = contact(by_file("vobject__vcard40_full.vcf"), 1);
    assert_eq!(public["related"][0]["type"], "spouse");
    assert_eq!(public["phones"][1]["e164"], "+15551234567");
    let partial = contact(by_file("vobject__simple_3_0_test.vcf"), 1);
    assert_eq!(partial["birthday"], "--02-10");
    let eds13 = &by_file("eds__vcard_13.vcf")["rejected"][0];
    assert_eq!(eds13["field"], "emails.1");
    assert!(eds13["message"].as_str().unwrap().contains("semicolon"));
}

#[test]
fn an_import_is_stored_found_skipped_when_repeated_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let (db, key) = demo(&dir, 50);
    let files = [
        fixture("ezvcard__gmail-list.vcf"),
        fixture("eds__vcard_12.vcf"),
    ];
    let first = import(&db, &key, &[], &files);
    assert_eq!(first[0]["imported"], 3);
    assert_eq!(first[1]["imported"], 1);
    let stored = contact(&first[1], 1);
    assert!(stored["reference"].as_str().unwrap().starts_with("C-"));
    let search = |text: &str| -> Value {
        let out = rapport()
            .args(["search", "--user", "admin", "--json", "--db"])
            .arg(&db)
            .arg("--key-file")
            .arg(&key)
            .arg(text)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    assert!(search("Brüning")
        .to_string()
        .contains(stored["reference"].as_str().unwrap()));

    let again = import(&db, &key, &[], &files);
    assert_eq!(
        (again[1]["imported"].as_u64(), again[1]["skipped"].as_u64()),
        (Some(0), Some(1))
    );
    assert_eq!(again[1]["matches"][0]["contacts"][0], stored["id"]);
    assert!(again[1].get("import_id").is_some());

    let import_id = first[1]["import_id"].as_str().unwrap();
    let out = rapport()
        .args(["undo-import", "--user", "admin", "--json", "--db"])
        .arg(&db)
        .arg("--key-file")
        .arg(&key)
        .arg(import_id)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let undo: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(undo["removed"], 1);
    assert!(!search("Brüning")
        .to_string()
        .contains(stored["reference"].as_str().unwrap()));

    let out = rapport()
        .args(["imports", "--user", "admin", "--json", "--db"])
        .arg(&db)
        .arg("--key-file")
        .arg(&key)
        .output()
        .unwrap();
    let history: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(history.as_array().unwrap().len(), 4);
    let undone = history
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == import_id)
        .unwrap();
    assert!(undone["undoneAt"].is_string());
}

#[test]
fn bad_options_are_named_and_nothing_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let (db, key) = demo(&dir, 20);
    let run = |args: &[&str]| {
        rapport()
            .args(["import", "--user", "admin", "--json", "--db"])
            .arg(&db)
            .arg("--key-file")
            .arg(&key)
            .args(args)
            .arg(fixture("ezvcard__gmail-list.vcf"))
            .output()
            .unwrap()
    };
    let out = run(&["--require", "shoe_size"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("shoe_size"), "{}", stderr(&out));
    let out = run(&["--on-duplicate", "merge"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("skip, update, create"),
        "{}",
        stderr(&out)
    );
    let out = run(&["--site", "999999"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("999999"), "{}", stderr(&out));
    let out = run(&["--region", "Britain"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("--region"), "{}", stderr(&out));
    let out = rapport()
        .args(["imports", "--user", "admin", "--json", "--db"])
        .arg(&db)
        .arg("--key-file")
        .arg(&key)
        .output()
        .unwrap();
    let history: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(history.as_array().unwrap().is_empty());
}

/// (file, format, encoding, records, imported, rejected) for every delimited fixture, shared
/// and our own samples of Outlook and Google exports, and our own workbooks.
const TABLES: [(&str, &str, &str, u64, u64, Rejections); 11] = [
    ("thunderbird__csv_no_header.csv", "csv", "UTF-8", 2, 2, &[]),
    (
        "thunderbird__export.csv",
        "csv",
        "UTF-8",
        2,
        0,
        &[(1, "invalid_email"), (2, "invalid_email")],
    ),
    ("thunderbird__quote.csv", "csv", "UTF-8", 1, 1, &[]),
    (
        "thunderbird__shiftjis_addressbook.csv",
        "csv",
        "Shift_JIS",
        1,
        1,
        &[],
    ),
    // Tab-separated after a first, comma-separated row: that row is refused, never re-split.
    (
        "thunderbird__tab_comma_mixed.csv",
        "tsv",
        "UTF-8",
        4,
        3,
        &[(1, "column_count_mismatch")],
    ),
    (
        "thunderbird__utf16_addressbook.csv",
        "csv",
        "UTF-16LE",
        1,
        1,
        &[],
    ),
    (
        "own/google_contacts_utf8_bom.csv",
        "csv",
        "UTF-8",
        2,
        2,
        &[],
    ),
    (
        "own/outlook_german_semicolon_windows1252.csv",
        "csv",
        "windows-1252",
        2,
        2,
        &[],
    ),
    (
        "own/outlook_windows1252.csv",
        "csv",
        "windows-1252",
        2,
        2,
        &[],
    ),
    // Title rows above the header; a blank row between the two people is record 2.
    (
        "own/contacts_with_title_rows.xlsx",
        "xlsx",
        "UTF-8",
        3,
        2,
        &[],
    ),
    // A million repeated empty rows after the data, as spreadsheet programs save them.
    ("own/contacts.ods", "ods", "UTF-8", 1, 1, &[]),
];

#[test]
fn every_table_fixture_gives_its_expected_report() {
    let dir = tempfile::tempdir().unwrap();
    let (db, key) = demo(&dir, 50);
    let files: Vec<PathBuf> = TABLES.iter().map(|(f, ..)| fixture(f)).collect();
    let reports = import(&db, &key, &["--dry-run"], &files);
    for ((file, format, encoding, records, imported, rejected), report) in
        TABLES.iter().zip(&reports)
    {
        assert_eq!(report["format"], *format, "{file}");
        assert_eq!(report["encoding"], *encoding, "{file}");
        assert_eq!(report["records"], *records, "{file}: {report}");
        assert_eq!(report["imported"], *imported, "{file}: {report}");
        let expected: Vec<(u64, String)> =
            rejected.iter().map(|(n, r)| (*n, r.to_string())).collect();
        assert_eq!(reasons(report), expected, "{file}");
        adds_up(report);
    }
    let shiftjis = contact(&reports[3], 1);
    assert_eq!(shiftjis["family_name"], "名無し");
    assert_eq!(shiftjis["given_name"], "権兵衛");
    let acer = contact(&reports[2], 1);
    assert_eq!(acer["organization"], "Acer America");
    assert_eq!(acer["phones"][0]["value"], "(800) 000-0000");
    assert!(
        !acer["warnings"].as_array().unwrap().is_empty(),
        "no family name"
    );
    let nameless = contact(&reports[0], 2);
    assert_eq!(nameless["family_name"], "Doe");
    assert_eq!(nameless["emails"][0]["value"], "jane@doe.invalid");
    let outlook = contact(&reports[8], 1);
    assert_eq!(outlook["family_name"], "Müller");
    assert_eq!(outlook["phones"][0]["e164"], "+442079460958");
    let german = contact(&reports[7], 1);
    assert_eq!(german["family_name"], "Groß");
    assert_eq!(german["organization"], "Müller & Söhne GmbH");
    let google = contact(&reports[6], 2);
    assert_eq!(google["birthday"], "--11-27");
    let workbook = &reports[9];
    assert_eq!(workbook["skipped"], 1);
    let zoe = contact(workbook, 1);
    assert_eq!(zoe["family_name"], "Brüning");
    assert_eq!(
        zoe["birthday"], "1979-05-25",
        "a date cell, not its serial number"
    );
    assert_eq!(
        zoe["phones"][0]["e164"], "+447700900123",
        "a number cell keeps its digits"
    );
    let taro = contact(workbook, 3);
    assert_eq!(
        taro["organization"], "=HYPERLINK(\"x\")",
        "stored as text, verbatim"
    );
    assert_eq!(contact(&reports[10], 1)["birthday"], "1815-12-10");
}

/// Thunderbird's export has test addresses ("contact1@invalid") the email rule refuses; mapped
/// to the notes instead, its rows import with their multi-line, TAB and quoted cells intact.
#[test]
fn a_mapping_file_overrides_the_automatic_mapping() {
    let dir = tempfile::tempdir().unwrap();
    let (db, key) = demo(&dir, 20);
    let mapping = dir.path().join("mapping.json");
    std::fs::write(&mapping, r#"{"Primary Email": "note"}"#).unwrap();
    let reports = import(
        &db,
        &key,
        &["--dry-run", "--mapping", mapping.to_str().unwrap()],
        &[fixture("thunderbird__export.csv")],
    );
    let report = &reports[0];
    assert_eq!(report["imported"], 2, "{report}");
    let second = contact(report, 2);
    assert_eq!(second["job_title"], "\"worker\"");
    let notes = second["notes"].as_str().unwrap();
    for piece in [
        "custom, 1",
        "custom\t2",
        "custom\r3",
        "custom\n4",
        "…",
        "contact2@invalid",
    ] {
        assert!(notes.contains(piece), "{piece:?} in {notes:?}");
    }
    assert!(report["mapping"]
        .as_array()
        .unwrap()
        .iter()
        .any(|pair| pair[0] == "Primary Email" && pair[1] == "note"));

    std::fs::write(&mapping, r#"{"Shoe Size": "note"}"#).unwrap();
    let out = rapport()
        .args(["import", "--user", "admin", "--json", "--dry-run", "--db"])
        .arg(&db)
        .arg("--key-file")
        .arg(&key)
        .arg("--mapping")
        .arg(&mapping)
        .arg(fixture("thunderbird__export.csv"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(stderr(&out).contains("Shoe Size"), "{}", stderr(&out));
}

/// An import killed at any moment (`kill -9`, a power cut for the process) leaves a database
/// that opens, passes SQLite's integrity check, and holds each import whole or not at all.
#[test]
fn an_import_killed_at_random_moments_is_all_or_nothing() {
    use rand::{Rng, SeedableRng};
    use std::time::{Duration, Instant};

    const ROWS: usize = 8_000;
    let dir = tempfile::tempdir().unwrap();
    let (db, key) = demo(&dir, 20);
    let csv = dir.path().join("many.csv");
    let mut text = String::from("First Name,Last Name,E-mail Address,Company\n");
    for i in 0..ROWS {
        text.push_str(&format!(
            "Kill{i},Tester{i},k{i}@killtest.example.com,Kill Ltd\n"
        ));
    }
    std::fs::write(&csv, text).unwrap();

    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(9);
    let mut killed = 0;
    let mut finished = 0;
    for _ in 0..12 {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("rapport"))
            .env("RAPPORT_PASSWORD", rapport_core::demo::users::PASSWORD)
            .args([
                "import",
                "--user",
                "admin",
                "--on-duplicate",
                "create",
                "--db",
            ])
            .arg(&db)
            .arg("--key-file")
            .arg(&key)
            .arg(&csv)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_millis(rng.gen_range(50..4_000));
        loop {
            if child.try_wait().unwrap().is_some() {
                finished += 1;
                break;
            }
            if Instant::now() >= deadline {
                child.kill().unwrap(); // SIGKILL on Unix
                child.wait().unwrap();
                killed += 1;
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }
    assert!(killed > 0, "some imports were killed");
    // One that runs to its end, so the check below also sees a committed import beside the
    // killed ones however slow this machine is.
    let out = rapport()
        .args([
            "import",
            "--user",
            "admin",
            "--on-duplicate",
            "create",
            "--db",
        ])
        .arg(&db)
        .arg("--key-file")
        .arg(&key)
        .arg(&csv)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));

    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let database = rapport_core::Database::open(
            &db,
            &rapport_core::DatabaseKey::read_key_file(&key).unwrap(),
        )
        .await
        .unwrap();
        let check: String = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(database.reader())
            .await
            .unwrap();
        assert_eq!(check, "ok");
        let stored: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM contact_emails WHERE address LIKE '%@killtest.example.com'",
        )
        .fetch_one(database.reader())
        .await
        .unwrap();
        let imports: i64 = sqlx::query_scalar("SELECT count(*) FROM imports")
            .fetch_one(database.reader())
            .await
            .unwrap();
        // Every import in the history is there whole; nothing else is.
        // A kill can land after the commit, before the process exits: then it counts too.
        assert!(imports > finished, "{imports} imports, {finished} finished");
        assert_eq!(
            stored,
            imports * ROWS as i64,
            "{killed} killed, {finished} finished"
        );
        let indexed: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM contact_words WHERE contact_words MATCH 'email:killtest'",
        )
        .fetch_one(database.reader())
        .await
        .unwrap();
        assert_eq!(indexed, stored, "the search index agrees");
        database.close().await;
    });
}
