//! `rapport bench --interactions N`: the engagement history of a large organisation, loaded in
//! bulk into the app's own tables, then the dashboards' metrics, the timelines, the queues and
//! the escalation timed through the functions the app calls, next to raw SQLite running the
//! comparable queries without scope checks in the same run.
//!
//! The history: outbound attempts (email, SMS, calls that did not reach the person) most of
//! which are answered within minutes to days, unsolicited inbound messages, calls and meetings
//! that reached the person (meetings sometimes with several contacts of the account), notes;
//! spread over three years, with a third of the interactions going to accounts drawn by a Zipf
//! law so a few accounts are big. Summaries (`contact_engagement`, `contact_responses`) are
//! rebuilt by the core's own code (`engagement::metrics::rebuild_summaries`), the escalation
//! then runs once as the app would at start.

use std::path::Path;
use std::time::Instant;

use chrono::{DateTime, Duration, Utc};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rapport_core::access::Actor;
use rapport_core::engagement;
use rapport_core::model::{FollowUpQuery, InteractionChannel, Role, TimelineQuery};
use rapport_core::store::timestamp;
use rapport_core::{Database, DatabaseKey};
use serde::Serialize;

/// Runs of each measurement; the median is reported.
const RUNS: usize = 7;
/// Runs of the raw baselines that read the whole history (seconds each).
const SCAN_RUNS: usize = 3;
/// Timeline page size (the app's default).
const PAGE: u32 = 50;
/// Pages walked before the "later page" is timed.
const LATER_PAGE: usize = 20;
const HISTORY_DAYS: i64 = 3 * 365;
/// Rows per transaction of the load.
const COMMIT_EVERY: u64 = 500_000;

#[derive(Serialize, Default)]
pub struct EngagementReport {
    pub interactions: u64,
    pub link_rows: u64,
    pub follow_ups: u64,
    pub load_seconds: f64,
    pub summaries_seconds: f64,
    pub escalation_first_run_ms: f64,
    pub escalations_opened: u32,
    pub biggest_account_interactions: u64,
    pub biggest_account_contacts: u64,
    pub busiest_contact_interactions: u64,
    pub territory_share_pct: f64,
    pub region_share_pct: f64,
    pub contact_metrics_ms: f64,
    pub account_metrics_ms: f64,
    pub scope_metrics_admin_ms: f64,
    pub scope_metrics_territory_ms: f64,
    pub scope_metrics_region_ms: f64,
    pub contact_timeline_first_ms: f64,
    pub contact_timeline_later_ms: f64,
    pub account_timeline_first_ms: f64,
    pub account_timeline_later_ms: f64,
    pub account_timeline_filtered_ms: f64,
    pub overdue_queue_ms: f64,
    pub non_responsive_ms: f64,
    pub escalation_run_ms: f64,
    pub baseline_contact_metrics_ms: f64,
    pub baseline_account_metrics_ms: f64,
    pub baseline_scope_metrics_admin_ms: f64,
    pub baseline_scope_metrics_territory_ms: f64,
    pub baseline_contact_timeline_first_ms: f64,
    pub baseline_account_timeline_first_ms: f64,
    pub baseline_account_timeline_filtered_ms: f64,
    pub baseline_overdue_queue_ms: f64,
    pub baseline_non_responsive_ms: f64,
}

struct Link {
    contact: i64,
    at: i64, // milliseconds
    id: i64,
    channel: u8,
    category: u8,
    direction: u8, // 0 inbound, 1 outbound
    turn: u8,
}

const CHANNELS: [&str; 5] = ["email", "call", "meeting", "note", "sms"];
const CATEGORIES: [&str; 6] = [
    "strategic",
    "technical",
    "operational",
    "commercial",
    "support",
    "other",
];
const DIRECTIONS: [&str; 2] = ["inbound", "outbound"];
const TURNS: [&str; 4] = ["attempt", "reply", "conversation", "note"];
const SUBJECTS: [&str; 8] = [
    "Quarterly business review",
    "Technical workshop",
    "Support review",
    "Price review",
    "Incident follow-up",
    "Renewal planning",
    "Invoice query",
    "Checking in",
];
const OUTCOMES: [&str; 5] = [
    "Agreed next steps",
    "Sent the summary",
    "No answer",
    "Left a voicemail",
    "Waiting for a quote",
];

