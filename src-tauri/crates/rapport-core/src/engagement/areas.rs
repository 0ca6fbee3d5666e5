//! Areas: each territory, each region and the billing administrators' scope, whose contacts
//! the triggers of migration `20261209000000_areas.sql` keep in `area_contacts` (with the
//! columns the dashboard and reports count, and their engagement), `area_tallies` and
//! `area_responses`. Here: which areas a user's scope is, and the engagement figures of a set
//! of areas, read as one range per area instead of every contact's summary and answers. The
//! dashboard and the reports read the same rows for a user whose scope is one area.
//!
//! An area is a territory (its id), a region (minus its id) or billing (0), as the migration
//! keys them.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection, SqlitePool};

use super::metrics::{median, Sums};
use crate::access::Actor;
use crate::error::CoreResult;
use crate::model::{EngagementMetrics, Role};
use crate::Database;

pub(crate) fn territory(id: i64) -> i64 {
    id
}

pub(crate) fn region(id: i64) -> i64 {
    -id
}

pub(crate) const BILLING: i64 = 0;

/// Which contacts a figure covers: those in any of `areas`, and when `within` is given, only
/// those also in one of `within` (a manager looking at a territory outside their own).
pub(crate) struct AreaSet {
    pub areas: Vec<i64>,
    pub within: Option<Vec<i64>>,
}

impl AreaSet {
    /// The one area the set is, when it is one.
    pub(crate) fn single(&self) -> Option<i64> {
        match (self.areas.as_slice(), &self.within) {
            ([area], None) => Some(*area),
            _ => None,
        }
    }
}

/// The areas the actor's contacts are in, or those of one territory within the actor's
/// scope: a manager's territories or regions, billing's area, a site administrator's
/// territory (everyone is no area). A territory outside a manager's own covers only its
/// contacts that are also in the manager's areas, as the manager's scope does.
pub(crate) async fn of_actor(
    pool: &SqlitePool,
    actor: &Actor,
    territory: Option<i64>,
) -> CoreResult<AreaSet> {
    let assigned = |sql: &'static str, area: fn(i64) -> i64| async move {
        let ids: Vec<i64> = sqlx::query_scalar(sql)
            .bind(actor.user_id())
            .fetch_all(pool)
            .await?;
        CoreResult::Ok(Some(ids.into_iter().map(area).collect::<Vec<i64>>()))
    };
    let own = match actor.role() {
        Role::TerritoryManager => {
            assigned(
                "SELECT territory_id FROM user_territories WHERE user_id = ?",
                self::territory,
            )
            .await?
        }
        Role::RegionalManager => {
            assigned(
                "SELECT region_id FROM user_regions WHERE user_id = ?",
                region,
            )
            .await?
        }
        Role::BillingAdmin => Some(vec![BILLING]),
        Role::SiteAdmin => None,
    };
    let Some(territory) = territory else {
        return Ok(AreaSet {
            areas: own.unwrap_or_default(),
            within: None,
        });
    };
    let in_region: Option<i64> =
        sqlx::query_scalar("SELECT region_id FROM territories WHERE id = ?")
            .bind(territory)
            .fetch_optional(pool)
            .await?;
    let covered = |own: &Vec<i64>| {
        own.contains(&self::territory(territory))
            || in_region.is_some_and(|r| own.contains(&region(r)))
    };
    Ok(AreaSet {
        areas: vec![self::territory(territory)],
        within: own.filter(|own| !covered(own)),
    })
}

/// The one area the actor's contacts are, if they are one (see [`of_actor`]).
pub(crate) async fn single_of(pool: &SqlitePool, actor: &Actor) -> CoreResult<Option<i64>> {
    if actor.role() == Role::SiteAdmin {
        return Ok(None);
    }
    Ok(of_actor(pool, actor, None).await?.single())
}

type Row = (i64, i64, i64, i64, i64, Option<DateTime<Utc>>, i64);

