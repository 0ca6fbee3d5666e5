//! The duplicate scan of the whole database: every contact the user may see is read once, given
//! a few blocking keys (email, email name, phone digits, family name with initial, sorted names
//! for swaps, Soundex with the given name behind any nickname), and compared only with the
//! contacts sharing a key. Pairs that score high enough are joined into groups (union-find).
//!
//! Blocks are capped: a block bigger than `MAX_BLOCK` (a common name, a switchboard number) is
//! sorted by name and each contact compared with its next `WINDOW` neighbours only, so the work
//! stays near-linear in the number of contacts however skewed the keys are.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::access::{authorize, Action, Actor};
use crate::contact::name_match::{self, PersonName};
use crate::error::{CoreError, CoreResult};
use crate::model::{DuplicateGroup, DuplicateScan, DuplicateScanOptions, DuplicateScanProgress};
use crate::store::duplicate_scan::{self as rows, ScanRow};
use crate::text::fold;
use crate::Database;

/// Blocks up to this size are compared pair by pair.
const MAX_BLOCK: usize = 16;
/// Neighbours each contact of a bigger block is compared with, in name order.
const WINDOW: usize = 4;
/// Pairs compared between progress reports and cancellation checks.
const CHUNK: usize = 200_000;
/// Points taken off a pair whose two records work for different customers or companies
/// (and share no email address): a likely pair becomes a possible one, for a person to judge.
const DIFFERENT_EMPLOYER: f64 = 25.0;
/// Trailing digits of a phone number that identify it whatever prefix it was written with.
const PHONE_DIGITS: usize = 9;

/// Two contacts' indexes, their score and reasons.
type KeptPair = (u32, u32, u32, Vec<String>);

/// One contact as the scan holds it.
#[derive(Debug)]
pub(crate) struct Person {
    id: i64,
    name: PersonName,
    /// Lower-cased addresses.
    emails: Vec<String>,
    /// Trailing digits of each number.
    phones: Vec<String>,
    accounts: Vec<i64>,
    company: String,
    city: String,
    postal_code: String,
}

impl Person {
    fn from_row(row: ScanRow) -> Self {
        let mut emails: Vec<String> = row
            .emails
            .iter()
            .map(|e| e.trim().to_lowercase())
            .filter(|e| !e.is_empty())
            .collect();
        emails.sort_unstable();
        emails.dedup();
        let mut phones: Vec<String> = row.phones.iter().filter_map(|p| phone_digits(p)).collect();
        phones.sort_unstable();
        phones.dedup();
        let mut accounts = row.accounts;
        accounts.sort_unstable();
        accounts.dedup();
        Self {
            id: row.id,
            name: PersonName::new(
                &row.first_name,
                &row.last_name,
                row.preferred_name.as_deref(),
            ),
            emails,
            phones,
            accounts,
            company: row.company_key,
            city: row.city.map(|c| fold(c.trim())).unwrap_or_default(),
            postal_code: row
                .postal_code
                .map(|p| {
                    p.chars()
                        .filter(|c| c.is_alphanumeric())
                        .collect::<String>()
                })
                .map(|p| p.to_uppercase())
                .unwrap_or_default(),
        }
    }

    /// The blocking keys, as hashes tagged by kind.
    fn keys(&self) -> Vec<u64> {
        let mut keys = Vec::with_capacity(8);
        for email in &self.emails {
            keys.push(hash(b'e', &[email]));
            if let Some((local, _)) = email.split_once('@') {
                if local.chars().count() >= 3 {
                    keys.push(hash(b'l', &[local]));
                }
            }
        }
        for phone in &self.phones {
            keys.push(hash(b'p', &[phone]));
        }
        let name = &self.name;
        if !name.last.is_empty() {
            let initial: String = name.canonical_first.chars().take(1).collect();
            keys.push(hash(b'n', &[&name.last, &initial]));
            if !name.first.is_empty() {
                let (low, high) = if name.first <= name.last {
                    (&name.first, &name.last)
                } else {
                    (&name.last, &name.first)
                };
                keys.push(hash(b's', &[low, high]));
                keys.push(hash(
                    b'k',
                    &[&name_match::soundex(&name.last), &name.canonical_first],
                ));
            }
        }
        keys.sort_unstable();
        keys.dedup();
        keys
    }
}