fn text_at(ms: i64) -> String {
    timestamp(DateTime::from_timestamp_millis(ms).unwrap_or_default())
}

/// Each contact's account (its first site's) and owner, from the database.
fn people(conn: &rusqlite::Connection) -> anyhow::Result<Vec<(i64, i64, Option<i64>)>> {
    let mut statement = conn.prepare(
        "SELECT c.id, s.account_id, u.id FROM contacts c
         JOIN sites s ON s.id = (SELECT min(site_id) FROM contact_sites cs WHERE cs.contact_id = c.id)
         LEFT JOIN users u ON u.username = c.owner
         WHERE c.erased_at IS NULL ORDER BY s.account_id, c.id",
    )?;
    let rows = statement
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// What the load wrote and where the figures come from.
struct Loaded {
    interactions: u64,
    links: u64,
    follow_ups: u64,
    biggest_account: i64,
    biggest_account_interactions: u64,
    biggest_account_contacts: u64,
    busiest_contact: i64,
    busiest_contact_interactions: u64,
}

/// Generates `n` interactions over the contacts and writes them, their link rows and
/// follow-ups into the app's tables with prepared statements in one transaction; the link
/// table's secondary indexes are dropped for the load and rebuilt from their own definitions.
fn load(
    path: &Path,
    key: &DatabaseKey,
    n: u64,
    seed: u64,
    now: DateTime<Utc>,
) -> anyhow::Result<Loaded> {
    let conn = crate::bench::raw_connection(path, key)?;
    // Every row is consistent by construction; the checks would only slow the load down.
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    let people = people(&conn)?;
    anyhow::ensure!(!people.is_empty(), "no contacts to give a history to");
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0xe17a_9e3e);

    // Accounts as runs of `people`, and a Zipf weight for each (in a shuffled order).
    let mut accounts: Vec<std::ops::Range<usize>> = Vec::new();
    for (i, (_, account, _)) in people.iter().enumerate() {
        match accounts.last_mut() {
            Some(run) if people[run.start].1 == *account => run.end = i + 1,
            _ => accounts.push(i..i + 1),
        }
    }
    let mut order: Vec<usize> = (0..accounts.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.gen_range(0..=i));
    }
    let harmonic: f64 = (1..=accounts.len()).map(|r| 1.0 / r as f64).sum();
    // Interactions started by each contact: two thirds spread evenly, a third by account Zipf.
    let mut quota = vec![0u64; people.len()];
    let even = n * 2 / 3;
    for q in quota.iter_mut() {
        *q = even / people.len() as u64;
    }
    for _ in 0..(even % people.len() as u64) {
        quota[rng.gen_range(0..people.len())] += 1;
    }
    let skewed = n - even;
    for (rank, &account) in order.iter().enumerate() {
        let share = skewed as f64 / (rank + 1) as f64 / harmonic;
        let whole = share.floor() as u64 + u64::from(rng.gen_bool(share.fract()));
        let run = accounts[account].clone();
        for _ in 0..whole {
            quota[rng.gen_range(run.clone())] += 1;
        }
    }

    // Rounding the Zipf shares can leave a few short of `n`.
    let planned: u64 = quota.iter().sum();
    for _ in planned..n {
        quota[rng.gen_range(0..people.len())] += 1;
    }

    let start = (now - Duration::days(HISTORY_DAYS)).timestamp_millis();
    let end = (now - Duration::days(1)).timestamp_millis();
    let now_ms = now.timestamp_millis();
    let mut links: Vec<Link> = Vec::with_capacity((n + n / 5) as usize);
    let mut follow_ups: Vec<(i64, i64, i64, i64, bool, i64)> = Vec::new(); // contact, interaction, owner, logged, done, due
    let admin: i64 = conn.query_row(
        "SELECT id FROM users WHERE role = 'site_admin' ORDER BY id LIMIT 1",
        [],
        |r| r.get(0),
    )?;

    // Committed in steps so the write-ahead log stays small (a bench database is several GB).
    conn.execute_batch("BEGIN")?;
    let tx = &conn;
    let dropped: Vec<(String, String)> = {
        let mut statement = tx.prepare(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index'
               AND tbl_name = 'interaction_contacts' AND sql IS NOT NULL",
        )?;
        let rows = statement
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<Vec<_>, _>>()?;
        rows
    };
    for (name, _) in &dropped {
        tx.execute(&format!("DROP INDEX {name}"), [])?;
    }
    let mut next_id: i64 =
        tx.query_row("SELECT ifnull(max(id), 0) + 1 FROM interactions", [], |r| {
            r.get(0)
        })?;
    let mut written = 0u64;
    let mut per_account = vec![0u64; accounts.len()];
    {
        let mut insert = tx.prepare(
            "INSERT INTO interactions (id, channel, category, direction, occurred_at,
                utc_offset_minutes, duration_minutes, no_answer, subject, outcome, next_steps,
                logged_by, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)",
        )?;
        let mut times: Vec<i64> = Vec::new();
        for (index, &(contact, _, owner)) in people.iter().enumerate() {
            let mut left = quota[index].min(n - written);
            if left == 0 {
                continue;
            }
            times.clear();
            times.extend((0..left).map(|_| rng.gen_range(start..end)));
            times.sort_unstable();
            let account = accounts
                .partition_point(|run| run.end <= index)
                .min(accounts.len() - 1);
            let colleagues = accounts[account].clone();
            let mut last_logged = None;
            let mut i = 0;
            while left > 0 {
                let at = times[i.min(times.len() - 1)];
                i += 1;
                let channel = weighted(&mut rng, &[45, 22, 12, 8, 13]);
                let category = rng.gen_range(0..CATEGORIES.len()) as u8;
                let (mut direction, mut no_answer) = match channel {
                    0 | 4 => (u8::from(rng.gen_bool(0.75)), false),
                    1 => {
                        let out = rng.gen_bool(0.8);
                        (u8::from(out), out && rng.gen_bool(0.35))
                    }
                    2 => (1, rng.gen_bool(0.05)),
                    _ => (1, false),
                };
                // A history's last interaction is mostly the contact's (no room for an
                // answer after it); one in ten ends on an attempt nobody answered.
                if left == 1 && channel != 3 && rng.gen_bool(0.9) {
                    (direction, no_answer) = (0, false);
                }
                let turn = match (channel, direction) {
                    (3, _) => 3,
                    (_, 0) => 1,
                    (0 | 4, 1) => 0,
                    _ if no_answer => 0,
                    _ => 2,
                };
                let mut with = vec![contact];
                if channel == 2 && colleagues.len() > 1 && rng.gen_bool(0.4) {
                    for _ in 0..rng.gen_range(1..=3) {
                        let other = people[rng.gen_range(colleagues.clone())].0;
                        if !with.contains(&other) {
                            with.push(other);
                        }
                    }
                }
                let mut write =
                    |at: i64, direction: u8, turn: u8, no_answer: bool, with: &[i64]| {
                        let id = next_id;
                        next_id += 1;
                        // Colleagues are of the same account: one interaction of the account.
                        per_account[account] += 1;
                        let text = text_at(at);
                        let duration: Option<i64> = match channel {
                            1 => Some(1 + id % 30),
                            2 => Some(30 + (id % 10) * 10),
                            _ => None,
                        };
                        let outcome = OUTCOMES[if no_answer {
                            2 + (id % 2) as usize
                        } else {
                            (id % 2) as usize
                        }];
                        insert.execute(rusqlite::params![
                            id,
                            CHANNELS[channel as usize],
                            CATEGORIES[category as usize],
                            DIRECTIONS[direction as usize],
                            text,
                            duration,
                            no_answer,
                            SUBJECTS[(id % SUBJECTS.len() as i64) as usize],
                            outcome,
                            (id % 3 == 0).then_some("Send the summary"),
                            owner,
                            text,
                            text,
                        ])?;
                        for c in with {
                            links.push(Link {
                                contact: *c,
                                at,
                                id,
                                channel,
                                category,
                                direction,
                                turn,
                            });
                        }
                        anyhow::Ok(id)
                    };
                let id = write(at, direction, turn, no_answer, &with)?;
                written += 1;
                if written.is_multiple_of(COMMIT_EVERY) {
                    tx.execute_batch("COMMIT; BEGIN")?;
                }
                left -= 1;
                last_logged = Some((id, at));
                // Most attempts are answered, from minutes to days later.
                if turn == 0 && left > 0 && rng.gen_bool(0.7) {
                    let delay = (10.0 * 60_000.0 * 720f64.powf(rng.gen::<f64>())) as i64;
                    let reply = at + delay;
                    if reply < now_ms {
                        write(reply, 0, 1, false, &[contact])?;
                        written += 1;
                        if written.is_multiple_of(COMMIT_EVERY) {
                            tx.execute_batch("COMMIT; BEGIN")?;
                        }
                        left -= 1;
                    }
                }
            }
            if let Some((id, logged)) = last_logged {
                if rng.gen_bool(0.2) {
                    let done = rng.gen_bool(0.6);
                    let due = if done {
                        logged + rng.gen_range(1..10) * 86_400_000
                    } else {
                        now_ms + rng.gen_range(-20..20) * 86_400_000
                    };
                    follow_ups.push((contact, id, owner.unwrap_or(admin), logged, done, due));
                }
            }
            if written >= n {
                break;
            }
        }
    }

    links.sort_unstable_by_key(|l| (l.contact, l.at, l.id));
    {
        let mut insert = tx.prepare(
            "INSERT INTO interaction_contacts
                (contact_id, occurred_at, interaction_id, channel, category, direction, turn)
             VALUES (?, ?, ?, ?, ?, ?, ?)",
        )?;
        for (i, l) in links.iter().enumerate() {
            if (i as u64 + 1).is_multiple_of(COMMIT_EVERY) {
                tx.execute_batch("COMMIT; BEGIN")?;
            }
            insert.execute(rusqlite::params![
                l.contact,
                text_at(l.at),
                l.id,
                CHANNELS[l.channel as usize],
                CATEGORIES[l.category as usize],
                DIRECTIONS[l.direction as usize],
                TURNS[l.turn as usize],
            ])?;
        }
    }
    for (_, sql) in &dropped {
        tx.execute(sql, [])?;
    }
    {
        let mut insert = tx.prepare(
            "INSERT INTO follow_ups (contact_id, interaction_id, owner_id, title, due_date,
                utc_offset_minutes, due_at, overdue_at, priority, status, notified_at, closed_at,
                closed_by, created_by, created_at, updated_at)
             VALUES (?, ?, ?, 'Send the summary', ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )?;
        for (i, (contact, id, owner, logged, done, due)) in follow_ups.iter().enumerate() {
            let day = DateTime::from_timestamp_millis(*due)
                .unwrap_or_default()
                .date_naive();
            let start = day.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
            let end = start + Duration::days(1);
            let notified = (end <= now).then(|| timestamp(end));
            insert.execute(rusqlite::params![
                contact,
                id,
                owner,
                day.to_string(),
                timestamp(start),
                timestamp(end),
                ["low", "normal", "high", "urgent"][i % 4],
                if *done { "done" } else { "open" },
                notified,
                done.then(|| timestamp(end.min(now))),
                done.then_some(*owner),
                owner,
                text_at(*logged),
                text_at(*logged),
            ])?;
        }
    }
    tx.execute_batch("COMMIT")?;

    // The figures' subjects: the account with the most interactions, its busiest contact.
    let biggest = (0..accounts.len())
        .max_by_key(|a| (per_account[*a], std::cmp::Reverse(*a)))
        .unwrap_or(0);
    let members: Vec<i64> = people[accounts[biggest].clone()]
        .iter()
        .map(|p| p.0)
        .collect();
    let mut busiest_contact = members[0];
    let mut busiest_contact_interactions = 0u64;
    let mut run = (0i64, 0u64);
    for l in &links {
        run = if run.0 == l.contact {
            (run.0, run.1 + 1)
        } else {
            (l.contact, 1)
        };
        if run.1 > busiest_contact_interactions && members.contains(&run.0) {
            busiest_contact = run.0;
            busiest_contact_interactions = run.1;
        }
    }
    let biggest_account = people[accounts[biggest].start].1;
    let biggest_account_interactions = per_account[biggest];
    Ok(Loaded {
        interactions: written,
        links: links.len() as u64,
        follow_ups: follow_ups.len() as u64,
        biggest_account,
        biggest_account_interactions,
        biggest_account_contacts: members.len() as u64,
        busiest_contact,
        busiest_contact_interactions,
    })
}

