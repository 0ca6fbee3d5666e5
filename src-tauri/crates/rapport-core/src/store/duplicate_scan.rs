//! The rows the duplicate scan reads: every contact the actor may see, not erased, in id order,
//! with its emails, phones, accounts and first address folded into one row each. Contacts are
//! read as one stream; their lists with one ordered query per table.

use futures_util::TryStreamExt;
use sqlx::{QueryBuilder, Sqlite};

use crate::access::scope::push_contact_scope;
use crate::access::Actor;
use crate::error::CoreResult;
use crate::Database;

/// Separates the values of one list column (the unit separator never appears in them).
pub const SEPARATOR: char = '\u{1F}';

#[derive(Debug)]
pub struct ScanRow {
    pub id: i64,
    pub first_name: String,
    pub last_name: String,
    pub preferred_name: Option<String>,
    pub company_key: String,
    /// Email addresses joined with `SEPARATOR`.
    pub emails: Option<String>,
    /// E.164 numbers joined with `SEPARATOR`.
    pub phones: Option<String>,
    /// Account ids of the contact's sites, joined with commas.
    pub accounts: Option<String>,
    pub city: Option<String>,
    pub postal_code: Option<String>,
}

/// Calls `each` with every contact in scope, lowest id first; stops at the first error.
///
/// The lists (emails, phones, accounts, first address) are read first, each with one query in
/// contact order, and merged into the stream of contacts: a million correlated subqueries per
/// list cost several times more than one ordered pass over each table.
pub async fn for_each_row(
    db: &Database,
    actor: &Actor,
    mut each: impl FnMut(ScanRow) -> CoreResult<()>,
) -> CoreResult<()> {
    let pool = db.reader();
    let emails: Vec<(i64, String)> =
        sqlx::query_as("SELECT contact_id, address FROM contact_emails ORDER BY contact_id, id")
            .fetch_all(pool)
            .await?;
    let phones: Vec<(i64, String)> =
        sqlx::query_as("SELECT contact_id, e164 FROM contact_phones ORDER BY contact_id, id")
            .fetch_all(pool)
            .await?;
    let accounts: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT cs.contact_id, s.account_id FROM contact_sites cs JOIN sites s ON s.id = cs.site_id
         ORDER BY cs.contact_id",
    )
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
    let mut rows = builder
        .build_query_as::<(i64, String, String, Option<String>, String)>()
        .fetch(pool);
    let (mut e, mut p, mut a, mut d) = (0, 0, 0, 0);
    while let Some((id, first_name, last_name, preferred_name, company_key)) =
        rows.try_next().await?
    {
        let mut row = ScanRow {
            id,
            first_name,
            last_name,
            preferred_name,
            company_key,
            emails: None,
            phones: None,
            accounts: None,
            city: None,
            postal_code: None,
        };
        row.emails = joined(&emails, &mut e, id, SEPARATOR);
        row.phones = joined(&phones, &mut p, id, SEPARATOR);
        while a < accounts.len() && accounts[a].0 < id {
            a += 1;
        }
        let mut list: Vec<String> = Vec::new();
        while a < accounts.len() && accounts[a].0 == id {
            list.push(accounts[a].1.to_string());
            a += 1;
        }
        row.accounts = (!list.is_empty()).then(|| list.join(","));
        while d < addresses.len() && addresses[d].0 < id {
            d += 1;
        }
        if d < addresses.len() && addresses[d].0 == id {
            row.city = Some(addresses[d].1.clone());
            row.postal_code = addresses[d].2.clone();
        }
        each(row)?;
    }
    Ok(())
}

/// The values of `list` (sorted by contact id) belonging to `id`, joined; `at` moves past them.
fn joined(list: &[(i64, String)], at: &mut usize, id: i64, separator: char) -> Option<String> {
    while *at < list.len() && list[*at].0 < id {
        *at += 1;
    }
    let mut out: Option<String> = None;
    while *at < list.len() && list[*at].0 == id {
        match &mut out {
            Some(text) => {
                text.push(separator);
                text.push_str(&list[*at].1);
            }
            None => out = Some(list[*at].1.clone()),
        }
        *at += 1;
    }
    out
}
