//! The rows the duplicate scan reads: every contact the actor may see, not erased, in id order,
//! with its emails, phones, accounts and first address. Contacts are read as one stream; their
//! lists with one ordered query per table.

use std::collections::HashMap;
use std::iter::Peekable;

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

    // Each list is consumed once, in step with the contacts: its values move into the rows.
    let (mut emails, mut phones) = (emails.into_iter().peekable(), phones.into_iter().peekable());
    let mut sites = sites.into_iter().peekable();
    let mut addresses = addresses
        .into_iter()
        .map(|(contact, city, postal_code)| (contact, (city, postal_code)))
        .peekable();
    let rows = contacts
        .into_iter()
        .map(|(id, first_name, last_name, preferred_name, company_key)| {
            let (city, postal_code) = match owned_by(&mut addresses, id).into_iter().next() {
                Some((city, postal_code)) => (Some(city), postal_code),
                None => (None, None),
            };
            ScanRow {
                id,
                first_name,
                last_name,
                preferred_name,
                company_key,
                emails: owned_by(&mut emails, id),
                phones: owned_by(&mut phones, id),
                accounts: owned_by(&mut sites, id)
                    .iter()
                    .filter_map(|site| site_accounts.get(site).copied())
                    .collect(),
                city,
                postal_code,
            }
        })
        .collect();
    Ok(rows)
}

/// The values of a list sorted by contact id that belong to contact `id`, taken from it; those
/// of contacts before `id` (out of scope) are passed over.
fn owned_by<T>(list: &mut Peekable<impl Iterator<Item = (i64, T)>>, id: i64) -> Vec<T> {
    while list.next_if(|(contact, _)| *contact < id).is_some() {}
    std::iter::from_fn(|| list.next_if(|(contact, _)| *contact == id))
        .map(|(_, value)| value)
        .collect()
}
