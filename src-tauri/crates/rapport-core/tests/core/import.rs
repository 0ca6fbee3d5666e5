//! Importing files: the report's counts, duplicates against stored contacts and within the
//! file, scope, and undo that puts every byte back.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use rapport_core::access::Actor;
use rapport_core::import::{self, FileReport, ImportOptions, OnDuplicate};
use rapport_core::model::ContactListQuery;
use rapport_core::store::contacts;
use rapport_core::{CoreError, Database};
use sha2::{Digest, Sha256};

use crate::{demo_db, sign_in};

const TABLES: [&str; 8] = [
    "contacts",
    "contact_emails",
    "contact_phones",
    "contact_addresses",
    "contact_tags",
    "contact_sites",
    "contact_related",
    "contact_lifecycle_history",
];

/// Every row of the contact tables, search indexes included (as the ids they hold).
async fn digest(db: &Database) -> String {
    let mut hasher = Sha256::new();
    for table in TABLES {
        let columns: Vec<String> =
            sqlx::query_scalar("SELECT name FROM pragma_table_info(?) ORDER BY cid")
                .bind(table)
                .fetch_all(db.reader())
                .await
                .unwrap();
        let row = columns
            .iter()
            .map(|c| format!("quote({c})"))
            .collect::<Vec<_>>()
            .join(" || '|' || ");
        let rows: Vec<String> =
            sqlx::query_scalar(&format!("SELECT {row} FROM {table} ORDER BY 1"))
                .fetch_all(db.reader())
                .await
                .unwrap();
        hasher.update(table.as_bytes());
        for row in rows {
            hasher.update(row.as_bytes());
            hasher.update(b"\n");
        }
    }
    format!("{:x}", hasher.finalize())
}

/// Every table, index and trigger as the schema defines it.
async fn schema(db: &Database) -> Vec<(String, String)> {
    sqlx::query_as("SELECT name, ifnull(sql, '') FROM sqlite_master ORDER BY name")
        .fetch_all(db.reader())
        .await
        .unwrap()
}

async fn found(db: &Database, actor: &Actor, text: &str) -> usize {
    let query = ContactListQuery {
        search: Some(text.into()),
        limit: 100,
        ..Default::default()
    };
    contacts::list(db, actor, &query).await.unwrap().rows.len()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

async fn run(
    db: &Database,
    actor: &Actor,
    path: &Path,
    options: &ImportOptions,
) -> Result<FileReport, CoreError> {
    import::import_file(
        db,
        actor,
        path,
        options,
        "GB",
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .await
}

async fn a_site(db: &Database) -> String {
    let id: i64 = sqlx::query_scalar("SELECT min(id) FROM sites")
        .fetch_one(db.reader())
        .await
        .unwrap();
    id.to_string()
}

#[tokio::test]
async fn an_import_that_created_and_updated_is_undone_to_the_byte() {
    let demo = demo_db(300).await;
    let dir = tempfile::tempdir().unwrap();
    let (existing_id, existing_email): (i64, String) = sqlx::query_as(
        "SELECT min(contact_id), min(address) FROM contact_emails
         GROUP BY lower(address) HAVING count(*) = 1 ORDER BY 1 LIMIT 1",
    )
    .fetch_one(demo.db.reader())
    .await
    .unwrap();
    let taken: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM contact_phones WHERE e164 = '+447700900123')",
    )
    .fetch_one(demo.db.reader())
    .await
    .unwrap();
    assert!(!taken, "the new person's number is new");
    let before = digest(&demo.db).await;
    let csv = write(
        dir.path(),
        "people.csv",
        &format!(
            "First Name,Last Name,E-mail Address,Job Title,Mobile Phone\r\n\
             Zoë,Quennell-Abara,zoe.quennell@harbourline.example.com,Buyer,+44 7700 900123\r\n\
             ,,{existing_email},Head of Imports,\r\n\
             ,,,,\r\n\
             Piet,Verloren,piet@nodot,Clerk,\r\n\
             Too,Many,columns@example.com,x,y,z\r\n"
        ),
    );
    let options = ImportOptions {
        on_duplicate: OnDuplicate::Update,
        site_id: Some(a_site(&demo.db).await),
        list_contacts: true,
        ..ImportOptions::default()
    };
    let report = run(&demo.db, &demo.admin, &csv, &options).await.unwrap();
    assert_eq!(report.records, 5, "{report:?}");
    assert_eq!((report.imported, report.updated, report.skipped), (1, 1, 1));
    let reasons: Vec<(u64, &str)> = report
        .rejected
        .iter()
        .map(|r| (r.record, r.reason.as_str()))
        .collect();
    assert_eq!(
        reasons,
        [(4, "invalid_email"), (5, "column_count_mismatch")]
    );
    assert_eq!(report.matches.len(), 1);
    assert_eq!(report.matches[0].contacts, [existing_id.to_string()]);
    assert_eq!(report.matches[0].reasons, ["email"]);
    assert_eq!(found(&demo.db, &demo.admin, "Quennell").await, 1);
    let title: Option<String> = sqlx::query_scalar("SELECT job_title FROM contacts WHERE id = ?")
        .bind(existing_id)
        .fetch_one(demo.db.reader())
        .await
        .unwrap();
    assert_eq!(title.as_deref(), Some("Head of Imports"));
    assert_ne!(digest(&demo.db).await, before);

    let history = import::list_imports(&demo.db, &demo.admin).await.unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].imported, 1);
    let undo = import::undo_import(&demo.db, &demo.admin, &history[0].id)
        .await
        .unwrap();
    assert_eq!((undo.removed, undo.restored), (1, 1));
    assert_eq!(digest(&demo.db).await, before, "undo restores every row");
    assert_eq!(found(&demo.db, &demo.admin, "Quennell").await, 0);
    assert_eq!(found(&demo.db, &demo.admin, "Head of Imports").await, 0);
    let again = import::undo_import(&demo.db, &demo.admin, &history[0].id).await;
    assert!(
        matches!(again, Err(CoreError::InvalidInput(_))),
        "{again:?}"
    );
}

