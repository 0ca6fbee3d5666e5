//! What each report says: its key figures and tables, counted in the actor's scope.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use sqlx::{QueryBuilder, Sqlite, SqlitePool};

use super::snapshot;
use super::table::{count, day, figure, human, minutes, rate, section, share};
use crate::access::role::reach;
use crate::access::{Action, Actor, Reach};
use crate::contact::policy::{self, LifecyclePolicy};
use crate::dashboard::TREND_DAYS;
use crate::engagement::{escalation, metrics};
use crate::error::CoreResult;
use crate::import::history;
use crate::model::*;
use crate::store::organisation;
use crate::store::report::{self as sql, push_actor_scope, Bounds, Facts, Grouping, Who};
use crate::store::timestamp;
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
        ReportKind::Monthly => monthly(&cx).await?,
        ReportKind::QuarterlyReview => quarterly_review(&cx).await?,
        ReportKind::DataQuality => data_quality(&cx).await?,
        ReportKind::Verification => verification(&cx).await?,
        ReportKind::ResponseRates => response_rates(&cx).await?,
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

async fn monthly(cx: &Context<'_>) -> CoreResult<Contents> {
    let all = cx.overall().await?;
    let territories = cx.by_territory().await?;
    let engagement = engagement_in_period(cx).await?;
    let figures = vec![
        figure("Contacts", count(all.contacts)),
        figure("New in the month", count(all.created)),
        figure("Changed", count(all.updated)),
        figure("Deactivated", count(all.deactivated)),
        figure("Interactions logged", count(engagement.interactions)),
        figure("Follow-ups completed", count(engagement.follow_ups_done)),
        figure(
            "Follow-ups overdue now",
            count(engagement.follow_ups_overdue),
        ),
        figure("Data quality", format!("{}%", all.score())),
    ];

    let mut by_territory = section(
        "Contacts by territory",
        &[
            TERRITORY,
            REGION,
            ("Contacts", true),
            ("New", true),
            ("Changed", true),
            ("Deactivated", true),
            ("Data quality", true),
        ],
    );
    by_territory.rows = cx.territory_rows(&territories, |f| {
        vec![
            count(f.contacts),
            count(f.created),
            count(f.updated),
            count(f.deactivated),
            format!("{}%", f.score()),
        ]
    });

    let mut by_type = section(
        "Contacts by type",
        &[("Type", false), ("Contacts", true), ("New", true)],
    );
    by_type.rows = by_type_rows(cx).await?;

    let mut channels = section(
        "Interactions by channel",
        &[
            ("Channel", false),
            ("Outbound", true),
            ("Inbound", true),
            ("Total", true),
        ],
    );
    channels.rows = engagement.by_channel;
    channels.note = Some("An interaction with several contacts counts once.".into());

    let mut sections = vec![by_territory, by_type, channels];
    if reach(cx.actor.role(), Action::Import) != Reach::None {
        sections.push(imports(cx).await?);
    }
    Ok((figures, sections, None))
}

async fn by_type_rows(cx: &Context<'_>) -> CoreResult<Vec<Vec<String>>> {
    let mut builder =
        QueryBuilder::<Sqlite>::new("SELECT c.contact_type, count(*), ifnull(sum(c.created_at >= ");
    builder
        .push_bind(timestamp(cx.period.from))
        .push(" AND c.created_at < ")
        .push_bind(timestamp(cx.period.to))
        .push("), 0) FROM contacts c WHERE c.erased_at IS NULL");
    push_actor_scope(&mut builder, cx.actor);
    builder.push(" GROUP BY c.contact_type");
    let rows: Vec<(ContactType, i64, i64)> = builder.build_query_as().fetch_all(cx.pool()).await?;
    Ok(ContactType::ALL
        .iter()
        .map(|t| {
            let (n, new) = rows
                .iter()
                .find(|r| r.0 == *t)
                .map_or((0, 0), |r| (r.1, r.2));
            vec![human(t.as_str()), count(n as u64), count(new as u64)]
        })
        .collect())
}

struct PeriodEngagement {
    interactions: u32,
    by_channel: Vec<Vec<String>>,
    follow_ups_done: u32,
    follow_ups_overdue: u32,
}

