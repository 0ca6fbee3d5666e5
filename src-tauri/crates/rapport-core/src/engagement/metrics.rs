//! Engagement metrics: touchpoints, response rate, median time to response, last contact and
//! non-responsive contacts, for one contact, an account or everything in the user's scope.
//!
//! Each contact's summary (`contact_engagement`) and answers (`contact_responses`) are
//! recomputed from its history whenever an interaction with it is logged, edited or deleted, so
//! a metric reads one summary row per contact instead of its interactions. Everyone's figures
//! read totals the triggers keep; a territory's or a region's read the copies the triggers keep
//! per area (`areas`).

use chrono::{DateTime, Utc};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::areas;
use super::{cadence, escalation, ts};
use crate::access::scope::push_contact_scope;
use crate::access::{authorize, Action, Actor};
use crate::audit::Who;
use crate::error::CoreResult;
use crate::model::{parse_id, Direction, EngagementMetrics, InteractionChannel, Role};
use crate::store::bulk::{insert_rows, SqlValue, TableSpec};
use crate::store::contacts;
use crate::Database;

/// What an interaction means for a contact's responsiveness.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub(crate) enum Turn {
    /// Outbound email or SMS, or a call or meeting that did not reach the person: it waits
    /// for an answer.
    Attempt,
    /// The contact reached out.
    Reply,
    /// A call or meeting that reached the person: contact both ways.
    Conversation,
    /// An internal record; not contact with the person.
    Note,
}

impl Turn {
    pub(crate) fn of(channel: InteractionChannel, direction: Direction, no_answer: bool) -> Self {
        use InteractionChannel::*;
        match (channel, direction) {
            (Note, _) => Turn::Note,
            (_, Direction::Inbound) => Turn::Reply,
            (Email | Sms, Direction::Outbound) => Turn::Attempt,
            (Call | Meeting, Direction::Outbound) if no_answer => Turn::Attempt,
            (Call | Meeting, Direction::Outbound) => Turn::Conversation,
        }
    }

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Turn::Attempt => "attempt",
            Turn::Reply => "reply",
            Turn::Conversation => "conversation",
            Turn::Note => "note",
        }
    }
}

/// One contact's engagement, derived from its history (notes left out) in time order.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Summary {
    pub touchpoints: i64,
    pub attempts: i64,
    pub inbound: i64,
    /// Attempts a reply or conversation came after.
    pub answered: i64,
    pub last_contact_at: Option<DateTime<Utc>>,
    pub last_response_at: Option<DateTime<Utc>>,
    /// Attempts since the last reply or conversation, and the first of them.
    pub unanswered: i64,
    pub first_unanswered_at: Option<DateTime<Utc>>,
    /// (answered at, seconds since the first attempt it answered)
    pub responses: Vec<(DateTime<Utc>, i64)>,
}

impl Summary {
    /// A reply or a conversation answers every attempt since the previous one; the time to
    /// respond counts from the first of those attempts. Answers nobody waited for (no attempt
    /// pending) are touchpoints, not responses.
    pub(crate) fn of(history: &[(DateTime<Utc>, Turn)]) -> Self {
        let mut s = Summary::default();
        for (at, turn) in history {
            if *turn == Turn::Note {
                continue;
            }
            s.touchpoints += 1;
            s.last_contact_at = Some(*at);
            if *turn == Turn::Attempt {
                s.attempts += 1;
                s.unanswered += 1;
                s.first_unanswered_at = s.first_unanswered_at.or(Some(*at));
                continue;
            }
            if *turn == Turn::Reply {
                s.inbound += 1;
            }
            s.last_response_at = Some(*at);
            if let Some(first) = s.first_unanswered_at.take() {
                s.answered += s.unanswered;
                s.responses.push((*at, (*at - first).num_seconds()));
            }
            s.unanswered = 0;
        }
        s
    }
}