#[tokio::test]
async fn importing_the_same_file_twice_skips_what_is_already_there() {
    let demo = demo_db(50).await;
    let dir = tempfile::tempdir().unwrap();
    let csv = write(
        dir.path(),
        "twice.csv",
        "Name,Email,Phone,Company\n\
         Ada Obi,ada.obi@lagoon.example.com,+44 20 7946 0001,Lagoon Ltd\n\
         Ada Obi,ADA.OBI@lagoon.example.com,,Lagoon Ltd\n\
         Ben Roe,ben.roe@lagoon.example.com,+44 20 7946 0002,Lagoon Ltd\n",
    );
    let options = ImportOptions {
        list_contacts: true,
        ..ImportOptions::default()
    };
    let first = run(&demo.db, &demo.admin, &csv, &options).await.unwrap();
    assert_eq!((first.imported, first.skipped), (2, 1), "{first:?}");
    assert_eq!(first.duplicate_groups, vec![vec![1, 2]]);
    let second = run(&demo.db, &demo.admin, &csv, &options).await.unwrap();
    assert_eq!((second.imported, second.skipped), (0, 3), "{second:?}");
    assert_eq!(second.matches.len(), 3);
    let created = run(
        &demo.db,
        &demo.admin,
        &csv,
        &ImportOptions {
            on_duplicate: OnDuplicate::Create,
            ..options.clone()
        },
    )
    .await
    .unwrap();
    assert_eq!(created.imported, 3);
    // One from the first import, two more from the third.
    assert_eq!(found(&demo.db, &demo.admin, "ada.obi").await, 3);
}

