//! Regions, territories, accounts and sites: reading them within scope, and their
//! administration (site administrators only, audited, validated).

use chrono::Utc;
use serde_json::json;
use sqlx::{SqliteConnection, SqlitePool};

use crate::access::{authorize, Action, Actor};
use crate::audit::{self, Event, Who};
use crate::error::{CoreError, CoreResult};
use crate::model::*;
use crate::store::search_index;
use crate::Database;

/// The territories the actor can filter by: all of them, or those of their regions/territories.
pub async fn list_territories(db: &Database, actor: &Actor) -> CoreResult<Vec<TerritoryOption>> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT t.id, t.name, r.name FROM territories t JOIN regions r ON r.id = t.region_id
         WHERE ?1 IN ('site_admin', 'billing_admin')
            OR (?1 = 'regional_manager' AND t.region_id IN
                    (SELECT region_id FROM user_regions WHERE user_id = ?2))
            OR (?1 = 'territory_manager' AND t.id IN
                    (SELECT territory_id FROM user_territories WHERE user_id = ?2))
         ORDER BY r.name, t.name",
    )
    .bind(actor.role().as_str())
    .bind(actor.user_id())
    .fetch_all(db.reader())
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

fn required(field: &str, value: &str, max: usize) -> CoreResult<String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(CoreError::invalid(field, "is required"));
    }
    if value.chars().count() > max {
        return Err(CoreError::invalid(
            field,
            format!("must be at most {max} characters"),
        ));
    }
    Ok(value.to_string())
}

fn code(value: &str) -> CoreResult<String> {
    let value = value.trim().to_uppercase();
    let valid = (2..=16).contains(&value.len())
        && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if !valid {
        return Err(CoreError::invalid(
            "code",
            "must be 2 to 16 letters, digits or dashes (e.g. UKI-SCO)",
        ));
    }
    Ok(value)
}

fn country(value: &str) -> CoreResult<String> {
    let value = value.trim().to_uppercase();
    if value.len() != 2 || !value.chars().all(|c| c.is_ascii_uppercase()) {
        return Err(CoreError::invalid(
            "country",
            "must be a two-letter ISO country code (e.g. GB)",
        ));
    }
    Ok(value)
}

async fn exists(conn: &mut SqliteConnection, table: &str, id: i64) -> CoreResult<bool> {
    let found: Option<i64> = sqlx::query_scalar(&format!("SELECT id FROM {table} WHERE id = ?"))
        .bind(id)
        .fetch_optional(conn)
        .await?;
    Ok(found.is_some())
}

async fn code_taken(
    conn: &mut SqliteConnection,
    table: &str,
    code: &str,
    except: i64,
) -> CoreResult<bool> {
    let found: Option<i64> = sqlx::query_scalar(&format!(
        "SELECT id FROM {table} WHERE code = ? AND id <> ?"
    ))
    .bind(code)
    .bind(except)
    .fetch_optional(conn)
    .await?;
    Ok(found.is_some())
}

async fn record(
    conn: &mut SqliteConnection,
    actor: &Actor,
    action: &'static str,
    entity: &'static str,
    id: i64,
    summary: serde_json::Value,
) -> CoreResult<()> {
    audit::record(
        conn,
        Who::User(actor),
        Utc::now(),
        Event::new(action, entity, Some(id.to_string())).summary(summary),
    )
    .await?;
    Ok(())
}

/// Every region with its territories (site administrators).
pub async fn list_regions(db: &Database, actor: &Actor) -> CoreResult<Vec<Region>> {
    authorize(db, actor, Action::Administer).await?;
    regions(db.reader()).await
}

async fn regions(pool: &SqlitePool) -> CoreResult<Vec<Region>> {
    let regions: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT id, code, name FROM regions ORDER BY name")
            .fetch_all(pool)
            .await?;
    let territories: Vec<(i64, i64, String, String, i64)> = sqlx::query_as(
        "SELECT t.id, t.region_id, t.code, t.name,
                (SELECT count(*) FROM sites s WHERE s.territory_id = t.id)
         FROM territories t ORDER BY t.name",
    )
    .fetch_all(pool)
    .await?;
    Ok(regions
        .into_iter()
        .map(|(id, code, name)| Region {
            id: id.to_string(),
            code,
            name,
            territories: territories
                .iter()
                .filter(|t| t.1 == id)
                .map(|(tid, rid, code, name, sites)| Territory {
                    id: tid.to_string(),
                    region_id: rid.to_string(),
                    code: code.clone(),
                    name: name.clone(),
                    site_count: u32::try_from(*sites).unwrap_or(u32::MAX),
                })
                .collect(),
        })
        .collect())
}