/// Recomputes a contact's summary and answers from its history, in the caller's transaction;
/// then resets its cadence and resolves its escalation if an answer came.
pub(crate) async fn refresh(
    conn: &mut SqliteConnection,
    contact_id: i64,
    who: Who<'_>,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    let history: Vec<(DateTime<Utc>, Turn)> = sqlx::query_as(
        "SELECT occurred_at, turn FROM interaction_contacts
         WHERE contact_id = ? AND turn <> 'note' ORDER BY occurred_at, interaction_id",
    )
    .bind(contact_id)
    .fetch_all(&mut *conn)
    .await?;
    let s = Summary::of(&history);
    store(conn, contact_id, &s).await?;
    cadence::reset(conn, contact_id).await?;
    escalation::settle(conn, contact_id, s.last_response_at, who, now).await
}

/// Writes a summary (and its answers) in place of the stored one.
pub(crate) async fn store(
    conn: &mut SqliteConnection,
    contact_id: i64,
    s: &Summary,
) -> CoreResult<()> {
    sqlx::query("DELETE FROM contact_responses WHERE contact_id = ?")
        .bind(contact_id)
        .execute(&mut *conn)
        .await?;
    if s.touchpoints == 0 {
        sqlx::query("DELETE FROM contact_engagement WHERE contact_id = ?")
            .bind(contact_id)
            .execute(&mut *conn)
            .await?;
        return Ok(());
    }
    sqlx::query(
        // An upsert, not `INSERT OR REPLACE`: the replaced row's delete would not fire the
        // triggers that keep `engagement_totals`, the update does.
        "INSERT INTO contact_engagement (contact_id, touchpoints, attempts, inbound,
            answered, last_contact_at, last_response_at, unanswered, first_unanswered_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (contact_id) DO UPDATE SET touchpoints = excluded.touchpoints,
            attempts = excluded.attempts, inbound = excluded.inbound,
            answered = excluded.answered, last_contact_at = excluded.last_contact_at,
            last_response_at = excluded.last_response_at, unanswered = excluded.unanswered,
            first_unanswered_at = excluded.first_unanswered_at",
    )
    .bind(contact_id)
    .bind(s.touchpoints)
    .bind(s.attempts)
    .bind(s.inbound)
    .bind(s.answered)
    .bind(s.last_contact_at.map(ts))
    .bind(s.last_response_at.map(ts))
    .bind(s.unanswered)
    .bind(s.first_unanswered_at.map(ts))
    .execute(&mut *conn)
    .await?;
    if !s.responses.is_empty() {
        let mut builder: QueryBuilder<Sqlite> =
            QueryBuilder::new("INSERT INTO contact_responses (contact_id, responded_at, seconds) ");
        builder.push_values(&s.responses, |mut b, (at, seconds)| {
            b.push_bind(contact_id)
                .push_bind(ts(*at))
                .push_bind(*seconds);
        });
        builder.build().execute(&mut *conn).await?;
    }
    Ok(())
}

const SUMMARIES: TableSpec = TableSpec {
    name: "contact_engagement",
    columns: &[
        "contact_id",
        "touchpoints",
        "attempts",
        "inbound",
        "answered",
        "last_contact_at",
        "last_response_at",
        "unanswered",
        "first_unanswered_at",
    ],
};
const RESPONSES: TableSpec = TableSpec {
    name: "contact_responses",
    columns: &["contact_id", "responded_at", "seconds"],
};

/// Contacts whose histories one step of [`rebuild_summaries`] reads.
const REBUILD_STEP: i64 = 20_000;

