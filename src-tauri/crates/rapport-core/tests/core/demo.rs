use std::collections::HashMap;

use rapport_core::demo::{self, ContactGenerator, DemoOptions};
use rapport_core::model::{ContactListQuery, PhoneKind};

use crate::{demo_db, fixed_now, walk};

fn options(contacts: u64, seed: u64) -> DemoOptions {
    DemoOptions {
        contacts,
        seed,
        now: fixed_now(),
    }
}

#[tokio::test]
async fn the_default_demo_has_the_promised_shape() {
    let demo = demo_db(demo::DEFAULT_CONTACTS).await;
    let pool = demo.db.reader();
    let count = |sql: &'static str| async move {
        sqlx::query_scalar::<_, i64>(sql)
            .fetch_one(pool)
            .await
            .unwrap()
    };
    assert_eq!(count("SELECT count(*) FROM regions").await, 5);
    assert_eq!(count("SELECT count(*) FROM territories").await, 20);
    assert_eq!(count("SELECT count(*) FROM accounts").await, 200);
    let sites = count("SELECT count(*) FROM sites").await;
    assert!((450..=750).contains(&sites), "about 600 sites, got {sites}");
    assert_eq!(count("SELECT count(*) FROM contacts").await, 5_000);
    assert_eq!(
        count(
            "SELECT count(*) FROM contacts WHERE id NOT IN (SELECT contact_id FROM contact_sites)"
        )
        .await,
        0,
        "every demo contact works at a site"
    );
    let stale = count(
        "SELECT count(*) FROM contacts WHERE verified_at IS NULL OR verified_at < '2026-05-01'",
    )
    .await;
    assert!(
        stale > 500,
        "contacts not verified for months are planted, got {stale}"
    );
}

#[test]
fn the_same_seed_gives_the_same_people_and_another_seed_does_not() {
    let org = demo::organisation(options(400, 7));
    let a: Vec<_> = ContactGenerator::new(&org, options(400, 7))
        .batches(100)
        .flatten()
        .collect();
    let b: Vec<_> = ContactGenerator::new(&org, options(400, 7))
        .batches(100)
        .flatten()
        .collect();
    let names = |v: &[rapport_core::store::bulk::ContactRecord]| {
        v.iter()
            .map(|c| {
                (
                    c.display_name(),
                    c.emails.first().map(|e| e.address.clone()),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&a), names(&b));
    let other_org = demo::organisation(options(400, 8));
    let c: Vec<_> = ContactGenerator::new(&other_org, options(400, 8))
        .batches(100)
        .flatten()
        .collect();
    assert_ne!(names(&a), names(&c));
}

#[test]
fn demo_phone_numbers_are_valid_in_their_countries() {
    let org = demo::organisation(options(3_000, 1));
    let mut checked = 0;
    let mut invalid = Vec::new();
    let mut countries = HashMap::new();
    for contact in ContactGenerator::new(&org, options(3_000, 1))
        .batches(500)
        .flatten()
    {
        for phone in &contact.phones {
            let number = phonenumber::parse(None, &phone.e164)
                .unwrap_or_else(|e| panic!("{} does not parse: {e}", phone.e164));
            if !phonenumber::is_valid(&number) {
                invalid.push(format!("{} ({:?})", phone.e164, phone.kind));
            }
            if phone.kind == PhoneKind::Office {
                *countries.entry(number.code().value()).or_insert(0) += 1;
            }
            checked += 1;
        }
    }
    invalid.sort();
    invalid.dedup_by(|a, b| a[..7] == b[..7]);
    assert!(
        invalid.is_empty(),
        "invalid numbers (one per prefix): {invalid:?}"
    );
    assert!(checked > 3_000);
    assert!(
        countries.len() >= 12,
        "phones in many countries: {countries:?}"
    );
}

#[test]
fn names_come_in_several_scripts() {
    let org = demo::organisation(options(3_000, 1));
    let people: Vec<_> = ContactGenerator::new(&org, options(3_000, 1))
        .batches(500)
        .flatten()
        .collect();
    let has = |f: fn(char) -> bool| people.iter().any(|c| c.last_name.chars().any(f));
    assert!(has(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)), "Han");
    assert!(has(|c| ('\u{AC00}'..='\u{D7AF}').contains(&c)), "Hangul");
    assert!(has(|c| ('\u{0370}'..='\u{03FF}').contains(&c)), "Greek");
    assert!(has(|c| "äöüßłśéó".contains(c)), "Latin with diacritics");
    for contact in &people {
        for email in &contact.emails {
            assert!(
                email.address.is_ascii() && email.address.contains('@'),
                "{}",
                email.address
            );
        }
    }
}

#[tokio::test]
async fn near_duplicates_are_planted() {
    let demo = demo_db(2_000).await;
    let rows = walk(
        &demo.db,
        &demo.admin,
        ContactListQuery {
            limit: 500,
            ..Default::default()
        },
    )
    .await;
    let mut by_email: HashMap<String, Vec<String>> = HashMap::new();
    for row in &rows {
        if let Some(email) = &row.email {
            by_email
                .entry(email.to_lowercase())
                .or_default()
                .push(row.id.clone());
        }
    }
    let case_twins = by_email.values().filter(|ids| ids.len() > 1).count();
    assert!(
        case_twins >= 15,
        "people entered twice with the email in another case: {case_twins}"
    );
    let exact: Vec<_> = rows.iter().filter_map(|r| r.email.clone()).collect();
    let distinct_exact: std::collections::HashSet<_> = exact.iter().collect();
    assert!(
        distinct_exact.len() > by_email.len(),
        "the twins differ in case, not only in identity"
    );
}
