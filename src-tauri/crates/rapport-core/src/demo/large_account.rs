//! One very large customer, added to a demo database to measure maps at the size the product
//! promises (an account of 5,000 people, a network of 50,000 relationships): a reports-to
//! tree six wide and colleagues linked side by side. End-to-end tests and benchmarks plant it;
//! the first start's demo does not.

use chrono::{DateTime, Utc};

use crate::error::CoreResult;
use crate::Database;

/// Name of the planted account.
pub const LARGE_ACCOUNT_NAME: &str = "Northwind Global Holdings";
/// Reports under each manager in the planted tree.
const FAN: i64 = 6;

/// Adds an account with one site in the first territory, `people` contacts there reporting to
/// one another in a tree, and `colleagues` works-with links from each person to the next ones.
/// Returns the account's id.
pub async fn plant_large_account(
    db: &Database,
    people: u32,
    colleagues: u32,
    now: DateTime<Utc>,
) -> CoreResult<i64> {
    let at = now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let mut tx = db.write().await?;
    let account =
        sqlx::query("INSERT INTO accounts (name, kind, status) VALUES (?, 'business', 'active')")
            .bind(LARGE_ACCOUNT_NAME)
            .execute(&mut *tx)
            .await?
            .last_insert_rowid();
    let site = sqlx::query(
        "INSERT INTO sites (account_id, territory_id, name, line1, city, country)
         SELECT ?, min(id), 'Northwind Headquarters', '1 Harbour Road', 'Glasgow', 'GB' FROM territories",
    )
    .bind(account)
    .execute(&mut *tx)
    .await?
    .last_insert_rowid();
    let base: i64 = sqlx::query_scalar("SELECT coalesce(max(id), 0) FROM contacts")
        .fetch_one(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO contacts (id, reference, first_name, last_name, contact_type, lifecycle_stage,
            priority, status, display_name, name_key, job_title, created_at, updated_at)
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?2)
         SELECT ?1 + i, 'NW-' || i, 'Northwind', 'Person ' || i, 'operations', 'active_customer',
            'medium', 'active', 'Northwind Person ' || i, 'northwind person ' || i,
            CASE WHEN i = 1 THEN 'Chief Executive' WHEN i <= 7 THEN 'Director'
                 WHEN i <= 43 THEN 'Manager' ELSE 'Engineer' END, ?3, ?3 FROM n",
    )
    .bind(base)
    .bind(i64::from(people))
    .bind(&at)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO contact_sites (contact_id, site_id, role) SELECT id, ?, 'operations'
         FROM contacts WHERE id > ?",
    )
    .bind(site)
    .bind(base)
    .execute(&mut *tx)
    .await?;
    // Person i (from 2) reports to person (i - 2) / FAN + 1: a tree FAN wide under person 1.
    sqlx::query(
        "INSERT INTO relationships (from_contact_id, to_contact_id, kind, created_at)
         SELECT id, ?1 + 1 + (id - ?1 - 2) / ?2, 'reports_to', ?3 FROM contacts WHERE id > ?1 + 1",
    )
    .bind(base)
    .bind(FAN)
    .bind(&at)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "WITH RECURSIVE k(step) AS (SELECT 1 UNION ALL SELECT step + 1 FROM k WHERE step < ?2)
         INSERT INTO relationships (from_contact_id, to_contact_id, kind, created_at)
         SELECT c.id, c.id + k.step, 'works_with', ?3 FROM contacts c, k
         WHERE c.id > ?1 AND c.id + k.step <= ?1 + ?4",
    )
    .bind(base)
    .bind(i64::from(colleagues))
    .bind(&at)
    .bind(i64::from(people))
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(account)
}
