//! The home dashboard: the user's contacts by type, stage, status and territory, the month's
//! changes, data quality, follow-ups and non-responsive contacts, and the latest imports.
//!
//! Every contact figure is counted by the contact list's own SQL (`store::contacts::counted`),
//! or, for a user whose scope is one territory, region or billing, read from that area's rows
//! and tallies (`engagement::areas`), which hold the contacts the list shows them; either way
//! clicking a figure into the list shows the same number of contacts.

use std::time::Instant;

use chrono::{DateTime, Datelike, Duration, TimeZone, Utc};

use crate::access::role::reach;
use crate::access::scope::search_scope;
use crate::access::{authorize, Action, Actor, Reach};
use crate::contact::policy;
use crate::engagement::{areas, escalation, follow_ups};
use crate::error::CoreResult;
use crate::import::history;
use crate::model::*;
use crate::store::{dashboard as sql, organisation};
use crate::Database;

/// How many of the latest imports the dashboard lists.
pub const LATEST_IMPORTS: usize = 5;
/// How far back the data-quality trend goes.
pub const TREND_DAYS: i64 = 90;

fn ms(start: Instant) -> f64 {
    (start.elapsed().as_secs_f64() * 1000.0 * 100.0).round() / 100.0
}

/// The first instant of `now`'s month (UTC).
pub fn month_start(now: DateTime<Utc>) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(now.year(), now.month(), 1, 0, 0, 0)
        .single()
        .unwrap_or(now)
}

fn tallies<T: Copy + PartialEq>(all: &[T], rows: impl Iterator<Item = (T, u32)>) -> Vec<Tally<T>> {
    let mut out: Vec<Tally<T>> = all.iter().map(|&value| Tally { value, count: 0 }).collect();
    for (value, count) in rows {
        if let Some(t) = out.iter_mut().find(|t| t.value == value) {
            t.count += count;
        }
    }
    out
}

/// The dashboard of `actor` at `now`, within their scope.
pub async fn dashboard(db: &Database, actor: &Actor, now: DateTime<Utc>) -> CoreResult<Dashboard> {
    let started = Instant::now();
    authorize(db, actor, Action::ViewContacts).await?;
    let pool = db.reader();
    let scope = search_scope(pool, actor).await?;
    let scope = scope.as_deref();
    // A manager of one territory or region, or billing: their scope is one area, whose rows
    // and tallies the triggers keep, so every figure is a short read of that area.
    let area = areas::single_of(pool, actor).await?;

    let t = Instant::now();
    let policy = policy::load(pool).await?;
    let verified_before = now - Duration::days(i64::from(policy.verification_days));
    let breakdown = match area {
        Some(area) => sql::area_breakdown(pool, area, verified_before).await?,
        None => sql::breakdown(pool, actor, scope, verified_before).await?,
    };
    let total: u32 = breakdown.rows.iter().map(|r| r.count).sum();
    let by_type = tallies(
        ContactType::ALL,
        breakdown.rows.iter().map(|r| (r.contact_type, r.count)),
    );
    let by_stage = tallies(
        LifecycleStage::ALL,
        breakdown.rows.iter().map(|r| (r.stage, r.count)),
    );
    let statuses: &[ContactStatus] = if actor.role() == Role::SiteAdmin {
        ContactStatus::ALL
    } else {
        &[ContactStatus::Active, ContactStatus::Inactive]
    };
    let by_status = tallies(statuses, breakdown.rows.iter().map(|r| (r.status, r.count)));
    let flagged = breakdown.unreachable + breakdown.unverified - breakdown.both;
    let clean = total.saturating_sub(flagged);
    let quality = DataQuality {
        contacts: total,
        clean,
        unreachable: breakdown.unreachable,
        unverified: breakdown.unverified,
        score: if total == 0 {
            100
        } else {
            u32::try_from(u64::from(clean) * 100 / u64::from(total)).unwrap_or(100)
        },
        verification_days: policy.verification_days,
        trend: crate::report::snapshot::trend(pool, actor, now, TREND_DAYS).await?,
    };
    let breakdown_ms = ms(t);

    let t = Instant::now();
    let territories = organisation::list_territories(db, actor).await?;
    let ids: Vec<String> = territories.iter().map(|t| t.id.clone()).collect();
    let counts = match area {
        Some(area) => sql::area_by_territory(pool, area, &ids).await?,
        None => sql::by_territory(pool, actor, scope, &ids).await?,
    };
    let by_territory = territories
        .into_iter()
        .map(|t| TerritoryTally {
            count: t
                .id
                .parse::<i64>()
                .ok()
                .and_then(|id| counts.get(&id).copied())
                .unwrap_or(0),
            territory_id: t.id,
            name: t.name,
            region_name: t.region_name,
        })
        .collect();
    let territories_ms = ms(t);

    let t = Instant::now();
    let since = month_start(now);
    let [created, updated, deactivated] =
        sql::month_changes(pool, actor, scope, area, since).await?;
    let month = MonthChanges {
        since,
        created,
        updated,
        deactivated,
    };
    let month_ms = ms(t);

    let t = Instant::now();
    let counts = follow_ups::follow_up_counts(db, actor, now).await?;
    let work = DashboardWork {
        due: counts.due,
        overdue: counts.overdue,
        overdue_in_scope: counts.overdue_in_scope,
        non_responsive: escalation::count_non_responsive(db, actor).await?,
    };
    let work_ms = ms(t);

    let t = Instant::now();
    let imports = if reach(actor.role(), Action::Import) == Reach::None {
        Vec::new()
    } else {
        let mut all = history::list_imports(db, actor).await?;
        all.truncate(LATEST_IMPORTS);
        all
    };
    let imports_ms = ms(t);

    Ok(Dashboard {
        generated_at: now,
        total,
        by_type,
        by_stage,
        by_status,
        by_territory,
        month,
        quality,
        work,
        imports,
        timings: DashboardTimings {
            breakdown_ms,
            territories_ms,
            month_ms,
            work_ms,
            imports_ms,
            total_ms: ms(started),
        },
    })
}
