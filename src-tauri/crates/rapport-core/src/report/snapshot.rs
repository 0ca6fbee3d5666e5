//! Daily data-quality snapshots: what the trends are drawn from. One is taken per day (UTC),
//! the first time the app starts or a report is made that day; the day's figures stay as
//! they were first counted.

use chrono::{DateTime, Duration, Utc};
use sqlx::SqlitePool;

use crate::access::Actor;
use crate::contact::policy;
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

async fn take(db: &Database, now: DateTime<Utc>, as_of: Option<DateTime<Utc>>) -> CoreResult<()> {
    let day = day_of(now);
    let pool = db.reader();
    let policy = policy::load(pool).await?;
    let bounds = Bounds {
        from: now,
        to: now,
        verified_since: now - Duration::days(i64::from(policy.verification_days)),
        as_of,
    };
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
    let mut tx = db.write().await?;
    for (level, group_id, facts) in rows {
        // A snapshot another window took meanwhile wins: the day keeps its first figures.
        sqlx::query(
            "INSERT OR IGNORE INTO quality_snapshots
                 (day, level, group_id, contacts, clean, unreachable, unverified)
             VALUES (?, ?, ?, ?, ?, ?, ?)",
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

/// The actor's data-quality trend over the last `days` days, oldest first: everyone's for a
/// site administrator, billing's for a billing administrator, and for managers the sum over
/// their regions or territories (a contact with sites in two of them counts in each).
pub async fn trend(
    pool: &SqlitePool,
    actor: &Actor,
    now: DateTime<Utc>,
    days: i64,
) -> CoreResult<Vec<QualityPoint>> {
    let since = day_of(now - Duration::days(days));
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
    let rows: Vec<(String, i64, i64, i64, i64)> = sqlx::query_as(&format!(
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
    let n = |v: i64| u32::try_from(v).unwrap_or(u32::MAX);
    Ok(rows
        .into_iter()
        .map(
            |(day, contacts, clean, unreachable, unverified)| QualityPoint {
                day,
                contacts: n(contacts),
                clean: n(clean),
                unreachable: n(unreachable),
                unverified: n(unverified),
                score: percent(n(clean), n(contacts)).unwrap_or(100),
            },
        )
        .collect())
}
