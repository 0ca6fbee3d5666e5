//! Organisation-wide settings (key/value).

use sqlx::{SqliteConnection, SqlitePool};

use crate::error::CoreResult;
use crate::Database;

/// ISO country whose numbers are shown in national format.
pub const HOME_COUNTRY: &str = "home_country";
/// Present (value "1") in databases created as the demo organisation.
pub const DEMO: &str = "demo";

/// The organisation's country (ISO 3166 alpha-2); Britain when none was set.
pub async fn home_country(pool: &SqlitePool) -> CoreResult<String> {
    Ok(get(pool, HOME_COUNTRY)
        .await?
        .unwrap_or_else(|| "GB".into()))
}

pub async fn get(pool: &SqlitePool, key: &str) -> CoreResult<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT value FROM settings WHERE key = ?")
            .bind(key)
            .fetch_optional(pool)
            .await?,
    )
}

pub async fn set(db: &Database, key: &str, value: &str) -> CoreResult<()> {
    let mut tx = db.write().await?;
    put(&mut tx, key, value).await?;
    tx.commit().await?;
    Ok(())
}

/// Sets a value inside the caller's transaction.
pub async fn put(conn: &mut SqliteConnection, key: &str, value: &str) -> CoreResult<()> {
    sqlx::query(
        "INSERT INTO settings (key, value) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(key)
    .bind(value)
    .execute(conn)
    .await?;
    Ok(())
}
