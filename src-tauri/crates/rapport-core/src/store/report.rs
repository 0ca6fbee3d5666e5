//! The counts reports are made of: per contact state (new, changed, deactivated, verified,
//! flagged) in one pass over the actor's contacts, overall, per territory or per region.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sqlx::{QueryBuilder, Sqlite, SqlitePool};

use super::timestamp;
use crate::access::scope::push_contact_scope;
use crate::access::Actor;
use crate::engagement::areas;
use crate::error::CoreResult;
use crate::model::Role;

/// Whose contacts are counted.
#[derive(Debug, Clone, Copy)]
pub enum Who<'a> {
    /// The contacts the user may see, as their contact list shows them.
    Actor(&'a Actor),
    /// Every contact (what a site administrator sees).
    Everyone,
    /// Every contact not archived (what a manager sees of their territories).
    InUse,
    /// What a billing administrator sees.
    Billing,
}

/// Leaves out contacts created after `bounds.as_of`.
fn push_as_of(builder: &mut QueryBuilder<'_, Sqlite>, bounds: &Bounds) {
    if let Some(as_of) = bounds.as_of {
        builder
            .push(" AND c.created_at < ")
            .push_bind(timestamp(as_of));
    }
}

/// The actor's scope over contacts `c`, for queries that read every contact of it: a
/// manager's contacts are first picked from their territories' sites, so SQLite reads those
/// rows by id instead of every contact row (most of a page each, decrypted) to test the scope
/// on each; the scope's own condition then applies as everywhere.
pub fn push_actor_scope(builder: &mut QueryBuilder<'_, Sqlite>, actor: &Actor) {
    match actor.role() {
        Role::TerritoryManager => {
            builder
                .push(
                    " AND c.id IN (SELECT cs.contact_id FROM user_territories ut
                      JOIN sites s ON s.territory_id = ut.territory_id
                      JOIN contact_sites cs ON cs.site_id = s.id WHERE ut.user_id = ",
                )
                .push_bind(actor.user_id())
                .push(")");
        }
        Role::RegionalManager => {
            builder
                .push(
                    " AND c.id IN (SELECT cs.contact_id FROM user_regions ur
                      JOIN territories t ON t.region_id = ur.region_id
                      JOIN sites s ON s.territory_id = t.id
                      JOIN contact_sites cs ON cs.site_id = s.id WHERE ur.user_id = ",
                )
                .push_bind(actor.user_id())
                .push(")");
        }
        Role::SiteAdmin | Role::BillingAdmin => {}
    }
    push_contact_scope(builder, actor);
}

fn push_who(builder: &mut QueryBuilder<'_, Sqlite>, who: Who<'_>) {
    match who {
        Who::Actor(actor) => push_actor_scope(builder, actor),
        Who::Everyone => {}
        Who::InUse => {
            builder.push(" AND c.status <> 'archived'");
        }
        Who::Billing => {
            // The billing scope depends on the role alone; this actor only shapes the SQL.
            let billing = Actor::new(0, String::new(), String::new(), Role::BillingAdmin);
            push_contact_scope(builder, &billing);
        }
    }
}

/// What a report counts about a set of contacts (erased ones never count).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Facts {
    pub contacts: u32,
    pub active: u32,
    /// Created in the period.
    pub created: u32,
    /// Created before the period and last changed in it.
    pub updated: u32,
    /// Inactive or archived now, since a status change in the period.
    pub deactivated: u32,
    /// No email address and no phone number.
    pub unreachable: u32,
    /// Active and never verified.
    pub never_verified: u32,
    /// Active and last verified before the policy's cutoff.
    pub stale: u32,
    /// Active and verified in the period.
    pub verified_in_period: u32,
    /// None of the findings above (unreachable, never verified, stale).
    pub clean: u32,
}

impl Facts {
    /// Active contacts verified within the policy period.
    pub fn verified(&self) -> u32 {
        self.active.saturating_sub(self.never_verified + self.stale)
    }

    /// `clean / contacts` as a whole percentage, 100 for no contacts (as the dashboard's).
    pub fn score(&self) -> u32 {
        percent(self.clean, self.contacts).unwrap_or(100)
    }

    /// Adds the facts of contacts not counted yet.
    fn add(&mut self, other: &Facts) {
        self.contacts += other.contacts;
        self.active += other.active;
        self.created += other.created;
        self.updated += other.updated;
        self.deactivated += other.deactivated;
        self.unreachable += other.unreachable;
        self.never_verified += other.never_verified;
        self.stale += other.stale;
        self.verified_in_period += other.verified_in_period;
        self.clean += other.clean;
    }

