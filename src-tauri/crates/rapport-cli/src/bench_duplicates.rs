//! `rapport bench --duplicates N`: a labelled synthetic set for the duplicate scan. N contacts
//! of the demo organisation are loaded through the core's bulk path; about one in eleven is a
//! planted second record of the contact before it, changed as people change them (a typo in a
//! name, first and family name swapped, a nickname, a transliteration; the email in other
//! case, the phone written with a trunk zero, the email or the phones missing). The scan's
//! groups are scored against those labels (precision, recall, F1), the wizard's check of one
//! new contact is timed, and raw SQLite reads the same rows in the same run as the reference.
//!
//! The set's "different people" are different: a generated person whose email, or whose name
//! at the same company, is already taken is left out (the demo generator draws names from
//! short lists, so a million contacts would otherwise hold thousands of same-name colleagues
//! sharing one address, which no reader could tell apart either).

use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rapport_core::contact::{duplicate_scan, duplicates, name_match};
use rapport_core::demo::{self, ContactGenerator, DemoOptions};
use rapport_core::model::{
    ContactInput, DuplicateScanOptions, EmailInput, PhoneInput, SiteAssociationInput,
};
use rapport_core::store::bulk::{self, ContactRecord};
use rapport_core::text::fold;
use rapport_core::{Database, DatabaseKey};
use serde::Serialize;

/// One contact in this many (about) gets a planted second record.
const PLANT_ONE_IN: f64 = 10.0;
/// Checks of one new contact timed.
const CHECKS: usize = 1_000;

#[derive(Serialize)]
pub struct DuplicatesReport {
    contacts: u64,
    planted_pairs: u64,
    create_seconds: f64,
    scan_seconds: f64,
    pairs_compared: u32,
    groups: usize,
    predicted_pairs: u64,
    true_positives: u64,
    precision: f64,
    recall: f64,
    f1: f64,
    /// Recall of the planted pairs by the change made to the second record.
    recall_by_change: BTreeMap<String, f64>,
    check_one_mean_ms: f64,
    check_one_p95_ms: f64,
    /// Raw SQLite (rusqlite, same file and key) reading what the scan reads with the same
    /// plain queries, without the scope clause.
    baseline_read_seconds: f64,
}

struct Labelled {
    records: Vec<ContactRecord>,
    /// (original id, planted id) and the changes made.
    planted: Vec<(i64, i64, Vec<&'static str>)>,
}

pub async fn run(
    dir: &Path,
    n: u64,
    seed: u64,
    json: bool,
    say: &dyn Fn(&str),
) -> anyhow::Result<()> {
    let options = DemoOptions {
        contacts: n,
        seed,
        now: chrono::Utc::now(),
    };
    say(&format!("generating {n} contacts with planted duplicates…"));
    let org = demo::organisation(options);
    let labelled = generate(&org, options);

    let key = DatabaseKey::generate();
    let path = dir.join("duplicates.sqlite3");
    if path.exists() {
        anyhow::bail!("{} already exists; use an empty --dir", path.display());
    }
    say("loading them through the core's bulk path…");
    let started = Instant::now();
    let db = Database::create(&path, &key).await?;
    bulk::insert_organisation(&db, &org).await?;
    bulk::insert_contacts(
        &db,
        demo::HOME_COUNTRY,
        n,
        labelled.records.chunks(5_000),
        |_| {},
    )
    .await?;
    demo::users::create(&db, options.now).await?;
    let create_seconds = started.elapsed().as_secs_f64();
    let admin = crate::bench::sign_in(&db, "admin").await?;

    say("scanning…");
    let started = Instant::now();
    let scan = duplicate_scan::scan(
        &db,
        &admin,
        DuplicateScanOptions::default(),
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .await?;
    let scan_seconds = started.elapsed().as_secs_f64();

    // Predicted pairs: every pair within a group.
    let mut predicted: HashSet<(i64, i64)> = HashSet::new();
    for group in &scan.groups {
        let ids: Vec<i64> = group
            .contacts
            .iter()
            .filter_map(|id| id.parse().ok())
            .collect();
        for (p, a) in ids.iter().enumerate() {
            for b in &ids[p + 1..] {
                predicted.insert((*a.min(b), *a.max(b)));
            }
        }
    }
    let mut found_by_change: BTreeMap<&str, (u64, u64)> = BTreeMap::new();
    let mut true_positives = 0u64;
    for (a, b, changes) in &labelled.planted {
        let found = predicted.contains(&(*a, *b));
        true_positives += u64::from(found);
        for change in changes {
            let entry = found_by_change.entry(change).or_default();
            entry.0 += u64::from(found);
            entry.1 += 1;
        }
    }
    let planted = labelled.planted.len() as u64;
    let precision = true_positives as f64 / predicted.len().max(1) as f64;
    let recall = true_positives as f64 / planted.max(1) as f64;
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };

    say("checking single new contacts as the wizard does…");
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5ca1_ab1e);
    let mut times = Vec::with_capacity(CHECKS);
    for _ in 0..CHECKS {
        let record = &labelled.records[rng.gen_range(0..labelled.records.len())];
        let input = typed_input(record, &mut rng);
        let started = Instant::now();
        duplicates::candidates(&db, &admin, &input, demo::HOME_COUNTRY, None).await?;
        times.push(started.elapsed().as_secs_f64() * 1_000.0);
    }
    let mean = times.iter().sum::<f64>() / times.len().max(1) as f64;
    times.sort_by(f64::total_cmp);
    let p95 = times
        .get(((times.len() as f64 * 0.95) as usize).min(times.len().saturating_sub(1)))
        .copied()
        .unwrap_or(0.0);
    db.close().await;

