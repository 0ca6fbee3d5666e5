//! Creating and editing contacts. An edit names the version it started from; a save against a
//! newer version is refused with a conflict, so no one's edit silently replaces another's.

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::{json, Map, Value};
use sqlx::SqliteConnection;

use super::form::{self, FormContext, Verdict};
use super::{changeable_id, duplicates, policy, reindex};
use crate::access::{authorize, Action, Actor};
use crate::audit::{self, Change, Event, Who};
use crate::error::{CoreError, CoreResult, FieldProblem};
use crate::model::*;
use crate::store::bulk::{self, ContactRecord, CONTACTS, CONTACT_TABLES, LIFECYCLE};
use crate::store::{contacts, timestamp};
use crate::Database;

/// The fields whose change needs a business justification and an approval.
pub const SIGNIFICANT_FIELDS: [&str; 6] = [
    "contactType",
    "contactTypeOther",
    "authorityLevel",
    "authorityScope",
    "approvalLimit",
    "sites",
];

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CreatedContact {
    pub id: String,
    pub reference: String,
    /// Saved anyway; shown as data-quality findings.
    pub warnings: Vec<FieldProblem>,
}

fn form_context<'a>(
    actor: &'a Actor,
    home: &'a str,
    stored: Option<&ContactDetail>,
    sms_enabled: bool,
    now: DateTime<Utc>,
) -> FormContext<'a> {
    FormContext {
        actor,
        home,
        require_last_name: stored.is_none_or(|s| !s.last_name.is_empty()),
        sms_enabled,
        today: now.date_naive(),
        kept_sites: stored
            .map(|s| {
                s.sites
                    .iter()
                    .filter_map(|x| x.site_id.parse().ok())
                    .collect()
            })
            .unwrap_or_default(),
        kept_owner: stored.and_then(|s| s.owner.clone()),
    }
}

/// Checks a form without saving it: the wizard calls this as the user types and before each
/// step, the edit screen before saving. `contact_id` is the contact being edited, if any.
pub async fn check(
    db: &Database,
    actor: &Actor,
    input: &ContactInput,
    contact_id: Option<&str>,
    home: &str,
) -> CoreResult<ContactCheck> {
    authorize(db, actor, Action::EditContacts).await?;
    let stored = match contact_id {
        Some(id) => Some(contacts::get(db, actor, id, home).await?),
        None => None,
    };
    let exclude = stored.as_ref().and_then(|s| s.id.parse::<i64>().ok());
    let sms = policy::load(db.reader()).await?.sms_enabled;
    let now = Utc::now();
    let ctx = form_context(actor, home, stored.as_ref(), sms, now);
    let mut conn = db.reader().acquire().await?;
    let (_, verdict) = form::prepare(&mut conn, input, &ctx, now).await?;
    drop(conn);
    let duplicates = duplicates::candidates(db, actor, input, home, exclude).await?;
    Ok(ContactCheck {
        problems: verdict.problems,
        warnings: verdict.warnings,
        duplicates,
    })
}

fn refuse(verdict: Verdict) -> CoreError {
    CoreError::InvalidFields(verdict.problems)
}

