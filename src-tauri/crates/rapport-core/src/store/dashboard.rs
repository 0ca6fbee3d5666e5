//! The dashboard's counts. Each goes through [`contacts::counted`], the FROM and WHERE of the
//! contact list's own count, so a figure and the list filtered the same way agree; the indexes
//! of the dashboard migration keep each one an index scan or range.

use std::collections::HashMap;

use chrono::{DateTime, NaiveTime, Utc};
use sqlx::{QueryBuilder, SqlitePool};

use super::contacts::counted;
use super::timestamp;
use crate::access::Actor;
use crate::engagement::areas;
use crate::error::CoreResult;
use crate::model::{
    parse_id, ChangeFilter, ChangeKind, ContactFilter, ContactStatus, ContactType, LifecycleStage,
    Role,
};

/// The visible contacts by type, stage and status, with their data-quality findings.
#[derive(Debug, Default)]
pub struct Breakdown {
    pub rows: Vec<BreakdownRow>,
    pub unreachable: u32,
    pub unverified: u32,
    /// Flagged both ways (so the clean ones are `total - unreachable - unverified + both`).
    pub both: u32,
}

#[derive(Debug)]
pub struct BreakdownRow {
    pub contact_type: ContactType,
    pub stage: LifecycleStage,
    pub status: ContactStatus,
    pub count: u32,
}

