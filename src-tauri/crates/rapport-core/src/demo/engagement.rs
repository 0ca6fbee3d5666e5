//! The demo organisation's engagement: half a year of interactions (the seed's "Track
//! engagement" example: QBRs, workshops, support reviews with outcomes and next steps), open and
//! done follow-ups (some overdue), stay-in-touch cadences and contacts who stopped answering, so
//! the timelines, queues, escalations and dashboards have something to show on day one.
//!
//! Up to [`CONTACTS_PER_ACCOUNT`] active contacts of each account get a history; past
//! [`MAX_ACCOUNTS`] accounts only every so many do, so a million-contact demo costs about what
//! the default one does. Everything is drawn from the seed (and each contact's own id), so the
//! same seed gives the same history.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::json;

use super::{pick, weighted, DemoOptions};
use crate::audit::{self, Event, Who};
use crate::engagement::metrics::Turn;
use crate::engagement::{cadence, metrics, run_escalation};
use crate::error::CoreResult;
use crate::model::{Direction, InteractionCategory, InteractionChannel};
use crate::store::bulk::{id_ranges, insert_rows, SqlValue, TableSpec};
use crate::store::timestamp;
use crate::Database;

/// Contacts of one account that get a history.
const CONTACTS_PER_ACCOUNT: usize = 3;
/// Accounts that get histories before they are thinned out.
const MAX_ACCOUNTS: i64 = 2_000;
/// One in this many histories ends in unanswered attempts (a non-responsive contact).
const SILENT_EVERY: u64 = 12;
/// How far back histories go.
const HISTORY_DAYS: i64 = 180;

const INTERACTIONS: TableSpec = TableSpec {
    name: "interactions",
    columns: &[
        "id",
        "channel",
        "category",
        "direction",
        "occurred_at",
        "utc_offset_minutes",
        "duration_minutes",
        "no_answer",
        "subject",
        "outcome",
        "next_steps",
        "logged_by",
        "created_at",
        "updated_at",
    ],
};
const LINKS: TableSpec = TableSpec {
    name: "interaction_contacts",
    columns: &[
        "contact_id",
        "occurred_at",
        "interaction_id",
        "channel",
        "category",
        "direction",
        "turn",
    ],
};
const FOLLOW_UPS: TableSpec = TableSpec {
    name: "follow_ups",
    columns: &[
        "contact_id",
        "interaction_id",
        "owner_id",
        "title",
        "due_date",
        "utc_offset_minutes",
        "due_at",
        "overdue_at",
        "priority",
        "status",
        "notified_at",
        "closed_at",
        "closed_by",
        "created_by",
        "created_at",
        "updated_at",
    ],
};
const CADENCES: TableSpec = TableSpec {
    name: "cadences",
    columns: &[
        "contact_id",
        "every_days",
        "next_due_at",
        "created_at",
        "updated_at",
    ],
};

/// (subject, outcome, next steps) by category, after the seed's engagement example.
fn topics(category: InteractionCategory) -> &'static [(&'static str, &'static str, &'static str)] {
    match category {
        InteractionCategory::Strategic => &[
            (
                "Quarterly business review",
                "Approved expansion",
                "Technical review",
            ),
            (
                "Executive update",
                "Priorities for next year agreed",
                "Send the summary",
            ),
            (
                "Renewal planning",
                "Renewal in principle",
                "Draft the renewal terms",
            ),
        ],
        InteractionCategory::Technical => &[
            (
                "Technical workshop",
                "Architecture approved",
                "Implementation plan",
            ),
            (
                "Site survey findings",
                "Two access points to upgrade",
                "Quote the upgrade",
            ),
            (
                "Integration check-in",
                "Data feed working",
                "Confirm go-live date",
            ),
        ],
        InteractionCategory::Operational => &[
            ("Support review", "Process improvements", "Team training"),
            (
                "Service schedule",
                "Night shift moved to 22:00",
                "Update the rota",
            ),
            (
                "Access arrangements",
                "New gate codes from Monday",
                "Brief the site team",
            ),
        ],
        InteractionCategory::Commercial => &[
            (
                "Price review",
                "Accepted 3% indexation",
                "Send the revised contract",
            ),
            (
                "Invoice query",
                "Credit note agreed",
                "Issue the credit note",
            ),
            (
                "Proposal for the new wing",
                "Interested, wants options",
                "Send two options",
            ),
        ],
        InteractionCategory::Support => &[
            (
                "Incident follow-up",
                "Root cause explained",
                "Share the incident report",
            ),
            (
                "Maintenance visit",
                "Barrier repaired",
                "Check again in a month",
            ),
            (
                "Fault report",
                "Engineer booked",
                "Confirm the fix with the site",
            ),
        ],
        InteractionCategory::Other => &[
            (
                "Introductions",
                "Met the new facilities lead",
                "Add them to the newsletter",
            ),
            (
                "Contact details check",
                "Details confirmed",
                "Update the record",
            ),
        ],
    }
}

