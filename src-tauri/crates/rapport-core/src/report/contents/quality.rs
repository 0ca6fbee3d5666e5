//! The data-quality report: findings, scores by region and territory, and the trend.

use sqlx::{QueryBuilder, Sqlite, SqlitePool};

use super::{Contents, Context, REGION, TERRITORY};
use crate::dashboard::TREND_DAYS;
use crate::error::CoreResult;
use crate::model::*;
use crate::report::snapshot;
use crate::report::table::{count, figure, section, share};
use crate::store::report::{self as sql, push_actor_scope, Facts, Grouping, Who};

pub(super) async fn data_quality(cx: &Context<'_>) -> CoreResult<Contents> {
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

/// Each count reads a narrow index, and contact rows only for the contacts it may count: a
/// pass over the contact rows themselves (most of a page each, decrypted) took seconds.
async fn finding_counts(cx: &Context<'_>) -> CoreResult<FindingCounts> {
    let count = |condition: &'static str| async move {
        let mut builder = QueryBuilder::<Sqlite>::new("SELECT count(*) FROM contacts c ");
        builder.push(condition);
        push_actor_scope(&mut builder, cx.actor);
        let n: i64 = builder.build_query_scalar().fetch_one(cx.pool()).await?;
        CoreResult::Ok(u32::try_from(n).unwrap_or(u32::MAX))
    };
    // A name key starts with the folded last name and a space, so an empty last name is
    // among the keys that start with the space.
    let missing_last_name = count(
        "INDEXED BY contacts_by_person WHERE c.erased_at IS NULL
         AND c.name_key >= ' ' AND c.name_key < '!' AND trim(c.last_name) = ''",
    )
    .await?;
    let type_undescribed = count(
        "WHERE c.erased_at IS NULL AND c.contact_type = 'other' AND c.contact_type_other IS NULL",
    )
    .await?;
    // Only a site administrator sees contacts without a site.
    let no_site = if cx.actor.role() == Role::SiteAdmin {
        count(
            "INDEXED BY contacts_scoped WHERE c.erased_at IS NULL
             AND NOT EXISTS (SELECT 1 FROM contact_sites cs WHERE cs.contact_id = c.id)",
        )
        .await?
    } else {
        0
    };
    Ok(FindingCounts {
        missing_last_name,
        type_undescribed,
        no_site,
    })
}
