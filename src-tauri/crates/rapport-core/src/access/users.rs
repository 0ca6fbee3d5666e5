//! User administration (site administrators), a user's own password and authenticator, and the
//! first administrator of a new database.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::json;
use sqlx::SqliteConnection;

use crate::access::{authorize, password, totp, Action, Actor};
use crate::audit::{self, Change, Event, Who};
use crate::error::{CoreError, CoreResult};
use crate::model::{parse_id, Role};
use crate::store::timestamp;
use crate::Database;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NamedRef {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct UserSummary {
    pub id: String,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub regions: Vec<NamedRef>,
    pub territories: Vec<NamedRef>,
    pub disabled: bool,
    /// Locked by failed sign-ins (until `lockedUntil`).
    pub locked_until: Option<DateTime<Utc>>,
    pub totp_enabled: bool,
    pub last_sign_in_at: Option<DateTime<Utc>>,
}

/// A new user, or the new state of one (`password` is only read on creation).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct UserInput {
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub region_ids: Vec<String>,
    pub territory_ids: Vec<String>,
    pub disabled: bool,
    pub password: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TotpEnrolment {
    /// Base32, for typing into an authenticator that cannot scan.
    pub secret: String,
    pub url: String,
    /// The QR code as an SVG document.
    pub qr_svg: String,
}

fn clean_username(username: &str) -> CoreResult<String> {
    let username = username.trim();
    let valid = (3..=64).contains(&username.chars().count())
        && username
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '@'));
    if !valid {
        return Err(CoreError::invalid(
            "username",
            "must be 3 to 64 letters, digits, dots, dashes, underscores or @",
        ));
    }
    Ok(username.to_string())
}

fn clean_display_name(name: &str) -> CoreResult<String> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(CoreError::invalid(
            "displayName",
            "must be 1 to 200 characters",
        ));
    }
    Ok(name.to_string())
}

fn parse_ids(entity: &'static str, field: &str, ids: &[String]) -> CoreResult<Vec<i64>> {
    let mut parsed = ids
        .iter()
        .map(|id| {
            parse_id(entity, id)
                .map_err(|_| CoreError::invalid(field, format!("{id:?} is not a {entity}")))
        })
        .collect::<CoreResult<Vec<_>>>()?;
    parsed.sort_unstable();
    parsed.dedup();
    Ok(parsed)
}

/// The regions or territories a role is scoped to; the others must be empty.
fn scope_for(input: &UserInput) -> CoreResult<(Vec<i64>, Vec<i64>)> {
    let regions = parse_ids("region", "regionIds", &input.region_ids)?;
    let territories = parse_ids("territory", "territoryIds", &input.territory_ids)?;
    match input.role {
        Role::RegionalManager if regions.is_empty() => Err(CoreError::invalid(
            "regionIds",
            "a regional manager needs at least one region",
        )),
        Role::TerritoryManager if territories.is_empty() => Err(CoreError::invalid(
            "territoryIds",
            "a territory manager needs at least one territory",
        )),
        Role::RegionalManager => Ok((regions, Vec::new())),
        Role::TerritoryManager => Ok((Vec::new(), territories)),
        Role::SiteAdmin | Role::BillingAdmin => Ok((Vec::new(), Vec::new())),
    }
}