/// Creates (`id` None) or renames a region.
pub async fn save_region(
    db: &Database,
    actor: &Actor,
    id: Option<&str>,
    input: RegionInput,
) -> CoreResult<String> {
    authorize(db, actor, Action::Administer).await?;
    let code = code(&input.code)?;
    let name = required("name", &input.name, 120)?;
    let id = id.map(|id| parse_id("region", id)).transpose()?;
    let mut tx = db.write().await?;
    if code_taken(&mut tx, "regions", &code, id.unwrap_or(0)).await? {
        return Err(CoreError::invalid(
            "code",
            format!("{code} is already used by another region"),
        ));
    }
    let (id, action) = match id {
        Some(id) => {
            if !exists(&mut tx, "regions", id).await? {
                return Err(CoreError::not_found("region", id.to_string()));
            }
            sqlx::query("UPDATE regions SET code = ?, name = ? WHERE id = ?")
                .bind(&code)
                .bind(&name)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            (id, "update")
        }
        None => {
            let id: i64 =
                sqlx::query_scalar("INSERT INTO regions (code, name) VALUES (?, ?) RETURNING id")
                    .bind(&code)
                    .bind(&name)
                    .fetch_one(&mut *tx)
                    .await?;
            (id, "create")
        }
    };
    record(
        &mut tx,
        actor,
        action,
        "region",
        id,
        json!({ "code": code, "name": name }),
    )
    .await?;
    tx.commit().await?;
    Ok(id.to_string())
}

/// Creates or changes a territory (moving it to another region moves its scope too).
pub async fn save_territory(
    db: &Database,
    actor: &Actor,
    id: Option<&str>,
    input: TerritoryInput,
) -> CoreResult<String> {
    authorize(db, actor, Action::Administer).await?;
    let code = code(&input.code)?;
    let name = required("name", &input.name, 120)?;
    let region = parse_id("region", &input.region_id)
        .map_err(|_| CoreError::invalid("regionId", "choose a region"))?;
    let id = id.map(|id| parse_id("territory", id)).transpose()?;
    let mut tx = db.write().await?;
    if !exists(&mut tx, "regions", region).await? {
        return Err(CoreError::invalid("regionId", "this region does not exist"));
    }
    if code_taken(&mut tx, "territories", &code, id.unwrap_or(0)).await? {
        return Err(CoreError::invalid(
            "code",
            format!("{code} is already used by another territory"),
        ));
    }
    let (id, action) = match id {
        Some(id) => {
            if !exists(&mut tx, "territories", id).await? {
                return Err(CoreError::not_found("territory", id.to_string()));
            }
            let old_region: i64 =
                sqlx::query_scalar("SELECT region_id FROM territories WHERE id = ?")
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await?;
            sqlx::query("UPDATE territories SET region_id = ?, code = ?, name = ? WHERE id = ?")
                .bind(region)
                .bind(&code)
                .bind(&name)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            if old_region != region {
                search_index::reindex_words(
                    &mut tx,
                    "c.id IN (SELECT cs.contact_id FROM contact_sites cs
                        JOIN sites s ON s.id = cs.site_id WHERE s.territory_id = ?1)",
                    id,
                )
                .await?;
            }
            (id, "update")
        }
        None => {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO territories (region_id, code, name) VALUES (?, ?, ?) RETURNING id",
            )
            .bind(region)
            .bind(&code)
            .bind(&name)
            .fetch_one(&mut *tx)
            .await?;
            (id, "create")
        }
    };
    record(
        &mut tx,
        actor,
        action,
        "territory",
        id,
        json!({ "code": code, "name": name, "regionId": region.to_string() }),
    )
    .await?;
    tx.commit().await?;
    Ok(id.to_string())
}

/// Accounts whose name contains `search` (all when empty), by name, at most `limit`.
pub async fn list_accounts(
    db: &Database,
    actor: &Actor,
    search: &str,
    limit: u32,
) -> CoreResult<Vec<Account>> {
    authorize(db, actor, Action::Administer).await?;
    let pattern = format!(
        "%{}%",
        search
            .trim()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    );
    let rows: Vec<(i64, String, AccountKind, String, i64)> = sqlx::query_as(
        "SELECT a.id, a.name, a.kind, a.status, (SELECT count(*) FROM sites s WHERE s.account_id = a.id)
         FROM accounts a WHERE a.name LIKE ? ESCAPE '\\' ORDER BY a.name COLLATE NOCASE, a.id LIMIT ?",
    )
    .bind(pattern)
    .bind(i64::from(limit.clamp(1, 500)))
    .fetch_all(db.reader())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, kind, status, sites)| Account {
            id: id.to_string(),
            name,
            kind,
            active: status == "active",
            site_count: u32::try_from(sites).unwrap_or(u32::MAX),
        })
        .collect())
}

pub async fn save_account(
    db: &Database,
    actor: &Actor,
    id: Option<&str>,
    input: AccountInput,
) -> CoreResult<String> {
    authorize(db, actor, Action::Administer).await?;
    let name = required("name", &input.name, 200)?;
    let status = if input.active { "active" } else { "inactive" };
    let id = id.map(|id| parse_id("account", id)).transpose()?;
    let mut tx = db.write().await?;
    let (id, action) = match id {
        Some(id) => {
            if !exists(&mut tx, "accounts", id).await? {
                return Err(CoreError::not_found("account", id.to_string()));
            }
            sqlx::query("UPDATE accounts SET name = ?, kind = ?, status = ? WHERE id = ?")
                .bind(&name)
                .bind(input.kind.as_str())
                .bind(status)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            (id, "update")
        }
        None => {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO accounts (name, kind, status) VALUES (?, ?, ?) RETURNING id",
            )
            .bind(&name)
            .bind(input.kind.as_str())
            .bind(status)
            .fetch_one(&mut *tx)
            .await?;
            (id, "create")
        }
    };
    record(
        &mut tx,
        actor,
        action,
        "account",
        id,
        json!({ "name": name, "kind": input.kind, "status": status }),
    )
    .await?;
    tx.commit().await?;
    Ok(id.to_string())
}