/// A contact chosen for a history.
struct Person {
    id: i64,
    account: i64,
    owner: Option<i64>,
    sms: bool,
    phone: bool,
}

struct Generated {
    interactions: Vec<Vec<SqlValue>>,
    links: Vec<Vec<SqlValue>>,
    follow_ups: Vec<Vec<SqlValue>>,
    cadences: Vec<Vec<SqlValue>>,
    /// Each person's history (time, direction; notes left out) for their summary.
    histories: HashMap<i64, Vec<(DateTime<Utc>, Turn)>>,
    next_id: i64,
}

impl Generated {
    #[allow(clippy::too_many_arguments)]
    fn interaction(
        &mut self,
        people: &[&Person],
        channel: InteractionChannel,
        category: InteractionCategory,
        direction: Direction,
        at: DateTime<Utc>,
        topic: (&str, &str, &str),
        reached: bool,
        rng: &mut ChaCha8Rng,
    ) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        let (subject, outcome, next_steps) = topic;
        let outcome = if reached {
            outcome
        } else {
            *pick(rng, &["No answer", "Left a voicemail", "No reply yet"])
        };
        let duration = match channel {
            InteractionChannel::Meeting => Some(rng.gen_range(3..=12) * 10),
            InteractionChannel::Call => Some(rng.gen_range(1..=30)),
            _ => None,
        };
        let at_text = timestamp(at);
        let turn = Turn::of(channel, direction, !reached);
        self.interactions.push(vec![
            id.into(),
            channel.as_str().into(),
            category.as_str().into(),
            direction.as_str().into(),
            at_text.clone().into(),
            0i64.into(),
            duration.map(i64::from).into(),
            (!reached).into(),
            subject.into(),
            outcome.into(),
            reached.then_some(next_steps).into(),
            people[0].owner.into(),
            at_text.clone().into(),
            at_text.clone().into(),
        ]);
        for person in people {
            self.links.push(vec![
                person.id.into(),
                at_text.clone().into(),
                id.into(),
                channel.as_str().into(),
                category.as_str().into(),
                direction.as_str().into(),
                turn.as_str().into(),
            ]);
            self.histories
                .entry(person.id)
                .or_default()
                .push((at, turn));
        }
        id
    }

    /// A follow-up from an interaction's next steps, due `due` (all day, UTC).
    #[allow(clippy::too_many_arguments)]
    fn follow_up(
        &mut self,
        person: &Person,
        interaction: i64,
        title: &str,
        logged: DateTime<Utc>,
        due: DateTime<Utc>,
        done: bool,
        now: DateTime<Utc>,
        rng: &mut ChaCha8Rng,
    ) {
        let Some(owner) = person.owner else {
            return;
        };
        let day = due.date_naive();
        let start = day.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
        let end = start + Duration::days(1);
        // Reminders of days gone by were shown back then; today's are still to come.
        let notified = (end <= now).then(|| timestamp(end));
        let priority = weighted(
            rng,
            &[("low", 15), ("normal", 55), ("high", 22), ("urgent", 8)],
        );
        self.follow_ups.push(vec![
            person.id.into(),
            interaction.into(),
            owner.into(),
            title.into(),
            day.to_string().into(),
            0i64.into(),
            timestamp(start).into(),
            timestamp(end).into(),
            priority.into(),
            (if done { "done" } else { "open" }).into(),
            notified.into(),
            done.then(|| timestamp(due.min(now))).into(),
            done.then_some(owner).into(),
            owner.into(),
            timestamp(logged).into(),
            timestamp(logged).into(),
        ]);
    }
}

