//! Non-responsive contacts and their escalation (seed 000, "Escalation Procedures").
//!
//! A contact is non-responsive when `unansweredAttempts` attempts in a row (outbound email or
//! SMS, calls and meetings that did not reach them) got no answer (a reply from them, or a call
//! or meeting that reached them), or none came `responseDays` after the first of them. The escalation then
//! goes along a chain: the contact's owner, the territory manager of the contact's territory,
//! the regional manager of its region, a site administrator; each step `...AfterDays` after the
//! one before. A level nobody holds is recorded without a user and passed at once.
//!
//! [`run_escalation`] is a deterministic function of the stored history and `now`: every step
//! is dated when it fell due (not when the run noticed), so running it hourly, at start, or once
//! after a week off gives the same steps, and running it twice adds nothing. An answer resolves
//! the escalation in the transaction that logs it.

use chrono::{DateTime, Duration, Utc};
use serde_json::json;
use sqlx::{QueryBuilder, SqliteConnection, SqlitePool};

use super::{contact_refs, push_contact_in_scope, ts, user_ref, CountedScope};
use crate::access::{authorize, out_of_scope, Action, Actor};
use crate::audit::{self, Event, Who};
use crate::error::{CoreError, CoreResult, FieldProblem};
use crate::model::*;
use crate::store::{contacts, settings};
use crate::Database;

const UNANSWERED_ATTEMPTS: &str = "engagement.unanswered_attempts";
const RESPONSE_DAYS: &str = "engagement.response_days";
const TERRITORY_MANAGER_AFTER_DAYS: &str = "engagement.territory_manager_after_days";
const REGIONAL_MANAGER_AFTER_DAYS: &str = "engagement.regional_manager_after_days";
const SITE_ADMIN_AFTER_DAYS: &str = "engagement.site_admin_after_days";

const MAX_ATTEMPTS: u32 = 50;
const MAX_DAYS: u32 = 365;

impl Default for EscalationPolicy {
    fn default() -> Self {
        Self {
            unanswered_attempts: 3,
            response_days: 14,
            territory_manager_after_days: 3,
            regional_manager_after_days: 5,
            site_admin_after_days: 7,
        }
    }
}

/// The chain, in order.
const CHAIN: [EscalationLevel; 4] = [
    EscalationLevel::Owner,
    EscalationLevel::TerritoryManager,
    EscalationLevel::RegionalManager,
    EscalationLevel::SiteAdmin,
];

impl EscalationPolicy {
    /// Days from the step before to `step` (the owner's step comes when the rule holds).
    fn delay_before(&self, step: usize) -> i64 {
        i64::from(match step {
            1 => self.territory_manager_after_days,
            2 => self.regional_manager_after_days,
            3 => self.site_admin_after_days,
            _ => 0,
        })
    }

    fn entries(&self) -> [(&'static str, &'static str, u32, u32); 5] {
        [
            (
                UNANSWERED_ATTEMPTS,
                "unansweredAttempts",
                self.unanswered_attempts,
                MAX_ATTEMPTS,
            ),
            (RESPONSE_DAYS, "responseDays", self.response_days, MAX_DAYS),
            (
                TERRITORY_MANAGER_AFTER_DAYS,
                "territoryManagerAfterDays",
                self.territory_manager_after_days,
                MAX_DAYS,
            ),
            (
                REGIONAL_MANAGER_AFTER_DAYS,
                "regionalManagerAfterDays",
                self.regional_manager_after_days,
                MAX_DAYS,
            ),
            (
                SITE_ADMIN_AFTER_DAYS,
                "siteAdminAfterDays",
                self.site_admin_after_days,
                MAX_DAYS,
            ),
        ]
    }
}