/// Recomputes every contact's summary and answers from the whole history with the same rule
/// as [`refresh`] ([`Summary::of`] over the history in time order), then re-arms every cadence,
/// in one transaction. For histories loaded in bulk (the benchmark, a migration); escalations
/// are left as they are. Returns how many contacts have a summary.
pub async fn rebuild_summaries(db: &Database) -> CoreResult<u64> {
    let mut tx = db.write().await?;
    sqlx::query("DELETE FROM contact_responses")
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM contact_engagement")
        .execute(&mut *tx)
        .await?;
    let last: Option<i64> = sqlx::query_scalar("SELECT max(contact_id) FROM interaction_contacts")
        .fetch_one(&mut *tx)
        .await?;
    let mut summaries = 0u64;
    let mut from = 0i64;
    while from <= last.unwrap_or(-1) {
        let rows: Vec<(i64, DateTime<Utc>, Turn)> = sqlx::query_as(
            "SELECT contact_id, occurred_at, turn FROM interaction_contacts
             WHERE contact_id >= ? AND contact_id < ? AND turn <> 'note'
             ORDER BY contact_id, occurred_at, interaction_id",
        )
        .bind(from)
        .bind(from + REBUILD_STEP)
        .fetch_all(&mut *tx)
        .await?;
        let mut engagement: Vec<Vec<SqlValue>> = Vec::new();
        let mut responses: Vec<Vec<SqlValue>> = Vec::new();
        let mut history: Vec<(DateTime<Utc>, Turn)> = Vec::new();
        let mut rows = rows.into_iter().peekable();
        while let Some((contact, at, turn)) = rows.next() {
            history.push((at, turn));
            if rows.peek().is_some_and(|(next, ..)| *next == contact) {
                continue;
            }
            let s = Summary::of(&history);
            history.clear();
            if s.touchpoints == 0 {
                continue;
            }
            engagement.push(vec![
                contact.into(),
                s.touchpoints.into(),
                s.attempts.into(),
                s.inbound.into(),
                s.answered.into(),
                s.last_contact_at.map(ts).into(),
                s.last_response_at.map(ts).into(),
                s.unanswered.into(),
                s.first_unanswered_at.map(ts).into(),
            ]);
            for (at, seconds) in &s.responses {
                responses.push(vec![contact.into(), ts(*at).into(), (*seconds).into()]);
            }
        }
        summaries += engagement.len() as u64;
        insert_rows(&mut tx, &SUMMARIES, engagement).await?;
        insert_rows(&mut tx, &RESPONSES, responses).await?;
        from += REBUILD_STEP;
    }
    cadence::reset_all(&mut tx).await?;
    tx.commit().await?;
    Ok(summaries)
}

/// The contacts a metric covers, as a query selecting `c.id`, built fresh for each statement.
type ContactSet<'a> = Box<dyn Fn(&mut QueryBuilder<'a, Sqlite>) + Send + Sync + 'a>;

/// Sums the summaries of the contacts `set` selects, and finds their median answer.
async fn aggregate(db: &Database, set: ContactSet<'_>) -> CoreResult<EngagementMetrics> {
    let pool = db.reader();
    // One snapshot for all three statements.
    let mut tx = pool.begin().await?;
    let mut totals = QueryBuilder::new("WITH s AS MATERIALIZED (");
    set(&mut totals);
    totals.push(
        ") SELECT (SELECT count(*) FROM s) AS contacts,
              ifnull(sum(e.touchpoints), 0) AS touchpoints, ifnull(sum(e.attempts), 0) AS attempts,
              ifnull(sum(e.inbound), 0) AS inbound, ifnull(sum(e.answered), 0) AS answered,
              max(e.last_contact_at) AS last_contact_at,
              (SELECT count(*) FROM escalations x WHERE x.resolved_at IS NULL
                  AND x.contact_id IN (SELECT id FROM s)) AS non_responsive
          FROM s JOIN contact_engagement e ON e.contact_id = s.id",
    );
    let sums: Sums = totals.build_query_as().fetch_one(&mut *tx).await?;
    // Every answer of the set, read once (the set drives; CROSS JOIN keeps it outside, so the
    // whole `seconds` index is never walked to skip other contacts' answers): their number is
    // the count and their middle the median, found here without sorting them all.
    let mut answers = QueryBuilder::new("WITH s AS MATERIALIZED (");
    set(&mut answers);
    answers.push(") SELECT r.seconds FROM s CROSS JOIN contact_responses r ON r.contact_id = s.id");
    let mut seconds: Vec<i64> = answers.build_query_scalar().fetch_all(&mut *tx).await?;
    let median_seconds = median(&mut seconds);
    tx.commit().await?;
    Ok(sums.metrics(median_seconds))
}

/// The middle value, or the mean of the two middle ones (rounded toward zero, as everyone's
/// figure is); `None` for none.
pub(super) fn median(values: &mut [i64]) -> Option<i64> {
    let n = values.len();
    if n == 0 {
        return None;
    }
    let (below, upper, _) = values.select_nth_unstable(n / 2);
    let upper = *upper;
    if n % 2 == 1 {
        return Some(upper);
    }
    let lower = below.iter().copied().max().unwrap_or(upper);
    Some((lower + upper) / 2)
}