fn weighted(rng: &mut ChaCha8Rng, weights: &[u32]) -> u8 {
    let total: u32 = weights.iter().sum();
    let mut pick = rng.gen_range(0..total);
    for (i, w) in weights.iter().enumerate() {
        if pick < *w {
            return i as u8;
        }
        pick -= w;
    }
    (weights.len() - 1) as u8
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let v = values.get(values.len() / 2).copied().unwrap_or(0.0);
    (v * 1_000.0).round() / 1_000.0
}

async fn timed<T, F, Fut>(runs: usize, mut work: F) -> anyhow::Result<f64>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<T>>,
{
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        work().await?;
        times.push(started.elapsed().as_secs_f64() * 1_000.0);
    }
    Ok(median(times))
}

fn timed_raw(runs: usize, mut work: impl FnMut() -> anyhow::Result<()>) -> anyhow::Result<f64> {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        work()?;
        times.push(started.elapsed().as_secs_f64() * 1_000.0);
    }
    Ok(median(times))
}

/// Loads the history into the database at `path` (closed), then measures. `admin` and
/// `territory` sign in again on the reopened database.
#[allow(clippy::too_many_arguments)]
pub async fn run(
    path: &Path,
    key: &DatabaseKey,
    n: u64,
    seed: u64,
    now: DateTime<Utc>,
    contacts: u64,
    say: &dyn Fn(&str),
) -> anyhow::Result<EngagementReport> {
    say(&format!(
        "engagement: generating and loading {n} interactions…"
    ));
    let started = Instant::now();
    let loaded = load(path, key, n, seed, now)?;
    let load_seconds = started.elapsed().as_secs_f64();

    let db = Database::open(path, key).await?;
    say("engagement: summaries from the history with the core's code…");
    let started = Instant::now();
    engagement::metrics::rebuild_summaries(&db).await?;
    let summaries_seconds = started.elapsed().as_secs_f64();
    say("engagement: the first escalation run…");
    let started = Instant::now();
    let first = engagement::run_escalation(&db, now).await?;
    let escalation_first_run_ms = started.elapsed().as_secs_f64() * 1_000.0;

    // The bulk load and the rebuild left a write-ahead log of gigabytes, which every page read
    // would search; the app's log stays small (checkpointed as it goes). Closing checkpoints it.
    db.close().await;
    let db = Database::open(path, key).await?;

    let admin = crate::bench::sign_in(&db, "admin").await?;
    let managers = managers(&db, &admin, loaded.biggest_account, contacts).await?;
    let contact = loaded.busiest_contact.to_string();
    let account = loaded.biggest_account.to_string();

    say("engagement: metrics…");
    let mut r = EngagementReport {
        interactions: loaded.interactions,
        link_rows: loaded.links,
        follow_ups: loaded.follow_ups,
        load_seconds: (load_seconds * 10.0).round() / 10.0,
        summaries_seconds: (summaries_seconds * 10.0).round() / 10.0,
        escalation_first_run_ms: (escalation_first_run_ms * 10.0).round() / 10.0,
        escalations_opened: first.opened,
        biggest_account_interactions: loaded.biggest_account_interactions,
        biggest_account_contacts: loaded.biggest_account_contacts,
        busiest_contact_interactions: loaded.busiest_contact_interactions,
        territory_share_pct: managers.territory_share_pct,
        region_share_pct: managers.region_share_pct,
        ..Default::default()
    };
    r.contact_metrics_ms = timed(RUNS, || async {
        Ok(engagement::contact_metrics(&db, &admin, &contact).await?)
    })
    .await?;
    r.account_metrics_ms = timed(RUNS, || async {
        Ok(engagement::account_metrics(&db, &admin, &account).await?)
    })
    .await?;
    r.scope_metrics_admin_ms = timed(RUNS, || async {
        Ok(engagement::scope_metrics(&db, &admin, None).await?)
    })
    .await?;
    r.scope_metrics_territory_ms = timed(RUNS, || async {
        Ok(engagement::scope_metrics(&db, &managers.territory, None).await?)
    })
    .await?;
    r.scope_metrics_region_ms = timed(RUNS, || async {
        Ok(engagement::scope_metrics(&db, &managers.regional, None).await?)
    })
    .await?;

    say("engagement: timelines…");
    let page = |cursor: Option<String>| TimelineQuery {
        limit: PAGE,
        cursor,
        ..Default::default()
    };
    r.contact_timeline_first_ms = timed(RUNS, || async {
        Ok(engagement::contact_timeline(&db, &admin, &contact, &page(None)).await?)
    })
    .await?;
    let mut cursor = None;
    for _ in 0..LATER_PAGE {
        cursor = engagement::contact_timeline(&db, &admin, &contact, &page(cursor.clone()))
            .await?
            .next_cursor;
    }
    r.contact_timeline_later_ms = timed(RUNS, || async {
        Ok(engagement::contact_timeline(&db, &admin, &contact, &page(cursor.clone())).await?)
    })
    .await?;
    r.account_timeline_first_ms = timed(RUNS, || async {
        Ok(engagement::account_timeline(&db, &admin, &account, &page(None)).await?)
    })
    .await?;
    let mut cursor = None;
    for _ in 0..LATER_PAGE {
        cursor = engagement::account_timeline(&db, &admin, &account, &page(cursor.clone()))
            .await?
            .next_cursor;
    }
    r.account_timeline_later_ms = timed(RUNS, || async {
        Ok(engagement::account_timeline(&db, &admin, &account, &page(cursor.clone())).await?)
    })
    .await?;
    let filtered = TimelineQuery {
        channels: vec![InteractionChannel::Meeting, InteractionChannel::Call],
        from: Some(now - Duration::days(540)),
        until: Some(now - Duration::days(180)),
        limit: PAGE,
        ..Default::default()
    };
    r.account_timeline_filtered_ms = timed(RUNS, || async {
        Ok(engagement::account_timeline(&db, &admin, &account, &filtered).await?)
    })
    .await?;

    say("engagement: queues and the escalation…");
    let queue = FollowUpQuery {
        limit: PAGE,
        ..Default::default()
    };
    r.overdue_queue_ms = timed(RUNS, || async {
        Ok(engagement::overdue_queue(&db, &admin, &queue, now).await?)
    })
    .await?;
    r.non_responsive_ms = timed(RUNS, || async {
        Ok(engagement::non_responsive_contacts(&db, &admin, None).await?)
    })
    .await?;
    r.escalation_run_ms = timed(RUNS, || async {
        Ok(engagement::run_escalation(&db, now).await?)
    })
    .await?;
    db.close().await;

    say("engagement: raw SQLite baselines…");
    baselines(path, key, &loaded, managers.territory_id, now, &mut r)?;
    Ok(r)
}