async fn write_scope(
    conn: &mut SqliteConnection,
    user_id: i64,
    regions: &[i64],
    territories: &[i64],
) -> CoreResult<()> {
    sqlx::query("DELETE FROM user_regions WHERE user_id = ?")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM user_territories WHERE user_id = ?")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    for region in regions {
        let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM regions WHERE id = ?")
            .bind(region)
            .fetch_optional(&mut *conn)
            .await?;
        if exists.is_none() {
            return Err(CoreError::invalid(
                "regionIds",
                format!("region {region} does not exist"),
            ));
        }
        sqlx::query("INSERT INTO user_regions (user_id, region_id) VALUES (?, ?)")
            .bind(user_id)
            .bind(region)
            .execute(&mut *conn)
            .await?;
    }
    for territory in territories {
        let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM territories WHERE id = ?")
            .bind(territory)
            .fetch_optional(&mut *conn)
            .await?;
        if exists.is_none() {
            return Err(CoreError::invalid(
                "territoryIds",
                format!("territory {territory} does not exist"),
            ));
        }
        sqlx::query("INSERT INTO user_territories (user_id, territory_id) VALUES (?, ?)")
            .bind(user_id)
            .bind(territory)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

async fn insert_user(
    conn: &mut SqliteConnection,
    input: &UserInput,
    now: DateTime<Utc>,
) -> CoreResult<i64> {
    let username = clean_username(&input.username)?;
    let display_name = clean_display_name(&input.display_name)?;
    let new_password = input
        .password
        .as_deref()
        .ok_or_else(|| CoreError::invalid("password", "is required"))?;
    password::check_strength("password", new_password, &username)?;
    let (regions, territories) = scope_for(input)?;
    let taken: Option<i64> = sqlx::query_scalar("SELECT id FROM users WHERE username = ?")
        .bind(&username)
        .fetch_optional(&mut *conn)
        .await?;
    if taken.is_some() {
        return Err(CoreError::invalid(
            "username",
            format!("{username} is already taken"),
        ));
    }
    let hash = password::hash(new_password)?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO users (username, display_name, role, password_hash, disabled, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(&username)
    .bind(&display_name)
    .bind(input.role.as_str())
    .bind(hash)
    .bind(input.disabled)
    .bind(timestamp(now))
    .bind(timestamp(now))
    .fetch_one(&mut *conn)
    .await?;
    write_scope(conn, id, &regions, &territories).await?;
    Ok(id)
}

fn creation_event(id: i64, input: &UserInput) -> Event {
    Event::new("create", "user", Some(id.to_string())).summary(json!({
        "username": input.username.trim(),
        "role": input.role,
        "regionIds": input.region_ids,
        "territoryIds": input.territory_ids,
    }))
}

/// The first site administrator of a new, empty database; refused once any user exists.
pub async fn create_first_admin(
    db: &Database,
    username: &str,
    display_name: &str,
    new_password: &str,
) -> CoreResult<()> {
    let mut tx = db.write().await?;
    let users: i64 = sqlx::query_scalar("SELECT count(*) FROM users")
        .fetch_one(&mut *tx)
        .await?;
    if users > 0 {
        return Err(CoreError::invalid(
            "username",
            "this database already has users; sign in as an administrator to add more",
        ));
    }
    let input = UserInput {
        username: username.into(),
        display_name: display_name.into(),
        role: Role::SiteAdmin,
        region_ids: Vec::new(),
        territory_ids: Vec::new(),
        disabled: false,
        password: Some(new_password.into()),
    };
    let now = Utc::now();
    let id = insert_user(&mut tx, &input, now).await?;
    audit::record(&mut tx, Who::System, now, creation_event(id, &input)).await?;
    tx.commit().await?;
    Ok(())
}

/// Users Rapport itself creates (the demo organisation's), audited as the system.
pub(crate) async fn create_by_system(
    conn: &mut SqliteConnection,
    input: &UserInput,
    now: DateTime<Utc>,
) -> CoreResult<i64> {
    let id = insert_user(conn, input, now).await?;
    audit::record(conn, Who::System, now, creation_event(id, input)).await?;
    Ok(id)
}

pub async fn list_users(db: &Database, actor: &Actor) -> CoreResult<Vec<UserSummary>> {
    authorize(db, actor, Action::Administer).await?;
    summaries(db, None).await
}

async fn summaries(db: &Database, only: Option<i64>) -> CoreResult<Vec<UserSummary>> {
    #[allow(clippy::type_complexity)]
    let users: Vec<(
        i64,
        String,
        String,
        Role,
        bool,
        Option<DateTime<Utc>>,
        bool,
        Option<DateTime<Utc>>,
    )> = sqlx::query_as(
        "SELECT id, username, display_name, role, disabled, locked_until, totp_secret IS NOT NULL,
                last_sign_in_at
         FROM users WHERE ?1 IS NULL OR id = ?1 ORDER BY display_name COLLATE NOCASE, id",
    )
    .bind(only)
    .fetch_all(db.reader())
    .await?;
    let regions: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT ur.user_id, r.id, r.name FROM user_regions ur JOIN regions r ON r.id = ur.region_id ORDER BY r.name",
    )
    .fetch_all(db.reader())
    .await?;
    let territories: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT ut.user_id, t.id, t.name FROM user_territories ut JOIN territories t ON t.id = ut.territory_id ORDER BY t.name",
    )
    .fetch_all(db.reader())
    .await?;
    let now = Utc::now();
    let refs = |rows: &[(i64, i64, String)], user: i64| {
        rows.iter()
            .filter(|(u, _, _)| *u == user)
            .map(|(_, id, name)| NamedRef {
                id: id.to_string(),
                name: name.clone(),
            })
            .collect()
    };
    Ok(users
        .into_iter()
        .map(
            |(
                id,
                username,
                display_name,
                role,
                disabled,
                locked_until,
                totp_enabled,
                last_sign_in_at,
            )| UserSummary {
                id: id.to_string(),
                username,
                display_name,
                role,
                regions: refs(&regions, id),
                territories: refs(&territories, id),
                disabled,
                locked_until: locked_until.filter(|until| *until > now),
                totp_enabled,
                last_sign_in_at,
            },
        )
        .collect())
}