async fn stored_policy(pool: &SqlitePool) -> CoreResult<EscalationPolicy> {
    let d = EscalationPolicy::default();
    let number = |key: &'static str, default: u32| async move {
        Ok::<u32, CoreError>(
            settings::get(pool, key)
                .await?
                .and_then(|v| v.parse().ok())
                .unwrap_or(default),
        )
    };
    Ok(EscalationPolicy {
        unanswered_attempts: number(UNANSWERED_ATTEMPTS, d.unanswered_attempts).await?,
        response_days: number(RESPONSE_DAYS, d.response_days).await?,
        territory_manager_after_days: number(
            TERRITORY_MANAGER_AFTER_DAYS,
            d.territory_manager_after_days,
        )
        .await?,
        regional_manager_after_days: number(
            REGIONAL_MANAGER_AFTER_DAYS,
            d.regional_manager_after_days,
        )
        .await?,
        site_admin_after_days: number(SITE_ADMIN_AFTER_DAYS, d.site_admin_after_days).await?,
    })
}

/// Any signed-in user may read the policy: the contact screen explains why someone is
/// marked non-responsive.
pub async fn load_policy(db: &Database, _actor: &Actor) -> CoreResult<EscalationPolicy> {
    stored_policy(db.reader()).await
}

/// Changes the policy (site administrators only; audited with the values before and after).
pub async fn save_policy(
    db: &Database,
    actor: &Actor,
    policy: EscalationPolicy,
    now: DateTime<Utc>,
) -> CoreResult<EscalationPolicy> {
    authorize(db, actor, Action::Administer).await?;
    let problems: Vec<FieldProblem> = policy
        .entries()
        .iter()
        .filter(|(_, _, value, max)| value > max)
        .map(|(_, field, _, max)| FieldProblem::new(*field, format!("must be at most {max}")))
        .collect();
    if !problems.is_empty() {
        return Err(CoreError::InvalidFields(problems));
    }
    let before = stored_policy(db.reader()).await?;
    let mut tx = db.write().await?;
    for (key, _, value, _) in policy.entries() {
        settings::put(&mut tx, key, &value.to_string()).await?;
    }
    audit::record(
        &mut tx,
        Who::User(actor),
        now,
        Event::new("update", "escalation_policy", None)
            .summary(json!({ "before": before, "after": policy })),
    )
    .await?;
    tx.commit().await?;
    Ok(policy)
}

/// Resolves the contact's open escalation when an answer (a reply or a conversation) came after
/// the attempt that started it; called whenever the contact's history changes.
pub(crate) async fn settle(
    conn: &mut SqliteConnection,
    contact_id: i64,
    last_response_at: Option<DateTime<Utc>>,
    who: Who<'_>,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    let Some(last_response_at) = last_response_at else {
        return Ok(());
    };
    let resolved: Option<i64> = sqlx::query_scalar(
        "UPDATE escalations SET resolved_at = ?, resolution = 'responded'
         WHERE contact_id = ? AND resolved_at IS NULL AND trigger_at <= ? RETURNING id",
    )
    .bind(ts(now))
    .bind(contact_id)
    .bind(ts(last_response_at))
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(id) = resolved {
        audit::record(
            conn,
            who,
            now,
            Event::new("resolve", "escalation", Some(id.to_string()))
                .summary(json!({ "contact": contact_id, "resolution": "responded" })),
        )
        .await?;
    }
    Ok(())
}

