//! The quarterly review and the verification status: who was verified, who is due.

use chrono::{DateTime, Utc};
use sqlx::{QueryBuilder, Sqlite};

use super::{contact_list, Contents, Context, REGION, TERRITORY};
use crate::engagement::escalation;
use crate::error::CoreResult;
use crate::report::table::{channel, count, day, figure, human, section, share};
use crate::store::report::{push_actor_scope, Facts};
use crate::store::timestamp;

pub(super) async fn quarterly_review(cx: &Context<'_>) -> CoreResult<Contents> {
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
                c.preferred_method.map(|m| channel(&m)).unwrap_or_default(),
                day(c.verified_at),
                c.owner,
            ]
        })
        .collect();
    Ok((figures, vec![by_territory, awaiting_list], None))
}

pub(super) async fn verification(cx: &Context<'_>) -> CoreResult<Contents> {
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