/// Summed summaries of a set of contacts, as the statements read them.
#[derive(Debug, Default, sqlx::FromRow)]
pub(super) struct Sums {
    pub contacts: i64,
    pub touchpoints: i64,
    pub attempts: i64,
    pub inbound: i64,
    pub answered: i64,
    pub last_contact_at: Option<DateTime<Utc>>,
    pub non_responsive: i64,
}

impl Sums {
    /// The figures, with the set's median answer in seconds.
    pub(super) fn metrics(self, median_seconds: Option<i64>) -> EngagementMetrics {
        let count = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
        let ratio = |a: i64, b: i64| (b > 0).then(|| a as f64 / b as f64);
        EngagementMetrics {
            contacts: count(self.contacts),
            touchpoints: count(self.touchpoints),
            touchpoints_per_contact: ratio(self.touchpoints, self.contacts),
            attempts: count(self.attempts),
            inbound: count(self.inbound),
            response_rate: ratio(self.answered, self.attempts),
            median_response_minutes: median_seconds
                .map(|s| u32::try_from(s.max(0) / 60).unwrap_or(u32::MAX)),
            last_contact_at: self.last_contact_at,
            non_responsive: count(self.non_responsive),
        }
    }
}

/// One contact's engagement.
pub async fn contact_metrics(
    db: &Database,
    actor: &Actor,
    contact_id: &str,
) -> CoreResult<EngagementMetrics> {
    let id = contacts::visible_id(db, actor, contact_id, "view engagement").await?;
    aggregate(
        db,
        Box::new(move |b| {
            b.push("SELECT c.id FROM contacts c WHERE c.id = ")
                .push_bind(id);
        }),
    )
    .await
}

/// The engagement of the account's contacts (those at its sites) in the actor's scope.
pub async fn account_metrics(
    db: &Database,
    actor: &Actor,
    account_id: &str,
) -> CoreResult<EngagementMetrics> {
    let account = super::viewable_account(db, actor, account_id).await?;
    aggregate(
        db,
        Box::new(move |b| {
            b.push(
                "SELECT c.id FROM contacts c WHERE c.id IN (SELECT cs.contact_id
                    FROM contact_sites cs JOIN sites s ON s.id = cs.site_id WHERE s.account_id = ",
            )
            .push_bind(account)
            .push(")");
            push_contact_scope(b, actor);
        }),
    )
    .await
}

/// The engagement of every contact in the actor's scope, or of those in one territory: the
/// dashboard's figures.
pub async fn scope_metrics(
    db: &Database,
    actor: &Actor,
    territory_id: Option<&str>,
) -> CoreResult<EngagementMetrics> {
    authorize(db, actor, Action::ViewContacts).await?;
    let territory = territory_id.map(|t| parse_id("territory", t)).transpose()?;
    if territory.is_none() && actor.role() == Role::SiteAdmin {
        return everyone(db).await;
    }
    let set = areas::of_actor(db.reader(), actor, territory).await?;
    areas::metrics(db, &set).await
}

/// Width of a `response_buckets` bucket, in seconds (the migration's `/ 600`).
const BUCKET_SECONDS: i64 = 600;