/// One person's half year. Most histories alternate attempts and answers; one in
/// [`SILENT_EVERY`] ends in attempts that got no answer.
fn history(g: &mut Generated, person: &Person, colleague: Option<&Person>, options: DemoOptions) {
    let now = options.now;
    let mut rng =
        ChaCha8Rng::seed_from_u64(options.seed ^ (person.id as u64).wrapping_mul(0x9e37_79b9));
    let silent = (person.id as u64).is_multiple_of(SILENT_EVERY);
    let count = rng.gen_range(3..=9);
    let mut at = now - Duration::days(HISTORY_DAYS) + Duration::days(rng.gen_range(0..30));
    let mut last = None;
    for i in 0..count {
        at += Duration::days(rng.gen_range(4..20)) + Duration::minutes(rng.gen_range(0..600));
        if at >= now - Duration::days(2) {
            break;
        }
        let category = weighted(
            &mut rng,
            &[
                (InteractionCategory::Strategic, 15),
                (InteractionCategory::Technical, 20),
                (InteractionCategory::Operational, 25),
                (InteractionCategory::Commercial, 15),
                (InteractionCategory::Support, 20),
                (InteractionCategory::Other, 5),
            ],
        );
        let channel = weighted(
            &mut rng,
            &[
                (InteractionChannel::Email, 40),
                (InteractionChannel::Call, if person.phone { 25 } else { 0 }),
                (InteractionChannel::Meeting, 15),
                (InteractionChannel::Note, 8),
                (InteractionChannel::Sms, if person.sms { 8 } else { 0 }),
            ],
        );
        let topic = *pick(&mut rng, topics(category));
        let with = match colleague {
            Some(c) if channel == InteractionChannel::Meeting && i % 2 == 0 => vec![person, c],
            _ => vec![person],
        };
        let id = g.interaction(
            &with,
            channel,
            category,
            Direction::Outbound,
            at,
            topic,
            true,
            &mut rng,
        );
        last = Some((id, at, topic.2));
        // Email and SMS get their answer within hours or days; calls and meetings reached the
        // person already, and some of them ring back later about it.
        if matches!(channel, InteractionChannel::Email | InteractionChannel::Sms)
            || (channel == InteractionChannel::Call && rng.gen_bool(0.3))
        {
            let reply = at + Duration::minutes(rng.gen_range(20..(3 * 24 * 60)));
            if reply < now {
                g.interaction(
                    &[person],
                    channel,
                    category,
                    Direction::Inbound,
                    reply,
                    topic,
                    true,
                    &mut rng,
                );
                at = reply;
            }
        }
    }
    if silent {
        // Three attempts over the last month, none answered: the escalation picks them up.
        let mut attempt = now - Duration::days(rng.gen_range(18..40));
        for _ in 0..3 {
            let channel = if person.phone {
                InteractionChannel::Call
            } else {
                InteractionChannel::Email
            };
            let topic = ("Checking in", "No answer", "Try again next week");
            g.interaction(
                &[person],
                channel,
                InteractionCategory::Operational,
                Direction::Outbound,
                attempt,
                topic,
                false,
                &mut rng,
            );
            attempt += Duration::days(rng.gen_range(3..6));
        }
    }
    // A follow-up from the last next steps: most are done, the rest due around now (some
    // overdue); older next steps led to follow-ups that are done.
    if let Some((id, logged, title)) = last {
        let done = rng.gen_bool(0.6);
        let due = if done {
            logged + Duration::days(rng.gen_range(2..10))
        } else {
            now + Duration::days(rng.gen_range(-10..15))
        };
        g.follow_up(person, id, title, logged, due, done, now, &mut rng);
    }
    if rng.gen_bool(0.12) {
        let every = *pick(&mut rng, &[30i64, 60, 90]);
        let set_up = now - Duration::days(HISTORY_DAYS);
        g.cadences.push(vec![
            person.id.into(),
            every.into(),
            timestamp(set_up).into(),
            timestamp(set_up).into(),
            timestamp(set_up).into(),
        ]);
    }
}

