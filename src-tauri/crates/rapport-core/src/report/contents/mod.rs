//! What each report says: its key figures and tables, counted in the actor's scope.

mod monthly;
mod quality;
mod response;
mod review;

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use sqlx::{QueryBuilder, Sqlite, SqlitePool};

use super::table::count;
use crate::access::Actor;
use crate::contact::policy::{self, LifecyclePolicy};
use crate::error::CoreResult;
use crate::model::*;
use crate::store::organisation;
use crate::store::report::{self as sql, push_actor_scope, Bounds, Facts, Grouping, Who};
use crate::Database;

/// How many contacts a report's list shows; the note says how many there are in all.
const LISTED: u32 = 500;

struct Context<'a> {
    db: &'a Database,
    actor: &'a Actor,
    now: DateTime<Utc>,
    policy: LifecyclePolicy,
    period: ReportPeriod,
    territories: Vec<TerritoryOption>,
}

impl Context<'_> {
    fn pool(&self) -> &SqlitePool {
        self.db.reader()
    }

    /// Verified since then counts as verified (the policy's period before now).
    fn verified_since(&self) -> DateTime<Utc> {
        self.now - Duration::days(i64::from(self.policy.verification_days))
    }

    fn bounds(&self) -> Bounds {
        Bounds {
            from: self.period.from,
            to: self.period.to,
            verified_since: self.verified_since(),
            as_of: None,
        }
    }

    async fn overall(&self) -> CoreResult<Facts> {
        sql::overall(self.pool(), Who::Actor(self.actor), &self.bounds()).await
    }

    async fn by_territory(&self) -> CoreResult<HashMap<i64, Facts>> {
        sql::grouped(
            self.pool(),
            Who::Actor(self.actor),
            &self.bounds(),
            Grouping::Territory,
        )
        .await
    }

    /// One row per visible territory, in the territory list's order (region, then name).
    fn territory_rows(
        &self,
        facts: &HashMap<i64, Facts>,
        cells: impl Fn(&Facts) -> Vec<String>,
    ) -> Vec<Vec<String>> {
        self.territories
            .iter()
            .map(|t| {
                let f =
                    t.id.parse::<i64>()
                        .ok()
                        .and_then(|id| facts.get(&id).copied())
                        .unwrap_or_default();
                let mut row = vec![t.name.clone(), t.region_name.clone()];
                row.extend(cells(&f));
                row
            })
            .collect()
    }

    fn scope_label(&self) -> String {
        match self.actor.role() {
            Role::SiteAdmin => "All contacts".into(),
            Role::BillingAdmin => "Billing contacts".into(),
            Role::RegionalManager | Role::TerritoryManager => {
                let mut names: Vec<&str> =
                    self.territories.iter().map(|t| t.name.as_str()).collect();
                names.dedup();
                if names.is_empty() {
                    "No territories assigned".into()
                } else {
                    format!("Territories: {}", names.join(", "))
                }
            }
        }
    }
}

pub async fn build(
    db: &Database,
    actor: &Actor,
    kind: ReportKind,
    period: ReportPeriod,
    now: DateTime<Utc>,
) -> CoreResult<Report> {
    let cx = Context {
        db,
        actor,
        now,
        policy: policy::load(db.reader()).await?,
        period,
        territories: organisation::list_territories(db, actor).await?,
    };
    let (figures, sections, chart) = match kind {
        ReportKind::Monthly => monthly::monthly(&cx).await?,
        ReportKind::QuarterlyReview => review::quarterly_review(&cx).await?,
        ReportKind::DataQuality => quality::data_quality(&cx).await?,
        ReportKind::Verification => review::verification(&cx).await?,
        ReportKind::ResponseRates => response::response_rates(&cx).await?,
    };
    Ok(Report {
        kind,
        title: kind.title().into(),
        scope: cx.scope_label(),
        period: cx.period,
        generated_at: now,
        generated_by: actor.display_name().into(),
        figures,
        chart,
        sections,
    })
}

type Contents = (Vec<ReportFigure>, Vec<ReportSection>, Option<ReportChart>);

const TERRITORY: (&str, bool) = ("Territory", false);
const REGION: (&str, bool) = ("Region", false);

struct ListedContact {
    reference: String,
    name: String,
    company: String,
    contact_type: String,
    authority: String,
    preferred_method: Option<String>,
    verified_at: Option<DateTime<Utc>>,
    owner: String,
}

struct ContactList {
    total: u32,
    rows: Vec<ListedContact>,
}

impl ContactList {
    fn note(&self, order: &str) -> Option<String> {
        (self.total > LISTED).then(|| {
            format!(
                "The first {} of {}, {order}.",
                count(LISTED),
                count(self.total)
            )
        })
    }
}

/// The actor's contacts meeting `condition` (SQL over `c`, built from the store's own
/// timestamps), oldest verification first, the first [`LISTED`] of them, and how many in all.
async fn contact_list(cx: &Context<'_>, condition: &str) -> CoreResult<ContactList> {
    let start = |select: &str| {
        let mut b = QueryBuilder::<Sqlite>::new(select);
        b.push(" FROM contacts c WHERE c.erased_at IS NULL AND ")
            .push(condition);
        push_actor_scope(&mut b, cx.actor);
        b
    };
    let total: i64 = start("SELECT count(*)")
        .build_query_scalar()
        .fetch_one(cx.pool())
        .await?;
    let mut builder = start(
        "SELECT c.id, c.display_name, ifnull(c.company, ''), c.contact_type,
                ifnull(c.authority_level, ''), c.preferred_method, c.verified_at,
                ifnull(c.owner, '')",
    );
    builder
        .push(" ORDER BY c.verified_at IS NOT NULL, c.verified_at, c.id LIMIT ")
        .push_bind(i64::from(LISTED));
    type Row = (
        i64,
        String,
        String,
        String,
        String,
        Option<String>,
        Option<String>,
        String,
    );
    let rows: Vec<Row> = builder.build_query_as().fetch_all(cx.pool()).await?;
    Ok(ContactList {
        total: u32::try_from(total).unwrap_or(u32::MAX),
        rows: rows
            .into_iter()
            .map(|r| ListedContact {
                reference: contact_reference(r.0),
                name: r.1,
                company: r.2,
                contact_type: r.3,
                authority: r.4,
                preferred_method: r.5,
                verified_at: r.6.and_then(|t| t.parse().ok()),
                owner: r.7,
            })
            .collect(),
    })
}
