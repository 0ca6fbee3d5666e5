//! The rows the duplicate scan reads: every contact the actor may see, not erased, in id order,
//! with its emails, phones, accounts and first address folded into one row each, read as one
//! stream so a million contacts never sit in the query's result set at once.

use futures_util::TryStreamExt;
use sqlx::{QueryBuilder, Sqlite};

use crate::access::scope::push_contact_scope;
use crate::access::Actor;
use crate::error::CoreResult;
use crate::Database;

/// Separates the values of one list column (the unit separator never appears in them).
pub const SEPARATOR: char = '\u{1F}';

#[derive(Debug, sqlx::FromRow)]
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
pub async fn for_each_row(
    db: &Database,
    actor: &Actor,
    mut each: impl FnMut(ScanRow) -> CoreResult<()>,
) -> CoreResult<()> {
    let mut builder: QueryBuilder<Sqlite> = QueryBuilder::new(
        "SELECT c.id, c.first_name, c.last_name, c.preferred_name, c.company_key,
            (SELECT group_concat(x.address, char(31)) FROM contact_emails x
                WHERE x.contact_id = c.id) AS emails,
            (SELECT group_concat(x.e164, char(31)) FROM contact_phones x
                WHERE x.contact_id = c.id) AS phones,
            (SELECT group_concat(s.account_id, ',') FROM contact_sites cs
                JOIN sites s ON s.id = cs.site_id WHERE cs.contact_id = c.id) AS accounts,
            a.city, a.postal_code
         FROM contacts c
         LEFT JOIN contact_addresses a ON a.id =
            (SELECT min(x.id) FROM contact_addresses x WHERE x.contact_id = c.id)
         WHERE c.erased_at IS NULL",
    );
    push_contact_scope(&mut builder, actor);
    builder.push(" ORDER BY c.id");
    let mut rows = builder.build_query_as::<ScanRow>().fetch(db.reader());
    while let Some(row) = rows.try_next().await? {
        each(row)?;
    }
    Ok(())
}
