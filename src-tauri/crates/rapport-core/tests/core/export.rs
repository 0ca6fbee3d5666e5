//! Exporting contacts: each format holds exactly the user's scope, a cancelled export leaves
//! no file, formulas are neutralised while phone numbers survive, and every format imports
//! back to the same contacts (a seeded property test).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use calamine::{Data, Reader, Xlsx};
use chrono::{NaiveDate, Utc};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rapport_core::access::signin::{sign_in as sign_in_with, Credentials};
use rapport_core::access::users::create_first_admin;
use rapport_core::access::Actor;
use rapport_core::contact::bulk::BulkSelection;
use rapport_core::contact::write;
use rapport_core::export::{export_contacts, ExportFormat, ExportProgress, ExportReport};
use rapport_core::import::{self, ImportOptions, OnDuplicate};
use rapport_core::model::*;
use rapport_core::store::contacts;
use rapport_core::{CoreError, CoreResult, Database, DatabaseKey};

use crate::{demo_db, sign_in};

async fn export(
    db: &Database,
    actor: &Actor,
    selection: &BulkSelection,
    format: ExportFormat,
    out: &Path,
) -> CoreResult<ExportReport> {
    export_contacts(
        db,
        actor,
        selection,
        format,
        out,
        |_| {},
        &AtomicBool::new(false),
    )
    .await
}

fn everything() -> BulkSelection {
    BulkSelection::Query {
        query: ContactCountQuery::default(),
        except: Vec::new(),
    }
}

fn ids(ids: &[String]) -> BulkSelection {
    BulkSelection::Ids { ids: ids.to_vec() }
}

/// Every cell of the first worksheet, as calamine reads it.
fn workbook_cells(path: &Path) -> Vec<Vec<Data>> {
    let mut workbook: Xlsx<_> = calamine::open_workbook(path).unwrap();
    let range = workbook.worksheet_range_at(0).unwrap().unwrap();
    range.rows().map(<[Data]>::to_vec).collect()
}

/// The text a file holds, whatever its format (a workbook's cells joined).
fn file_text(path: &Path, format: ExportFormat) -> String {
    if format == ExportFormat::Xlsx {
        workbook_cells(path)
            .iter()
            .flatten()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    } else {
        std::fs::read_to_string(path).unwrap()
    }
}

fn out_path(dir: &Path, format: ExportFormat) -> PathBuf {
    dir.join(format!("{}.{}", format.as_str(), format.extension()))
}