/// Everyone's engagement (what a site administrator's dashboard shows): the totals the
/// triggers keep, the latest contact from the top of an index, and the median answer found
/// through the response buckets, so the cost does not grow with the number of contacts.
/// The same figures [`aggregate`] would compute over every contact not erased: erased contacts
/// keep no summary, answers or escalations.
async fn everyone(db: &Database) -> CoreResult<EngagementMetrics> {
    let mut tx = db.reader().begin().await?;
    let (contacts, touchpoints, attempts, inbound, answered, responses): (
        i64,
        i64,
        i64,
        i64,
        i64,
        i64,
    ) = sqlx::query_as(
        "SELECT contacts - (SELECT count(*) FROM contacts WHERE erased_at IS NOT NULL),
                touchpoints, attempts, inbound, answered, responses
         FROM engagement_totals WHERE id = 1",
    )
    .fetch_one(&mut *tx)
    .await?;
    let last: Option<DateTime<Utc>> =
        sqlx::query_scalar("SELECT max(last_contact_at) FROM contact_engagement")
            .fetch_one(&mut *tx)
            .await?;
    let non_responsive: i64 =
        sqlx::query_scalar("SELECT count(*) FROM escalations WHERE resolved_at IS NULL")
            .fetch_one(&mut *tx)
            .await?;
    let median_seconds = if responses == 0 {
        None
    } else {
        let buckets: Vec<(i64, i64)> =
            sqlx::query_as("SELECT bucket, n FROM response_buckets WHERE n > 0 ORDER BY bucket")
                .fetch_all(&mut *tx)
                .await?;
        let middle = (responses - 1) / 2;
        let ranks = if responses % 2 == 0 {
            vec![middle, middle + 1]
        } else {
            vec![middle]
        };
        let mut values = Vec::new();
        for rank in ranks {
            let mut before = 0;
            for (bucket, n) in &buckets {
                if rank < before + n {
                    let value: Option<i64> = sqlx::query_scalar(
                        "SELECT seconds FROM contact_responses WHERE seconds >= ? AND seconds < ?
                         ORDER BY seconds LIMIT 1 OFFSET ?",
                    )
                    .bind(bucket * BUCKET_SECONDS)
                    .bind((bucket + 1) * BUCKET_SECONDS)
                    .bind(rank - before)
                    .fetch_optional(&mut *tx)
                    .await?;
                    values.extend(value);
                    break;
                }
                before += n;
            }
        }
        (!values.is_empty()).then(|| values.iter().sum::<i64>() / values.len() as i64)
    };
    tx.commit().await?;
    let sums = Sums {
        contacts,
        touchpoints,
        attempts,
        inbound,
        answered,
        last_contact_at: last,
        non_responsive,
    };
    Ok(sums.metrics(median_seconds))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_median_is_the_middle_or_the_mean_of_the_two_middle_values() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [7]), Some(7));
        assert_eq!(median(&mut [9, 1, 5]), Some(5));
        assert_eq!(median(&mut [600, 1, 4, 3_600]), Some(302));
        assert_eq!(median(&mut [-3, -2]), Some(-2));
    }

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 10, day, hour, 0, 0).unwrap()
    }

    #[test]
    fn an_answer_counts_every_attempt_before_it_from_the_first() {
        use Turn::*;
        let s = Summary::of(&[
            (at(1, 9), Reply),   // unprompted: a touchpoint, not an answer
            (at(2, 9), Attempt), // first attempt
            (at(2, 12), Note),   // not contact with the person
            (at(3, 9), Attempt), // second attempt
            (at(3, 15), Reply),  // answers both, 30 hours after the first
            (at(4, 9), Attempt), // answered by a meeting a day later
            (at(5, 9), Conversation),
            (at(6, 9), Attempt), // pending
        ]);
        assert_eq!((s.touchpoints, s.attempts, s.inbound), (7, 4, 2));
        assert_eq!(s.answered, 3);
        assert_eq!(
            s.responses,
            vec![(at(3, 15), 30 * 3600), (at(5, 9), 24 * 3600)]
        );
        assert_eq!((s.unanswered, s.first_unanswered_at), (1, Some(at(6, 9))));
        assert_eq!(s.last_response_at, Some(at(5, 9)));
        assert_eq!(s.last_contact_at, Some(at(6, 9)));
    }

    #[test]
    fn calls_and_meetings_that_reach_the_person_are_conversations() {
        use InteractionChannel::*;
        assert_eq!(
            Turn::of(Call, Direction::Outbound, false),
            Turn::Conversation
        );
        assert_eq!(Turn::of(Call, Direction::Outbound, true), Turn::Attempt);
        assert_eq!(Turn::of(Email, Direction::Outbound, false), Turn::Attempt);
        assert_eq!(Turn::of(Sms, Direction::Inbound, false), Turn::Reply);
        assert_eq!(Turn::of(Note, Direction::Inbound, false), Turn::Note);
    }
}