async fn one(db: &Database, id: i64) -> CoreResult<UserSummary> {
    summaries(db, Some(id))
        .await?
        .pop()
        .ok_or_else(|| CoreError::not_found("user", id.to_string()))
}

pub async fn create_user(
    db: &Database,
    actor: &Actor,
    input: UserInput,
) -> CoreResult<UserSummary> {
    authorize(db, actor, Action::Administer).await?;
    let now = Utc::now();
    let mut tx = db.write().await?;
    let id = insert_user(&mut tx, &input, now).await?;
    audit::record(&mut tx, Who::User(actor), now, creation_event(id, &input)).await?;
    tx.commit().await?;
    one(db, id).await
}

/// Active site administrators other than `except`: the last one cannot be demoted or disabled.
async fn other_admins(conn: &mut SqliteConnection, except: i64) -> CoreResult<i64> {
    Ok(sqlx::query_scalar(
        "SELECT count(*) FROM users WHERE role = 'site_admin' AND disabled = 0 AND id <> ?",
    )
    .bind(except)
    .fetch_one(conn)
    .await?)
}

pub async fn update_user(
    db: &Database,
    actor: &Actor,
    id: &str,
    input: UserInput,
) -> CoreResult<UserSummary> {
    authorize(db, actor, Action::Administer).await?;
    let id = parse_id("user", id)?;
    let before = one(db, id).await?;
    let username = clean_username(&input.username)?;
    let display_name = clean_display_name(&input.display_name)?;
    let (regions, territories) = scope_for(&input)?;
    let mut tx = db.write().await?;
    let demoted =
        before.role == Role::SiteAdmin && (input.role != Role::SiteAdmin || input.disabled);
    if demoted && other_admins(&mut tx, id).await? == 0 {
        return Err(CoreError::invalid(
            "role",
            "the last active site administrator must stay one",
        ));
    }
    let taken: Option<i64> =
        sqlx::query_scalar("SELECT id FROM users WHERE username = ? AND id <> ?")
            .bind(&username)
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    if taken.is_some() {
        return Err(CoreError::invalid(
            "username",
            format!("{username} is already taken"),
        ));
    }
    sqlx::query("UPDATE users SET username = ?, display_name = ?, role = ?, disabled = ?, updated_at = ? WHERE id = ?")
        .bind(&username)
        .bind(&display_name)
        .bind(input.role.as_str())
        .bind(input.disabled)
        .bind(timestamp(Utc::now()))
        .bind(id)
        .execute(&mut *tx)
        .await?;
    write_scope(&mut tx, id, &regions, &territories).await?;
    let mut changes = Vec::new();
    if before.username != username {
        changes.push(Change::new(
            "username",
            before.username.clone(),
            username.clone(),
        ));
    }
    if before.display_name != display_name {
        changes.push(Change::new(
            "displayName",
            before.display_name.clone(),
            display_name.clone(),
        ));
    }
    audit::record(
        &mut tx,
        Who::User(actor),
        Utc::now(),
        Event::new("update", "user", Some(id.to_string()))
            .summary(json!({
                "role": { "before": before.role, "after": input.role },
                "disabled": { "before": before.disabled, "after": input.disabled },
                "regionIds": regions,
                "territoryIds": territories,
            }))
            .changes(changes),
    )
    .await?;
    tx.commit().await?;
    one(db, id).await
}

