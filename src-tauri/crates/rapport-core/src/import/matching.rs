//! Duplicates of an import: records of the same file that are the same person, and records that
//! match contacts already stored (same email, same phone, or same name at the same
//! organisation), looked up a batch at a time through the indexes.

use std::collections::BTreeMap;

use rapport_import::fields::ContactFields;
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use crate::access::{scope, Actor};
use crate::error::CoreResult;
use crate::text::{fold, name_key};

/// The keys a record is matched on.
pub(crate) fn keys(fields: &ContactFields) -> Vec<(&'static str, String)> {
    let mut keys = Vec::new();
    for email in &fields.emails {
        keys.push(("email", email.value.to_lowercase()));
    }
    for phone in &fields.phones {
        if let Some(e164) = &phone.e164 {
            keys.push(("phone", e164.clone()));
        }
    }
    if let Some(key) = person_key(fields) {
        keys.push(("name", key));
    }
    keys
}

/// Name and organisation together; a name alone is too common to call two people the same.
fn person_key(fields: &ContactFields) -> Option<String> {
    let organization = fold(fields.organization.as_deref()?);
    let first = fields.given_name.as_deref().unwrap_or_default();
    let last = fields.family_name.as_deref().unwrap_or_default();
    if first.is_empty() && last.is_empty() {
        return None;
    }
    Some(format!(
        "{}\u{1F}{organization}",
        name_key(first, fields.middle_name.as_deref(), last)
    ))
}

/// A map keyed by the import's match keys, hashed fast: every record looks up several.
pub(crate) type KeyMap<V> = foldhash::HashMap<(&'static str, String), V>;

/// What [`FileDuplicates::add`] found out about a record.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Added {
    /// The earliest record of the file this one repeats.
    pub earlier: Option<u64>,
    /// For each key, whether no record before had it (nor this one, earlier in its keys).
    pub first_seen: Vec<bool>,
}

/// Groups of records that share a key, found as records arrive (union-find over record
/// numbers, which count from 1 in file order).
#[derive(Default)]
pub(crate) struct FileDuplicates {
    first_with_key: KeyMap<u64>,
    /// Each added record's parent in its group, by record number; 0 for a record not added.
    parent: Vec<u64>,
}

impl FileDuplicates {
    fn root(&mut self, record: u64) -> u64 {
        let mut root = record;
        loop {
            let up = self.parent[root as usize];
            if up == root {
                break;
            }
            root = up;
        }
        // Every record on the way points at the root: a file of one company's switchboard
        // number makes one long group, and walking it again for every record is quadratic.
        let mut at = record;
        while at != root {
            let up = self.parent[at as usize];
            self.parent[at as usize] = root;
            at = up;
        }
        root
    }