#[tokio::test]
async fn a_stored_contact_is_matched_by_every_record_with_its_key_however_far_apart() {
    let demo = demo_db(50).await;
    let dir = tempfile::tempdir().unwrap();
    let stored: Vec<(i64, String)> = sqlx::query_as(
        "SELECT min(contact_id), min(address) FROM contact_emails
         GROUP BY lower(address) HAVING count(*) = 1 ORDER BY 1 LIMIT 2",
    )
    .fetch_all(demo.db.reader())
    .await
    .unwrap();
    let [(first_id, first_email), (second_id, second_email)] = &stored[..] else {
        panic!("two stored addresses: {stored:?}");
    };
    // Records are looked up among the stored contacts 2,000 at a time, and each address only
    // in the batch where the file has it first: record 2,502 repeats record 1's, record 2,504
    // repeats 2,503's, which appears in the second batch only.
    let mut text = format!("First Name,Last Name,E-mail Address\nAnn,Early,{first_email}\n");
    for n in 2..=2_501 {
        text.push_str(&format!(
            "Filler,Person{n},filler{n}@newcomers.example.com\n"
        ));
    }
    text.push_str(&format!(
        "Ann,Later,{}\nBo,Late,{second_email}\nBo,Later,{second_email}\n",
        first_email.to_uppercase()
    ));
    let csv = write(dir.path(), "far-apart.csv", &text);
    let report = run(&demo.db, &demo.admin, &csv, &ImportOptions::default())
        .await
        .unwrap();
    assert_eq!(report.records, 2_504);
    assert_eq!(
        (report.imported, report.skipped),
        (2_500, 4),
        "{:?}",
        report.matches
    );
    let matched: Vec<(u64, Vec<String>)> = report
        .matches
        .iter()
        .map(|m| (m.record, m.contacts.clone()))
        .collect();
    assert_eq!(
        matched,
        [
            (1, vec![first_id.to_string()]),
            (2_502, vec![first_id.to_string()]),
            (2_503, vec![second_id.to_string()]),
            (2_504, vec![second_id.to_string()]),
        ]
    );
    assert_eq!(
        report.duplicate_groups,
        vec![vec![1, 2_502], vec![2_503, 2_504]]
    );
}

#[tokio::test]
async fn a_contact_created_then_updated_by_the_same_file_is_found_by_its_new_values() {
    let demo = demo_db(50).await;
    let dir = tempfile::tempdir().unwrap();
    let csv = write(
        dir.path(),
        "later.csv",
        "Name,Email,Company,Job Title\n\
         Ada Obi,ada.obi@lagoon.example.com,Lagoon Ltd,\n\
         Ada Obi,ada.obi@lagoon.example.com,Lagoon Ltd,Chief Hydrologist\n",
    );
    let options = ImportOptions {
        on_duplicate: OnDuplicate::Update,
        ..ImportOptions::default()
    };
    let report = run(&demo.db, &demo.admin, &csv, &options).await.unwrap();
    assert_eq!((report.imported, report.updated), (1, 1), "{report:?}");
    for (index, text) in [
        ("contact_words", "hydrologist"),
        ("contact_grams", "Hydrologist"),
    ] {
        let documents: i64 = sqlx::query_scalar(&format!(
            "SELECT count(*) FROM {index} WHERE {index} MATCH ?"
        ))
        .bind(text)
        .fetch_one(demo.db.reader())
        .await
        .unwrap();
        assert_eq!(documents, 1, "{index}");
    }
    assert_eq!(found(&demo.db, &demo.admin, "hydrologist").await, 1);
}