/// The territory manager the figures are measured for, left in the database for the dashboard.
pub(crate) const TERRITORY_MANAGER: &str = "bench-engagement";

/// The managers whose figures are measured: of the biggest account's first territory, and of
/// that territory's region.
struct Managers {
    territory: Actor,
    territory_id: i64,
    territory_share_pct: f64,
    regional: Actor,
    region_share_pct: f64,
}

async fn managers(
    db: &Database,
    admin: &Actor,
    account: i64,
    contacts: u64,
) -> anyhow::Result<Managers> {
    let (territory, region, in_territory, in_region): (i64, i64, i64, i64) = sqlx::query_as(
        "SELECT a.territory_id, t.region_id,
                (SELECT count(DISTINCT cs.contact_id) FROM contact_sites cs
                 JOIN sites s ON s.id = cs.site_id WHERE s.territory_id = a.territory_id),
                (SELECT count(DISTINCT cs.contact_id) FROM contact_sites cs
                 JOIN sites s ON s.id = cs.site_id JOIN territories r ON r.id = s.territory_id
                 WHERE r.region_id = t.region_id)
         FROM (SELECT territory_id FROM sites WHERE account_id = ? ORDER BY id LIMIT 1) a
         JOIN territories t ON t.id = a.territory_id",
    )
    .bind(account)
    .fetch_one(db.reader())
    .await?;
    let share = |people: i64| (people as f64 * 1_000.0 / contacts.max(1) as f64).round() / 10.0;
    for (username, role, region_ids, territory_ids) in [
        (
            TERRITORY_MANAGER,
            Role::TerritoryManager,
            vec![],
            vec![territory.to_string()],
        ),
        (
            "bench-engagement-region",
            Role::RegionalManager,
            vec![region.to_string()],
            vec![],
        ),
    ] {
        let input = rapport_core::access::users::UserInput {
            username: username.into(),
            display_name: format!("Bench {username}"),
            role,
            region_ids,
            territory_ids,
            disabled: false,
            password: Some(rapport_core::demo::users::PASSWORD.into()),
        };
        rapport_core::access::users::create_user(db, admin, input).await?;
    }
    Ok(Managers {
        territory: crate::bench::sign_in(db, TERRITORY_MANAGER).await?,
        territory_id: territory,
        territory_share_pct: share(in_territory),
        regional: crate::bench::sign_in(db, "bench-engagement-region").await?,
        region_share_pct: share(in_region),
    })
}

