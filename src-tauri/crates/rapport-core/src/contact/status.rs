//! Status changes of a contact: deactivation (with a reason), archival (explicit, or automatic
//! after the policy's time inactive), reactivation, verification, and the primary contact of a
//! site (of the whole account for private customers).
//!
//! Each change checks the contact's state again inside its write transaction: the scope check
//! reads from the pool before the write lock is held, and someone may have changed the status
//! in between.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::{changeable_id, policy, reindex, write};
use crate::access::scope::push_site_in_scope;
use crate::access::{authorize, Action, Actor};
use crate::audit::{self, Change, Event, Who};
use crate::error::{CoreError, CoreResult};
use crate::model::{parse_id, AccountKind, ContactStatus, Justification};
use crate::store::{bulk, search_index, timestamp};
use crate::validate;
use crate::Database;

/// How and when a contact's details were confirmed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct VerificationInput {
    /// E.g. "phone call", "email reply", "in person".
    pub method: String,
    pub verified_on: NaiveDate,
}

/// An archived contact whose retention period is over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ErasureCandidate {
    pub id: String,
    pub reference: String,
    pub display_name: String,
    pub archived_at: DateTime<Utc>,
    pub due_since: DateTime<Utc>,
}

/// The longest erasure list handed out at once: erasing is one person at a time, typed
/// confirmation each, so more than this is never worked through in one sitting.
const ERASURE_LIST_LIMIT: i64 = 500;

/// Longest verification method; it is a short phrase ("phone call"), not a note.
const METHOD_MAX_CHARS: usize = 200;

/// The word typed to confirm a new primary contact (seed 002).
const PRIMARY_CONFIRMATION: &str = "primary";

/// A contact's state as the write transaction sees it.
#[derive(sqlx::FromRow)]
struct Current {
    status: ContactStatus,
    status_reason: Option<String>,
    erased: bool,
    created_at: DateTime<Utc>,
    verified_at: Option<String>,
    verified_by: Option<String>,
    verification_method: Option<String>,
}