#[tokio::test]
async fn a_dry_run_or_a_cancelled_import_stores_nothing() {
    let demo = demo_db(50).await;
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("First Name,Last Name,E-mail Address\n");
    for i in 0..5_000 {
        text.push_str(&format!("Person{i},Family{i},p{i}@bulk.example.com\n"));
    }
    let csv = write(dir.path(), "many.csv", &text);
    let before = digest(&demo.db).await;
    let schema_before = schema(&demo.db).await;
    let dry = run(
        &demo.db,
        &demo.admin,
        &csv,
        &ImportOptions {
            dry_run: true,
            ..ImportOptions::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(dry.imported, 5_000);
    assert!(dry.import_id.is_none());
    assert_eq!(digest(&demo.db).await, before);

    let cancel = AtomicBool::new(false);
    let result = import::import_file(
        &demo.db,
        &demo.admin,
        &csv,
        &ImportOptions::default(),
        "GB",
        &mut |p| {
            if p.records >= 2_000 {
                cancel.store(true, Ordering::Relaxed);
            }
        },
        &cancel,
    )
    .await;
    assert!(matches!(result, Err(CoreError::Cancelled)), "{result:?}");
    assert_eq!(digest(&demo.db).await, before);
    // The list indexes the import dropped to store its contacts faster are back.
    assert_eq!(schema(&demo.db).await, schema_before);
    let imports: i64 = sqlx::query_scalar("SELECT count(*) FROM imports")
        .fetch_one(demo.db.reader())
        .await
        .unwrap();
    assert_eq!(imports, 0);
}

#[tokio::test]
async fn an_import_of_many_new_contacts_leaves_the_list_indexes_whole() {
    let demo = demo_db(50).await;
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("First Name,Last Name,Company,E-mail Address\n");
    for i in 0..6_000 {
        text.push_str(&format!(
            "Person{i},Family{:04},Firm {},p{i}@bulk.example.com\n",
            6_000 - i,
            i % 7
        ));
    }
    let csv = write(dir.path(), "many.csv", &text);
    let schema_before = schema(&demo.db).await;
    let report = run(&demo.db, &demo.admin, &csv, &ImportOptions::default())
        .await
        .unwrap();
    assert_eq!(report.imported, 6_000);
    assert_eq!(schema(&demo.db).await, schema_before);
    let check: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(demo.db.reader())
        .await
        .unwrap();
    assert_eq!(check, "ok");
    let total: i64 = sqlx::query_scalar("SELECT count(*) FROM contacts")
        .fetch_one(demo.db.reader())
        .await
        .unwrap();
    for index in rapport_core::store::bulk::LIST_INDEXES {
        let entries: i64 = sqlx::query_scalar(&format!(
            "SELECT count(*) FROM contacts INDEXED BY {index} WHERE id > 0"
        ))
        .fetch_one(demo.db.reader())
        .await
        .unwrap();
        assert_eq!(entries, total, "{index}");
    }
    // The list reads the rebuilt name order: the file wrote the family names in reverse.
    let query = ContactListQuery {
        limit: 100,
        ..Default::default()
    };
    let imported: Vec<String> = contacts::list(&demo.db, &demo.admin, &query)
        .await
        .unwrap()
        .rows
        .into_iter()
        .map(|r| r.display_name)
        .filter(|name| name.starts_with("Person"))
        .collect();
    assert!(imported.len() >= 40, "{imported:?}");
    for (i, name) in imported.iter().enumerate() {
        assert_eq!(*name, format!("Person{} Family{:04}", 5_999 - i, i + 1));
    }
}

#[tokio::test]
async fn a_manager_imports_only_into_a_site_of_their_territory() {
    let demo = demo_db(200).await;
    let dir = tempfile::tempdir().unwrap();
    let csv = write(
        dir.path(),
        "one.csv",
        "First Name,Last Name,E-mail Address\nIona,MacRath,iona.macrath@glen.example.com\n",
    );
    let manager = sign_in(&demo.db, "territory").await;
    let no_site = run(&demo.db, &manager, &csv, &ImportOptions::default()).await;
    assert!(
        matches!(&no_site, Err(CoreError::InvalidInput(p)) if p.field == "site"),
        "{no_site:?}"
    );
    let (inside, outside): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT min(s.id) FROM sites s JOIN territories t ON t.id = s.territory_id
                 WHERE t.code = 'UKI-SCO'),
                (SELECT min(s.id) FROM sites s JOIN territories t ON t.id = s.territory_id
                 WHERE t.code <> 'UKI-SCO')",
    )
    .fetch_one(demo.db.reader())
    .await
    .unwrap();
    let elsewhere = ImportOptions {
        site_id: Some(outside.to_string()),
        ..ImportOptions::default()
    };
    assert!(run(&demo.db, &manager, &csv, &elsewhere).await.is_err());
    let here = ImportOptions {
        site_id: Some(inside.to_string()),
        ..ImportOptions::default()
    };
    let report = run(&demo.db, &manager, &csv, &here).await.unwrap();
    assert_eq!(report.imported, 1);
    assert_eq!(found(&demo.db, &manager, "MacRath").await, 1);
    let billing = sign_in(&demo.db, "billing").await;
    assert!(matches!(
        run(&demo.db, &billing, &csv, &here).await,
        Err(CoreError::Forbidden { .. })
    ));
}