/// The comparable queries on raw SQLite, without scope checks: metrics computed from the
/// history (what the summaries replace), the timelines as a plain sort of the link rows, the
/// queues straight from their tables.
fn baselines(
    path: &Path,
    key: &DatabaseKey,
    loaded: &Loaded,
    territory: i64,
    now: DateTime<Utc>,
    r: &mut EngagementReport,
) -> anyhow::Result<()> {
    let conn = crate::bench::raw_connection(path, key)?;
    let from_history = "SELECT count(*), sum(turn = 'attempt'), sum(direction = 'inbound'),
            max(occurred_at) FROM interaction_contacts WHERE turn <> 'note'";
    let account_contacts = "SELECT cs.contact_id FROM contact_sites cs
            JOIN sites s ON s.id = cs.site_id WHERE s.account_id = ?1";
    let load_page = |ids: &[i64]| -> anyhow::Result<()> {
        let list = serde_json::to_string(ids)?;
        let mut statement = conn.prepare_cached(
            "SELECT * FROM interactions WHERE id IN (SELECT value FROM json_each(?))",
        )?;
        let rows = statement.query_map([list], |row| row.get::<_, String>(1))?;
        for row in rows {
            row?;
        }
        Ok(())
    };
    let page_ids = |sql: &str, params: &[&dyn rusqlite::ToSql]| -> anyhow::Result<Vec<i64>> {
        let mut statement = conn.prepare_cached(sql)?;
        let ids = statement
            .query_map(params, |row| row.get(0))?
            .collect::<Result<Vec<i64>, _>>()?;
        Ok(ids)
    };
    r.baseline_contact_metrics_ms = timed_raw(RUNS, || {
        conn.prepare_cached(&format!("{from_history} AND contact_id = ?"))?
            .query_row([loaded.busiest_contact], |_| Ok(()))?;
        Ok(())
    })?;
    r.baseline_account_metrics_ms = timed_raw(RUNS, || {
        conn.prepare_cached(&format!(
            "{from_history} AND contact_id IN ({account_contacts})"
        ))?
        .query_row([loaded.biggest_account], |_| Ok(()))?;
        Ok(())
    })?;
    r.baseline_scope_metrics_admin_ms = timed_raw(SCAN_RUNS, || {
        conn.prepare_cached(from_history)?
            .query_row([], |_| Ok(()))?;
        Ok(())
    })?;
    // The territory's contacts' summaries and answers, looked up contact by contact, with the
    // median found by sorting: what the kept area rows replace.
    let territory_contacts = "SELECT DISTINCT cs.contact_id FROM sites s
            JOIN contact_sites cs ON cs.site_id = s.id WHERE s.territory_id = ?1";
    r.baseline_scope_metrics_territory_ms = timed_raw(RUNS, || {
        conn.prepare_cached(&format!(
            "SELECT count(*), sum(e.touchpoints), sum(e.attempts), sum(e.answered),
                    max(e.last_contact_at)
             FROM ({territory_contacts}) t LEFT JOIN contact_engagement e ON e.contact_id = t.contact_id"
        ))?
        .query_row([territory], |_| Ok(()))?;
        conn.prepare_cached(&format!(
            "SELECT r.seconds FROM ({territory_contacts}) t
             JOIN contact_responses r ON r.contact_id = t.contact_id
             ORDER BY r.seconds LIMIT 1 OFFSET (SELECT count(*) / 2 FROM ({territory_contacts}) t
                 JOIN contact_responses r ON r.contact_id = t.contact_id)"
        ))?
        .query_row([territory], |_| Ok(()))
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(()),
            e => Err(e),
        })?;
        Ok(())
    })?;
    let limit = i64::from(PAGE) + 1;
    r.baseline_contact_timeline_first_ms = timed_raw(RUNS, || {
        let ids = page_ids(
            "SELECT interaction_id FROM interaction_contacts WHERE contact_id = ?
             ORDER BY occurred_at DESC, interaction_id DESC LIMIT ?",
            &[&loaded.busiest_contact, &limit],
        )?;
        load_page(&ids)
    })?;
    r.baseline_account_timeline_first_ms = timed_raw(RUNS, || {
        let ids = page_ids(
            &format!(
                "SELECT DISTINCT interaction_id, occurred_at FROM interaction_contacts
                 WHERE contact_id IN ({account_contacts})
                 ORDER BY occurred_at DESC, interaction_id DESC LIMIT ?2"
            ),
            &[&loaded.biggest_account, &limit],
        )?;
        load_page(&ids)
    })?;
    let (from, until) = (
        timestamp(now - Duration::days(540)),
        timestamp(now - Duration::days(180)),
    );
    r.baseline_account_timeline_filtered_ms = timed_raw(RUNS, || {
        let ids = page_ids(
            &format!(
                "SELECT DISTINCT interaction_id, occurred_at FROM interaction_contacts
                 WHERE contact_id IN ({account_contacts}) AND channel IN ('meeting', 'call')
                   AND occurred_at >= ?3 AND occurred_at < ?4
                 ORDER BY occurred_at DESC, interaction_id DESC LIMIT ?2"
            ),
            &[&loaded.biggest_account, &limit, &from, &until],
        )?;
        load_page(&ids)
    })?;
    let at = timestamp(now);
    r.baseline_overdue_queue_ms = timed_raw(RUNS, || {
        page_ids(
            "SELECT f.id, f.title, c.display_name FROM follow_ups f
             JOIN contacts c ON c.id = f.contact_id
             WHERE f.status = 'open' AND f.overdue_at <= ? ORDER BY f.overdue_at, f.id LIMIT ?",
            &[&at, &limit],
        )?;
        Ok(())
    })?;
    r.baseline_non_responsive_ms = timed_raw(RUNS, || {
        page_ids(
            "SELECT x.id, c.display_name FROM escalations x JOIN contacts c ON c.id = x.contact_id
             WHERE x.resolved_at IS NULL ORDER BY x.started_at, x.id LIMIT 500",
            &[],
        )?;
        Ok(())
    })?;
    Ok(())
}