fn small(n: i64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Every combination of type, stage and status with its count, and the unverified ones: for a
/// site administrator from the tallies the triggers keep, for others one pass over the scope's
/// contacts; then the unreachable ones, which the partial index `contacts_unreachable` holds
/// alone. `verified_before`: active contacts verified
/// before then (or never) are unverified.
pub async fn breakdown(
    pool: &SqlitePool,
    actor: &Actor,
    scope: Option<&str>,
    verified_before: DateTime<Utc>,
) -> CoreResult<Breakdown> {
    // A timestamp this module wrote: digits, '-', ':', 'T', '.', 'Z' only.
    let cutoff = timestamp(verified_before);
    let unverified = format!(
        "c.erased_at IS NULL AND c.status = 'active'
         AND (c.verified_at IS NULL OR c.verified_at < '{cutoff}')"
    );
    let filter = ContactFilter::default();
    let mut out = Breakdown::default();
    if actor.role() == Role::SiteAdmin {
        // Everyone: the tallies the triggers keep, and the active contacts not erased less
        // those verified since the cutoff.
        let rows: Vec<(ContactType, LifecycleStage, ContactStatus, i64, i64)> = sqlx::query_as(
            "SELECT contact_type, lifecycle_stage, status, contacts, erased
             FROM contact_tallies WHERE contacts > 0",
        )
        .fetch_all(pool)
        .await?;
        let mut active = 0;
        for (contact_type, stage, status, count, erased) in rows {
            if status == ContactStatus::Active {
                active += count - erased;
            }
            out.rows.push(BreakdownRow {
                contact_type,
                stage,
                status,
                count: small(count),
            });
        }
        out.unverified = small(active - verified_since(pool, verified_before).await?);
    } else {
        let mut builder = counted(
            &format!(
                "c.contact_type, c.lifecycle_stage, c.status, count(*), \
                 ifnull(sum({unverified}), 0)"
            ),
            scope,
            actor,
            &filter,
        )?;
        builder.push(" GROUP BY c.contact_type, c.lifecycle_stage, c.status");
        let rows: Vec<(ContactType, LifecycleStage, ContactStatus, i64, i64)> =
            builder.build_query_as().fetch_all(pool).await?;
        let mut unverified_total = 0;
        for (contact_type, stage, status, count, unverified) in rows {
            unverified_total += unverified;
            out.rows.push(BreakdownRow {
                contact_type,
                stage,
                status,
                count: small(count),
            });
        }
        out.unverified = small(unverified_total);
    }
    // The unreachable contacts are few: read them from their partial index and check the
    // scope of each, rather than every contact of the scope.
    let mut builder = counted(
        &format!("count(*), ifnull(sum({unverified}), 0)"),
        None,
        actor,
        &filter,
    )?;
    builder
        .push(" AND c.primary_email IS NULL AND c.primary_phone IS NULL AND c.erased_at IS NULL");
    let (unreachable, both): (i64, i64) = builder.build_query_as().fetch_one(pool).await?;
    out.unreachable = small(unreachable);
    out.both = small(both);
    Ok(out)
}

/// Active contacts not erased, verified at or after `cutoff`: the kept days after the cutoff's
/// day (`contact_verified_days`), and that day's own range of `contacts_verified`.
async fn verified_since(pool: &SqlitePool, cutoff: DateTime<Utc>) -> CoreResult<i64> {
    let day = cutoff.date_naive();
    let next_day = day
        .succ_opt()
        .unwrap_or(day)
        .and_time(NaiveTime::MIN)
        .and_utc();
    let n: i64 = sqlx::query_scalar(
        "SELECT (SELECT ifnull(sum(contacts), 0) FROM contact_verified_days WHERE day > ?1)
              + (SELECT count(*) FROM contacts INDEXED BY contacts_verified
                 WHERE status = 'active' AND verified_at >= ?2 AND verified_at < ?3
                   AND erased_at IS NULL)",
    )
    .bind(day.to_string())
    .bind(timestamp(cutoff))
    .bind(timestamp(next_day))
    .fetch_one(pool)
    .await?;
    Ok(n)
}

/// Contacts per territory, as the list's territory filter counts them: those with a site there,
/// each once. Only the given territories (the ones the actor may see) are read.
pub async fn by_territory(
    pool: &SqlitePool,
    actor: &Actor,
    scope: Option<&str>,
    territory_ids: &[String],
) -> CoreResult<HashMap<i64, u32>> {
    if territory_ids.is_empty() {
        return Ok(HashMap::new());
    }
    // A site administrator sees every contact with a site: the counts the triggers keep in
    // `territory_contacts` are the answer. Others start from their scope's posting list, as
    // their list's count does, and follow each contact's links to its sites' territories.
    let mut builder = match scope {
        None => QueryBuilder::new(
            "SELECT territory_id, contacts FROM territory_contacts WHERE territory_id IN (",
        ),
        Some(scope) => {
            let mut b = QueryBuilder::new(
                "SELECT s.territory_id, count(DISTINCT c.id) FROM contact_words
                 CROSS JOIN contacts c INDEXED BY contacts_scoped ON c.id = contact_words.rowid
                 CROSS JOIN contact_sites cs ON cs.contact_id = c.id
                 CROSS JOIN sites s ON s.id = cs.site_id
                 WHERE contact_words MATCH ",
            );
            b.push_bind(scope.to_string());
            b.push(" AND s.territory_id IN (");
            b
        }
    };
    let mut ids = builder.separated(", ");
    for id in territory_ids {
        ids.push_bind(parse_id("territory", id)?);
    }
    builder.push(")");
    if scope.is_some() {
        crate::access::scope::push_contact_scope(&mut builder, actor);
        builder.push(" GROUP BY s.territory_id");
    }
    let rows: Vec<(i64, i64)> = builder.build_query_as().fetch_all(pool).await?;
    Ok(rows.into_iter().map(|(id, n)| (id, small(n))).collect())
}

/// How many visible contacts changed this way since `since`: the list's count with the same
/// change filter.
pub async fn changed(
    pool: &SqlitePool,
    actor: &Actor,
    scope: Option<&str>,
    kind: ChangeKind,
    since: DateTime<Utc>,
) -> CoreResult<u32> {
    let filter = ContactFilter {
        changed: Some(ChangeFilter { kind, since }),
        ..ContactFilter::default()
    };
    let mut builder = counted("count(*)", scope, actor, &filter)?;
    let n: i64 = builder.build_query_scalar().fetch_one(pool).await?;
    Ok(small(n))
}

/// [`breakdown`] for an actor whose scope is one area (a territory's or a region's manager,
/// billing; see `engagement::areas`): the area's kept tallies, and the ranges of its
/// verification and unreachable indexes. The same contacts the list counts for that actor.
pub async fn area_breakdown(
    pool: &SqlitePool,
    area: i64,
    verified_before: DateTime<Utc>,
) -> CoreResult<Breakdown> {
    let cutoff = timestamp(verified_before);
    let rows: Vec<(ContactType, LifecycleStage, ContactStatus, i64)> = sqlx::query_as(
        "SELECT contact_type, lifecycle_stage, status, contacts FROM area_tallies
         WHERE area = ? AND contacts > 0",
    )
    .bind(area)
    .fetch_all(pool)
    .await?;
    let active: i64 = rows
        .iter()
        .filter(|r| r.2 == ContactStatus::Active)
        .map(|r| r.3)
        .sum();
    let verified: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM area_contacts INDEXED BY area_contacts_verified
         WHERE area = ? AND status = 'active' AND verified_at >= ?",
    )
    .bind(area)
    .bind(&cutoff)
    .fetch_one(pool)
    .await?;
    let (unreachable, both): (i64, i64) = sqlx::query_as(
        "SELECT count(*), ifnull(sum(status = 'active'
                    AND (verified_at IS NULL OR verified_at < ?)), 0)
         FROM area_contacts INDEXED BY area_contacts_unreachable
         WHERE area = ? AND unreachable = 1",
    )
    .bind(&cutoff)
    .bind(area)
    .fetch_one(pool)
    .await?;
    Ok(Breakdown {
        rows: rows
            .into_iter()
            .map(|(contact_type, stage, status, count)| BreakdownRow {
                contact_type,
                stage,
                status,
                count: small(count),
            })
            .collect(),
        unreachable: small(unreachable),
        unverified: small(active - verified),
        both: small(both),
    })
}