/// Interactions of the period with at least one of the actor's contacts, by channel and
/// direction; follow-ups on the actor's contacts completed in the period and overdue now.
async fn engagement_in_period(cx: &Context<'_>) -> CoreResult<PeriodEngagement> {
    let mut builder = QueryBuilder::<Sqlite>::new(
        "SELECT ic.channel, ic.direction, count(DISTINCT ic.interaction_id)
         FROM interaction_contacts ic JOIN contacts c ON c.id = ic.contact_id
         WHERE ic.occurred_at >= ",
    );
    builder
        .push_bind(timestamp(cx.period.from))
        .push(" AND ic.occurred_at < ")
        .push_bind(timestamp(cx.period.to))
        .push(" AND c.erased_at IS NULL");
    push_actor_scope(&mut builder, cx.actor);
    builder.push(" GROUP BY ic.channel, ic.direction");
    let rows: Vec<(String, String, i64)> = builder.build_query_as().fetch_all(cx.pool()).await?;
    let mut interactions = 0u64;
    let by_channel = ["email", "call", "meeting", "sms", "note"]
        .iter()
        .map(|channel| {
            let of = |direction: &str| {
                rows.iter()
                    .find(|r| r.0 == *channel && r.1 == direction)
                    .map_or(0, |r| r.2 as u64)
            };
            let (outbound, inbound) = (of("outbound"), of("inbound"));
            interactions += outbound + inbound;
            let label = if *channel == "sms" {
                "SMS".to_string()
            } else {
                human(channel)
            };
            vec![
                label,
                count(outbound),
                count(inbound),
                count(outbound + inbound),
            ]
        })
        .collect();

    let mut builder =
        QueryBuilder::<Sqlite>::new("SELECT ifnull(sum(f.status = 'done' AND f.closed_at >= ");
    builder
        .push_bind(timestamp(cx.period.from))
        .push(" AND f.closed_at < ")
        .push_bind(timestamp(cx.period.to))
        .push("), 0), ifnull(sum(f.status = 'open' AND f.overdue_at < ")
        .push_bind(timestamp(cx.now))
        .push(
            "), 0) FROM follow_ups f JOIN contacts c ON c.id = f.contact_id
             WHERE c.erased_at IS NULL",
        );
    push_actor_scope(&mut builder, cx.actor);
    let (done, overdue): (i64, i64) = builder.build_query_as().fetch_one(cx.pool()).await?;
    let small = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(PeriodEngagement {
        interactions: u32::try_from(interactions).unwrap_or(u32::MAX),
        by_channel,
        follow_ups_done: small(done),
        follow_ups_overdue: small(overdue),
    })
}

/// The imports made in the period that the actor may see (their own, or all for a site
/// administrator).
async fn imports(cx: &Context<'_>) -> CoreResult<ReportSection> {
    let mut table = section(
        "Imports",
        &[
            ("Date", false),
            ("File", false),
            ("By", false),
            ("Records", true),
            ("Imported", true),
            ("Updated", true),
            ("Rejected", true),
            ("Undone", false),
        ],
    );
    table.rows = history::list_imports(cx.db, cx.actor)
        .await?
        .into_iter()
        .filter(|i| i.created_at >= cx.period.from && i.created_at < cx.period.to)
        .map(|i| {
            vec![
                day(Some(i.created_at)),
                i.file_name,
                i.user_name.or(i.user).unwrap_or_default(),
                count(i.records),
                count(i.imported),
                count(i.updated),
                count(i.rejected),
                i.undone_at.map(|at| day(Some(at))).unwrap_or_default(),
            ]
        })
        .collect();
    Ok(table)
}