#[tokio::test]
async fn a_territory_managers_export_holds_only_the_territory_in_every_format() {
    let demo = demo_db(300).await;
    let territory = sign_in(&demo.db, "territory").await;
    let inside: i64 = sqlx::query_scalar(
        "SELECT min(c.id) FROM contacts c JOIN contact_sites cs ON cs.contact_id = c.id
         JOIN sites s ON s.id = cs.site_id JOIN territories t ON t.id = s.territory_id
         WHERE t.code = 'UKI-SCO' AND c.status = 'active'",
    )
    .fetch_one(demo.db.reader())
    .await
    .unwrap();
    let outside: i64 = sqlx::query_scalar(
        "SELECT min(c.id) FROM contacts c WHERE c.status = 'active' AND NOT EXISTS (
            SELECT 1 FROM contact_sites cs JOIN sites s ON s.id = cs.site_id
            JOIN territories t ON t.id = s.territory_id
            WHERE cs.contact_id = c.id AND t.code = 'UKI-SCO')",
    )
    .fetch_one(demo.db.reader())
    .await
    .unwrap();
    // Markers no demo value holds, one in scope and one outside it.
    let mut tx = demo.db.write().await.unwrap();
    for (id, marker) in [(inside, "INSCOPEMARKER"), (outside, "OUTOFSCOPEMARKER")] {
        sqlx::query("UPDATE contacts SET notes = ? WHERE id = ?")
            .bind(marker)
            .bind(id)
            .execute(&mut *tx)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    let visible = contacts::count(&demo.db, &territory, &ContactCountQuery::default())
        .await
        .unwrap()
        .count;
    assert!(
        visible > 0 && visible < 300,
        "the territory is part of the demo"
    );

    let dir = tempfile::tempdir().unwrap();
    for format in ExportFormat::ALL {
        let out = out_path(dir.path(), format);
        let report = export(&demo.db, &territory, &everything(), format, &out)
            .await
            .unwrap();
        assert_eq!(
            report.exported, visible,
            "{format:?} exports what the list shows"
        );
        assert_eq!(report.format, format);
        let text = file_text(&out, format);
        assert!(
            text.contains("INSCOPEMARKER"),
            "{format:?} holds the territory"
        );
        assert!(
            !text.contains("OUTOFSCOPEMARKER"),
            "{format:?} holds nothing outside the territory"
        );
    }

    // Naming an outside contact's id exports nothing of it.
    let out = dir.path().join("named.csv");
    let report = export(
        &demo.db,
        &territory,
        &ids(&[outside.to_string(), inside.to_string()]),
        ExportFormat::Csv,
        &out,
    )
    .await
    .unwrap();
    assert_eq!(report.exported, 1);
    assert!(!std::fs::read_to_string(&out)
        .unwrap()
        .contains("OUTOFSCOPEMARKER"));

    // One audit event per export, with the format and the count, no search text.
    let summary: String = sqlx::query_scalar(
        "SELECT summary FROM audit_events WHERE action = 'export' ORDER BY seq DESC LIMIT 1",
    )
    .fetch_one(demo.db.reader())
    .await
    .unwrap();
    let summary: serde_json::Value = serde_json::from_str(&summary).unwrap();
    assert_eq!(summary["format"], "csv");
    assert_eq!(summary["count"], 1);
    assert_eq!(summary["selection"]["kind"], "ids");
    let events: i64 =
        sqlx::query_scalar("SELECT count(*) FROM audit_events WHERE action = 'export'")
            .fetch_one(demo.db.reader())
            .await
            .unwrap();
    assert_eq!(events, 6, "one event per export");
}

#[tokio::test]
async fn a_cancelled_export_leaves_no_file_and_keeps_an_existing_one() {
    let demo = demo_db(2_500).await;
    let dir = tempfile::tempdir().unwrap();
    for format in ExportFormat::ALL {
        let out = out_path(dir.path(), format);
        std::fs::write(&out, b"before").unwrap();
        let cancel = AtomicBool::new(false);
        let mut seen: Vec<ExportProgress> = Vec::new();
        let result = export_contacts(
            &demo.db,
            &demo.admin,
            &everything(),
            format,
            &out,
            |p| {
                seen.push(p);
                if p.done > 0 {
                    cancel.store(true, Ordering::SeqCst);
                }
            },
            &cancel,
        )
        .await;
        assert!(matches!(result, Err(CoreError::Cancelled)), "{format:?}");
        assert_eq!(
            seen.first(),
            Some(&ExportProgress {
                done: 0,
                total: 2_500
            })
        );
        assert_eq!(
            std::fs::read(&out).unwrap(),
            b"before",
            "{format:?}: untouched"
        );
        std::fs::remove_file(&out).unwrap();
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert!(left.is_empty(), "{format:?} left {left:?}");
    }
    let events: i64 =
        sqlx::query_scalar("SELECT count(*) FROM audit_events WHERE action = 'export'")
            .fetch_one(demo.db.reader())
            .await
            .unwrap();
    assert_eq!(events, 0, "a cancelled export is not an export");
}