async fn current(conn: &mut SqliteConnection, id: i64) -> CoreResult<Current> {
    sqlx::query_as(
        "SELECT status, status_reason, erased_at IS NOT NULL AS erased, created_at, verified_at,
             verified_by, verification_method
         FROM contacts WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    // Gone between the scope check and the lock: the same answer as never having existed.
    .ok_or_else(|| CoreError::not_found("contact", id.to_string()))
}

/// Nothing is left to change on a tombstone: the person it was about has been erased.
fn refuse_erased(current: &Current) -> CoreResult<()> {
    if current.erased {
        return Err(CoreError::invalid(
            "status",
            "this person's data was erased; the record is only a tombstone",
        ));
    }
    Ok(())
}

/// The reason for a status change, as stored: required, trimmed, line breaks kept.
fn required_reason(reason: &str) -> CoreResult<String> {
    let reason = validate::multiline(Some(reason))
        .ok_or_else(|| CoreError::invalid("reason", "is required"))?;
    if reason.chars().count() > validate::MAX_FIELD_CHARS {
        return Err(CoreError::invalid(
            "reason",
            format!("is longer than {} characters", validate::MAX_FIELD_CHARS),
        ));
    }
    Ok(reason)
}

/// Ends every primary role of the contact; returns the sites (id, name) it was primary at.
async fn end_primary_roles(conn: &mut SqliteConnection, id: i64) -> CoreResult<Vec<(i64, String)>> {
    let sites: Vec<(i64, String)> = sqlx::query_as(
        "SELECT s.id, s.name FROM contact_sites cs JOIN sites s ON s.id = cs.site_id
         WHERE cs.contact_id = ? AND cs.is_primary = 1 ORDER BY s.id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    if !sites.is_empty() {
        sqlx::query(
            "UPDATE contact_sites SET is_primary = 0 WHERE contact_id = ? AND is_primary = 1",
        )
        .bind(id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(sites)
}

/// One status change of one contact: status, reason and the time it changed, the primary roles
/// it leaves, its search document, and the audit event, all in one transaction.
struct Transition {
    action: &'static str,
    to: ContactStatus,
    /// Whether the contact gives up its primary roles (it leaves active duty).
    ends_primary: bool,
}

async fn apply_transition(
    conn: &mut SqliteConnection,
    actor: &Actor,
    id: i64,
    before: &Current,
    reason: &str,
    transition: &Transition,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    let stamp = timestamp(now);
    // An active contact has no reason to be inactive; the old one stays in the audit trail.
    let stored_reason = (transition.to != ContactStatus::Active).then_some(reason);
    sqlx::query(
        "UPDATE contacts SET status = ?, status_reason = ?, status_changed_at = ?,
             updated_at = ?, version = version + 1
         WHERE id = ?",
    )
    .bind(transition.to.as_str())
    .bind(stored_reason)
    .bind(&stamp)
    .bind(&stamp)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    let ended = if transition.ends_primary {
        end_primary_roles(&mut *conn, id).await?
    } else {
        Vec::new()
    };
    // The search document's scope carries the `archived` token that keeps archived contacts
    // out of everyone's searches but site administrators'.
    reindex(&mut *conn, id).await?;

    let mut changes = vec![
        Change::new("status", before.status.as_str(), transition.to.as_str()),
        // The reason may name the person or their circumstances: a change, so erasure removes it.
        Change::new("statusReason", before.status_reason.clone(), reason),
    ];
    if !ended.is_empty() {
        let names: Vec<&str> = ended.iter().map(|(_, name)| name.as_str()).collect();
        changes.push(Change::new("primary", json!(names), Value::Null));
    }
    let ended_ids: Vec<String> = ended.iter().map(|(site, _)| site.to_string()).collect();
    audit::record(
        &mut *conn,
        Who::User(actor),
        now,
        Event::new(transition.action, "contact", Some(id.to_string()))
            .summary(json!({
                "from": before.status.as_str(),
                "to": transition.to.as_str(),
                "primaryEnded": ended_ids,
            }))
            .changes(changes)
            .about_contact(id),
    )
    .await?;
    Ok(())
}

fn already(status: ContactStatus) -> CoreError {
    CoreError::invalid("status", format!("is already {status}"))
}

/// Checks the reason, then in one transaction checks the contact's current state with `allowed`
/// and applies `transition`.
async fn change_status(
    db: &Database,
    actor: &Actor,
    contact_id: i64,
    reason: &str,
    transition: Transition,
    allowed: impl FnOnce(&Current) -> CoreResult<()>,
) -> CoreResult<()> {
    let reason = required_reason(reason)?;
    let now = Utc::now();
    let mut tx = db.write().await?;
    let before = current(&mut tx, contact_id).await?;
    allowed(&before)?;
    apply_transition(
        &mut tx,
        actor,
        contact_id,
        &before,
        &reason,
        &transition,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Makes a contact inactive with a required reason.
pub async fn deactivate(db: &Database, actor: &Actor, id: &str, reason: &str) -> CoreResult<()> {
    let contact_id = changeable_id(db, actor, id, Action::Deactivate, "deactivate").await?;
    let transition = Transition {
        action: "deactivate",
        to: ContactStatus::Inactive,
        ends_primary: true,
    };
    change_status(
        db,
        actor,
        contact_id,
        reason,
        transition,
        |before| match before.status {
            ContactStatus::Active => Ok(()),
            ContactStatus::Inactive => Err(already(ContactStatus::Inactive)),
            ContactStatus::Archived => Err(CoreError::invalid(
                "status",
                "is archived: only an active contact can be deactivated",
            )),
        },
    )
    .await
}

/// Archives a contact (only site administrators can read it afterwards).
pub async fn archive(db: &Database, actor: &Actor, id: &str, reason: &str) -> CoreResult<()> {
    let contact_id = changeable_id(db, actor, id, Action::Deactivate, "archive").await?;
    let transition = Transition {
        action: "archive",
        to: ContactStatus::Archived,
        ends_primary: true,
    };
    change_status(db, actor, contact_id, reason, transition, |before| {
        if before.status == ContactStatus::Archived {
            return Err(already(ContactStatus::Archived));
        }
        Ok(())
    })
    .await
}

/// Makes an inactive or archived contact active again.
pub async fn reactivate(db: &Database, actor: &Actor, id: &str, reason: &str) -> CoreResult<()> {
    // Archived contacts are outside every scope but site administrators', so anyone else gets
    // `not_found` here before the archived rule below is even asked.
    let contact_id = changeable_id(db, actor, id, Action::Deactivate, "reactivate").await?;
    let reason = required_reason(reason)?;
    let now = Utc::now();
    let mut tx = db.write().await?;
    let before = current(&mut tx, contact_id).await?;
    refuse_erased(&before)?;
    match before.status {
        ContactStatus::Active => return Err(already(ContactStatus::Active)),
        ContactStatus::Inactive => {}
        ContactStatus::Archived => {
            if let Err(refused) = actor.reach(Action::Archived) {
                // `authorize` audits the refusal in a transaction of its own, and there is one
                // writer: ours ends first.
                tx.rollback().await?;
                authorize(db, actor, Action::Archived).await?;
                return Err(refused);
            }
        }
    }
    let transition = Transition {
        action: "reactivate",
        to: ContactStatus::Active,
        ends_primary: false,
    };
    apply_transition(
        &mut tx,
        actor,
        contact_id,
        &before,
        &reason,
        &transition,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Archives contacts inactive for longer than the policy allows; returns how many.
pub async fn archive_due(db: &Database, now: DateTime<Utc>) -> CoreResult<u64> {
    let days = policy::load(db.reader()).await?.archive_after_days;
    let stamp = timestamp(now);
    let cutoff = timestamp(now - Duration::days(i64::from(days)));
    let mut tx = db.write().await?;
    if days == 0 {
        return Ok(0);
    }
    let ids: Vec<i64> = sqlx::query_scalar(
        "UPDATE contacts SET status = 'archived', status_changed_at = ?1, updated_at = ?1,
             version = version + 1
         WHERE status = 'inactive' AND status_changed_at < ?2
         RETURNING id",
    )
    .bind(&stamp)
    .bind(&cutoff)
    .fetch_all(&mut *tx)
    .await?;
    let Some(&any_id) = ids.first() else {
        tx.commit().await?;
        return Ok(0);
    };
    let primary_ended = sqlx::query(
        "UPDATE contact_sites SET is_primary = 0
         WHERE is_primary = 1 AND contact_id IN (SELECT value FROM json_each(?))",
    )
    .bind(json!(ids).to_string())
    .execute(&mut *tx)
    .await?
    .rows_affected();
    // Archival changes only the word index's scope tokens, never the text the trigram index
    // holds, so one set-wise rewrite of the word documents covers the run: every contact this
    // run archived shares its status_changed_at, which the index above finds.
    search_index::reindex_words(
        &mut tx,
        "c.status = 'archived'
         AND c.status_changed_at = (SELECT status_changed_at FROM contacts WHERE id = ?1)",
        any_id,
    )
    .await?;
    let count = ids.len() as u64;
    audit::record(
        &mut tx,
        Who::System,
        now,
        Event::new("auto_archive", "contact", None).summary(json!({
            "count": count,
            "idRanges": bulk::id_ranges(ids.into_iter()),
            "archiveAfterDays": days,
            "primaryEnded": primary_ended,
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(count)
}

#[derive(sqlx::FromRow)]
struct DueRow {
    id: i64,
    reference: String,
    display_name: String,
    archived_at: DateTime<Utc>,
}

/// Archived contacts whose retention period is over (site administrators only).
pub async fn erasure_due(db: &Database, actor: &Actor) -> CoreResult<Vec<ErasureCandidate>> {
    authorize(db, actor, Action::Archived).await?;
    let retention = Duration::days(i64::from(policy::load(db.reader()).await?.retention_days));
    let now = Utc::now();
    let cutoff = timestamp(now - retention);
    let pool = db.reader();
    // Contacts with a status time walk the index newest first. Those without one (until the
    // first `archive_due` run fills it in) count from their last update.
    let mut rows: Vec<DueRow> = sqlx::query_as(
        "SELECT id, reference, display_name, status_changed_at AS archived_at FROM contacts
         WHERE status = 'archived' AND status_changed_at < ? AND erased_at IS NULL
         ORDER BY status_changed_at DESC, id DESC LIMIT ?",
    )
    .bind(&cutoff)
    .bind(ERASURE_LIST_LIMIT)
    .fetch_all(pool)
    .await?;
    rows.extend(
        sqlx::query_as::<_, DueRow>(
            "SELECT id, reference, display_name, updated_at AS archived_at FROM contacts
             WHERE status = 'archived' AND status_changed_at IS NULL AND updated_at < ?
                 AND erased_at IS NULL
             ORDER BY updated_at DESC, id DESC LIMIT ?",
        )
        .bind(&cutoff)
        .bind(ERASURE_LIST_LIMIT)
        .fetch_all(pool)
        .await?,
    );
    rows.sort_by_key(|r| std::cmp::Reverse((r.archived_at, r.id)));
    rows.truncate(ERASURE_LIST_LIMIT as usize);
    if !rows.is_empty() {
        // The list names archived people: a read of archived contacts, audited like any other.
        audit::record_alone(
            db,
            Who::User(actor),
            now,
            Event::new("list_erasure_due", "contact", None).summary(json!({
                "count": rows.len(),
                "idRanges": bulk::id_ranges(rows.iter().map(|r| r.id)),
            })),
        )
        .await?;
    }
    Ok(rows
        .into_iter()
        .map(|r| ErasureCandidate {
            id: r.id.to_string(),
            reference: r.reference,
            display_name: r.display_name,
            archived_at: r.archived_at,
            due_since: r.archived_at + retention,
        })
        .collect())
}

/// Records that the contact's details were verified.
pub async fn verify(
    db: &Database,
    actor: &Actor,
    id: &str,
    input: &VerificationInput,
) -> CoreResult<()> {
    let contact_id = changeable_id(db, actor, id, Action::EditContacts, "verify").await?;
    let method = validate::text(&input.method);
    if method.is_empty() {
        return Err(CoreError::invalid(
            "method",
            "is required: how were the details confirmed?",
        ));
    }
    if method.chars().count() > METHOD_MAX_CHARS {
        return Err(CoreError::invalid(
            "method",
            format!("is longer than {METHOD_MAX_CHARS} characters"),
        ));
    }
    let now = Utc::now();
    if input.verified_on > now.date_naive() {
        return Err(CoreError::invalid("verifiedOn", "is in the future"));
    }
    let mut tx = db.write().await?;
    let before = current(&mut tx, contact_id).await?;
    refuse_erased(&before)?;
    if input.verified_on < before.created_at.date_naive() {
        return Err(CoreError::invalid(
            "verifiedOn",
            "is before the contact was created",
        ));
    }
    // A date, not a moment, was confirmed: noon UTC keeps it on that date in every time zone
    // the users work in.
    let verified_at = timestamp(
        input
            .verified_on
            .and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default())
            .and_utc(),
    );
    sqlx::query(
        "UPDATE contacts SET verified_at = ?, verified_by = ?, verification_method = ?,
             updated_at = ?, version = version + 1
         WHERE id = ?",
    )
    .bind(&verified_at)
    .bind(actor.username())
    .bind(&method)
    .bind(timestamp(now))
    .bind(contact_id)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        Who::User(actor),
        now,
        Event::new("verify", "contact", Some(contact_id.to_string()))
            .summary(json!({ "verifiedOn": input.verified_on.to_string() }))
            .changes(vec![
                Change::new("verifiedAt", before.verified_at, verified_at),
                Change::new("verifiedBy", before.verified_by, actor.username()),
                Change::new("verificationMethod", before.verification_method, method),
            ])
            .about_contact(contact_id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The site a primary contact is set at, as the write transaction sees it.
#[derive(sqlx::FromRow)]
struct PrimarySite {
    name: String,
    account_id: i64,
    kind: AccountKind,
    associated: bool,
    in_scope: bool,
    already_primary: bool,
}

async fn primary_site(
    conn: &mut SqliteConnection,
    actor: &Actor,
    contact_id: i64,
    site_id: i64,
) -> CoreResult<Option<PrimarySite>> {
    let mut builder: QueryBuilder<'_, Sqlite> = QueryBuilder::new(
        "SELECT s.name, s.account_id, a.kind,
             cs.contact_id IS NOT NULL AS associated,
             ifnull(cs.is_primary, 0) = 1 AS already_primary, ",
    );
    push_site_in_scope(&mut builder, actor);
    builder
        .push(
            " AS in_scope
         FROM sites s JOIN accounts a ON a.id = s.account_id
             JOIN territories t ON t.id = s.territory_id
             LEFT JOIN contact_sites cs ON cs.site_id = s.id AND cs.contact_id = ",
        )
        .push_bind(contact_id)
        .push(" WHERE s.id = ")
        .push_bind(site_id);
    Ok(builder.build_query_as().fetch_optional(&mut *conn).await?)
}

/// Makes the contact the primary contact of a site.
pub async fn set_primary(
    db: &Database,
    actor: &Actor,
    id: &str,
    site_id: &str,
    confirmation: &str,
    justification: Option<&Justification>,
) -> CoreResult<()> {
    let contact_id = changeable_id(db, actor, id, Action::EditContacts, "set primary").await?;
    if !confirmation
        .trim()
        .eq_ignore_ascii_case(PRIMARY_CONFIRMATION)
    {
        return Err(CoreError::invalid(
            "confirmation",
            "type primary to confirm",
        ));
    }
    let no_site = || CoreError::invalid("siteId", "choose one of the contact's sites");
    let site_id = parse_id("site", site_id).map_err(|_| no_site())?;
    let now = Utc::now();
    let mut tx = db.write().await?;
    let before = current(&mut tx, contact_id).await?;
    refuse_erased(&before)?;
    if before.status != ContactStatus::Active {
        return Err(CoreError::invalid(
            "siteId",
            format!(
                "this contact is {}: only an active contact can be a primary contact",
                before.status
            ),
        ));
    }
    let site = primary_site(&mut tx, actor, contact_id, site_id)
        .await?
        .filter(|s| s.associated)
        .ok_or_else(no_site)?;
    if !site.in_scope {
        return Err(CoreError::invalid(
            "siteId",
            "is outside your regions or territories",
        ));
    }
    if site.already_primary {
        return Ok(());
    }
    // Checked only now, once the change is known to be possible: the user is asked for a
    // justification only for a change that can then be saved.
    let justification = justification.ok_or_else(|| CoreError::JustificationRequired {
        fields: vec!["primary".into()],
    })?;
    let approval = write::record_approval(
        &mut tx,
        actor,
        contact_id,
        &["primary".to_string()],
        justification,
        now,
    )
    .await?;

    // A business has a primary contact per site; a private customer has one for the whole
    // household, whichever of its sites it is recorded at.
    let previous: Vec<(i64, i64, String)> = match site.kind {
        AccountKind::Business => sqlx::query_as(
            "SELECT cs.contact_id, cs.site_id, s.name FROM contact_sites cs
             JOIN sites s ON s.id = cs.site_id
             WHERE cs.site_id = ? AND cs.is_primary = 1",
        )
        .bind(site_id),
        AccountKind::Private => sqlx::query_as(
            "SELECT cs.contact_id, cs.site_id, s.name FROM contact_sites cs
             JOIN sites s ON s.id = cs.site_id
             WHERE s.account_id = ? AND cs.is_primary = 1",
        )
        .bind(site.account_id),
    }
    .fetch_all(&mut *tx)
    .await?;
    // The unique index on primary contacts per site holds at every statement, so the old
    // primaries step down before the new one steps in.
    for (contact, site, _) in &previous {
        sqlx::query("UPDATE contact_sites SET is_primary = 0 WHERE contact_id = ? AND site_id = ?")
            .bind(contact)
            .bind(site)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query("UPDATE contact_sites SET is_primary = 1 WHERE contact_id = ? AND site_id = ?")
        .bind(contact_id)
        .bind(site_id)
        .execute(&mut *tx)
        .await?;

    let mut replaced: Vec<i64> = previous
        .iter()
        .map(|(contact, _, _)| *contact)
        .filter(|c| *c != contact_id)
        .collect();
    replaced.sort_unstable();
    replaced.dedup();
    let stamp = timestamp(now);
    for contact in std::iter::once(contact_id).chain(replaced.iter().copied()) {
        sqlx::query("UPDATE contacts SET updated_at = ?, version = version + 1 WHERE id = ?")
            .bind(&stamp)
            .bind(contact)
            .execute(&mut *tx)
            .await?;
    }

    let site_ref = site_id.to_string();
    let own_before: Vec<&str> = previous
        .iter()
        .filter(|(c, _, _)| *c == contact_id)
        .map(|(_, _, name)| name.as_str())
        .collect();
    audit::record(
        &mut tx,
        Who::User(actor),
        now,
        Event::new("set_primary", "contact", Some(contact_id.to_string()))
            .summary(json!({
                "siteId": site_ref,
                "replaced": replaced.first().map(i64::to_string),
                "approval": approval,
            }))
            .changes(vec![Change::new(
                "primary",
                json!(own_before),
                json!([site.name]),
            )])
            .about_contact(contact_id),
    )
    .await?;
    for contact in &replaced {
        let names: Vec<&str> = previous
            .iter()
            .filter(|(c, _, _)| c == contact)
            .map(|(_, _, name)| name.as_str())
            .collect();
        audit::record(
            &mut tx,
            Who::User(actor),
            now,
            Event::new("primary_replaced", "contact", Some(contact.to_string()))
                .summary(json!({
                    "siteId": site_ref,
                    "replacedBy": contact_id.to_string(),
                }))
                .changes(vec![Change::new("primary", json!(names), json!([]))])
                .about_contact(*contact),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}
