//! The monthly contact management report: the month's new, changed and deactivated
//! contacts, interactions, follow-ups and imports.

use sqlx::{QueryBuilder, Sqlite};

use super::{Contents, Context, REGION, TERRITORY};
use crate::access::role::reach;
use crate::access::{Action, Reach};
use crate::error::CoreResult;
use crate::import::history;
use crate::model::*;
use crate::report::table::{channel, count, day, figure, human, section};
use crate::store::report::push_actor_scope;
use crate::store::timestamp;

pub(super) async fn monthly(cx: &Context<'_>) -> CoreResult<Contents> {
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
        .push("), 0) FROM contacts c INDEXED BY contacts_scoped WHERE c.erased_at IS NULL");
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
         FROM interaction_contacts ic
         JOIN contacts c INDEXED BY contacts_scoped ON c.id = ic.contact_id
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
        .map(|name| {
            let of = |direction: &str| {
                rows.iter()
                    .find(|r| r.0 == *name && r.1 == direction)
                    .map_or(0, |r| r.2 as u64)
            };
            let (outbound, inbound) = (of("outbound"), of("inbound"));
            interactions += outbound + inbound;
            vec![
                channel(name),
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
            "), 0) FROM follow_ups f
             JOIN contacts c INDEXED BY contacts_scoped ON c.id = f.contact_id
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