#[tokio::test]
async fn required_fields_reject_rows_by_name_and_unknown_ones_are_refused() {
    let demo = demo_db(20).await;
    let dir = tempfile::tempdir().unwrap();
    let csv = write(
        dir.path(),
        "req.csv",
        "First Name,Last Name,E-mail Address\nNoel,,noel@firth.example.com\nMai,Tran,\n",
    );
    let options = ImportOptions {
        require: vec!["family_name".into(), "email".into()],
        dry_run: true,
        ..ImportOptions::default()
    };
    let report = run(&demo.db, &demo.admin, &csv, &options).await.unwrap();
    let reasons: Vec<&str> = report.rejected.iter().map(|r| r.reason.as_str()).collect();
    assert_eq!(
        reasons,
        [
            "missing_required_field:family_name",
            "missing_required_field:email"
        ]
    );
    let bogus = ImportOptions {
        require: vec!["shoe_size".into()],
        ..ImportOptions::default()
    };
    let refused = run(&demo.db, &demo.admin, &csv, &bogus).await;
    assert!(
        matches!(&refused, Err(CoreError::InvalidInput(p)) if p.field == "require" && p.message.contains("shoe_size")),
        "{refused:?}"
    );
}

#[tokio::test]
async fn imported_numbers_are_listed_as_the_contact_form_would_show_them() {
    let demo = demo_db(10).await;
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "numbers.csv",
        "First Name,Last Name,Mobile Phone,Business Phone\n\
         Ines,Calloway,07700 900123,+1 212 555 0199\n\
         Rafe,Dunmore,+1 212 555 0142 x7,\n",
    );
    let report = run(&demo.db, &demo.admin, &file, &ImportOptions::default())
        .await
        .unwrap();
    assert_eq!(report.imported, 2, "{report:?}");
    // The list shows what the contact form would have stored for the same numbers.
    for (name, shown) in [
        (
            "Calloway",
            rapport_core::phone::display("+447700900123", None, "GB"),
        ),
        (
            "Dunmore",
            rapport_core::phone::display("+12125550142", Some("7"), "GB"),
        ),
    ] {
        let query = ContactListQuery {
            search: Some(name.into()),
            limit: 10,
            ..Default::default()
        };
        let rows = contacts::list(&demo.db, &demo.admin, &query)
            .await
            .unwrap()
            .rows;
        assert_eq!(rows.len(), 1, "{name}");
        assert_eq!(rows[0].phone.as_deref(), Some(shown.as_str()), "{name}");
    }
}

#[tokio::test]
async fn a_birthday_without_a_year_stays_without_one() {
    let demo = demo_db(10).await;
    let card = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../tests/fixtures/vobject__simple_3_0_test.vcf");
    let options = ImportOptions {
        list_contacts: true,
        ..ImportOptions::default()
    };
    let report = run(&demo.db, &demo.admin, &card, &options).await.unwrap();
    assert_eq!(
        report.contacts[0].fields.birthday.as_deref(),
        Some("--02-10")
    );
    let id = report.contacts[0].id.clone().unwrap();
    let export = rapport_core::contact::privacy::export_person(&demo.db, &demo.admin, &id, "GB")
        .await
        .unwrap();
    assert!(export.vcard.contains("BDAY:--0210"), "{}", export.vcard);
}