    /// Notes a record's keys: which earlier record it duplicates, and which keys are new.
    pub fn add(&mut self, record: u64, keys: &[(&'static str, String)]) -> Added {
        let slot = record as usize;
        if self.parent.len() <= slot {
            self.parent.resize(slot + 1, 0);
        }
        self.parent[slot] = record;
        let mut earliest: Option<u64> = None;
        let mut first_seen = Vec::with_capacity(keys.len());
        for key in keys {
            first_seen.push(match self.first_with_key.get(key) {
                // The same number or address twice on one card.
                Some(&other) if other == record => false,
                Some(&other) => {
                    let (a, b) = (self.root(other), self.root(record));
                    self.parent[a.max(b) as usize] = a.min(b);
                    earliest = Some(earliest.map_or(other, |e| e.min(other)));
                    false
                }
                None => {
                    self.first_with_key.insert(key.clone(), record);
                    true
                }
            });
        }
        Added {
            earlier: earliest,
            first_seen,
        }
    }

    /// Every group of two or more records, in record order.
    pub fn groups(mut self) -> Vec<Vec<u64>> {
        let mut groups: BTreeMap<u64, Vec<u64>> = BTreeMap::new();
        for record in 1..self.parent.len() as u64 {
            if self.parent[record as usize] != 0 {
                let root = self.root(record);
                groups.entry(root).or_default().push(record);
            }
        }
        let mut out: Vec<Vec<u64>> = groups.into_values().filter(|g| g.len() > 1).collect();
        out.sort();
        out
    }
}

/// Stored contacts (below `below_id`, in the actor's scope, not erased) matching each key.
pub(crate) async fn stored_matches(
    conn: &mut SqliteConnection,
    actor: &Actor,
    keys: &[(&'static str, String)],
    below_id: i64,
) -> CoreResult<KeyMap<Vec<i64>>> {
    let mut found: KeyMap<Vec<i64>> = KeyMap::default();
    for kind in ["email", "phone", "name"] {
        let mut values: Vec<&str> = keys
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, v)| v.as_str())
            .collect();
        values.sort_unstable();
        values.dedup();
        for chunk in values.chunks(500) {
            let mut builder = match kind {
                "email" => in_list(
                    "SELECT lower(x.address), c.id FROM contact_emails x
                     JOIN contacts c ON c.id = x.contact_id WHERE x.address COLLATE NOCASE IN (",
                    chunk,
                ),
                "phone" => in_list(
                    "SELECT x.e164, c.id FROM contact_phones x
                     JOIN contacts c ON c.id = x.contact_id WHERE x.e164 IN (",
                    chunk,
                ),
                _ => {
                    // Name and organisation together, through `contacts_by_person`.
                    let mut builder = QueryBuilder::<Sqlite>::new(
                        "SELECT c.name_key || char(31) || c.company_key, c.id
                         FROM (VALUES ",
                    );
                    let mut rows = builder.separated(", ");
                    for value in chunk {
                        let (name, company) = value.split_once('\u{1F}').unwrap_or((value, ""));
                        rows.push("(")
                            .push_bind_unseparated(name.to_string())
                            .push_unseparated(", ")
                            .push_bind_unseparated(company.to_string())
                            .push_unseparated(")");
                    }
                    builder.push(
                        ") AS v JOIN contacts c INDEXED BY contacts_by_person
                         ON c.name_key = v.column1 AND c.company_key = v.column2 WHERE 1",
                    );
                    builder
                }
            };
            builder
                .push(" AND c.erased_at IS NULL AND c.id < ")
                .push_bind(below_id);
            scope::push_contact_scope(&mut builder, actor);
            let rows: Vec<(String, i64)> = builder.build_query_as().fetch_all(&mut *conn).await?;
            for (value, id) in rows {
                let ids = found.entry((kind, value)).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
    }
    Ok(found)
}

/// `select` followed by the values bound as a list, closed.
fn in_list<'a>(select: &'static str, values: &[&str]) -> QueryBuilder<'a, Sqlite> {
    let mut builder = QueryBuilder::<Sqlite>::new(select);
    let mut separated = builder.separated(", ");
    for value in values {
        separated.push_bind(value.to_string());
    }
    builder.push(")");
    builder
}

/// The stored contacts a record matches, best first (most keys in common), with the reasons.
pub(crate) fn matches_of(
    keys: &[(&'static str, String)],
    stored: &KeyMap<Vec<i64>>,
) -> Vec<(i64, Vec<&'static str>)> {
    let mut by_contact: BTreeMap<i64, Vec<&'static str>> = BTreeMap::new();
    for key in keys {
        for id in stored.get(key).into_iter().flatten() {
            let reasons = by_contact.entry(*id).or_default();
            if !reasons.contains(&key.0) {
                reasons.push(key.0);
            }
        }
    }
    let mut out: Vec<(i64, Vec<&'static str>)> = by_contact.into_iter().collect();
    out.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_sharing_any_key_form_one_group() {
        let mut d = FileDuplicates::default();
        let k = |v: &str| vec![("email", v.to_string())];
        assert_eq!(d.add(1, &k("a")).earlier, None);
        assert_eq!(d.add(2, &k("b")).earlier, None);
        assert_eq!(d.add(3, &k("a")).earlier, Some(1));
        assert_eq!(
            d.add(4, &[("email", "b".into()), ("phone", "+1".into())]),
            Added {
                earlier: Some(2),
                first_seen: vec![false, true]
            }
        );
        assert_eq!(
            d.add(5, &[("phone", "+1".into()), ("email", "a".into())])
                .earlier,
            Some(1)
        );
        assert_eq!(d.add(6, &k("c")).earlier, None);
        assert_eq!(
            d.add(7, &[("phone", "+9".into()), ("phone", "+9".into())]),
            Added {
                earlier: None,
                first_seen: vec![true, false]
            }
        );
        assert_eq!(d.groups(), vec![vec![1, 2, 3, 4, 5]]);
    }

    #[test]
    fn a_file_of_one_switchboard_number_is_one_group() {
        let mut d = FileDuplicates::default();
        let n = 200_000;
        for record in 1..=n {
            // Every record has the switchboard's number, and pairs of records one address.
            let keys = vec![
                ("email", format!("p{}@example.com", record / 2)),
                ("phone", "+442079460000".to_string()),
            ];
            let earlier = d.add(record, &keys).earlier;
            assert_eq!(earlier, (record > 1).then_some(1));
        }
        let groups = d.groups();
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0], (1..=n).collect::<Vec<_>>());
    }
}