/// The user who holds `level` for a contact: its owner, the territory manager of its
/// territory, the regional manager of its region, or a site administrator (the longest-serving
/// enabled one of each, so the choice is stable).
async fn holder(
    conn: &mut SqliteConnection,
    contact_id: i64,
    level: EscalationLevel,
) -> CoreResult<Option<i64>> {
    let sql = match level {
        EscalationLevel::Owner => {
            "SELECT u.id FROM contacts c JOIN users u ON u.username = c.owner
             WHERE c.id = ?1 AND u.disabled = 0"
        }
        EscalationLevel::TerritoryManager => {
            "SELECT u.id FROM contacts c
             JOIN user_territories ut ON ut.territory_id = c.territory_id
             JOIN users u ON u.id = ut.user_id
             WHERE c.id = ?1 AND u.role = 'territory_manager' AND u.disabled = 0
             ORDER BY u.id LIMIT 1"
        }
        EscalationLevel::RegionalManager => {
            "SELECT u.id FROM contacts c JOIN territories t ON t.id = c.territory_id
             JOIN user_regions ur ON ur.region_id = t.region_id
             JOIN users u ON u.id = ur.user_id
             WHERE c.id = ?1 AND u.role = 'regional_manager' AND u.disabled = 0
             ORDER BY u.id LIMIT 1"
        }
        // Any site administrator will do; `?1` only takes the contact every level is bound to.
        EscalationLevel::SiteAdmin => {
            "SELECT id FROM users WHERE role = 'site_admin' AND disabled = 0 AND ?1 IS NOT NULL
             ORDER BY id LIMIT 1"
        }
    };
    Ok(sqlx::query_scalar(sql)
        .bind(contact_id)
        .fetch_optional(&mut *conn)
        .await?)
}

