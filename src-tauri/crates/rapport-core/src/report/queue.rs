//! The monthly verification queue and the quarterly review queue (the seed's "Regular
//! Verification Process"), each in the user's scope, with the contacts assigned to users.
//!
//! A contact is in the month's verification queue while its verification falls due by the
//! month's end (never verified, or last verified more than the policy period before it), and in
//! the quarter's review queue while it is active and not verified since the quarter began.
//! Verifying it (on its page) takes it out of both, whoever was assigned.

use chrono::{DateTime, Duration, Utc};
use serde_json::json;
use sqlx::{QueryBuilder, Sqlite};

use super::period;
use crate::access::role::reach;
use crate::access::{authorize, Action, Actor, Reach};
use crate::audit::{self, Event, Who};
use crate::contact::policy;
use crate::error::{CoreError, CoreResult};
use crate::model::*;
use crate::store::report::push_actor_scope;
use crate::store::timestamp;
use crate::Database;

const MAX_PAGE: u32 = 500;

/// The queue's period and the SQL condition (over `c`) of being in it.
struct Queue {
    kind: QueueKind,
    period: ReportPeriod,
    /// Verified before this (or never): in the queue.
    verified_before: DateTime<Utc>,
    /// The policy period, to say when each verification falls due.
    verification_days: i64,
}

impl Queue {
    async fn current(db: &Database, kind: QueueKind, now: DateTime<Utc>) -> CoreResult<Queue> {
        let days = i64::from(policy::load(db.reader()).await?.verification_days);
        Ok(match kind {
            QueueKind::Verification => {
                let period = period::month(None, now)?;
                Queue {
                    kind,
                    verified_before: period.to - Duration::days(days),
                    period,
                    verification_days: days,
                }
            }
            QueueKind::Review => {
                let period = period::quarter(None, now)?;
                Queue {
                    kind,
                    verified_before: period.from,
                    period,
                    verification_days: days,
                }
            }
        })
    }

    /// FROM and WHERE of the queue's contacts the actor may see, with their assignment and
    /// territory.
    fn push_from(&self, b: &mut QueryBuilder<'_, Sqlite>, actor: &Actor) {
        b.push(
            " FROM contacts c
              LEFT JOIN territories t ON t.id = c.territory_id
              LEFT JOIN queue_assignments a ON a.contact_id = c.id AND a.queue = ",
        )
        .push_bind(self.kind.as_str())
        .push(" AND a.period = ")
        .push_bind(self.period.key.clone())
        .push(
            " LEFT JOIN users u ON u.id = a.assignee_id
              WHERE c.erased_at IS NULL AND c.status = 'active'
                AND (c.verified_at IS NULL OR c.verified_at < ",
        )
        .push_bind(timestamp(self.verified_before))
        .push(")");
        push_actor_scope(b, actor);
    }
}

type EntryRow = (
    i64,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<String>,
    Option<String>,
);

/// A page of the queue in the actor's scope, oldest verification first, with its counts.
pub async fn queue(
    db: &Database,
    actor: &Actor,
    query: &QueueQuery,
    now: DateTime<Utc>,
) -> CoreResult<QueuePage> {
    authorize(db, actor, Action::ViewContacts).await?;
    let queue = Queue::current(db, query.kind, now).await?;
    let pool = db.reader();
    let mut b = QueryBuilder::new(
        "SELECT count(*), ifnull(sum(a.contact_id IS NULL), 0), ifnull(sum(a.assignee_id = ",
    );
    b.push_bind(actor.user_id()).push("), 0)");
    queue.push_from(&mut b, actor);
    let (total, unassigned, mine): (i64, i64, i64) = b.build_query_as().fetch_one(pool).await?;

    let mut b = QueryBuilder::new(
        "SELECT c.id, c.reference, c.display_name, c.company, t.name, c.verified_at, c.owner,
                a.assignee_id, u.username, u.display_name",
    );
    queue.push_from(&mut b, actor);
    match query.filter {
        QueueFilter::All => {}
        QueueFilter::Mine => {
            b.push(" AND a.assignee_id = ").push_bind(actor.user_id());
        }
        QueueFilter::Unassigned => {
            b.push(" AND a.contact_id IS NULL");
        }
    }
    b.push(" ORDER BY c.verified_at IS NOT NULL, c.verified_at, c.id LIMIT ")
        .push_bind(i64::from(query.limit.clamp(1, MAX_PAGE)))
        .push(" OFFSET ")
        .push_bind(i64::from(query.offset));
    let rows: Vec<EntryRow> = b.build_query_as().fetch_all(pool).await?;
    let n = |v: i64| u32::try_from(v).unwrap_or(u32::MAX);
    let days = queue.verification_days;
    let entries = rows
        .into_iter()
        .map(|r| {
            let verified_at: Option<DateTime<Utc>> = r.5.and_then(|t| t.parse().ok());
            QueueEntry {
                contact: ContactRef {
                    id: r.0.to_string(),
                    reference: r.1,
                    display_name: r.2,
                },
                company: r.3,
                territory: r.4,
                due_at: verified_at.map(|at| at + Duration::days(days)),
                verified_at,
                owner: r.6,
                assignee: r.7.zip(r.8).zip(r.9).map(|((id, username), display_name)| {
                    QueueAssignee {
                        id: id.to_string(),
                        username,
                        display_name,
                    }
                }),
            }
        })
        .collect();
    Ok(QueuePage {
        kind: query.kind,
        period: queue.period.key.clone(),
        period_label: queue.period.label.clone(),
        total: n(total),
        unassigned: n(unassigned),
        mine: n(mine),
        entries,
    })
}

/// The users contacts can be assigned to: those whose role may edit contacts, not disabled.
pub async fn assignees(db: &Database, actor: &Actor) -> CoreResult<Vec<QueueAssignee>> {
    authorize(db, actor, Action::EditContacts).await?;
    let users: Vec<(i64, String, String, Role)> = sqlx::query_as(
        "SELECT id, username, display_name, role FROM users WHERE disabled = 0
         ORDER BY display_name COLLATE NOCASE, id",
    )
    .fetch_all(db.reader())
    .await?;
    Ok(users
        .into_iter()
        .filter(|u| reach(u.3, Action::EditContacts) != Reach::None)
        .map(|(id, username, display_name, _)| QueueAssignee {
            id: id.to_string(),
            username,
            display_name,
        })
        .collect())
}

/// Assigns contacts of the queue to a user, or takes their assignment away. Each contact must
/// be in the queue and in the actor's scope, and the assignee must be able to see it; the
/// others are refused one by one, with the reason.
pub async fn assign(
    db: &Database,
    actor: &Actor,
    input: &QueueAssignment,
    now: DateTime<Utc>,
) -> CoreResult<QueueAssignReport> {
    authorize(db, actor, Action::EditContacts).await?;
    let queue = Queue::current(db, input.kind, now).await?;
    let assignee = match &input.assignee_id {
        None => None,
        Some(id) => {
            let user_id = parse_id("user", id)?;
            let user: Option<(String, String, Role, bool)> = sqlx::query_as(
                "SELECT username, display_name, role, disabled FROM users WHERE id = ?",
            )
            .bind(user_id)
            .fetch_optional(db.reader())
            .await?;
            let Some((username, display_name, role, disabled)) = user else {
                return Err(CoreError::invalid(
                    "assigneeId",
                    "is not a user of Rapport.",
                ));
            };
            if disabled || reach(role, Action::EditContacts) == Reach::None {
                return Err(CoreError::invalid(
                    "assigneeId",
                    format!("{display_name} cannot verify contacts (disabled, or not allowed by their role)."),
                ));
            }
            // Only shapes the scope SQL of the assignee's view; never returned.
            Some(Actor::new(user_id, username, display_name, role))
        }
    };
    let mut ids = Vec::with_capacity(input.contact_ids.len());
    for id in &input.contact_ids {
        ids.push(parse_id("contact", id)?);
    }
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Err(CoreError::invalid(
            "contactIds",
            "Choose at least one contact.",
        ));
    }