pub async fn list_sites(db: &Database, actor: &Actor, account_id: &str) -> CoreResult<Vec<Site>> {
    authorize(db, actor, Action::Administer).await?;
    let account = parse_id("account", account_id)?;
    #[allow(clippy::type_complexity)]
    let rows: Vec<(i64, i64, i64, String, String, String, String, Option<String>, String, i64)> = sqlx::query_as(
        "SELECT s.id, s.account_id, s.territory_id, t.name, s.name, s.line1, s.city, s.postal_code, s.country,
                (SELECT count(*) FROM contact_sites cs WHERE cs.site_id = s.id)
         FROM sites s JOIN territories t ON t.id = s.territory_id
         WHERE s.account_id = ? ORDER BY s.name COLLATE NOCASE, s.id",
    )
    .bind(account)
    .fetch_all(db.reader())
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(
                id,
                account_id,
                territory_id,
                territory_name,
                name,
                line1,
                city,
                postal_code,
                country,
                contacts,
            )| Site {
                id: id.to_string(),
                account_id: account_id.to_string(),
                territory_id: territory_id.to_string(),
                territory_name,
                name,
                line1,
                city,
                postal_code,
                country,
                contact_count: u32::try_from(contacts).unwrap_or(u32::MAX),
            },
        )
        .collect())
}

/// Creates or changes a site. Assigning it to another territory moves its contacts into that
/// territory's scope at once, because scope is computed from sites.
pub async fn save_site(
    db: &Database,
    actor: &Actor,
    id: Option<&str>,
    input: SiteInput,
) -> CoreResult<String> {
    authorize(db, actor, Action::Administer).await?;
    let name = required("name", &input.name, 200)?;
    let line1 = required("line1", &input.line1, 200)?;
    let city = required("city", &input.city, 120)?;
    let country = country(&input.country)?;
    let postal_code = input
        .postal_code
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string);
    let account = parse_id("account", &input.account_id)
        .map_err(|_| CoreError::invalid("accountId", "choose an account"))?;
    let territory = parse_id("territory", &input.territory_id)
        .map_err(|_| CoreError::invalid("territoryId", "choose a territory"))?;
    let id = id.map(|id| parse_id("site", id)).transpose()?;
    let mut tx = db.write().await?;
    if !exists(&mut tx, "accounts", account).await? {
        return Err(CoreError::invalid(
            "accountId",
            "this account does not exist",
        ));
    }
    if !exists(&mut tx, "territories", territory).await? {
        return Err(CoreError::invalid(
            "territoryId",
            "this territory does not exist",
        ));
    }
    let (id, action, moved) = match id {
        Some(id) => {
            let old: Option<i64> =
                sqlx::query_scalar("SELECT territory_id FROM sites WHERE id = ?")
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await?;
            let old = old.ok_or_else(|| CoreError::not_found("site", id.to_string()))?;
            sqlx::query("UPDATE sites SET account_id = ?, territory_id = ?, name = ?, line1 = ?, city = ?, postal_code = ?, country = ? WHERE id = ?")
                .bind(account).bind(territory).bind(&name).bind(&line1).bind(&city).bind(&postal_code).bind(&country).bind(id)
                .execute(&mut *tx).await?;
            if old != territory {
                // The list's territory column follows the site the contact is shown under.
                sqlx::query("UPDATE contacts SET territory_id = ? WHERE territory_id = ? AND id IN (SELECT contact_id FROM contact_sites WHERE site_id = ?)")
                    .bind(territory).bind(old).bind(id).execute(&mut *tx).await?;
                search_index::reindex_words(
                    &mut tx,
                    "c.id IN (SELECT contact_id FROM contact_sites WHERE site_id = ?1)",
                    id,
                )
                .await?;
            }
            (id, "update", (old != territory).then_some(old))
        }
        None => {
            let id: i64 = sqlx::query_scalar("INSERT INTO sites (account_id, territory_id, name, line1, city, postal_code, country) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")
                .bind(account).bind(territory).bind(&name).bind(&line1).bind(&city).bind(&postal_code).bind(&country)
                .fetch_one(&mut *tx).await?;
            (id, "create", None)
        }
    };
    record(
        &mut tx,
        actor,
        action,
        "site",
        id,
        json!({
            "accountId": account.to_string(),
            "territoryId": territory.to_string(),
            "previousTerritoryId": moved.map(|t| t.to_string()),
            "name": name,
        }),
    )
    .await?;
    tx.commit().await?;
    Ok(id.to_string())
}