/// When the rule first held for a pending run of attempts, and which part of it; `None` if it
/// does not hold at `now`.
async fn onset(
    conn: &mut SqliteConnection,
    policy: &EscalationPolicy,
    contact_id: i64,
    unanswered: i64,
    first_unanswered_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> CoreResult<Option<(DateTime<Utc>, EscalationReason)>> {
    let attempts = i64::from(policy.unanswered_attempts);
    let by_attempts: Option<DateTime<Utc>> = if attempts > 0 && unanswered >= attempts {
        sqlx::query_scalar(
            "SELECT occurred_at FROM interaction_contacts
             WHERE contact_id = ? AND turn = 'attempt'
               AND occurred_at >= ? ORDER BY occurred_at, interaction_id LIMIT 1 OFFSET ?",
        )
        .bind(contact_id)
        .bind(ts(first_unanswered_at))
        .bind(attempts - 1)
        .fetch_optional(&mut *conn)
        .await?
    } else {
        None
    };
    let by_days = (policy.response_days > 0)
        .then(|| first_unanswered_at + Duration::days(i64::from(policy.response_days)));
    let candidates = [
        by_attempts.map(|at| (at, EscalationReason::UnansweredAttempts)),
        by_days.map(|at| (at, EscalationReason::NoResponse)),
    ];
    Ok(candidates
        .into_iter()
        .flatten()
        .filter(|(at, _)| *at <= now)
        .min_by_key(|(at, _)| *at))
}

/// Marks contacts non-responsive and moves every open escalation along its chain up to `now`.
/// Idempotent and deterministic (see the module). Each new escalation and step is audited as
/// Rapport's own action. The shell calls it at start and hourly.
pub async fn run_escalation(db: &Database, now: DateTime<Utc>) -> CoreResult<EscalationRun> {
    let policy = stored_policy(db.reader()).await?;
    let mut run = EscalationRun::default();
    let mut tx = db.write().await?;

    if policy.unanswered_attempts > 0 || policy.response_days > 0 {
        let cutoff = now - Duration::days(i64::from(policy.response_days));
        let candidates: Vec<(i64, i64, DateTime<Utc>)> = sqlx::query_as(
            // The summaries with unanswered attempts drive (their partial index), not every
            // active contact.
            "SELECT e.contact_id, e.unanswered, e.first_unanswered_at
             FROM contact_engagement e INDEXED BY contact_engagement_unanswered
             CROSS JOIN contacts c ON c.id = e.contact_id
             WHERE e.unanswered > 0 AND c.status = 'active'
               AND ((?1 > 0 AND e.unanswered >= ?1) OR (?2 > 0 AND e.first_unanswered_at <= ?3))
               AND NOT EXISTS (SELECT 1 FROM escalations x WHERE x.contact_id = e.contact_id
                   AND (x.resolved_at IS NULL OR x.trigger_at = e.first_unanswered_at))
             ORDER BY e.contact_id",
        )
        .bind(policy.unanswered_attempts)
        .bind(policy.response_days)
        .bind(ts(cutoff))
        .fetch_all(&mut *tx)
        .await?;
        for (contact, unanswered, first) in candidates {
            let Some((started, reason)) =
                onset(&mut tx, &policy, contact, unanswered, first, now).await?
            else {
                continue;
            };
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO escalations (contact_id, reason, trigger_at, started_at)
                 VALUES (?, ?, ?, ?) RETURNING id",
            )
            .bind(contact)
            .bind(reason.as_str())
            .bind(ts(first))
            .bind(ts(started))
            .fetch_one(&mut *tx)
            .await?;
            audit::record(
                &mut tx,
                Who::System,
                now,
                Event::new("open", "escalation", Some(id.to_string())).summary(json!({
                    "contact": contact,
                    "reason": reason,
                    "unanswered": unanswered,
                    "startedAt": ts(started),
                })),
            )
            .await?;
            run.opened += 1;
        }
    }

    // (escalation, contact, started, steps taken, last step's time, last step had nobody)
    #[allow(clippy::type_complexity)]
    let open: Vec<(
        i64,
        i64,
        DateTime<Utc>,
        i64,
        Option<DateTime<Utc>>,
        Option<bool>,
    )> = sqlx::query_as(
        "SELECT x.id, x.contact_id, x.started_at,
                (SELECT count(*) FROM escalation_steps s WHERE s.escalation_id = x.id),
                (SELECT max(at) FROM escalation_steps s WHERE s.escalation_id = x.id),
                (SELECT s.user_id IS NULL FROM escalation_steps s WHERE s.escalation_id = x.id
                 ORDER BY s.step DESC LIMIT 1)
             FROM escalations x INDEXED BY escalations_open WHERE x.resolved_at IS NULL
                 -- A chain that reached its last level has nothing left to do.
                 AND NOT EXISTS (SELECT 1 FROM escalation_steps s
                                 WHERE s.escalation_id = x.id AND s.step = ?)
             ORDER BY x.id",
    )
    .bind(CHAIN.len() as i64 - 1)
    .fetch_all(&mut *tx)
    .await?;
    for (id, contact, started, taken, last_at, passed) in open {
        let mut step = usize::try_from(taken).unwrap_or(CHAIN.len());
        let mut last_at = last_at.unwrap_or(started);
        let mut passed = passed.unwrap_or(false);
        while step < CHAIN.len() {
            let due = if step == 0 || passed {
                last_at
            } else {
                last_at + Duration::days(policy.delay_before(step))
            };
            if due > now {
                break;
            }
            let level = CHAIN[step];
            let user = holder(&mut tx, contact, level).await?;
            sqlx::query(
                "INSERT INTO escalation_steps (escalation_id, step, level, user_id, at)
                 VALUES (?, ?, ?, ?, ?)",
            )
            .bind(id)
            .bind(step as i64)
            .bind(level.as_str())
            .bind(user)
            .bind(ts(due))
            .execute(&mut *tx)
            .await?;
            audit::record(
                &mut tx,
                Who::System,
                now,
                Event::new("escalate", "escalation", Some(id.to_string())).summary(json!({
                    "contact": contact,
                    "step": step,
                    "level": level,
                    "userId": user,
                    "at": ts(due),
                })),
            )
            .await?;
            run.steps += 1;
            last_at = due;
            passed = user.is_none();
            step += 1;
        }
    }
    tx.commit().await?;
    Ok(run)
}