    /// Completes facts measured as [`Counted::Reachable`] with the unreachable contacts among
    /// them, of which `unverified` were already not counted as without findings.
    fn add_unreachable(&mut self, unreachable: i64, unverified: i64) {
        let n = |v: i64| u32::try_from(v).unwrap_or(u32::MAX);
        self.unreachable = n(unreachable);
        self.clean = self.clean.saturating_sub(n(unreachable - unverified));
    }
}

pub fn percent(part: u32, whole: u32) -> Option<u32> {
    (whole > 0).then(|| u32::try_from(u64::from(part) * 100 / u64::from(whole)).unwrap_or(100))
}

/// The bounds the counts use: the report's period and the verification cutoff.
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub verified_since: DateTime<Utc>,
    /// Count as things stood then, as far as the rows tell: contacts created since are left
    /// out and a verification made since counts as not made (its predecessor is not kept).
    /// Only the demo's reconstructed history uses it.
    pub as_of: Option<DateTime<Utc>>,
}

/// The aggregate columns over `c` (a contact row, or an area row: see [`Counted`]), in `Facts`
/// order. Timestamps are the store's own (digits, '-', ':', 'T', '.', 'Z'), so they are written
/// into the SQL rather than bound ten times each.
fn measures(bounds: &Bounds, counted: Counted) -> String {
    let from = timestamp(bounds.from);
    let to = timestamp(bounds.to);
    let cutoff = timestamp(bounds.verified_since);
    let unreachable = match counted {
        Counted::Area => "(c.unreachable = 1)",
        Counted::Reachable => "0",
    };
    let verified_at = verified_at(bounds);
    let unverified = unverified(bounds);
    format!(
        "count(*),
         ifnull(sum(c.status = 'active'), 0),
         ifnull(sum(c.created_at >= '{from}' AND c.created_at < '{to}'), 0),
         ifnull(sum(c.created_at < '{from}' AND c.updated_at >= '{from}' AND c.updated_at < '{to}'), 0),
         ifnull(sum(c.status <> 'active' AND c.status_changed_at >= '{from}'
             AND c.status_changed_at < '{to}'), 0),
         ifnull(sum({unreachable}), 0),
         ifnull(sum(c.status = 'active' AND {verified_at} IS NULL), 0),
         ifnull(sum(c.status = 'active' AND {verified_at} < '{cutoff}'), 0),
         ifnull(sum(c.status = 'active' AND {verified_at} >= '{from}' AND {verified_at} < '{to}'), 0),
         ifnull(sum(NOT ({unreachable} OR {unverified})), 0)"
    )
}

/// `c.verified_at`, or as things stood at `as_of`.
fn verified_at(bounds: &Bounds) -> String {
    match bounds.as_of {
        Some(as_of) => format!(
            "(CASE WHEN c.verified_at < '{}' THEN c.verified_at END)",
            timestamp(as_of)
        ),
        None => "c.verified_at".to_string(),
    }
}

/// Active and never verified, or last verified before the cutoff.
fn unverified(bounds: &Bounds) -> String {
    let verified_at = verified_at(bounds);
    let cutoff = timestamp(bounds.verified_since);
    format!("(c.status = 'active' AND ({verified_at} IS NULL OR {verified_at} < '{cutoff}'))")
}

type FactRow = (i64, i64, i64, i64, i64, i64, i64, i64, i64, i64);
/// A group's id, then its `FactRow`.
type GroupRow = (i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64);

fn facts(row: FactRow) -> Facts {
    let n = |v: i64| u32::try_from(v).unwrap_or(u32::MAX);
    Facts {
        contacts: n(row.0),
        active: n(row.1),
        created: n(row.2),
        updated: n(row.3),
        deactivated: n(row.4),
        unreachable: n(row.5),
        never_verified: n(row.6),
        stale: n(row.7),
        verified_in_period: n(row.8),
        clean: n(row.9),
    }
}