#[tokio::test]
async fn formulas_are_neutralised_and_phone_numbers_survive() {
    let demo = demo_db(20).await;
    let input = ContactInput {
        first_name: "Mallory".into(),
        last_name: "=cmd|' /C calc'!A0".into(),
        notes: Some("=HYPERLINK(\"http://evil.example\",\"click\")".into()),
        job_title: Some("@SUM(A1:A2)".into()),
        phones: vec![PhoneInput {
            kind: PhoneKind::Mobile,
            number: "+44 20 7946 0958".into(),
            country: "GB".into(),
            extension: None,
        }],
        ..Default::default()
    };
    let created = write::create(&demo.db, &demo.admin, &input, "GB")
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let selection = ids(std::slice::from_ref(&created.id));

    for format in [
        ExportFormat::Csv,
        ExportFormat::CsvGoogle,
        ExportFormat::CsvOutlook,
    ] {
        let out = out_path(dir.path(), format);
        export(&demo.db, &demo.admin, &selection, format, &out)
            .await
            .unwrap();
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(
            text.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""),
            "{format:?}: {text}"
        );
        assert!(text.contains(",'=cmd|' /C calc'!A0,"), "{format:?}: {text}");
        assert!(text.contains(",'@SUM(A1:A2),"), "{format:?}: {text}");
        assert!(
            text.contains(",+44 20 7946 0958,"),
            "{format:?}: the number is written as it is: {text}"
        );
        assert!(!text.contains("'+44"), "{format:?}");
    }

    let out = out_path(dir.path(), ExportFormat::Xlsx);
    export(&demo.db, &demo.admin, &selection, ExportFormat::Xlsx, &out)
        .await
        .unwrap();
    let rows = workbook_cells(&out);
    let header = &rows[0];
    let at = |name: &str| {
        header
            .iter()
            .position(|h| *h == Data::String(name.to_string()))
            .unwrap_or_else(|| panic!("no {name} column"))
    };
    assert_eq!(
        rows[1][at("Notes")],
        Data::String("=HYPERLINK(\"http://evil.example\",\"click\")".into()),
        "a string cell, never a formula"
    );
    assert_eq!(
        rows[1][at("Phone 1 - Value")],
        Data::String("+44 20 7946 0958".into())
    );
    let mut workbook: Xlsx<_> = calamine::open_workbook(&out).unwrap();
    let formulas = workbook.worksheet_formula("Contacts").unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "the workbook has no formulas"
    );
}

// ---------------------------------------------------------------------------------------------
// Export then import: the same contacts.
// ---------------------------------------------------------------------------------------------

/// What the round trip keeps, compared field by field:
///
/// - names (prefix, first, middle, last, preferred name as nickname, suffix), company,
///   department, job title, birthday (with or without a year), notes, tags, websites;
/// - emails with kind, address and which is primary, in order;
/// - phones with kind, E.164 number, extension and which is primary, in order;
/// - addresses with kind, both lines, city, region, postal code and country, in order.
///
/// One asymmetry is part of the data model: an address's kind "site" is written as a work
/// address and read back as "mailing" (files have work, home and other addresses; a site is
/// an association, not an address kind of the import). Outlook's fixed columns lose more,
/// see [`outlook_view`].
#[derive(Debug, Clone, PartialEq, Eq)]
struct Compared {
    names: [Option<String>; 6],
    company: Option<String>,
    department: Option<String>,
    job_title: Option<String>,
    birthday: Option<NaiveDate>,
    notes: Option<String>,
    tags: Vec<String>,
    websites: Vec<String>,
    emails: Vec<(EmailKind, String, bool)>,
    phones: Vec<(PhoneKind, String, Option<String>, bool)>,
    addresses: Vec<AddressView>,
}

type AddressView = (
    AddressKind,
    String,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    String,
);

fn compared(d: &ContactDetail, company: Option<String>) -> Compared {
    let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
    Compared {
        names: [
            d.salutation.clone(),
            some(&d.first_name),
            d.middle_name.clone(),
            some(&d.last_name),
            d.preferred_name.clone(),
            d.suffix.clone(),
        ],
        company,
        department: d.department.clone(),
        job_title: d.job_title.clone(),
        birthday: d.birthday,
        notes: d.notes.clone(),
        tags: d.tags.clone(),
        websites: d.websites.clone(),
        emails: d
            .emails
            .iter()
            .map(|e| (e.kind, e.address.clone(), e.is_primary))
            .collect(),
        phones: d
            .phones
            .iter()
            .map(|p| (p.kind, p.e164.clone(), p.extension.clone(), p.is_primary))
            .collect(),
        addresses: d
            .addresses
            .iter()
            .map(|a| {
                let kind = match a.kind {
                    AddressKind::Site => AddressKind::Mailing,
                    kind => kind,
                };
                (
                    kind,
                    a.line1.clone(),
                    a.line2.clone(),
                    a.city.clone(),
                    a.region.clone(),
                    a.postal_code.clone(),
                    a.country.clone(),
                )
            })
            .collect(),
    }
}

