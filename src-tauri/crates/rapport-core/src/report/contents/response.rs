//! Response rates: the engagement metrics overall and by territory, and who does not answer.

use super::{Contents, Context, LISTED, REGION, TERRITORY};
use crate::engagement::{escalation, metrics};
use crate::error::CoreResult;
use crate::report::table::{count, day, figure, minutes, rate, section};

pub(super) async fn response_rates(cx: &Context<'_>) -> CoreResult<Contents> {
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
