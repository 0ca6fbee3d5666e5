//! Daily data-quality snapshots: what the trends are drawn from. One is taken per day (UTC),
//! the first time the app starts or a report is made that day; the day's figures stay as
//! they were first counted.

use chrono::{DateTime, Duration, Utc};
use sqlx::SqlitePool;

use crate::access::Actor;
use crate::contact::policy;
use crate::engagement::areas;
use crate::error::CoreResult;
use crate::model::{QualityPoint, Role};
use crate::store::report::{self as sql, percent, Bounds, Facts, Grouping, Who};
use crate::Database;

fn day_of(at: DateTime<Utc>) -> String {
    at.date_naive().to_string()
}

/// Takes today's snapshot unless it exists. Returns whether one was taken.
pub async fn take_daily(db: &Database, now: DateTime<Utc>) -> CoreResult<bool> {
    let taken: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM quality_snapshots WHERE level = 'all' AND group_id = 0 AND day = ?",
    )
    .bind(day_of(now))
    .fetch_optional(db.reader())
    .await?;
    if taken.is_some() {
        return Ok(false);
    }
    take(db, now, None).await?;
    Ok(true)
}

/// The demo's history: a snapshot a week for the `weeks` weeks before `now`, counted from the
/// contacts' creation and verification dates as [`Bounds::as_of`] reconstructs them, so the
/// trends have a past on a new demo database.
pub async fn reconstruct_weekly(db: &Database, now: DateTime<Utc>, weeks: i64) -> CoreResult<()> {
    for week in (1..=weeks).rev() {
        let day = now - Duration::weeks(week);
        take(db, day, Some(day)).await?;
    }
    Ok(())
}

/// A snapshot's bounds: the day itself, with the verification policy's cutoff.
async fn bounds_at(
    pool: &SqlitePool,
    now: DateTime<Utc>,
    as_of: Option<DateTime<Utc>>,
) -> CoreResult<Bounds> {
    let policy = policy::load(pool).await?;
    Ok(Bounds {
        from: now,
        to: now,
        verified_since: now - Duration::days(i64::from(policy.verification_days)),
        as_of,
    })
}