/// What Outlook's columns keep: no nickname; emails untyped (read back as business for the
/// first, alternate for the others); phones and addresses by slot (so their order, and which
/// phone is primary, follow the slots: compared as sets).
fn outlook_view(mut c: Compared) -> Compared {
    c.names[4] = None;
    for (i, e) in c.emails.iter_mut().enumerate() {
        e.0 = if i == 0 {
            EmailKind::Business
        } else {
            EmailKind::Alternate
        };
        e.2 = i == 0;
    }
    for p in &mut c.phones {
        p.3 = false;
    }
    c.phones
        .sort_by_key(|p| (p.0.as_str(), p.1.clone(), p.2.clone()));
    c.addresses
        .sort_by_key(|a| (a.0.as_str(), a.1.clone(), a.3.clone()));
    c
}

/// Awkward values: quotes, commas, semicolons, line breaks, non-Latin scripts, leading
/// `= + - @` and `'=`, long text.
const NAMES: &[&str] = &[
    "O'Brien",
    "Zoë",
    "José María",
    "李",
    "Иван",
    "محمد",
    "Smith, Jr.",
    "\"Q\" Quinn",
    "Multi; Semi",
    "=cmd|' /C calc'!A0",
    "+Plus",
    "-Dash",
    "@At",
    "'=Quoted",
    "Ngũgĩ",
    "Ólafsdóttir",
];
const TEXTS: &[&str] = &[
    "Head of Facilities",
    "Ops; North",
    "R&D, \"Labs\"",
    "=HYPERLINK(\"http://x\",\"y\")",
    "-20% discount",
    "+ sign first",
    "@team",
    "営業部",
    "Отдел продаж",
];
const NOTES: &[&str] = &[
    "Met at the fair.\nPrefers mornings, not Fridays; \"strict\".",
    "=HYPERLINK(\"http://evil.example\",\"click\")",
    "- first item\n- second item",
    "'=starts with a quote",
    "@here call back",
    "+1 for the new contract",
    "日本語のメモ\n第二行",
    "Line one\n\nLine three after a blank line",
];
const TAGS: &[&str] = &[
    "VIP",
    "night shift",
    "Zoë's list",
    "=formula tag",
    "+plus",
    "北京",
    "\"quoted\"",
    "-minus",
];
const STREETS: &[&str] = &[
    "1, Quay St",
    "Flat 2; Block B",
    "12 \"Old\" Mill Rd",
    "ул. Ленина, 1",
    "千代田区1-1",
    "=1 Formula Way",
];
const COUNTRIES: &[&str] = &["GB", "FR", "DE", "JP", "US"];

/// Lists no longer than Outlook's slots hold.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Limits {
    Any,
    Outlook,
}

fn pick<'a>(rng: &mut ChaCha8Rng, values: &[&'a str]) -> &'a str {
    values.choose(rng).copied().unwrap_or_default()
}

fn maybe(rng: &mut ChaCha8Rng, values: &[&str]) -> Option<String> {
    rng.gen_bool(0.6).then(|| pick(rng, values).to_string())
}

/// A valid, distinct phone number (`n` keeps it unique) in one of several numbering plans.
fn phone_number(rng: &mut ChaCha8Rng, n: u32) -> String {
    match rng.gen_range(0..5) {
        0 => format!("+44 20 7946 {:04}", n % 10_000),
        1 => format!("+44 7700 9{:05}", n % 100_000),
        2 => format!("+1 201 555 {:04}", n % 10_000),
        3 => format!("+49 30 {:08}", 10_000_000 + n),
        _ => format!("+33 1 {:08}", 10_000_000 + n),
    }
}