async fn quarterly_review(cx: &Context<'_>) -> CoreResult<Contents> {
    let all = cx.overall().await?;
    let territories = cx.by_territory().await?;
    // Active and not verified during the quarter.
    let awaiting = |f: &Facts| f.active.saturating_sub(f.verified_in_period);
    let list = contact_list(
        cx,
        &format!(
            "c.status = 'active' AND (c.verified_at IS NULL OR c.verified_at < '{}'
                OR c.verified_at >= '{}')",
            timestamp(cx.period.from),
            timestamp(cx.period.to)
        ),
    )
    .await?;
    let figures = vec![
        figure("Active contacts", count(all.active)),
        figure("Reviewed this quarter", count(all.verified_in_period)),
        figure("Awaiting review", count(list.total)),
        figure("Never verified", count(all.never_verified)),
        figure(
            "Non-responsive",
            count(escalation::count_non_responsive(cx.db, cx.actor).await?),
        ),
        figure("Data quality", format!("{}%", all.score())),
    ];
    let mut by_territory = section(
        "Review status by territory",
        &[
            TERRITORY,
            REGION,
            ("Active", true),
            ("Reviewed", true),
            ("Awaiting review", true),
            ("Never verified", true),
        ],
    );
    by_territory.rows = cx.territory_rows(&territories, |f| {
        vec![
            count(f.active),
            count(f.verified_in_period),
            count(awaiting(f)),
            count(f.never_verified),
        ]
    });
    by_territory.note =
        Some("Reviewed: details verified with the person during the quarter.".into());
    let mut awaiting_list = section(
        "Contacts awaiting review",
        &[
            ("Reference", false),
            ("Name", false),
            ("Company", false),
            ("Type", false),
            ("Authority", false),
            ("Preferred contact", false),
            ("Last verified", false),
            ("Owner", false),
        ],
    );
    awaiting_list.note = list.note("oldest verification first");
    awaiting_list.rows = list
        .rows
        .into_iter()
        .map(|c| {
            vec![
                c.reference,
                c.name,
                c.company,
                human(&c.contact_type),
                c.authority,
                c.preferred_method
                    .map(|m| if m == "sms" { "SMS".into() } else { human(&m) })
                    .unwrap_or_default(),
                day(c.verified_at),
                c.owner,
            ]
        })
        .collect();
    Ok((figures, vec![by_territory, awaiting_list], None))
}

async fn data_quality(cx: &Context<'_>) -> CoreResult<Contents> {
    let all = cx.overall().await?;
    let territories = cx.by_territory().await?;
    let unverified = all.never_verified + all.stale;
    let figures = vec![
        figure("Data quality", format!("{}%", all.score())),
        figure("Contacts", count(all.contacts)),
        figure("Without findings", count(all.clean)),
        figure("Unreachable", count(all.unreachable)),
        figure("Not verified in time", count(unverified)),
    ];
    let extra = finding_counts(cx).await?;
    let mut findings = section(
        "Findings",
        &[("Finding", false), ("Contacts", true), ("Share", true)],
    );
    let mut push = |label: &str, n: u32| {
        findings
            .rows
            .push(vec![label.into(), count(n), share(n, all.contacts)]);
    };
    push("No email address and no phone number", all.unreachable);
    push("Active, never verified", all.never_verified);
    push(
        &format!(
            "Active, last verified over {} days ago",
            cx.policy.verification_days
        ),
        all.stale,
    );
    push("No last name", extra.missing_last_name);
    push(
        "Type \"other\" without a description",
        extra.type_undescribed,
    );
    if cx.actor.role() == Role::SiteAdmin {
        push("Not associated with any site", extra.no_site);
    }
    findings.note = Some(
        "Email and phone formats are checked as each contact is saved and shown on its page."
            .into(),
    );

    let mut by_region = section(
        "Data quality by region",
        &[
            REGION,
            ("Contacts", true),
            ("Without findings", true),
            ("Unreachable", true),
            ("Not verified", true),
            ("Score", true),
        ],
    );
    let regions = sql::grouped(
        cx.pool(),
        Who::Actor(cx.actor),
        &cx.bounds(),
        Grouping::Region,
    )
    .await?;
    let region_names = region_names(cx.pool()).await?;
    let mut seen = Vec::new();
    for t in &cx.territories {
        if seen.contains(&t.region_name) {
            continue;
        }
        seen.push(t.region_name.clone());
        let f = region_names
            .iter()
            .find(|(_, name)| *name == t.region_name)
            .and_then(|(id, _)| regions.get(id).copied())
            .unwrap_or_default();
        by_region.rows.push(quality_row(t.region_name.clone(), &f));
    }
    let mut by_territory = section(
        "Data quality by territory",
        &[
            TERRITORY,
            REGION,
            ("Contacts", true),
            ("Without findings", true),
            ("Unreachable", true),
            ("Not verified", true),
            ("Score", true),
        ],
    );
    by_territory.rows = cx.territory_rows(&territories, |f| {
        let mut row = quality_row(String::new(), f);
        row.remove(0);
        row
    });
    by_territory.note = Some("A contact with sites in two territories counts in each.".into());

    let mut trend = section(
        "Trend",
        &[
            ("Day", false),
            ("Contacts", true),
            ("Without findings", true),
            ("Unreachable", true),
            ("Not verified", true),
            ("Score", true),
        ],
    );
    let points = snapshot::trend(cx.pool(), cx.actor, cx.now, TREND_DAYS).await?;
    let chart = ReportChart {
        title: "Data quality over time".into(),
        series: "Score".into(),
        points: points
            .iter()
            .map(|p| ReportPoint {
                label: p.day.clone(),
                value: p.score,
            })
            .collect(),
    };
    trend.rows = points
        .into_iter()
        .rev()
        .map(|p| {
            vec![
                p.day,
                count(p.contacts),
                count(p.clean),
                count(p.unreachable),
                count(p.unverified),
                format!("{}%", p.score),
            ]
        })
        .collect();
    trend.note = Some(format!(
        "From the daily snapshots of the last {TREND_DAYS} days, newest first."
    ));
    Ok((
        figures,
        vec![findings, by_region, by_territory, trend],
        Some(chart),
    ))
}