/// Creates a contact from the wizard (or the CLI). The user's wizard draft goes in the same
/// transaction: a created contact never leaves its draft behind.
pub async fn create(
    db: &Database,
    actor: &Actor,
    input: &ContactInput,
    home: &str,
) -> CoreResult<CreatedContact> {
    authorize(db, actor, Action::EditContacts).await?;
    let sms = policy::load(db.reader()).await?.sms_enabled;
    let now = Utc::now();
    let ctx = form_context(actor, home, None, sms, now);
    let mut tx = db.write().await?;
    let (prepared, verdict) = form::prepare(&mut tx, input, &ctx, now).await?;
    let Some(mut prepared) = prepared else {
        return Err(refuse(verdict));
    };
    let id: i64 = sqlx::query_scalar(
        "SELECT max(ifnull((SELECT max(id) FROM contacts), 0),
            ifnull((SELECT max(merged_id) FROM contact_aliases), 0)) + 1",
    )
    .fetch_one(&mut *tx)
    .await?;
    prepared.record.id = id;
    insert_record(&mut tx, &prepared.record, home, &CONTACT_TABLES).await?;
    reindex(&mut tx, id).await?;
    let after = serde_json::to_value(input_of_record(&prepared.record)).unwrap_or(Value::Null);
    let changes = field_changes(&Value::Object(Map::new()), &after);
    audit::record(
        &mut tx,
        Who::User(actor),
        now,
        Event::new("create", "contact", Some(id.to_string()))
            .summary(json!({ "reference": contact_reference(id) }))
            .changes(changes)
            .about_contact(id),
    )
    .await?;
    sqlx::query("DELETE FROM contact_drafts WHERE user_id = ?")
        .bind(actor.user_id())
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(CreatedContact {
        id: id.to_string(),
        reference: contact_reference(id),
        warnings: prepared.warnings,
    })
}

/// Saves an edit made from `version`. A stale version is refused with `conflict` and nothing
/// is written; significant changes need `justification`.
pub async fn update(
    db: &Database,
    actor: &Actor,
    id: &str,
    version: u32,
    input: &ContactInput,
    justification: Option<&Justification>,
    home: &str,
) -> CoreResult<ContactDetail> {
    let contact_id = changeable_id(db, actor, id, Action::EditContacts, "edit").await?;
    let stored = contacts::get(db, actor, id, home).await?;
    if stored.erased {
        return Err(CoreError::invalid(
            "status",
            "this person's data was erased; the record is only a tombstone",
        ));
    }
    if stored.version != version {
        return Err(CoreError::Conflict {
            current_version: stored.version,
        });
    }
    let sms = policy::load(db.reader()).await?.sms_enabled;
    let now = Utc::now();
    let ctx = form_context(actor, home, Some(&stored), sms, now);
    let mut tx = db.write().await?;
    let (prepared, verdict) = form::prepare(&mut tx, input, &ctx, now).await?;
    let Some(prepared) = prepared else {
        return Err(refuse(verdict));
    };
    let mut record = prepared.record;
    keep_stored_state(&mut record, &stored, contact_id);

    let before = serde_json::to_value(input_of_detail(&stored)).unwrap_or(Value::Null);
    let after = serde_json::to_value(input_of_record(&record)).unwrap_or(Value::Null);
    let changes = field_changes(&before, &after);
    if changes.is_empty() {
        tx.rollback().await?;
        return Ok(stored);
    }
    let significant: Vec<String> = changes
        .iter()
        .filter(|c| SIGNIFICANT_FIELDS.contains(&c.field.as_str()))
        .map(|c| c.field.clone())
        .collect();
    let approval = if significant.is_empty() {
        None
    } else {
        let justification = justification.ok_or_else(|| CoreError::JustificationRequired {
            fields: significant.clone(),
        })?;
        Some(record_approval(&mut tx, actor, contact_id, &significant, justification, now).await?)
    };

    let updated = update_contact_row(&mut tx, &record, home, version).await?;
    if !updated {
        let current: i64 = sqlx::query_scalar("SELECT version FROM contacts WHERE id = ?")
            .bind(contact_id)
            .fetch_one(&mut *tx)
            .await?;
        tx.rollback().await?;
        return Err(CoreError::Conflict {
            current_version: u32::try_from(current).unwrap_or(u32::MAX),
        });
    }
    for table in [
        "contact_emails",
        "contact_phones",
        "contact_addresses",
        "contact_tags",
        "contact_channel_preferences",
        "contact_sites",
    ] {
        sqlx::query(&format!("DELETE FROM {table} WHERE contact_id = ?"))
            .bind(contact_id)
            .execute(&mut *tx)
            .await?;
    }
    let children: Vec<_> = CONTACT_TABLES
        .iter()
        .copied()
        .filter(|t| t.name != CONTACTS.name && t.name != LIFECYCLE.name)
        .collect();
    insert_record(&mut tx, &record, home, &children).await?;
    if record.lifecycle_stage != stored.lifecycle_stage {
        sqlx::query(
            "INSERT INTO contact_lifecycle_history (contact_id, stage, changed_at) VALUES (?, ?, ?)",
        )
        .bind(contact_id)
        .bind(record.lifecycle_stage.as_str())
        .bind(timestamp(now))
        .execute(&mut *tx)
        .await?;
    }
    reindex(&mut tx, contact_id).await?;
    audit::record(
        &mut tx,
        Who::User(actor),
        now,
        Event::new("update", "contact", Some(contact_id.to_string()))
            .summary(json!({ "version": version + 1, "approval": approval }))
            .changes(changes)
            .about_contact(contact_id),
    )
    .await?;
    tx.commit().await?;
    contacts::get(db, actor, id, home).await
}