    let in_view = |who: &Actor, with_queue: bool| {
        let mut b = QueryBuilder::<Sqlite>::new("SELECT c.id");
        if with_queue {
            queue.push_from(&mut b, who);
        } else {
            b.push(" FROM contacts c WHERE c.erased_at IS NULL");
            push_actor_scope(&mut b, who);
        }
        b.push(" AND c.id IN (");
        let mut list = b.separated(", ");
        for id in &ids {
            list.push_bind(*id);
        }
        b.push(")");
        b
    };
    let queued: Vec<i64> = in_view(actor, true)
        .build_query_scalar()
        .fetch_all(db.reader())
        .await?;
    let seen_by_assignee: Option<Vec<i64>> = match &assignee {
        Some(user) => Some(
            in_view(user, false)
                .build_query_scalar()
                .fetch_all(db.reader())
                .await?,
        ),
        None => None,
    };
    let mut refused = Vec::new();
    let mut chosen = Vec::new();
    for id in &ids {
        let message = if !queued.contains(id) {
            Some(format!(
                "{} is not in your {} queue of {}.",
                contact_reference(*id),
                match input.kind {
                    QueueKind::Verification => "verification",
                    QueueKind::Review => "review",
                },
                queue.period.label
            ))
        } else {
            match (&assignee, &seen_by_assignee) {
                (Some(user), Some(seen)) if !seen.contains(id) => Some(format!(
                    "{} cannot see {}: it is outside their territories.",
                    user.display_name(),
                    contact_reference(*id)
                )),
                _ => None,
            }
        };
        match message {
            Some(message) => refused.push(QueueRefusal {
                contact_id: id.to_string(),
                message,
            }),
            None => chosen.push(*id),
        }
    }

    let mut tx = db.write().await?;
    for id in &chosen {
        match &assignee {
            Some(user) => {
                sqlx::query(
                    "INSERT OR REPLACE INTO queue_assignments
                         (queue, period, contact_id, assignee_id, assigned_by, assigned_at)
                     VALUES (?, ?, ?, ?, ?, ?)",
                )
                .bind(input.kind.as_str())
                .bind(&queue.period.key)
                .bind(id)
                .bind(user.user_id())
                .bind(actor.user_id())
                .bind(timestamp(now))
                .execute(&mut *tx)
                .await?;
            }
            None => {
                sqlx::query(
                    "DELETE FROM queue_assignments WHERE queue = ? AND period = ? AND contact_id = ?",
                )
                .bind(input.kind.as_str())
                .bind(&queue.period.key)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            }
        }
    }
    if !chosen.is_empty() {
        audit::record(
            &mut tx,
            Who::User(actor),
            now,
            Event::new(
                "assign_queue",
                "queue",
                Some(input.kind.as_str().to_string()),
            )
            .summary(json!({
                "queue": input.kind.as_str(),
                "period": queue.period.key,
                "assignee": assignee.as_ref().map(|u| u.username().to_string()),
                "contacts": chosen.iter().map(i64::to_string).collect::<Vec<_>>(),
            })),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(QueueAssignReport {
        changed: u32::try_from(chosen.len()).unwrap_or(u32::MAX),
        refused,
    })
}