fn quality_row(name: String, f: &Facts) -> Vec<String> {
    vec![
        name,
        count(f.contacts),
        count(f.clean),
        count(f.unreachable),
        count(f.never_verified + f.stale),
        format!("{}%", f.score()),
    ]
}

async fn region_names(pool: &SqlitePool) -> CoreResult<Vec<(i64, String)>> {
    Ok(sqlx::query_as("SELECT id, name FROM regions")
        .fetch_all(pool)
        .await?)
}

struct FindingCounts {
    missing_last_name: u32,
    type_undescribed: u32,
    no_site: u32,
}

async fn finding_counts(cx: &Context<'_>) -> CoreResult<FindingCounts> {
    let mut builder = QueryBuilder::<Sqlite>::new(
        "SELECT ifnull(sum(trim(c.last_name) = ''), 0),
                ifnull(sum(c.contact_type = 'other' AND c.contact_type_other IS NULL), 0),
                ifnull(sum(NOT EXISTS (SELECT 1 FROM contact_sites cs WHERE cs.contact_id = c.id)), 0)
         FROM contacts c WHERE c.erased_at IS NULL",
    );
    push_actor_scope(&mut builder, cx.actor);
    let (a, b, c): (i64, i64, i64) = builder.build_query_as().fetch_one(cx.pool()).await?;
    let small = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(FindingCounts {
        missing_last_name: small(a),
        type_undescribed: small(b),
        no_site: small(c),
    })
}

async fn verification(cx: &Context<'_>) -> CoreResult<Contents> {
    let all = cx.overall().await?;
    let territories = cx.by_territory().await?;
    let days = cx.policy.verification_days;
    let cutoff = timestamp(cx.verified_since());
    let list = contact_list(
        cx,
        &format!("c.status = 'active' AND (c.verified_at IS NULL OR c.verified_at < '{cutoff}')"),
    )
    .await?;
    let month_start = crate::dashboard::month_start(cx.now);
    let verified_this_month = verified_since(cx, month_start).await?;
    let figures = vec![
        figure("Active contacts", count(all.active)),
        figure(
            &format!("Verified within {days} days"),
            count(all.verified()),
        ),
        figure("Overdue", count(all.stale)),
        figure("Never verified", count(all.never_verified)),
        figure("Verified this month", count(verified_this_month)),
        figure("Verification rate", share(all.verified(), all.active)),
    ];
    let mut by_territory = section(
        "Verification by territory",
        &[
            TERRITORY,
            REGION,
            ("Active", true),
            ("Verified", true),
            ("Overdue", true),
            ("Never verified", true),
            ("Rate", true),
        ],
    );
    by_territory.rows = cx.territory_rows(&territories, |f| {
        vec![
            count(f.active),
            count(f.verified()),
            count(f.stale),
            count(f.never_verified),
            share(f.verified(), f.active),
        ]
    });
    let mut by_method = section(
        "How contacts were verified",
        &[("Method", false), ("Active contacts", true)],
    );
    by_method.rows = methods(cx).await?;
    by_method.note = Some(format!("Active contacts verified within {days} days."));

    let mut due = section(
        "Verifications due",
        &[
            ("Reference", false),
            ("Name", false),
            ("Company", false),
            ("Last verified", false),
            ("Days overdue", true),
            ("Owner", false),
        ],
    );
    due.note = list.note("longest overdue first");
    due.rows = list
        .rows
        .into_iter()
        .map(|c| {
            let overdue = c.verified_at.map_or_else(
                || "never verified".to_string(),
                |at| count(((cx.now - at).num_days() - i64::from(days)).max(0) as u64),
            );
            vec![
                c.reference,
                c.name,
                c.company,
                day(c.verified_at),
                overdue,
                c.owner,
            ]
        })
        .collect();
    Ok((figures, vec![by_territory, by_method, due], None))
}