fn generated(rng: &mut ChaCha8Rng, n: u32, site: Option<&str>, limits: Limits) -> ContactInput {
    let mut counter = n * 100;
    let mut next = || {
        counter += 1;
        counter
    };
    let email_kinds = [
        EmailKind::Business,
        EmailKind::Alternate,
        EmailKind::Personal,
    ];
    let locals = ["ada", "o'brien", "=eq", "+plus", "-dash", "zoë", "li.wei"];
    let emails = (0..rng.gen_range(0..=3))
        .map(|_| EmailInput {
            kind: *email_kinds.choose(rng).unwrap(),
            address: format!(
                "{}.{}@{}",
                pick(rng, &locals),
                next(),
                pick(rng, &["example.com", "beispiel.de", "exemple.fr"])
            ),
        })
        .collect();
    let phone_kinds = [
        PhoneKind::Office,
        PhoneKind::Mobile,
        PhoneKind::Home,
        PhoneKind::Fax,
        PhoneKind::Pager,
        PhoneKind::Other,
    ];
    let mut phones: Vec<PhoneInput> = Vec::new();
    for _ in 0..rng.gen_range(0..=4) {
        let kind = *phone_kinds.choose(rng).unwrap();
        let slots = match kind {
            PhoneKind::Office | PhoneKind::Home | PhoneKind::Fax => 2,
            PhoneKind::Mobile | PhoneKind::Pager | PhoneKind::Other => 1,
        };
        if limits == Limits::Outlook && phones.iter().filter(|p| p.kind == kind).count() >= slots {
            continue;
        }
        phones.push(PhoneInput {
            kind,
            number: phone_number(rng, next()),
            country: "GB".into(),
            extension: rng
                .gen_bool(0.3)
                .then(|| rng.gen_range(1..99_999).to_string()),
        });
    }
    let address_kinds = [AddressKind::Mailing, AddressKind::Site, AddressKind::Home];
    let mut addresses: Vec<AddressInput> = Vec::new();
    for _ in 0..rng.gen_range(0..=3) {
        let kind = *address_kinds.choose(rng).unwrap();
        let home = kind == AddressKind::Home;
        if limits == Limits::Outlook
            && (addresses.len() >= 2
                || addresses
                    .iter()
                    .any(|a| (a.kind == AddressKind::Home) == home))
        {
            continue;
        }
        addresses.push(AddressInput {
            kind,
            line1: pick(rng, STREETS).to_string(),
            line2: maybe(rng, &["Unit 4", "c/o =Finance", "2nd floor, east"]),
            city: pick(rng, &["Leith", "São Paulo", "東京", "Köln"]).to_string(),
            region: maybe(rng, &["Lothian", "Île-de-France"]),
            postal_code: maybe(rng, &["EH6 6AA", "75001", "100-0001"]),
            country: pick(rng, COUNTRIES).to_string(),
        });
    }
    let mut tags: Vec<String> = Vec::new();
    for _ in 0..rng.gen_range(0..=3) {
        let tag = pick(rng, TAGS).to_string();
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    let websites_max = if limits == Limits::Outlook { 1 } else { 2 };
    let websites = (0..rng.gen_range(0..=websites_max))
        .map(|_| format!("https://example.com/{}?a=1&b=2", next()))
        .collect();
    let birthday = match rng.gen_range(0..4) {
        0 => None,
        1 => NaiveDate::from_ymd_opt(rng.gen_range(1940..2005), rng.gen_range(1..=12), 28),
        2 => NaiveDate::from_ymd_opt(NO_YEAR, 2, 29),
        _ => NaiveDate::from_ymd_opt(1899, 12, 31),
    };
    let mut notes = maybe(rng, NOTES);
    if rng.gen_bool(0.1) {
        notes = Some(
            format!("Long note: {}", "lorem ipsum, \"dolor\"; ".repeat(400))
                .trim()
                .to_string(),
        );
    }
    ContactInput {
        contact_type: ContactType::Primary,
        salutation: maybe(rng, &["Dr", "Ms", "Mr", "Prof."]),
        first_name: pick(rng, NAMES).to_string(),
        middle_name: maybe(rng, NAMES),
        last_name: format!("{} {}", pick(rng, NAMES), next()),
        preferred_name: maybe(rng, &["Zo, Z", "Bob", "=nick"]),
        suffix: maybe(rng, &["PhD", "Jr.", "III"]),
        job_title: maybe(rng, TEXTS),
        department: maybe(rng, TEXTS),
        emails,
        phones,
        addresses,
        tags,
        websites,
        birthday,
        notes,
        sites: site
            .map(|id| SiteAssociationInput {
                site_id: id.into(),
                role: SiteRole::Operations,
                authority_limit: None,
            })
            .into_iter()
            .collect(),
        ..Default::default()
    }
}

/// A new, empty database with a signed-in site administrator.
async fn empty_db(dir: &Path) -> (Database, Actor) {
    let db = Database::create(&dir.join("copy.sqlite3"), &DatabaseKey::generate())
        .await
        .unwrap();
    create_first_admin(&db, "importer", "Importer", "correct horse battery")
        .await
        .unwrap();
    let actor = sign_in_with(
        &db,
        Credentials {
            username: "importer",
            password: "correct horse battery",
            code: None,
        },
        Utc::now(),
    )
    .await
    .unwrap();
    (db, actor)
}

async fn company(db: &Database, id: &str) -> Option<String> {
    sqlx::query_scalar("SELECT company FROM contacts WHERE id = ?")
        .bind(id)
        .fetch_one(db.reader())
        .await
        .unwrap()
}

async fn round_trip(seed: u64, count: u32, formats: &[ExportFormat], limits: Limits) {
    let demo = demo_db(20).await;
    let site: i64 = sqlx::query_scalar("SELECT min(id) FROM sites")
        .fetch_one(demo.db.reader())
        .await
        .unwrap();
    let site = site.to_string();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut created: Vec<String> = Vec::new();
    for n in 0..count {
        let at_site = rng.gen_bool(0.7).then_some(site.as_str());
        let input = generated(&mut rng, n, at_site, limits);
        let contact = write::create(&demo.db, &demo.admin, &input, "GB")
            .await
            .unwrap_or_else(|e| panic!("seed {seed}, contact {n}: {e:?}\n{input:#?}"));
        created.push(contact.id);
    }
    let mut expected = Vec::new();
    for id in &created {
        let detail = contacts::get(&demo.db, &demo.admin, id, "GB")
            .await
            .unwrap();
        expected.push(compared(&detail, company(&demo.db, id).await));
    }

    for &format in formats {
        let dir = tempfile::tempdir().unwrap();
        let out = out_path(dir.path(), format);
        let report = export(&demo.db, &demo.admin, &ids(&created), format, &out)
            .await
            .unwrap();
        assert_eq!(report.exported, count);

        let (copy, importer) = empty_db(dir.path()).await;
        let options = ImportOptions {
            on_duplicate: OnDuplicate::Create,
            list_contacts: true,
            ..ImportOptions::default()
        };
        let imported = import::import_file(
            &copy,
            &importer,
            &out,
            &options,
            "GB",
            &mut |_| {},
            &AtomicBool::new(false),
        )
        .await
        .unwrap();
        assert!(
            imported.rejected.is_empty(),
            "seed {seed} {format:?}: {:?}",
            imported.rejected
        );
        assert_eq!(
            imported.imported,
            u64::from(count),
            "seed {seed} {format:?}"
        );
        // Every header is recognised; only Google-style label columns feed no field of their
        // own (they type their value column).
        let unmapped: Vec<_> = imported
            .mapping
            .iter()
            .filter(|(header, field)| {
                matches!(field.as_str(), "note" | "ignore") && !header.ends_with(" - Label")
            })
            .collect();
        assert!(unmapped.is_empty(), "{format:?}: {unmapped:?}");
        for (i, (want, got)) in expected.iter().zip(&imported.contacts).enumerate() {
            let id = got.id.clone().unwrap();
            let detail = contacts::get(&copy, &importer, &id, "GB").await.unwrap();
            let mut got = compared(&detail, company(&copy, &id).await);
            let mut want = want.clone();
            if format == ExportFormat::CsvOutlook {
                want = outlook_view(want);
                got = outlook_view(got);
            }
            assert_eq!(
                got, want,
                "seed {seed}, {format:?}, contact {i} ({})",
                created[i]
            );
        }
        copy.close().await;
    }
}

#[tokio::test]
async fn every_format_imports_back_to_the_same_contacts() {
    for seed in 1..=3 {
        round_trip(
            seed,
            40,
            &[
                ExportFormat::Csv,
                ExportFormat::CsvGoogle,
                ExportFormat::Vcard,
                ExportFormat::Xlsx,
            ],
            Limits::Any,
        )
        .await;
    }
}

#[tokio::test]
async fn outlook_csv_imports_back_to_what_its_columns_hold() {
    for seed in 11..=12 {
        round_trip(seed, 40, &[ExportFormat::CsvOutlook], Limits::Outlook).await;
    }
}