/// Adds the engagement history to a freshly created demo organisation (users included), then
/// runs the escalation once so non-responsive contacts are already in their owners' queues.
pub(super) async fn create(db: &Database, options: DemoOptions) -> CoreResult<()> {
    let users: HashMap<String, i64> = sqlx::query_as("SELECT username, id FROM users")
        .fetch_all(db.reader())
        .await?
        .into_iter()
        .collect();
    let accounts: i64 = sqlx::query_scalar("SELECT count(*) FROM accounts")
        .fetch_one(db.reader())
        .await?;
    let every = (accounts + MAX_ACCOUNTS - 1) / MAX_ACCOUNTS;
    // Each contact once, at its first site's account; the first few of each account.
    let rows: Vec<(i64, i64, Option<String>, bool, bool)> = sqlx::query_as(
        "SELECT c.id, s.account_id, c.owner,
            EXISTS (SELECT 1 FROM contact_channel_preferences p
                    WHERE p.contact_id = c.id AND p.channel = 'sms' AND p.consent = 1),
            EXISTS (SELECT 1 FROM contact_channel_preferences p
                    WHERE p.contact_id = c.id AND p.channel = 'phone' AND p.consent = 1)
         FROM contacts c
         JOIN sites s ON s.id = (SELECT min(site_id) FROM contact_sites cs WHERE cs.contact_id = c.id)
         WHERE c.status = 'active' AND s.account_id % ? = 0
         ORDER BY s.account_id, c.id",
    )
    .bind(every)
    .fetch_all(db.reader())
    .await?;
    let mut by_account: Vec<Vec<Person>> = Vec::new();
    for (id, account, owner, sms, phone) in rows {
        let person = Person {
            id,
            account,
            owner: owner.and_then(|o| users.get(&o).copied()),
            sms,
            phone,
        };
        match by_account.last_mut() {
            Some(group) if group[0].account == account => {
                if group.len() < CONTACTS_PER_ACCOUNT {
                    group.push(person);
                }
            }
            _ => by_account.push(vec![person]),
        }
    }

    let mut g = Generated {
        interactions: Vec::new(),
        links: Vec::new(),
        follow_ups: Vec::new(),
        cadences: Vec::new(),
        histories: HashMap::new(),
        next_id: 1,
    };
    for group in &by_account {
        for (i, person) in group.iter().enumerate() {
            // Meetings take in a colleague from the same account now and then.
            let colleague = group
                .get((i + 1) % group.len())
                .filter(|c| c.id != person.id);
            history(&mut g, person, colleague, options);
        }
    }

    let now = options.now;
    let interaction_ids = g.interactions.iter().filter_map(|row| match row.first() {
        Some(SqlValue::Int(id)) => Some(*id),
        _ => None,
    });
    let event = Event::new("bulk_create", "interaction", None).summary(json!({
        "count": g.interactions.len(),
        "idRanges": id_ranges(interaction_ids),
        "followUps": g.follow_ups.len(),
        "cadences": g.cadences.len(),
    }));
    let mut tx = db.write().await?;
    for (table, rows) in [
        (&INTERACTIONS, std::mem::take(&mut g.interactions)),
        (&LINKS, std::mem::take(&mut g.links)),
        (&FOLLOW_UPS, std::mem::take(&mut g.follow_ups)),
        (&CADENCES, std::mem::take(&mut g.cadences)),
    ] {
        insert_rows(&mut tx, table, rows).await?;
    }
    audit::record(&mut tx, Who::System, now, event).await?;
    let mut contacts: Vec<i64> = g.histories.keys().copied().collect();
    contacts.sort_unstable();
    for contact in contacts {
        let mut history = g.histories.remove(&contact).unwrap_or_default();
        history.sort_by_key(|(at, _)| *at);
        metrics::store(&mut tx, contact, &metrics::Summary::of(&history)).await?;
    }
    cadence::reset_all(&mut tx).await?;
    tx.commit().await?;
    run_escalation(db, now).await?;
    Ok(())
}