/// Every contact counted, each once (a site administrator's include those with no site and the
/// archived ones, as their contact list does).
pub async fn overall(pool: &SqlitePool, who: Who<'_>, bounds: &Bounds) -> CoreResult<Facts> {
    if let Some(area) = single_area(pool, who, bounds).await? {
        let mut builder = QueryBuilder::<Sqlite>::new("SELECT ");
        builder.push(measures(bounds, Counted::Area));
        builder
            .push(" FROM area_contacts c WHERE c.area = ")
            .push_bind(area);
        let row: FactRow = builder.build_query_as().fetch_one(pool).await?;
        return Ok(facts(row));
    }
    // The wide contact rows (most of a page each, decrypted to be read) are left alone: every
    // measure but reachability comes from the narrow `contacts_scoped`, and the unreachable
    // contacts from the partial index that holds only them.
    let mut builder = QueryBuilder::<Sqlite>::new("SELECT ");
    builder.push(measures(bounds, Counted::Reachable));
    builder.push(" FROM contacts c INDEXED BY contacts_scoped WHERE c.erased_at IS NULL");
    push_who(&mut builder, who);
    push_as_of(&mut builder, bounds);
    let mut overall = facts(builder.build_query_as().fetch_one(pool).await?);
    let mut builder = QueryBuilder::<Sqlite>::new(format!(
        "SELECT {} FROM contacts c INDEXED BY contacts_unreachable WHERE {UNREACHABLE}",
        unreachable_measures(bounds)
    ));
    push_who(&mut builder, who);
    push_as_of(&mut builder, bounds);
    let (unreachable, unverified): (i64, i64) = builder.build_query_as().fetch_one(pool).await?;
    overall.add_unreachable(unreachable, unverified);
    Ok(overall)
}

/// The contacts in the partial index `contacts_unreachable`.
const UNREACHABLE: &str =
    "c.primary_email IS NULL AND c.primary_phone IS NULL AND c.erased_at IS NULL";

/// Over unreachable contacts: how many, and how many of them are also unverified.
fn unreachable_measures(bounds: &Bounds) -> String {
    format!("count(*), ifnull(sum({}), 0)", unverified(bounds))
}

/// How contacts are grouped: by the territory or the region of their sites. A contact with
/// sites in two territories counts in both, once in each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    Territory,
    Region,
}

/// The contacts counted per territory or region (by id).
pub async fn grouped(
    pool: &SqlitePool,
    who: Who<'_>,
    bounds: &Bounds,
    grouping: Grouping,
) -> CoreResult<HashMap<i64, Facts>> {
    if let Some(plan) = grouped_areas(pool, who, bounds, grouping).await? {
        let mut builder = QueryBuilder::<Sqlite>::new("SELECT abs(c.area), ");
        builder.push(measures(bounds, Counted::Area));
        builder.push(" FROM area_contacts c WHERE c.area IN (SELECT value FROM json_each(");
        builder.push_bind(serde_json::to_string(&plan.areas).unwrap_or_default());
        builder.push("))");
        if plan.billing_only {
            builder.push(" AND c.billing = 1");
        }
        builder.push(" GROUP BY c.area");
        return Ok(group_facts(builder.build_query_as().fetch_all(pool).await?));
    }
    if matches!(who, Who::Actor(a) if a.role() == Role::SiteAdmin) && bounds.as_of.is_none() {
        // Everyone a site administrator sees is everyone in use, which the area rows hold, and
        // the archived contacts, which are few.
        let mut groups = Box::pin(grouped(pool, Who::InUse, bounds, grouping)).await?;
        let archived =
            grouped_contacts(pool, who, bounds, grouping, "c.status = 'archived'").await?;
        for (group, facts) in archived {
            groups.entry(group).or_default().add(&facts);
        }
        return Ok(groups);
    }
    grouped_contacts(pool, who, bounds, grouping, "1").await
}

/// [`grouped`] over the contact rows that meet `only` (SQL over `c`).
async fn grouped_contacts(
    pool: &SqlitePool,
    who: Who<'_>,
    bounds: &Bounds,
    grouping: Grouping,
    only: &str,
) -> CoreResult<HashMap<i64, Facts>> {
    let key = match grouping {
        Grouping::Territory => "s.territory_id",
        Grouping::Region => "t.region_id",
    };
    // One row per (group, contact) first, so a contact with two sites in one territory
    // counts once there; then each contact's own columns for the aggregate, read from the
    // narrow indexes as in [`overall`].
    let of_groups = |builder: &mut QueryBuilder<'_, Sqlite>, index: &str, these: &str| {
        builder.push(format!(
            " FROM (SELECT DISTINCT {key} AS g, c.id AS id FROM contacts c {index}
                 JOIN contact_sites cs ON cs.contact_id = c.id
                 JOIN sites s ON s.id = cs.site_id
                 JOIN territories t ON t.id = s.territory_id
                 WHERE {these} AND {only}"
        ));
        push_who(builder, who);
        push_as_of(builder, bounds);
        builder.push(") d JOIN contacts c INDEXED BY contacts_scoped ON c.id = d.id GROUP BY d.g");
    };
    let mut builder = QueryBuilder::<Sqlite>::new("SELECT d.g, ");
    builder.push(measures(bounds, Counted::Reachable));
    of_groups(&mut builder, "", "c.erased_at IS NULL");
    let mut groups = group_facts(builder.build_query_as().fetch_all(pool).await?);
    let mut builder = QueryBuilder::<Sqlite>::new("SELECT d.g, ");
    builder.push(unreachable_measures(bounds));
    of_groups(&mut builder, "INDEXED BY contacts_unreachable", UNREACHABLE);
    let unreachable: Vec<(i64, i64, i64)> = builder.build_query_as().fetch_all(pool).await?;
    for (group, n, unverified) in unreachable {
        if let Some(facts) = groups.get_mut(&group) {
            facts.add_unreachable(n, unverified);
        }
    }
    Ok(groups)
}