async fn take(db: &Database, now: DateTime<Utc>, as_of: Option<DateTime<Utc>>) -> CoreResult<()> {
    let day = day_of(now);
    let pool = db.reader();
    let bounds = bounds_at(pool, now, as_of).await?;
    let mut rows: Vec<(&str, i64, Facts)> = vec![
        ("all", 0, sql::overall(pool, Who::Everyone, &bounds).await?),
        (
            "billing",
            0,
            sql::overall(pool, Who::Billing, &bounds).await?,
        ),
    ];
    for (level, grouping) in [
        ("territory", Grouping::Territory),
        ("region", Grouping::Region),
    ] {
        let groups = sql::grouped(pool, Who::InUse, &bounds, grouping).await?;
        rows.extend(groups.into_iter().map(|(id, facts)| (level, id, facts)));
    }
    for manager in managers_of_several_areas(pool).await? {
        let facts = sql::overall(pool, Who::Actor(&manager), &bounds).await?;
        rows.push((USER_LEVEL, manager.user_id(), facts));
    }
    let mut tx = db.write().await?;
    for (level, group_id, facts) in rows {
        // A snapshot another window took meanwhile wins: the day keeps its first figures.
        sqlx::query(
            "INSERT INTO quality_snapshots
                 (day, level, group_id, contacts, clean, unreachable, unverified)
             VALUES (?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (level, group_id, day) DO NOTHING",
        )
        .bind(&day)
        .bind(level)
        .bind(group_id)
        .bind(facts.contacts)
        .bind(facts.clean)
        .bind(facts.unreachable)
        .bind(facts.never_verified + facts.stale)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The snapshot level of one manager's own scope, keyed by their user id.
const USER_LEVEL: &str = "user";

/// Managers of more than one territory or region. Their snapshot is taken over their own scope:
/// summing their areas' would count twice a contact with sites in two of them.
async fn managers_of_several_areas(pool: &SqlitePool) -> CoreResult<Vec<Actor>> {
    let rows: Vec<(i64, String, String, Role)> = sqlx::query_as(
        "SELECT u.id, u.username, u.display_name, u.role FROM users u
         WHERE (u.role = 'territory_manager'
                AND (SELECT count(*) FROM user_territories a WHERE a.user_id = u.id) > 1)
            OR (u.role = 'regional_manager'
                AND (SELECT count(*) FROM user_regions a WHERE a.user_id = u.id) > 1)",
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, username, name, role)| Actor::new(id, username, name, role))
        .collect())
}

/// The actor's data-quality trend over the last `days` days, oldest first: everyone's for a
/// site administrator, billing's for a billing administrator, their area's for a manager of
/// one territory or region, and a manager of several their own scope's, each contact once.
/// That last has days only since the manager had several areas at a snapshot; today's point
/// is counted now when today's snapshot came before.
pub async fn trend(
    pool: &SqlitePool,
    actor: &Actor,
    now: DateTime<Utc>,
    days: i64,
) -> CoreResult<Vec<QualityPoint>> {
    let since = day_of(now - Duration::days(days));
    if several_areas(pool, actor).await? {
        return own_trend(pool, actor, now, &since).await;
    }
    let (level, groups) = match actor.role() {
        Role::SiteAdmin => ("all", "0".to_string()),
        Role::BillingAdmin => ("billing", "0".to_string()),
        Role::RegionalManager => (
            "region",
            "SELECT region_id FROM user_regions WHERE user_id = ?2".to_string(),
        ),
        Role::TerritoryManager => (
            "territory",
            "SELECT territory_id FROM user_territories WHERE user_id = ?2".to_string(),
        ),
    };
    let rows: Vec<SnapshotRow> = sqlx::query_as(&format!(
        "SELECT day, sum(contacts), sum(clean), sum(unreachable), sum(unverified)
         FROM quality_snapshots
         WHERE level = ?1 AND group_id IN ({groups}) AND day >= ?3
         GROUP BY day ORDER BY day"
    ))
    .bind(level)
    .bind(actor.user_id())
    .bind(since)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(point).collect())
}

fn point((day, contacts, clean, unreachable, unverified): SnapshotRow) -> QualityPoint {
    let n = |v: i64| u32::try_from(v).unwrap_or(u32::MAX);
    QualityPoint {
        day,
        contacts: n(contacts),
        clean: n(clean),
        unreachable: n(unreachable),
        unverified: n(unverified),
        score: percent(n(clean), n(contacts)).unwrap_or(100),
    }
}

type SnapshotRow = (String, i64, i64, i64, i64);

async fn several_areas(pool: &SqlitePool, actor: &Actor) -> CoreResult<bool> {
    if matches!(actor.role(), Role::SiteAdmin | Role::BillingAdmin) {
        return Ok(false);
    }
    Ok(areas::of_actor(pool, actor, None).await?.areas.len() > 1)
}

async fn own_trend(
    pool: &SqlitePool,
    actor: &Actor,
    now: DateTime<Utc>,
    since: &str,
) -> CoreResult<Vec<QualityPoint>> {
    let rows: Vec<SnapshotRow> = sqlx::query_as(
        "SELECT day, contacts, clean, unreachable, unverified FROM quality_snapshots
         WHERE level = ?1 AND group_id = ?2 AND day >= ?3 ORDER BY day",
    )
    .bind(USER_LEVEL)
    .bind(actor.user_id())
    .bind(since)
    .fetch_all(pool)
    .await?;
    let mut points: Vec<QualityPoint> = rows.into_iter().map(point).collect();
    let today = day_of(now);
    if points.last().map(|p| p.day.as_str()) != Some(today.as_str()) {
        let bounds = bounds_at(pool, now, None).await?;
        let facts = sql::overall(pool, Who::Actor(actor), &bounds).await?;
        points.push(QualityPoint {
            day: today,
            contacts: facts.contacts,
            clean: facts.clean,
            unreachable: facts.unreachable,
            unverified: facts.never_verified + facts.stale,
            score: facts.score(),
        });
    }
    Ok(points)
}