#[tokio::test]
async fn the_organisation_policy_requires_fields_for_every_import_and_only_admins_set_it() {
    let demo = demo_db(20).await;
    let dir = tempfile::tempdir().unwrap();
    let csv = write(
        dir.path(),
        "policy.csv",
        "First Name,Last Name,Company\nNoel,Firth,\nMai,Tran,Harbourline\n",
    );
    let manager = sign_in(&demo.db, "territory").await;
    let refused = import::save_policy(
        &demo.db,
        &manager,
        import::ImportPolicy {
            required: vec!["organization".into()],
            requirable: Vec::new(),
        },
    )
    .await;
    assert!(
        matches!(refused, Err(CoreError::Forbidden { .. })),
        "{refused:?}"
    );
    let unknown = import::save_policy(
        &demo.db,
        &demo.admin,
        import::ImportPolicy {
            required: vec!["shoe_size".into()],
            requirable: Vec::new(),
        },
    )
    .await;
    assert!(
        matches!(&unknown, Err(CoreError::InvalidInput(p)) if p.field == "required"),
        "{unknown:?}"
    );
    import::save_policy(
        &demo.db,
        &demo.admin,
        import::ImportPolicy {
            required: vec!["organization".into(), "organization".into()],
            requirable: Vec::new(),
        },
    )
    .await
    .unwrap();
    let policy = import::load_policy(&demo.db).await.unwrap();
    assert_eq!(policy.required, ["organization"]);
    assert_eq!(policy.requirable.len(), 10);

    let options = ImportOptions {
        dry_run: true,
        ..ImportOptions::default()
    };
    let report = run(&demo.db, &demo.admin, &csv, &options).await.unwrap();
    let rejected: Vec<(u64, &str)> = report
        .rejected
        .iter()
        .map(|r| (r.record, r.reason.as_str()))
        .collect();
    assert_eq!(rejected, [(1, "missing_required_field:organization")]);
    let audited: i64 =
        sqlx::query_scalar("SELECT count(*) FROM audit_events WHERE entity = 'import_policy'")
            .fetch_one(demo.db.reader())
            .await
            .unwrap();
    assert_eq!(audited, 1);
}

#[tokio::test]
async fn an_organisation_naming_an_account_is_linked_and_any_other_is_flagged() {
    let demo = demo_db(50).await;
    let dir = tempfile::tempdir().unwrap();
    let account: String = sqlx::query_scalar("SELECT name FROM accounts ORDER BY id LIMIT 1")
        .fetch_one(demo.db.reader())
        .await
        .unwrap();
    let shouted = account.to_uppercase();
    assert_ne!(
        shouted, account,
        "the test needs a name with lower-case letters"
    );
    let csv = write(
        dir.path(),
        "orgs.csv",
        &format!(
            "First Name,Last Name,Company\r\nAda,Kowalczyk,{shouted}\r\nBen,Osei,Nowhere Widgets Ltd\r\n"
        ),
    );
    let options = ImportOptions {
        dry_run: true,
        list_contacts: true,
        ..ImportOptions::default()
    };
    let report = run(&demo.db, &demo.admin, &csv, &options).await.unwrap();
    let linked = &report.contacts[0];
    assert_eq!(
        linked.fields.organization.as_deref(),
        Some(account.as_str())
    );
    assert!(linked.warnings.is_empty(), "{:?}", linked.warnings);
    let other = &report.contacts[1];
    assert_eq!(
        other.fields.organization.as_deref(),
        Some("Nowhere Widgets Ltd")
    );
    assert_eq!(
        other.warnings,
        ["Organisation \"Nowhere Widgets Ltd\" is not an account yet; kept as text."]
    );
}