/// The last `PHONE_DIGITS` digits of a number: "+44 20 7946 0000", "+44 020 7946 0000" and
/// "020 7946 0000" agree.
fn phone_digits(number: &str) -> Option<String> {
    let digits: Vec<char> = number.chars().filter(char::is_ascii_digit).collect();
    (digits.len() >= 6).then(|| {
        digits[digits.len().saturating_sub(PHONE_DIGITS)..]
            .iter()
            .collect()
    })
}

/// FNV-1a over a tag and parts: stable across runs and platforms.
fn hash(tag: u8, parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |byte: u8| {
        h ^= u64::from(byte);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    eat(tag);
    for part in parts {
        for byte in part.bytes() {
            eat(byte);
        }
        eat(0x1f);
    }
    h
}

/// A pair's score and why, when the two can be the same person.
pub(crate) fn score_pair(a: &Person, b: &Person) -> Option<(u32, Vec<String>)> {
    let same_email = shares(&a.emails, &b.emails);
    let same_phone = shares(&a.phones, &b.phones);
    let name = name_match::compare(&a.name, &b.name, same_email || same_phone)?;
    let mut points = 40.0 * name.similarity;
    let mut reasons: Vec<String> = Vec::with_capacity(4);
    if same_email {
        points += 45.0;
        reasons.push("same email".into());
    } else if shares_local_part(&a.emails, &b.emails) {
        points += 20.0;
        reasons.push("same email name".into());
    }
    if same_phone {
        points += 35.0;
        reasons.push("same phone".into());
    }
    reasons.push(name.reason);
    if shares(&a.accounts, &b.accounts) {
        points += 15.0;
        reasons.push("same account".into());
    } else if !a.company.is_empty() && a.company == b.company {
        points += 10.0;
        reasons.push("same company".into());
    } else if !same_email && works_elsewhere(a, b) {
        // Namesakes at two customers can share a switchboard number or an email name
        // (jane.smith@ at both); only one address at two employers is the same person for sure.
        points -= DIFFERENT_EMPLOYER;
        reasons.push("different company".into());
    }
    if !a.postal_code.is_empty() && a.postal_code == b.postal_code {
        points += 5.0;
        reasons.push("same postcode".into());
    } else if !a.city.is_empty() && a.city == b.city {
        points += 3.0;
        reasons.push("same city".into());
    }
    Some(((points.max(0.0).round() as u32).min(100), reasons))
}

/// Both records name an employer: a customer through their sites, or a company. (The caller
/// has found none in common.)
fn works_elsewhere(a: &Person, b: &Person) -> bool {
    let both = |has: fn(&Person) -> bool| has(a) && has(b);
    both(|p| !p.accounts.is_empty()) || both(|p| !p.company.is_empty())
}

/// Both sorted lists hold a common value.
fn shares<T: Ord>(a: &[T], b: &[T]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    false
}

fn shares_local_part(a: &[String], b: &[String]) -> bool {
    let local = |e: &String| e.split_once('@').map(|(l, _)| l.to_string());
    a.iter()
        .filter_map(local)
        .any(|l| l.chars().count() >= 3 && b.iter().filter_map(local).any(|m| m == l))
}

/// Scans every contact the actor may see for likely duplicates. Erased contacts are left out.
pub async fn scan(
    db: &Database,
    actor: &Actor,
    options: DuplicateScanOptions,
    progress: &mut (dyn FnMut(DuplicateScanProgress) + Send),
    cancel: &AtomicBool,
) -> CoreResult<DuplicateScan> {
    authorize(db, actor, Action::ViewContacts).await?;
    let read = rows::rows(db, actor, |count| {
        if cancel.load(Ordering::Relaxed) {
            return Err(CoreError::Cancelled);
        }
        if count.is_multiple_of(10_000) {
            progress(DuplicateScanProgress {
                contacts_read: count as u32,
                pairs_compared: 0,
                pairs_total: 0,
            });
        }
        Ok(())
    })
    .await?;
    compare_off_runtime(read, options, progress, cancel).await
}

/// Threads the comparison runs on.
fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().clamp(1, 8))
}