/// A user resolves an open escalation (the issue was dealt with another way); it stays
/// resolved for this run of attempts.
pub async fn resolve_escalation(
    db: &Database,
    actor: &Actor,
    id: &str,
    now: DateTime<Utc>,
) -> CoreResult<Escalation> {
    authorize(db, actor, Action::EditContacts).await?;
    let Ok(number) = parse_id("escalation", id) else {
        return Err(out_of_scope(db, actor, "escalation", id, "resolve").await);
    };
    let contact: Option<i64> =
        sqlx::query_scalar("SELECT contact_id FROM escalations WHERE id = ?")
            .bind(number)
            .fetch_optional(db.reader())
            .await?;
    let Some(contact) = contact else {
        return Err(out_of_scope(db, actor, "escalation", id, "resolve").await);
    };
    let mut conn = db.reader().acquire().await?;
    let visible = !contacts::visible_among(&mut conn, actor, &[contact])
        .await?
        .is_empty();
    drop(conn);
    if !visible {
        return Err(out_of_scope(db, actor, "escalation", id, "resolve").await);
    }
    let mut tx = db.write().await?;
    let changed = sqlx::query(
        "UPDATE escalations SET resolved_at = ?, resolution = 'resolved', resolved_by = ?
         WHERE id = ? AND resolved_at IS NULL",
    )
    .bind(ts(now))
    .bind(actor.user_id())
    .bind(number)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed == 0 {
        return Err(CoreError::invalid(
            "status",
            "the escalation is already resolved",
        ));
    }
    audit::record(
        &mut tx,
        Who::User(actor),
        now,
        Event::new("resolve", "escalation", Some(number.to_string()))
            .summary(json!({ "contact": contact, "resolution": "resolved" })),
    )
    .await?;
    tx.commit().await?;
    let mut conn = db.reader().acquire().await?;
    load(&mut conn, &[number])
        .await?
        .pop()
        .ok_or_else(|| CoreError::not_found("escalation", id))
}

/// Escalations with their steps, in the order of `ids`.
async fn load(conn: &mut SqliteConnection, ids: &[i64]) -> CoreResult<Vec<Escalation>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list = serde_json::to_string(ids).unwrap_or_default();
    #[allow(clippy::type_complexity)]
    let rows: Vec<(
        i64,
        i64,
        EscalationReason,
        DateTime<Utc>,
        Option<DateTime<Utc>>,
        Option<i64>,
    )> = sqlx::query_as(
        "SELECT x.id, x.contact_id, x.reason, x.started_at, x.resolved_at, e.unanswered
             FROM escalations x LEFT JOIN contact_engagement e ON e.contact_id = x.contact_id
             WHERE x.id IN (SELECT value FROM json_each(?))",
    )
    .bind(&list)
    .fetch_all(&mut *conn)
    .await?;
    #[allow(clippy::type_complexity)]
    let steps: Vec<(
        i64,
        EscalationLevel,
        Option<String>,
        Option<String>,
        DateTime<Utc>,
    )> = sqlx::query_as(
        "SELECT s.escalation_id, s.level, u.username, u.display_name, s.at
             FROM escalation_steps s LEFT JOIN users u ON u.id = s.user_id
             WHERE s.escalation_id IN (SELECT value FROM json_each(?))
             ORDER BY s.escalation_id, s.step",
    )
    .bind(&list)
    .fetch_all(&mut *conn)
    .await?;
    let contact_ids: Vec<i64> = rows.iter().map(|r| r.1).collect();
    let refs = contact_refs(conn, &contact_ids).await?;
    let mut out = Vec::new();
    for id in ids {
        let Some((_, contact, reason, started_at, resolved_at, unanswered)) =
            rows.iter().find(|r| r.0 == *id)
        else {
            continue;
        };
        let Some(contact) = refs.get(contact) else {
            continue;
        };
        out.push(Escalation {
            id: id.to_string(),
            contact: contact.clone(),
            reason: *reason,
            started_at: *started_at,
            unanswered: u32::try_from(unanswered.unwrap_or(0)).unwrap_or(0),
            steps: steps
                .iter()
                .filter(|s| s.0 == *id)
                .map(|(_, level, username, name, at)| EscalationStep {
                    level: *level,
                    user: user_ref(username.clone(), name.clone()),
                    at: *at,
                })
                .collect(),
            resolved_at: *resolved_at,
        });
    }
    Ok(out)
}