#[tokio::test]
async fn the_preview_lists_rows_problems_and_matches_by_name_and_changes_nothing() {
    let demo = demo_db(300).await;
    let dir = tempfile::tempdir().unwrap();
    let (existing_id, existing_email, existing_name): (i64, String, String) = sqlx::query_as(
        "SELECT e.contact_id, e.address, c.display_name FROM contact_emails e
         JOIN contacts c ON c.id = e.contact_id
         WHERE lower(e.address) IN (SELECT lower(address) FROM contact_emails
                                    GROUP BY lower(address) HAVING count(*) = 1)
         ORDER BY e.contact_id LIMIT 1",
    )
    .fetch_one(demo.db.reader())
    .await
    .unwrap();
    let csv = write(
        dir.path(),
        "preview.csv",
        &format!(
            "First Name,Last Name,E-mail Address,Notes\r\n\
             Zoë,Quennell-Abara,zoe.q@harbourline.example.com,first\r\n\
             ,,{existing_email},known\r\n\
             Piet,Verloren,piet@nodot,bad email\r\n\
             Zoe,Q,ZOE.Q@harbourline.example.com,same as 1\r\n"
        ),
    );
    let before = digest(&demo.db).await;
    let options = ImportOptions {
        decisions: [(2, OnDuplicate::Update)].into_iter().collect(),
        ..ImportOptions::default()
    };
    let preview = import::preview_file(
        &demo.db,
        &demo.admin,
        &csv,
        &options,
        "GB",
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .await
    .unwrap();
    assert_eq!(digest(&demo.db).await, before, "a preview stores nothing");
    assert_eq!(
        (
            preview.records,
            preview.to_create,
            preview.to_update,
            preview.to_skip,
            preview.rejected
        ),
        (4, 1, 1, 1, 1)
    );
    assert_eq!(preview.duplicates, 2);
    let headers: Vec<(&str, &str)> = preview
        .columns
        .iter()
        .map(|c| (c.header.as_str(), c.field.as_str()))
        .collect();
    assert_eq!(
        headers,
        [
            ("First Name", "given_name"),
            ("Last Name", "family_name"),
            ("E-mail Address", "email.other"),
            ("Notes", "notes")
        ]
    );
    assert_eq!(preview.columns[3].samples, ["first", "known", "bad email"]);
    let rows: Vec<(u32, import::preview::PreviewAction)> = preview
        .rows
        .iter()
        .map(|r| (r.record, r.action.clone()))
        .collect();
    use import::preview::PreviewAction::*;
    assert_eq!(rows, [(1, Create), (2, Update), (3, Reject), (4, Skip)]);
    assert_eq!(preview.rows[0].name, "Zoë Quennell-Abara");
    let known = &preview.rows[1];
    assert_eq!(known.matches.len(), 1);
    assert_eq!(known.matches[0].id, existing_id.to_string());
    assert_eq!(known.matches[0].name, existing_name);
    assert_eq!(known.match_reasons, ["email"]);
    let bad = preview.rows[2].problem.as_ref().unwrap();
    assert_eq!(
        (bad.reason.as_str(), bad.field.as_deref()),
        ("invalid_email", Some("emails.0"))
    );
    assert_eq!(preview.rows[3].same_as_record, Some(1));
    assert!(preview.refused.is_none() && !preview.truncated);

    let empty = write(dir.path(), "empty.csv", "");
    let refused = import::preview_file(
        &demo.db,
        &demo.admin,
        &empty,
        &ImportOptions::default(),
        "GB",
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .await
    .unwrap();
    assert_eq!(refused.refused.unwrap().reason, "empty_file");
}

/// People imported without a last name are the data-quality report's "No last name" finding,
/// and only they are: a name that folds away to nothing still counts as a last name.
#[tokio::test]
async fn the_data_quality_report_counts_people_imported_without_a_last_name() {
    use rapport_core::model::{ReportKind, ReportRequest};
    let demo = demo_db(30).await;
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "names.csv",
        "First Name,Last Name,E-mail Address\n\
         Ines,,ines@calloway.example.com\n\
         Rafe,   ,rafe@dunmore.example.com\n\
         Odile,-,odile@marchetti.example.com\n\
         Pavel,Dvořák,pavel@dvorak.example.com\n",
    );
    let report = run(&demo.db, &demo.admin, &file, &ImportOptions::default())
        .await
        .unwrap();
    assert_eq!(report.imported, 4, "{report:?}");
    let (without_last_name,): (i64,) = sqlx::query_as(
        "SELECT count(*) FROM contacts WHERE erased_at IS NULL AND trim(last_name) = ''",
    )
    .fetch_one(demo.db.reader())
    .await
    .unwrap();
    assert!(without_last_name >= 2, "{without_last_name}");
    let request = ReportRequest {
        kind: ReportKind::DataQuality,
        period: None,
    };
    let quality = rapport_core::report::build(&demo.db, &demo.admin, &request, chrono::Utc::now())
        .await
        .unwrap();
    let findings = quality
        .sections
        .iter()
        .find(|s| s.title == "Findings")
        .unwrap();
    let row = findings
        .rows
        .iter()
        .find(|r| r[0] == "No last name")
        .unwrap();
    assert_eq!(row[1], without_last_name.to_string());
}
