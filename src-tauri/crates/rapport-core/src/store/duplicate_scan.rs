//! The rows the duplicate scan reads: every contact the actor may see, not erased, in id order,
//! with its emails, phones, accounts and first address. Contacts are read as one stream; their
//! lists with one ordered query per table.

use std::collections::HashMap;

use futures_util::TryStreamExt;
use sqlx::{QueryBuilder, Sqlite};

use crate::access::scope::push_contact_scope;
use crate::access::Actor;
use crate::error::CoreResult;
use crate::Database;

#[derive(Debug, Default)]
pub struct ScanRow {
    pub id: i64,
    pub first_name: String,
    pub last_name: String,
    pub preferred_name: Option<String>,
    pub company_key: String,
    pub emails: Vec<String>,
    /// E.164 numbers.
    pub phones: Vec<String>,
    /// Account ids of the contact's sites.
    pub accounts: Vec<i64>,
    pub city: Option<String>,
    pub postal_code: Option<String>,
}

/// Every contact in scope, lowest id first, with its lists. `read` is called with the number of
/// contacts read so far as they come in, and stops the reading when it fails.
///
/// The lists (emails, phones, sites, first address) are read with one query in contact order
/// each and merged into the contacts: a million correlated subqueries per list cost several
/// times more than one ordered pass over each table. Sites are few and wide, so their accounts
/// are looked up in memory: probing the sites table once per site link reads a page per probe
/// once the table outgrows the page cache (10 s at a million contacts).
pub async fn rows(
    db: &Database,
    actor: &Actor,
    mut read: impl FnMut(usize) -> CoreResult<()>,
) -> CoreResult<Vec<ScanRow>> {
    let pool = db.reader();
    let emails: Vec<(i64, String)> =
        sqlx::query_as("SELECT contact_id, address FROM contact_emails ORDER BY contact_id, id")
            .fetch_all(pool)
            .await?;
    let phones: Vec<(i64, String)> =
        sqlx::query_as("SELECT contact_id, e164 FROM contact_phones ORDER BY contact_id, id")
            .fetch_all(pool)
            .await?;
    let site_accounts: HashMap<i64, i64> = sqlx::query_as("SELECT id, account_id FROM sites")
        .fetch_all(pool)
        .await?
        .into_iter()
        .collect();
    let sites: Vec<(i64, i64)> =
        sqlx::query_as("SELECT contact_id, site_id FROM contact_sites ORDER BY contact_id")
            .fetch_all(pool)
            .await?;
    let addresses: Vec<(i64, String, Option<String>)> = sqlx::query_as(
        "SELECT contact_id, city, postal_code FROM contact_addresses ORDER BY contact_id, id",
    )
    .fetch_all(pool)
    .await?;

    let mut builder: QueryBuilder<Sqlite> = QueryBuilder::new(
        "SELECT c.id, c.first_name, c.last_name, c.preferred_name, c.company_key
         FROM contacts c WHERE c.erased_at IS NULL",
    );
    push_contact_scope(&mut builder, actor);
    builder.push(" ORDER BY c.id");
    let mut stream = builder
        .build_query_as::<(i64, String, String, Option<String>, String)>()
        .fetch(pool);
    let mut contacts = Vec::new();
    while let Some(contact) = stream.try_next().await? {
        contacts.push(contact);
        read(contacts.len())?;
    }

    let (mut e, mut p, mut s, mut d) = (0, 0, 0, 0);
    let rows = contacts
        .into_iter()
        .map(|(id, first_name, last_name, preferred_name, company_key)| {
            let (city, postal_code) = match owned_by(&addresses, &mut d, id, |a| a.0).first() {
                Some((_, city, postal_code)) => (Some(city.clone()), postal_code.clone()),
                None => (None, None),
            };
            ScanRow {
                id,
                first_name,
                last_name,
                preferred_name,
                company_key,
                emails: values(owned_by(&emails, &mut e, id, |e| e.0)),
                phones: values(owned_by(&phones, &mut p, id, |p| p.0)),
                accounts: owned_by(&sites, &mut s, id, |s| s.0)
                    .iter()
                    .filter_map(|(_, site)| site_accounts.get(site).copied())
                    .collect(),
                city,
                postal_code,
            }
        })
        .collect();
    Ok(rows)
}

/// The rows of `list` (sorted by `contact`, the contact id) belonging to `id`; `at` moves
/// past them.
fn owned_by<'a, T>(list: &'a [T], at: &mut usize, id: i64, contact: fn(&T) -> i64) -> &'a [T] {
    while *at < list.len() && contact(&list[*at]) < id {
        *at += 1;
    }
    let start = *at;
    while *at < list.len() && contact(&list[*at]) == id {
        *at += 1;
    }
    &list[start..*at]
}

fn values(rows: &[(i64, String)]) -> Vec<String> {
    rows.iter().map(|(_, value)| value.clone()).collect()
}