/// Open escalations whose latest step reached `actor` (kept in `waiting_on`), with that step.
fn mine<'a>(actor: &'a Actor, select: &str) -> QueryBuilder<'a, sqlx::Sqlite> {
    let mut builder = QueryBuilder::new(format!(
        "{select} FROM escalations x INDEXED BY escalations_waiting
         JOIN escalation_steps s ON s.escalation_id = x.id
           AND s.step = (SELECT max(step) FROM escalation_steps t WHERE t.escalation_id = x.id)
         WHERE x.resolved_at IS NULL AND x.waiting_on = "
    ));
    builder.push_bind(actor.user_id());
    builder
}

/// The escalations waiting for the signed-in user (the chain's latest step reached them),
/// oldest step first.
pub async fn escalation_queue(db: &Database, actor: &Actor) -> CoreResult<Vec<Escalation>> {
    authorize(db, actor, Action::ViewContacts).await?;
    let mut builder = mine(actor, "SELECT x.id");
    push_contact_in_scope(&mut builder, actor, "x.contact_id");
    builder.push(" ORDER BY s.at, x.id LIMIT 500");
    let ids: Vec<i64> = builder.build_query_scalar().fetch_all(db.reader()).await?;
    let mut conn = db.reader().acquire().await?;
    load(&mut conn, &ids).await
}

/// How many escalations wait for the actor, within scope: one range of `escalations_waiting`.
pub(crate) async fn count_mine(db: &Database, scope: &CountedScope<'_>) -> CoreResult<u32> {
    let mut builder = QueryBuilder::new(
        "SELECT count(*) FROM escalations x INDEXED BY escalations_waiting
         WHERE x.resolved_at IS NULL AND x.waiting_on = ",
    );
    builder.push_bind(scope.actor().user_id());
    scope.push(&mut builder, "x.contact_id");
    let n: i64 = builder.build_query_scalar().fetch_one(db.reader()).await?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// Contacts marked non-responsive now, in the actor's scope (optionally one territory), longest
/// first: the dashboard's list.
pub async fn non_responsive_contacts(
    db: &Database,
    actor: &Actor,
    territory_id: Option<&str>,
) -> CoreResult<Vec<Escalation>> {
    authorize(db, actor, Action::ViewContacts).await?;
    let mut builder = QueryBuilder::new(
        "SELECT x.id FROM escalations x JOIN contacts k ON k.id = x.contact_id
         WHERE x.resolved_at IS NULL",
    );
    if let Some(territory) = territory_id {
        builder
            .push(" AND k.territory_id = ")
            .push_bind(parse_id("territory", territory)?);
    }
    push_contact_in_scope(&mut builder, actor, "x.contact_id");
    builder.push(" ORDER BY x.started_at, x.id LIMIT 500");
    let ids: Vec<i64> = builder.build_query_scalar().fetch_all(db.reader()).await?;
    let mut conn = db.reader().acquire().await?;
    load(&mut conn, &ids).await
}

/// How many contacts in the actor's scope are marked non-responsive now (the dashboard's figure).
/// A contact has at most one open escalation (`escalations_open`), so escalations are contacts.
pub(crate) async fn count_non_responsive(db: &Database, actor: &Actor) -> CoreResult<u32> {
    let scope = CountedScope::of(db, actor).await?;
    let n: i64 = match scope.area() {
        Some(area) => {
            sqlx::query_scalar(
                "SELECT count(*) FROM area_contacts INDEXED BY area_contacts_non_responsive
                 WHERE area = ? AND non_responsive > 0",
            )
            .bind(area)
            .fetch_one(db.reader())
            .await?
        }
        None => {
            let mut builder =
                QueryBuilder::new("SELECT count(*) FROM escalations x WHERE x.resolved_at IS NULL");
            scope.push(&mut builder, "x.contact_id");
            builder.build_query_scalar().fetch_one(db.reader()).await?
        }
    };
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}