fn group_facts(rows: Vec<GroupRow>) -> HashMap<i64, Facts> {
    rows.into_iter()
        .map(|r| {
            (
                r.0,
                facts((r.1, r.2, r.3, r.4, r.5, r.6, r.7, r.8, r.9, r.10)),
            )
        })
        .collect()
}

/// What [`measures`] counts over: the rows the triggers keep per area (`engagement::areas`),
/// which carry the same columns for exactly the contacts of a territory, a region or billing
/// not archived, and read as one range each; or contact rows through `contacts_scoped`, which
/// does not hold the email and phone, so every contact is taken as reachable until
/// [`Facts::add_unreachable`] counts the unreachable ones.
#[derive(Debug, Clone, Copy)]
enum Counted {
    Area,
    Reachable,
}

/// The one area `who` is, when the area rows can stand for the contacts: not for a count as
/// things stood earlier (`as_of`), which they do not keep.
async fn single_area(pool: &SqlitePool, who: Who<'_>, bounds: &Bounds) -> CoreResult<Option<i64>> {
    if bounds.as_of.is_some() {
        return Ok(None);
    }
    match who {
        Who::Actor(actor) => areas::single_of(pool, actor).await,
        Who::Billing => Ok(Some(areas::BILLING)),
        Who::Everyone | Who::InUse => Ok(None),
    }
}

/// How [`grouped`] reads the area rows: the areas that are its groups, and whether only their
/// billing contacts count.
struct AreaGroups {
    areas: Vec<i64>,
    billing_only: bool,
}

/// How the areas' rows stand for the groups of [`grouped`], when they can: every territory or
/// region for the contacts in use (their billing contacts for billing); or a one-area
/// manager's own territories or region (the groups a report shows them; their contacts' other
/// territories are left out). Everyone's groups hold the archived contacts too, which are in no
/// area: those are counted over the contacts.
async fn grouped_areas(
    pool: &SqlitePool,
    who: Who<'_>,
    bounds: &Bounds,
    grouping: Grouping,
) -> CoreResult<Option<AreaGroups>> {
    if bounds.as_of.is_some() {
        return Ok(None);
    }
    let (sql, area_of): (&str, fn(i64) -> i64) = match grouping {
        Grouping::Territory => ("SELECT id FROM territories", areas::territory),
        Grouping::Region => ("SELECT id FROM regions", areas::region),
    };
    let every = || async move {
        let ids: Vec<i64> = sqlx::query_scalar(sql).fetch_all(pool).await?;
        CoreResult::Ok(ids.into_iter().map(area_of).collect::<Vec<i64>>())
    };
    let groups = |areas, billing_only| {
        Ok(Some(AreaGroups {
            areas,
            billing_only,
        }))
    };
    let actor = match who {
        Who::InUse => return groups(every().await?, false),
        Who::Billing => return groups(every().await?, true),
        Who::Everyone => return Ok(None),
        Who::Actor(actor) => actor,
    };
    let area = match actor.role() {
        Role::SiteAdmin => return Ok(None),
        Role::BillingAdmin => return groups(every().await?, true),
        Role::TerritoryManager | Role::RegionalManager => {
            match areas::single_of(pool, actor).await? {
                Some(area) => area,
                None => return Ok(None),
            }
        }
    };
    match (grouping, area > 0) {
        (Grouping::Territory, true) | (Grouping::Region, false) => groups(vec![area], false),
        (Grouping::Territory, false) => {
            let ids: Vec<i64> =
                sqlx::query_scalar("SELECT id FROM territories WHERE region_id = ?")
                    .bind(-area)
                    .fetch_all(pool)
                    .await?;
            groups(ids.into_iter().map(areas::territory).collect(), false)
        }
        // A territory manager's contacts by region: their other sites' regions count too.
        (Grouping::Region, true) => Ok(None),
    }
}