/// The figures of an area set: one range per area, a contact in several of them counted once.
pub(crate) async fn metrics(db: &Database, set: &AreaSet) -> CoreResult<EngagementMetrics> {
    let mut tx = db.reader().begin().await?;
    let figures = match set.single() {
        Some(area) => one_area(&mut tx, area).await?,
        None => several_areas(&mut tx, set).await?,
    };
    tx.commit().await?;
    Ok(figures)
}

/// Sums over the area's range, and the median as an offset into its answers in order.
async fn one_area(conn: &mut SqliteConnection, area: i64) -> CoreResult<EngagementMetrics> {
    let sums: Sums = sqlx::query_as(
        "SELECT count(*) AS contacts, ifnull(sum(touchpoints), 0) AS touchpoints,
                ifnull(sum(attempts), 0) AS attempts, ifnull(sum(inbound), 0) AS inbound,
                ifnull(sum(answered), 0) AS answered, max(last_contact_at) AS last_contact_at,
                ifnull(sum(non_responsive), 0) AS non_responsive
         FROM area_contacts WHERE area = ?",
    )
    .bind(area)
    .fetch_one(&mut *conn)
    .await?;
    let responses: i64 = sqlx::query_scalar("SELECT count(*) FROM area_responses WHERE area = ?")
        .bind(area)
        .fetch_one(&mut *conn)
        .await?;
    let median_seconds = if responses == 0 {
        None
    } else {
        // The middle answer, or the two middle ones.
        let mut middle: Vec<i64> = sqlx::query_scalar(
            "SELECT seconds FROM area_responses WHERE area = ?
             ORDER BY seconds LIMIT ? OFFSET ?",
        )
        .bind(area)
        .bind(2 - responses % 2)
        .bind((responses - 1) / 2)
        .fetch_all(&mut *conn)
        .await?;
        median(&mut middle)
    };
    Ok(sums.metrics(median_seconds))
}

/// Each area's range in turn; a contact's summary and answers count in the first area it is
/// found in.
async fn several_areas(
    conn: &mut SqliteConnection,
    set: &AreaSet,
) -> CoreResult<EngagementMetrics> {
    let mut seen: HashSet<i64> = HashSet::new();
    let mut sums = Sums::default();
    let mut seconds: Vec<i64> = Vec::new();
    for &area in &set.areas {
        let mut rows = QueryBuilder::new(
            "SELECT a.contact_id, a.touchpoints, a.attempts, a.inbound, a.answered,
                    a.last_contact_at, a.non_responsive
             FROM area_contacts a WHERE a.area = ",
        );
        rows.push_bind(area);
        push_within(&mut rows, set.within.as_deref());
        let rows: Vec<Row> = rows.build_query_as().fetch_all(&mut *conn).await?;
        let mut first_here = HashSet::new();
        for (contact, t, a, i, ans, at, nr) in rows {
            if !seen.insert(contact) {
                continue;
            }
            first_here.insert(contact);
            sums.touchpoints += t;
            sums.attempts += a;
            sums.inbound += i;
            sums.answered += ans;
            sums.non_responsive += nr;
            sums.last_contact_at = sums.last_contact_at.max(at);
        }
        if first_here.is_empty() {
            continue;
        }
        let mut answers = QueryBuilder::new(
            "SELECT a.contact_id, a.seconds FROM area_responses a WHERE a.area = ",
        );
        answers.push_bind(area);
        push_within(&mut answers, set.within.as_deref());
        let answers: Vec<(i64, i64)> = answers.build_query_as().fetch_all(&mut *conn).await?;
        seconds.extend(
            answers
                .into_iter()
                .filter(|(contact, _)| first_here.contains(contact))
                .map(|(_, s)| s),
        );
    }
    sums.contacts = seen.len() as i64;
    Ok(sums.metrics(median(&mut seconds)))
}

fn push_within(b: &mut QueryBuilder<'_, Sqlite>, within: Option<&[i64]>) {
    let Some(within) = within else { return };
    b.push(
        " AND EXISTS (SELECT 1 FROM area_contacts w
            WHERE w.contact_id = a.contact_id AND w.area IN (",
    );
    let mut list = b.separated(", ");
    for area in within {
        list.push_bind(*area);
    }
    b.push("))");
}