    say("raw SQLite reading the same rows…");
    let baseline_read_seconds = raw_read(&path, &key)?;

    let round = |v: f64, places: i32| {
        let f = 10f64.powi(places);
        (v * f).round() / f
    };
    let report = DuplicatesReport {
        contacts: n,
        planted_pairs: planted,
        create_seconds: round(create_seconds, 2),
        scan_seconds: round(scan_seconds, 2),
        pairs_compared: scan.pairs_compared,
        groups: scan.groups.len(),
        predicted_pairs: predicted.len() as u64,
        true_positives,
        precision: round(precision, 4),
        recall: round(recall, 4),
        f1: round(f1, 4),
        recall_by_change: found_by_change
            .into_iter()
            .map(|(k, (f, t))| (k.to_string(), round(f as f64 / t.max(1) as f64, 4)))
            .collect(),
        check_one_mean_ms: round(mean, 3),
        check_one_p95_ms: round(p95, 3),
        baseline_read_seconds: round(baseline_read_seconds, 2),
    };
    crate::emit(&serde_json::to_string(&report)?)?;
    if !json {
        eprintln!(
            "{} contacts scanned in {:.2} s ({} pairs compared); raw SQLite reads the same rows \
             in {:.2} s",
            n, report.scan_seconds, report.pairs_compared, report.baseline_read_seconds
        );
        eprintln!(
            "precision {:.4}, recall {:.4}, F1 {:.4} on {} planted pairs; one new contact \
             checked in {:.2} ms (mean), {:.2} ms (p95)",
            report.precision,
            report.recall,
            report.f1,
            planted,
            report.check_one_mean_ms,
            report.check_one_p95_ms
        );
    }
    Ok(())
}

/// The demo generator's people (its own planted near-duplicates left out, and anyone whose
/// email or name at the company is taken), each followed now and then by a changed copy.
fn generate(org: &bulk::OrganisationRecords, options: DemoOptions) -> Labelled {
    let n = options.contacts as usize;
    let mut generator = ContactGenerator::new(org, options);
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed ^ 0xd0b1_e5ca);
    let mut emails: HashSet<String> = HashSet::new();
    let mut people: HashSet<(String, String, String)> = HashSet::new();
    let mut records = Vec::with_capacity(n);
    let mut planted = Vec::new();
    while records.len() < n {
        let mut record = generator.next_contact();
        if (record.id as u64).is_multiple_of(demo::DUPLICATE_EVERY) {
            continue;
        }
        let person = (
            fold(&record.first_name),
            fold(&record.last_name),
            record.company.clone().unwrap_or_default(),
        );
        let addresses: Vec<String> = record
            .emails
            .iter()
            .map(|e| e.address.to_lowercase())
            .collect();
        if people.contains(&person) || addresses.iter().any(|a| emails.contains(a)) {
            continue;
        }
        people.insert(person);
        emails.extend(addresses);
        record.id = records.len() as i64 + 1;
        records.push(record);
        if records.len() < n && rng.gen_bool(1.0 / PLANT_ONE_IN) {
            let original = records[records.len() - 1].clone();
            let (mut copy, changes) = plant(&original, &mut rng);
            copy.id = records.len() as i64 + 1;
            planted.push((original.id, copy.id, changes));
            records.push(copy);
        }
    }
    Labelled { records, planted }
}