/// Sets a new password for a user (administrators), clearing any lock.
pub async fn reset_password(
    db: &Database,
    actor: &Actor,
    id: &str,
    new_password: &str,
) -> CoreResult<()> {
    authorize(db, actor, Action::Administer).await?;
    let user = one(db, parse_id("user", id)?).await?;
    password::check_strength("newPassword", new_password, &user.username)?;
    set_password(
        db,
        Who::User(actor),
        &user.id,
        new_password,
        "reset_password",
    )
    .await
}

async fn set_password(
    db: &Database,
    who: Who<'_>,
    id: &str,
    new_password: &str,
    action: &'static str,
) -> CoreResult<()> {
    let hash = password::hash(new_password)?;
    let mut tx = db.write().await?;
    sqlx::query("UPDATE users SET password_hash = ?, failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE id = ?")
        .bind(hash)
        .bind(timestamp(Utc::now()))
        .bind(id)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        who,
        Utc::now(),
        Event::new(action, "user", Some(id.to_string())),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Removes a user's authenticator and recovery codes (administrators), e.g. after a lost phone.
pub async fn reset_totp(db: &Database, actor: &Actor, id: &str) -> CoreResult<()> {
    authorize(db, actor, Action::Administer).await?;
    let user = one(db, parse_id("user", id)?).await?;
    let mut tx = db.write().await?;
    clear_totp(&mut tx, &user.id).await?;
    audit::record(
        &mut tx,
        Who::User(actor),
        Utc::now(),
        Event::new("reset_totp", "user", Some(user.id)),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

async fn clear_totp(conn: &mut SqliteConnection, id: &str) -> CoreResult<()> {
    sqlx::query("UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, totp_last_step = NULL WHERE id = ?")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM user_recovery_codes WHERE user_id = ?")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Ends a lockout before it runs out (administrators).
pub async fn unlock_user(db: &Database, actor: &Actor, id: &str) -> CoreResult<()> {
    authorize(db, actor, Action::Administer).await?;
    let user = one(db, parse_id("user", id)?).await?;
    let mut tx = db.write().await?;
    sqlx::query("UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?")
        .bind(&user.id)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        Who::User(actor),
        Utc::now(),
        Event::new("unlock", "user", Some(user.id)),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A user changes their own password; the current one is checked first.
pub async fn change_own_password(
    db: &Database,
    actor: &Actor,
    current: &str,
    new_password: &str,
) -> CoreResult<()> {
    let hash: String = sqlx::query_scalar("SELECT password_hash FROM users WHERE id = ?")
        .bind(actor.user_id())
        .fetch_one(db.reader())
        .await?;
    if !password::verify(current, &hash) {
        return Err(CoreError::invalid(
            "currentPassword",
            "is not your current password",
        ));
    }
    password::check_strength("newPassword", new_password, actor.username())?;
    set_password(
        db,
        Who::User(actor),
        &actor.user_id().to_string(),
        new_password,
        "change_password",
    )
    .await
}

/// The zone the user reads and types times in; `None` follows the computer's clock.
pub async fn own_time_zone(db: &Database, actor: &Actor) -> CoreResult<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT time_zone FROM users WHERE id = ?")
            .bind(actor.user_id())
            .fetch_one(db.reader())
            .await?,
    )
}

/// A user chooses the zone they read and type times in (`None`: the computer's), checked
/// against the IANA database and audited. Returns the zone as stored.
pub async fn set_own_time_zone(
    db: &Database,
    actor: &Actor,
    zone: Option<&str>,
    now: DateTime<Utc>,
) -> CoreResult<Option<String>> {
    let zone = match zone.map(str::trim).filter(|z| !z.is_empty()) {
        Some(typed) => Some(
            crate::validate::time_zone(typed)
                .map_err(|message| CoreError::invalid("timeZone", message))?,
        ),
        None => None,
    };
    let mut tx = db.write().await?;
    let before: Option<String> = sqlx::query_scalar("SELECT time_zone FROM users WHERE id = ?")
        .bind(actor.user_id())
        .fetch_one(&mut *tx)
        .await?;
    if before == zone {
        return Ok(zone);
    }
    sqlx::query("UPDATE users SET time_zone = ?, updated_at = ? WHERE id = ?")
        .bind(&zone)
        .bind(timestamp(now))
        .bind(actor.user_id())
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        Who::User(actor),
        now,
        Event::new("set_time_zone", "user", Some(actor.user_id().to_string()))
            .changes(vec![Change::new("timeZone", json!(before), json!(zone))]),
    )
    .await?;
    tx.commit().await?;
    Ok(zone)
}

/// Starts authenticator enrolment: a new secret waits until its first code confirms it.
pub async fn begin_totp(db: &Database, actor: &Actor) -> CoreResult<TotpEnrolment> {
    let secret = totp::new_secret();
    let url = totp::enrolment_url(&secret, actor.username())?;
    let qr_svg = totp::qr_svg(&url)?;
    let mut tx = db.write().await?;
    sqlx::query("UPDATE users SET totp_pending_secret = ? WHERE id = ?")
        .bind(&secret)
        .bind(actor.user_id())
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(TotpEnrolment {
        secret,
        url,
        qr_svg,
    })
}

/// Confirms enrolment with a first code; returns the recovery codes, shown once.
pub async fn confirm_totp(
    db: &Database,
    actor: &Actor,
    code: &str,
    now: DateTime<Utc>,
) -> CoreResult<Vec<String>> {
    let pending: Option<String> =
        sqlx::query_scalar("SELECT totp_pending_secret FROM users WHERE id = ?")
            .bind(actor.user_id())
            .fetch_one(db.reader())
            .await?;
    let secret =
        pending.ok_or_else(|| CoreError::invalid("code", "start the authenticator setup first"))?;
    let unix = u64::try_from(now.timestamp()).unwrap_or(0);
    let step = totp::accept(&secret, code, unix, None)?.ok_or_else(|| {
        CoreError::invalid("code", "is not the current code of this authenticator")
    })?;
    let codes = totp::new_recovery_codes();
    let id = actor.user_id().to_string();
    let mut tx = db.write().await?;
    clear_totp(&mut tx, &id).await?;
    sqlx::query("UPDATE users SET totp_secret = ?, totp_last_step = ? WHERE id = ?")
        .bind(&secret)
        .bind(i64::try_from(step).unwrap_or(i64::MAX))
        .bind(actor.user_id())
        .execute(&mut *tx)
        .await?;
    for code in &codes {
        sqlx::query("INSERT INTO user_recovery_codes (user_id, code_hash) VALUES (?, ?)")
            .bind(actor.user_id())
            .bind(totp::recovery_code_hash(code))
            .execute(&mut *tx)
            .await?;
    }
    audit::record(
        &mut tx,
        Who::User(actor),
        now,
        Event::new("enable_totp", "user", Some(id)),
    )
    .await?;
    tx.commit().await?;
    Ok(codes)
}

/// Whether the database has any user yet (a new database shows the setup screen).
pub async fn any_user(db: &Database) -> CoreResult<bool> {
    let n: i64 = sqlx::query_scalar("SELECT count(*) FROM users")
        .fetch_one(db.reader())
        .await?;
    Ok(n > 0)
}