/// The rows as the scan compares them, in the same order. Folding and transliterating names
/// is most of the work of reading, so it is shared between threads.
fn people_of(mut rows: Vec<ScanRow>) -> Vec<Person> {
    let part = rows.len().div_ceil(threads()).max(1);
    let mut parts = Vec::new();
    while rows.len() > part {
        parts.push(rows.split_off(rows.len() - part));
    }
    parts.push(rows);
    parts.reverse();
    std::thread::scope(|s| {
        let handles: Vec<_> = parts
            .into_iter()
            .map(|part| s.spawn(|| part.into_iter().map(Person::from_row).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    })
}

/// How often the comparison is told of a cancel made meanwhile.
const CANCEL_POLL: std::time::Duration = std::time::Duration::from_millis(50);

/// Runs [`people_of`] and [`scan_people`] on a blocking thread, so the comparison (seconds at
/// 100,000 contacts, some fifteen at a million) never holds a runtime worker: its progress
/// comes back through a channel, and a cancel made meanwhile is passed on to it.
async fn compare_off_runtime(
    rows: Vec<ScanRow>,
    options: DuplicateScanOptions,
    progress: &mut (dyn FnMut(DuplicateScanProgress) + Send),
    cancel: &AtomicBool,
) -> CoreResult<DuplicateScan> {
    let (sender, mut updates) = tokio::sync::mpsc::unbounded_channel();
    let stop = std::sync::Arc::new(AtomicBool::new(cancel.load(Ordering::Relaxed)));
    let worker = tokio::task::spawn_blocking({
        let stop = stop.clone();
        move || {
            let people = people_of(rows);
            scan_people(
                &people,
                options,
                &mut |update| {
                    let _ = sender.send(update);
                },
                &stop,
            )
        }
    });
    tokio::pin!(worker);
    let outcome = loop {
        tokio::select! {
            done = &mut worker => break done,
            Some(update) = updates.recv() => progress(update),
            () = tokio::time::sleep(CANCEL_POLL) => {
                if cancel.load(Ordering::Relaxed) {
                    stop.store(true, Ordering::Relaxed);
                }
            }
        }
    };
    while let Ok(update) = updates.try_recv() {
        progress(update);
    }
    // A blocking task is never aborted, so the only failure is a panic: it goes on as before.
    outcome.unwrap_or_else(|failure| std::panic::resume_unwind(failure.into_panic()))
}

/// The in-memory part of the scan: blocking, comparing and grouping.
pub(crate) fn scan_people(
    people: &[Person],
    options: DuplicateScanOptions,
    progress: &mut (dyn FnMut(DuplicateScanProgress) + Send),
    cancel: &AtomicBool,
) -> CoreResult<DuplicateScan> {
    let check = || {
        if cancel.load(Ordering::Relaxed) {
            Err(CoreError::Cancelled)
        } else {
            Ok(())
        }
    };
    let contacts_read = people.len() as u32;
    let pairs = candidate_pairs(people, &check)?;
    let total = pairs.len() as u32;
    progress(DuplicateScanProgress {
        contacts_read,
        pairs_compared: 0,
        pairs_total: total,
    });

    let threads = threads();
    let mut kept: Vec<KeptPair> = Vec::new();
    let mut compared = 0usize;
    for chunk in pairs.chunks(CHUNK) {
        check()?;
        let part = chunk.len().div_ceil(threads).max(1);
        let found: Vec<Vec<KeptPair>> = std::thread::scope(|s| {
            let handles: Vec<_> = chunk
                .chunks(part)
                .map(|slice| {
                    s.spawn(move || {
                        slice
                            .iter()
                            .filter_map(|&pair| {
                                let (i, j) = ((pair >> 32) as u32, pair as u32);
                                let (score, reasons) =
                                    score_pair(&people[i as usize], &people[j as usize])?;
                                (score >= options.min_score).then_some((i, j, score, reasons))
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_default())
                .collect()
        });
        kept.extend(found.into_iter().flatten());
        compared += chunk.len();
        progress(DuplicateScanProgress {
            contacts_read,
            pairs_compared: compared as u32,
            pairs_total: total,
        });
    }
    Ok(DuplicateScan {
        groups: groups(people, kept),
        contacts_scanned: contacts_read,
        pairs_compared: total,
    })
}

/// Every pair sharing a block (window of a big block), once, as `low << 32 | high` indexes.
fn candidate_pairs(people: &[Person], check: &dyn Fn() -> CoreResult<()>) -> CoreResult<Vec<u64>> {
    let mut entries: Vec<(u64, u32)> = Vec::with_capacity(people.len() * 7);
    for (i, person) in people.iter().enumerate() {
        entries.extend(person.keys().into_iter().map(|k| (k, i as u32)));
    }
    entries.sort_unstable();
    check()?;

    // Name order for windows over big blocks: the same name at the same company side by side.
    let mut order: Vec<u32> = (0..people.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| {
        let (p, q) = (&people[a as usize], &people[b as usize]);
        (&p.name.last, &p.name.canonical_first, &p.company, p.id).cmp(&(
            &q.name.last,
            &q.name.canonical_first,
            &q.company,
            q.id,
        ))
    });
    let mut rank = vec![0u32; people.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i as usize] = r as u32;
    }
    drop(order);

    let pair = |a: u32, b: u32| -> u64 {
        let (low, high) = if a < b { (a, b) } else { (b, a) };
        (u64::from(low) << 32) | u64::from(high)
    };
    let mut pairs: Vec<u64> = Vec::new();
    let mut start = 0;
    let mut members: Vec<u32> = Vec::new();
    while start < entries.len() {
        let key = entries[start].0;
        let mut end = start + 1;
        while end < entries.len() && entries[end].0 == key {
            end += 1;
        }
        if end - start >= 2 {
            members.clear();
            members.extend(entries[start..end].iter().map(|e| e.1));
            if members.len() <= MAX_BLOCK {
                for (p, &a) in members.iter().enumerate() {
                    for &b in &members[p + 1..] {
                        pairs.push(pair(a, b));
                    }
                }
            } else {
                members.sort_unstable_by_key(|&m| rank[m as usize]);
                for (p, &a) in members.iter().enumerate() {
                    for &b in members.iter().skip(p + 1).take(WINDOW) {
                        pairs.push(pair(a, b));
                    }
                }
            }
        }
        start = end;
        if pairs.len() % 1_000_000 < 64 {
            check()?;
        }
    }
    drop(entries);
    pairs.sort_unstable();
    pairs.dedup();
    Ok(pairs)
}

/// Joins kept pairs into groups; each group's score is its best pair's, its reasons all its
/// pairs' reasons in the order first seen.
fn groups(people: &[Person], kept: Vec<KeptPair>) -> Vec<DuplicateGroup> {
    let mut parent: HashMap<u32, u32> = HashMap::new();
    fn root(parent: &mut HashMap<u32, u32>, at: u32) -> u32 {
        let mut r = at;
        while let Some(&up) = parent.get(&r) {
            if up == r {
                break;
            }
            r = up;
        }
        // Path compression keeps later lookups short.
        let mut at = at;
        while at != r {
            let up = parent.get(&at).copied().unwrap_or(r);
            parent.insert(at, r);
            at = up;
        }
        r
    }
    for (i, j, _, _) in &kept {
        parent.entry(*i).or_insert(*i);
        parent.entry(*j).or_insert(*j);
        let (a, b) = (root(&mut parent, *i), root(&mut parent, *j));
        if a != b {
            parent.insert(a.max(b), a.min(b));
        }
    }
    struct Acc {
        members: Vec<u32>,
        score: u32,
        reasons: Vec<String>,
    }
    let mut by_root: HashMap<u32, Acc> = HashMap::new();
    for (i, j, score, reasons) in kept {
        let r = root(&mut parent, i);
        let acc = by_root.entry(r).or_insert_with(|| Acc {
            members: Vec::new(),
            score: 0,
            reasons: Vec::new(),
        });
        acc.members.push(i);
        acc.members.push(j);
        acc.score = acc.score.max(score);
        for reason in reasons {
            if !acc.reasons.contains(&reason) {
                acc.reasons.push(reason);
            }
        }
    }
    let mut out: Vec<(i64, DuplicateGroup)> = by_root
        .into_values()
        .map(|mut acc| {
            let mut ids: Vec<i64> = acc.members.iter().map(|&m| people[m as usize].id).collect();
            ids.sort_unstable();
            ids.dedup();
            acc.members.clear();
            (
                ids[0],
                DuplicateGroup {
                    contacts: ids.iter().map(ToString::to_string).collect(),
                    score: acc.score,
                    reasons: acc.reasons,
                },
            )
        })
        .collect();
    out.sort_by(|a, b| b.1.score.cmp(&a.1.score).then(a.0.cmp(&b.0)));
    out.into_iter().map(|(_, g)| g).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: i64, first: &str, last: &str, email: &str, phone: &str, account: i64) -> Person {
        Person::from_row(ScanRow {
            id,
            first_name: first.into(),
            last_name: last.into(),
            preferred_name: None,
            company_key: String::new(),
            emails: [email]
                .iter()
                .filter(|e| !e.is_empty())
                .map(|e| e.to_string())
                .collect(),
            phones: [phone]
                .iter()
                .filter(|p| !p.is_empty())
                .map(|p| p.to_string())
                .collect(),
            accounts: vec![account],
            ..ScanRow::default()
        })
    }

    #[test]
    fn phone_digits_ignore_the_prefix() {
        assert_eq!(
            phone_digits("+442079460000"),
            phone_digits("+4402079460000")
        );
        assert_eq!(phone_digits("12"), None);
    }

    #[test]
    fn near_duplicates_group_and_namesakes_do_not() {
        let people = vec![
            person(
                1,
                "William",
                "Smith",
                "w.smith@acme.com",
                "+442079460001",
                1,
            ),
            person(2, "Bill", "Smith", "", "+4402079460001", 1),
            person(3, "Mary", "Smith", "m.smith@acme.com", "+442079460001", 1),
            person(4, "Smith", "John", "J.Smith@Acme.com", "", 1),
            person(5, "John", "Smith", "j.smith@acme.com", "", 1),
        ];
        let scan = scan_people(
            &people,
            DuplicateScanOptions::default(),
            &mut |_| {},
            &AtomicBool::new(false),
        )
        .unwrap();
        let groups: Vec<Vec<String>> = scan.groups.iter().map(|g| g.contacts.clone()).collect();
        assert_eq!(groups, vec![vec!["4", "5"], vec!["1", "2"]], "{scan:#?}");
        assert!(scan.groups[1]
            .reasons
            .contains(&"nickname William/Bill".to_string()));
        assert!(scan.groups[0]
            .reasons
            .contains(&"names swapped".to_string()));
    }

    #[test]
    fn namesakes_at_two_customers_are_only_possible_duplicates() {
        let scan = |people: &[Person], min_score: u32| {
            scan_people(
                people,
                DuplicateScanOptions { min_score },
                &mut |_| {},
                &AtomicBool::new(false),
            )
            .unwrap()
            .groups
        };
        // One switchboard number and one email name, at two customers.
        let namesakes = vec![
            person(
                1,
                "Victoria",
                "Bennett",
                "victoria.bennett@bluewater.co.uk",
                "+441314960051",
                1,
            ),
            person(
                2,
                "Victoria",
                "Bennett",
                "victoria.bennett@copperfield.co.uk",
                "+441314960051",
                2,
            ),
        ];
        assert!(scan(&namesakes, 75).is_empty(), "not likely");
        let possible = scan(&namesakes, 60);
        assert_eq!(possible.len(), 1);
        assert_eq!(possible[0].score, 70);
        assert!(possible[0]
            .reasons
            .contains(&"different company".to_string()));

        // The same address at two customers is one person who moved.
        let moved = vec![
            person(1, "Victoria", "Bennett", "vb@example.com", "", 1),
            person(2, "Victoria", "Bennett", "VB@example.com", "", 2),
        ];
        let groups = scan(&moved, 75);
        assert_eq!(groups.len(), 1);
        assert!(!groups[0].reasons.contains(&"different company".to_string()));
    }
}