/// A second record of the same person: one change to the name, one to the contact details.
fn plant(original: &ContactRecord, rng: &mut ChaCha8Rng) -> (ContactRecord, Vec<&'static str>) {
    let mut copy = original.clone();
    for site in &mut copy.sites {
        site.is_primary = false;
    }
    let mut changes = Vec::new();
    let name_change = match rng.gen_range(0..5) {
        0 => "typo in given name",
        1 => "names swapped",
        2 => "nickname",
        3 => "transliteration",
        _ => "typo in family name",
    };
    let done = match name_change {
        "typo in given name" => {
            copy.first_name = typo(&copy.first_name, rng);
            true
        }
        "names swapped" => {
            std::mem::swap(&mut copy.first_name, &mut copy.last_name);
            copy.preferred_name = None;
            true
        }
        "nickname" => match name_match::nickname_of(&copy.first_name) {
            Some(nick) => {
                copy.first_name = capitalise(nick);
                copy.preferred_name = None;
                true
            }
            None => false,
        },
        "transliteration" => match transliterated(&copy.last_name) {
            Some(other) => {
                copy.last_name = other;
                true
            }
            None => match transliterated(&copy.first_name) {
                Some(other) => {
                    copy.first_name = other;
                    true
                }
                None => false,
            },
        },
        _ => false,
    };
    if done {
        changes.push(name_change);
    } else {
        copy.last_name = typo(&copy.last_name, rng);
        changes.push("typo in family name");
    }

    let detail = match rng.gen_range(0..4) {
        0 => "email case",
        1 => "phone format",
        2 if !copy.phones.is_empty() => "email missing",
        3 if !copy.emails.is_empty() => "phones missing",
        _ => "email case",
    };
    match detail {
        "email missing" => copy.emails.clear(),
        "phones missing" => copy.phones.clear(),
        "phone format" if !copy.phones.is_empty() => {
            // A trunk zero kept after the country code, as a careless import stores it.
            for phone in &mut copy.phones {
                if phone.e164.len() > 4 {
                    phone.e164.insert(3, '0');
                }
            }
        }
        _ => {
            for email in &mut copy.emails {
                email.address = email.address.to_uppercase();
            }
        }
    }
    changes.push(if detail == "phone format" && original.phones.is_empty() {
        "email case"
    } else {
        detail
    });
    if rng.gen_bool(0.5) {
        copy.addresses.clear();
    }
    (copy, changes)
}

/// One slip of the keyboard after the first letter: two letters swapped, one dropped or one
/// doubled.
fn typo(name: &str, rng: &mut ChaCha8Rng) -> String {
    let mut chars: Vec<char> = name.chars().collect();
    if chars.len() < 3 {
        let last = chars.last().copied().unwrap_or('e');
        chars.push(last);
        return chars.into_iter().collect();
    }
    let at = rng.gen_range(1..chars.len() - 1);
    match rng.gen_range(0..3) {
        0 => chars.swap(at, at + 1),
        1 => {
            chars.remove(at);
        }
        _ => chars.insert(at, chars[at]),
    }
    chars.into_iter().collect()
}

/// The name as another system would have written it: umlauts spelt out, or accents dropped.
fn transliterated(name: &str) -> Option<String> {
    if name.chars().any(|c| "äöüÄÖÜß".contains(c)) {
        let mut out = String::new();
        for c in name.chars() {
            match c {
                'ä' => out.push_str("ae"),
                'ö' => out.push_str("oe"),
                'ü' => out.push_str("ue"),
                'Ä' => out.push_str("Ae"),
                'Ö' => out.push_str("Oe"),
                'Ü' => out.push_str("Ue"),
                'ß' => out.push_str("ss"),
                c => out.push(c),
            }
        }
        return Some(out);
    }
    let plain = capitalise(&fold(name));
    (plain != name
        && plain
            .chars()
            .all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '-'))
    .then_some(plain)
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A new contact as someone types it in the wizard: a stored person's name with a slip, their
/// email and phone, at their site.
fn typed_input(record: &ContactRecord, rng: &mut ChaCha8Rng) -> ContactInput {
    ContactInput {
        first_name: record.first_name.clone(),
        last_name: if rng.gen_bool(0.5) {
            typo(&record.last_name, rng)
        } else {
            record.last_name.clone()
        },
        emails: record
            .emails
            .iter()
            .take(1)
            .map(|e| EmailInput {
                kind: e.kind,
                address: e.address.clone(),
            })
            .collect(),
        phones: record
            .phones
            .iter()
            .take(1)
            .map(|p| PhoneInput {
                kind: p.kind,
                number: p.e164.clone(),
                country: String::new(),
                extension: p.extension.clone(),
            })
            .collect(),
        sites: record
            .sites
            .iter()
            .map(|s| SiteAssociationInput {
                site_id: s.site_id.to_string(),
                role: s.role,
                authority_limit: None,
            })
            .collect(),
        ..Default::default()
    }
}

/// Seconds for raw SQLite to read what the scan reads (every contact, email, phone, site, site
/// link and address row) with the same plain queries, without the scope clause.
fn raw_read(path: &Path, key: &DatabaseKey) -> anyhow::Result<f64> {
    let conn = crate::bench::raw_connection(path, key)?;
    let started = Instant::now();
    for sql in [
        "SELECT contact_id, address FROM contact_emails ORDER BY contact_id, id",
        "SELECT contact_id, e164 FROM contact_phones ORDER BY contact_id, id",
        "SELECT id, account_id FROM sites",
        "SELECT contact_id, site_id FROM contact_sites ORDER BY contact_id",
        "SELECT contact_id, city, postal_code FROM contact_addresses ORDER BY contact_id, id",
        "SELECT c.id, c.first_name, c.last_name, c.preferred_name, c.company_key
         FROM contacts c WHERE c.erased_at IS NULL ORDER BY c.id",
    ] {
        let mut statement = conn.prepare(sql)?;
        let columns = statement.column_count();
        let mut result = statement.query([])?;
        while let Some(row) = result.next()? {
            for column in 0..columns {
                let _: rusqlite::types::Value = row.get(column)?;
            }
        }
    }
    Ok(started.elapsed().as_secs_f64())
}