/// [`by_territory`] for an actor whose scope is one area: a manager's territories are inside
/// their area, so each counts its own area's contacts (kept tallies); billing counts each
/// territory's billing contacts (a range of `area_contacts_billing`).
pub async fn area_by_territory(
    pool: &SqlitePool,
    area: i64,
    territory_ids: &[String],
) -> CoreResult<HashMap<i64, u32>> {
    let ids = territory_ids
        .iter()
        .map(|id| parse_id("territory", id))
        .collect::<CoreResult<Vec<i64>>>()?;
    let sql = if area == areas::BILLING {
        "SELECT area, count(*) FROM area_contacts INDEXED BY area_contacts_billing
         WHERE billing = 1 AND area IN (SELECT value FROM json_each(?)) GROUP BY area"
    } else {
        "SELECT area, sum(contacts) FROM area_tallies
         WHERE area IN (SELECT value FROM json_each(?)) GROUP BY area"
    };
    let rows: Vec<(i64, i64)> = sqlx::query_as(sql)
        .bind(serde_json::to_string(&ids).unwrap_or_default())
        .fetch_all(pool)
        .await?;
    Ok(rows.into_iter().map(|(t, n)| (t, small(n))).collect())
}

/// [`changed`] for an actor whose scope is one area: a range of the area's own index.
pub async fn area_changed(
    pool: &SqlitePool,
    area: i64,
    kind: ChangeKind,
    since: DateTime<Utc>,
) -> CoreResult<u32> {
    let sql = match kind {
        ChangeKind::Created => {
            "SELECT count(*) FROM area_contacts INDEXED BY area_contacts_created
             WHERE area = ?1 AND created_at >= ?2"
        }
        ChangeKind::Updated => {
            "SELECT count(*) FROM area_contacts INDEXED BY area_contacts_updated
             WHERE area = ?1 AND updated_at >= ?2 AND created_at < ?2"
        }
        // Archived contacts are in no area: an area's deactivated ones are the inactive ones.
        ChangeKind::Deactivated => {
            "SELECT count(*) FROM area_contacts INDEXED BY area_contacts_deactivated
             WHERE area = ?1 AND status = 'inactive' AND status_changed_at >= ?2"
        }
    };
    let n: i64 = sqlx::query_scalar(sql)
        .bind(area)
        .bind(timestamp(since))
        .fetch_one(pool)
        .await?;
    Ok(small(n))
}

/// The contacts the actor sees that were created, updated (created before `since`) and
/// deactivated since `since`: a site administrator sees every contact, so the month tallies
/// answer; an area's actor reads the area's indexes; anyone else counts the list's filter.
pub async fn month_changes(
    pool: &SqlitePool,
    actor: &Actor,
    scope: Option<&str>,
    area: Option<i64>,
    since: DateTime<Utc>,
) -> CoreResult<[u32; 3]> {
    if area.is_none() && actor.role() == Role::SiteAdmin {
        return month_tallies(pool, since).await;
    }
    let mut counts = [0; 3];
    for (count, kind) in counts.iter_mut().zip([
        ChangeKind::Created,
        ChangeKind::Updated,
        ChangeKind::Deactivated,
    ]) {
        *count = match area {
            Some(area) => area_changed(pool, area, kind, since).await?,
            None => changed(pool, actor, scope, kind, since).await?,
        };
    }
    Ok(counts)
}

/// A site administrator's changes in the month starting at `month` (its first instant, UTC):
/// created, updated (created before it) and deactivated, from the month tallies the triggers
/// keep (`contact_months`), which hold every contact as the list's change filters see them.
async fn month_tallies(pool: &SqlitePool, month: DateTime<Utc>) -> CoreResult<[u32; 3]> {
    let (created, updated, deactivated): (i64, i64, i64) = sqlx::query_as(
        "SELECT ifnull(sum(CASE WHEN created >= ?1 THEN contacts END), 0),
                ifnull(sum(CASE WHEN updated >= ?1 AND created < ?1 THEN contacts END), 0),
                ifnull(sum(CASE WHEN deactivated >= ?1 THEN contacts END), 0)
         FROM contact_months",
    )
    .bind(month.format("%Y-%m").to_string())
    .fetch_one(pool)
    .await?;
    Ok([small(created), small(updated), small(deactivated)])
}
