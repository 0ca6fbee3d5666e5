//! Regions, territories, accounts and sites.

use sqlx::SqlitePool;

use crate::error::CoreResult;
use crate::model::TerritoryOption;

pub async fn list_territories(pool: &SqlitePool) -> CoreResult<Vec<TerritoryOption>> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT t.id, t.name, r.name FROM territories t JOIN regions r ON r.id = t.region_id
         ORDER BY r.name, t.name",
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, region_name)| TerritoryOption {
            id: id.to_string(),
            name,
            region_name,
        })
        .collect())
}