async fn verified_since(cx: &Context<'_>, since: DateTime<Utc>) -> CoreResult<u32> {
    let mut builder = QueryBuilder::<Sqlite>::new(
        "SELECT count(*) FROM contacts c WHERE c.erased_at IS NULL AND c.verified_at >= ",
    );
    builder.push_bind(timestamp(since));
    push_actor_scope(&mut builder, cx.actor);
    let n: i64 = builder.build_query_scalar().fetch_one(cx.pool()).await?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

async fn methods(cx: &Context<'_>) -> CoreResult<Vec<Vec<String>>> {
    let mut builder = QueryBuilder::<Sqlite>::new(
        "SELECT ifnull(nullif(trim(c.verification_method), ''), ''), count(*)
         FROM contacts c WHERE c.erased_at IS NULL AND c.status = 'active' AND c.verified_at >= ",
    );
    builder.push_bind(timestamp(cx.verified_since()));
    push_actor_scope(&mut builder, cx.actor);
    builder.push(" GROUP BY 1 ORDER BY 2 DESC, 1");
    let rows: Vec<(String, i64)> = builder.build_query_as().fetch_all(cx.pool()).await?;
    Ok(rows
        .into_iter()
        .map(|(method, n)| {
            let method = if method.is_empty() {
                "Not recorded".to_string()
            } else {
                method
            };
            vec![method, count(n as u64)]
        })
        .collect())
}

async fn response_rates(cx: &Context<'_>) -> CoreResult<Contents> {
    let all = metrics::scope_metrics(cx.db, cx.actor, None).await?;
    let figures = vec![
        figure("Response rate", rate(all.response_rate)),
        figure("Outbound attempts", count(all.attempts)),
        figure("Inbound", count(all.inbound)),
        figure(
            "Median time to response",
            minutes(all.median_response_minutes),
        ),
        figure(
            "Touchpoints per contact",
            all.touchpoints_per_contact
                .map_or_else(|| "–".into(), |t| format!("{t:.1}")),
        ),
        figure("Non-responsive contacts", count(all.non_responsive)),
    ];
    let mut by_territory = section(
        "Response rates by territory",
        &[
            TERRITORY,
            REGION,
            ("Contacts", true),
            ("Touchpoints", true),
            ("Attempts", true),
            ("Response rate", true),
            ("Median response", true),
            ("Last contact", false),
            ("Non-responsive", true),
        ],
    );
    for t in &cx.territories {
        let m = metrics::scope_metrics(cx.db, cx.actor, Some(&t.id)).await?;
        by_territory.rows.push(vec![
            t.name.clone(),
            t.region_name.clone(),
            count(m.contacts),
            count(m.touchpoints),
            count(m.attempts),
            rate(m.response_rate),
            minutes(m.median_response_minutes),
            day(m.last_contact_at),
            count(m.non_responsive),
        ]);
    }
    let mut non_responsive = section(
        "Non-responsive contacts",
        &[
            ("Reference", false),
            ("Name", false),
            ("Since", false),
            ("Unanswered attempts", true),
            ("Escalated to", false),
        ],
    );
    let escalations = escalation::non_responsive_contacts(cx.db, cx.actor, None).await?;
    if escalations.len() >= LISTED as usize {
        non_responsive.note = Some(format!(
            "The first {LISTED} of {}, longest first.",
            count(all.non_responsive)
        ));
    }
    non_responsive.rows = escalations
        .into_iter()
        .map(|x| {
            let holder = x
                .steps
                .iter()
                .rev()
                .find_map(|s| s.user.as_ref())
                .map(|u| u.display_name.clone())
                .unwrap_or_default();
            vec![
                x.contact.reference,
                x.contact.display_name,
                day(Some(x.started_at)),
                count(x.unanswered),
                holder,
            ]
        })
        .collect();
    Ok((figures, vec![by_territory, non_responsive], None))
}

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