/// What the form does not carry stays as stored: status, verification, creation time, the
/// primary-contact flags of the sites the contact keeps.
fn keep_stored_state(record: &mut ContactRecord, stored: &ContactDetail, id: i64) {
    record.id = id;
    record.status = stored.status;
    record.status_reason = stored.status_reason.clone();
    record.status_changed_at = stored.status_changed_at;
    record.verified_at = stored.verified_at;
    record.verified_by = stored.verified_by.clone();
    record.verification_method = stored.verification_method.clone();
    record.created_at = stored.created_at;
    record.lifecycle_history.clear();
    for site in &mut record.sites {
        site.is_primary = stored
            .sites
            .iter()
            .any(|s| s.is_primary && s.site_id == site.site_id.to_string());
    }
}

pub(crate) async fn record_approval(
    conn: &mut SqliteConnection,
    actor: &Actor,
    contact_id: i64,
    fields: &[String],
    justification: &Justification,
    now: DateTime<Utc>,
) -> CoreResult<i64> {
    let mut problems = Vec::new();
    let reason = crate::validate::multiline(Some(&justification.reason));
    if reason.is_none() {
        problems.push(FieldProblem::new("justification.reason", "is required"));
    }
    let approved_by = crate::validate::optional(Some(&justification.approved_by));
    if approved_by.is_none() {
        problems.push(FieldProblem::new("justification.approvedBy", "is required"));
    }
    match justification.approved_on {
        None => problems.push(FieldProblem::new("justification.approvedOn", "is required")),
        Some(date) if date > now.date_naive() => {
            problems.push(FieldProblem::new(
                "justification.approvedOn",
                "is in the future",
            ));
        }
        Some(_) => {}
    }
    if !problems.is_empty() {
        return Err(CoreError::InvalidFields(problems));
    }
    let id = sqlx::query(
        "INSERT INTO contact_approvals (contact_id, fields, justification, approved_by,
             approved_on, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(contact_id)
    .bind(serde_json::to_string(fields).unwrap_or_default())
    .bind(reason)
    .bind(approved_by)
    .bind(justification.approved_on.map(|d| d.to_string()))
    .bind(actor.username())
    .bind(timestamp(now))
    .execute(&mut *conn)
    .await?
    .last_insert_rowid();
    Ok(id)
}

/// Inserts the rows of `record` for the given tables.
async fn insert_record(
    conn: &mut SqliteConnection,
    record: &ContactRecord,
    home: &str,
    tables: &[&bulk::TableSpec],
) -> CoreResult<()> {
    let rows = record.rows(home);
    for table in tables {
        let of_table: Vec<Vec<bulk::SqlValue>> = rows
            .iter()
            .filter(|(t, _)| t.name == table.name)
            .map(|(_, row)| row.clone())
            .collect();
        if !of_table.is_empty() {
            bulk::insert_rows(&mut *conn, table, of_table).await?;
        }
    }
    Ok(())
}

/// Columns an edit never rewrites.
const FIXED_COLUMNS: [&str; 4] = ["id", "reference", "created_at", "version"];

/// Rewrites the contact's own row if it is still at `version`; false when it is not.
async fn update_contact_row(
    conn: &mut SqliteConnection,
    record: &ContactRecord,
    home: &str,
    version: u32,
) -> CoreResult<bool> {
    let rows = record.rows(home);
    let Some((_, values)) = rows.iter().find(|(t, _)| t.name == CONTACTS.name) else {
        return Ok(false);
    };
    let mut builder = sqlx::QueryBuilder::<sqlx::Sqlite>::new("UPDATE contacts SET ");
    let mut first = true;
    for (column, value) in CONTACTS.columns.iter().zip(values) {
        if FIXED_COLUMNS.contains(column) {
            continue;
        }
        if !first {
            builder.push(", ");
        }
        first = false;
        builder.push(*column).push(" = ");
        bulk::push_value(&mut builder, value);
    }
    builder
        .push(", version = version + 1 WHERE id = ")
        .push_bind(record.id)
        .push(" AND version = ")
        .push_bind(i64::from(version));
    Ok(builder.build().execute(&mut *conn).await?.rows_affected() == 1)
}

/// One change per top-level field whose value differs.
pub(crate) fn field_changes(before: &Value, after: &Value) -> Vec<Change> {
    let empty = Map::new();
    let before = before.as_object().unwrap_or(&empty);
    let after = after.as_object().unwrap_or(&empty);
    let mut keys: Vec<&String> = before.keys().chain(after.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter_map(|key| {
            let b = before.get(key).cloned().unwrap_or(Value::Null);
            let a = after.get(key).cloned().unwrap_or(Value::Null);
            (!same_value(&b, &a)).then(|| Change::new(key, b, a))
        })
        .collect()
}

/// Empty text, empty lists and null mean the same: "nothing entered".
fn same_value(a: &Value, b: &Value) -> bool {
    fn blank(v: &Value) -> bool {
        match v {
            Value::Null => true,
            Value::String(s) => s.is_empty(),
            Value::Array(a) => a.is_empty(),
            _ => false,
        }
    }
    a == b || (blank(a) && blank(b))
}

fn amount(minor: Option<i64>) -> Option<String> {
    minor.map(|m| Money::from_minor(m, "").amount)
}

/// A stored contact as the form it would be edited in (phones as E.164, amounts as text).
pub fn input_of_detail(d: &ContactDetail) -> ContactInput {
    let mut sites: Vec<SiteAssociationInput> = d
        .sites
        .iter()
        .map(|s| SiteAssociationInput {
            site_id: s.site_id.clone(),
            role: s.role,
            authority_limit: s.authority_limit.as_ref().map(|m| m.amount.clone()),
        })
        .collect();
    sites.sort_by(|a, b| a.site_id.cmp(&b.site_id));
    ContactInput {
        contact_type: d.contact_type,
        contact_type_other: d.contact_type_other.clone(),
        salutation: d.salutation.clone(),
        first_name: d.first_name.clone(),
        middle_name: d.middle_name.clone(),
        last_name: d.last_name.clone(),
        preferred_name: d.preferred_name.clone(),
        suffix: d.suffix.clone(),
        job_title: d.job_title.clone(),
        department: d.department.clone(),
        authority_level: d.authority_level.clone(),
        authority_scope: d.authority_scope.clone(),
        approval_limit: d.approval_limit.as_ref().map(|m| m.amount.clone()),
        employee_id: d.employee_id.clone(),
        emails: d
            .emails
            .iter()
            .map(|e| EmailInput {
                kind: e.kind,
                address: e.address.clone(),
            })
            .collect(),
        phones: d
            .phones
            .iter()
            .map(|p| PhoneInput {
                kind: p.kind,
                number: p.e164.clone(),
                country: String::new(),
                extension: p.extension.clone(),
            })
            .collect(),
        addresses: d
            .addresses
            .iter()
            .map(|a| AddressInput {
                kind: a.kind,
                line1: a.line1.clone(),
                line2: a.line2.clone(),
                city: a.city.clone(),
                region: a.region.clone(),
                postal_code: a.postal_code.clone(),
                country: a.country.clone(),
            })
            .collect(),
        lifecycle_stage: d.lifecycle_stage,
        priority: d.priority,
        tags: d.tags.clone(),
        owner: d.owner.clone(),
        preferred_method: d.preferred_method,
        preferred_times: d.preferred_times.clone(),
        time_zone: d.time_zone.clone(),
        language: d.language.clone(),
        channel_preferences: d.channel_preferences.clone(),
        special_instructions: d.special_instructions.clone(),
        notes: d.notes.clone(),
        birthday: d.birthday,
        websites: d.websites.clone(),
        sites,
        approval_source: d.approval_source.clone(),
        approval_date: d.approval_date,
    }
}

/// A record about to be stored, in the same shape as [`input_of_detail`] so the two compare.
pub fn input_of_record(r: &ContactRecord) -> ContactInput {
    let mut sites: Vec<SiteAssociationInput> = r
        .sites
        .iter()
        .map(|s| SiteAssociationInput {
            site_id: s.site_id.to_string(),
            role: s.role,
            authority_limit: amount(s.authority_limit_minor),
        })
        .collect();
    sites.sort_by(|a, b| a.site_id.cmp(&b.site_id));
    let mut tags = r.tags.clone();
    tags.sort();
    let mut channels: Vec<ChannelPreference> = r
        .channels
        .iter()
        .map(|(channel, notify, consent)| ChannelPreference {
            channel: *channel,
            notify: *notify,
            consent: *consent,
        })
        .collect();
    channels.sort_by_key(|c| ContactChannel::ALL.iter().position(|x| *x == c.channel));
    ContactInput {
        contact_type: r.contact_type,
        contact_type_other: r.contact_type_other.clone(),
        salutation: r.salutation.clone(),
        first_name: r.first_name.clone(),
        middle_name: r.middle_name.clone(),
        last_name: r.last_name.clone(),
        preferred_name: r.preferred_name.clone(),
        suffix: r.suffix.clone(),
        job_title: r.job_title.clone(),
        department: r.department.clone(),
        authority_level: r.authority_level.clone(),
        authority_scope: r.authority_scope.clone(),
        approval_limit: amount(r.approval_limit_minor),
        employee_id: r.employee_id.clone(),
        emails: r
            .emails
            .iter()
            .map(|e| EmailInput {
                kind: e.kind,
                address: e.address.clone(),
            })
            .collect(),
        phones: r
            .phones
            .iter()
            .map(|p| PhoneInput {
                kind: p.kind,
                number: p.e164.clone(),
                country: String::new(),
                extension: p.extension.clone(),
            })
            .collect(),
        addresses: r
            .addresses
            .iter()
            .map(|a| AddressInput {
                kind: a.kind,
                line1: a.line1.clone(),
                line2: a.line2.clone(),
                city: a.city.clone(),
                region: a.region.clone(),
                postal_code: a.postal_code.clone(),
                country: a.country.clone(),
            })
            .collect(),
        lifecycle_stage: r.lifecycle_stage,
        priority: r.priority,
        tags,
        owner: r.owner.clone(),
        preferred_method: r.preferred_method,
        preferred_times: r.preferred_times.clone(),
        time_zone: r.time_zone.clone(),
        language: r.language.clone(),
        channel_preferences: channels,
        special_instructions: r.special_instructions.clone(),
        notes: r.notes.clone(),
        birthday: r.birthday,
        websites: r.websites.clone(),
        sites,
        approval_source: r.approval_source.clone(),
        approval_date: r.approval_date,
    }
}
