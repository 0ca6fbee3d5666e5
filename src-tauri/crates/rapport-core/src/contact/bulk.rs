//! Acting on many contacts at once: the selection is a list of ids or "everything matching this
//! search and filter" (minus exclusions), always within the user's scope. One transaction and one
//! audit event per action; progress is reported and a cancelled run changes nothing.

use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::{reindex, write};
use crate::access::scope::{push_site_in_scope, search_scope};
use crate::access::{authorize, Action, Actor};
use crate::audit::{self, Event, Who};
use crate::error::{CoreError, CoreResult};
use crate::model::{
    parse_id, ContactCountQuery, ContactStatus, ContactType, Justification, LifecycleStage, Role,
    SiteRole,
};
use crate::store::bulk::{id_ranges, insert_rows, SqlValue, CONTACT_SITES, LIFECYCLE, TAGS};
use crate::store::{contacts, timestamp};
use crate::{text, validate, Database};

/// Contacts changed per batch: progress is reported, and cancellation checked, between batches.
const BATCH: usize = 500;
/// The contact form's limits for the same fields (`form.rs`), so a bulk action cannot store
/// what the form would refuse.
const MAX_TAG_CHARS: usize = 60;
const MAX_TYPE_OTHER_CHARS: usize = 100;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum BulkSelection {
    /// These contacts.
    Ids { ids: Vec<String> },
    /// Every contact the query matches, except these.
    Query {
        query: ContactCountQuery,
        except: Vec<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum BulkAction {
    AddTag {
        tag: String,
    },
    RemoveTag {
        tag: String,
    },
    SetType {
        contact_type: ContactType,
        contact_type_other: Option<String>,
        justification: Option<Justification>,
    },
    SetStage {
        stage: LifecycleStage,
    },
    SetOwner {
        owner: Option<String>,
    },
    AssignSite {
        site_id: String,
        role: SiteRole,
    },
    Deactivate {
        reason: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BulkProgress {
    pub done: u32,
    pub total: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BulkSkip {
    pub id: String,
    pub reference: String,
    pub reason: String,
}

/// How many contacts were left as they were for one reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SkipCount {
    pub reason: String,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BulkReport {
    /// Contacts the selection resolved to within the user's scope (the confirmation's count).
    pub selected: u32,
    pub changed: u32,
    /// Contacts left as they were (e.g. already inactive), plus requested ids that are unknown
    /// or outside the user's scope ("not found"): `changed` plus the skips of selected
    /// contacts is `selected`.
    pub skipped_total: u32,
    /// `skipped_total` by reason, most frequent first.
    pub skip_reasons: Vec<SkipCount>,
    /// The first [`LISTED_SKIPS`] skips with their reference, in the order met: a run over a
    /// million contacts names a sample, not a million.
    pub skipped: Vec<BulkSkip>,
}

/// Most skips a report names one by one.
pub const LISTED_SKIPS: usize = 200;

/// Skips counted by reason, the first [`LISTED_SKIPS`] kept.
#[derive(Default)]
struct Skips {
    counts: std::collections::BTreeMap<String, u32>,
    listed: Vec<BulkSkip>,
}

impl Skips {
    fn push(&mut self, skip: BulkSkip) {
        *self.counts.entry(skip.reason.clone()).or_default() += 1;
        if self.listed.len() < LISTED_SKIPS {
            self.listed.push(skip);
        }
    }

    fn total(&self) -> u32 {
        self.counts.values().sum()
    }

    fn into_report(self, selected: u32, changed: u32) -> BulkReport {
        let mut skip_reasons: Vec<SkipCount> = self
            .counts
            .into_iter()
            .map(|(reason, count)| SkipCount { reason, count })
            .collect();
        skip_reasons.sort_by(|a, b| b.count.cmp(&a.count).then(a.reason.cmp(&b.reason)));
        BulkReport {
            selected,
            changed,
            skipped_total: skip_reasons.iter().map(|s| s.count).sum(),
            skip_reasons,
            skipped: self.listed,
        }
    }
}

/// How many contacts a selection covers for this user (the confirmation states it).
pub async fn count_selection(
    db: &Database,
    actor: &Actor,
    selection: &BulkSelection,
) -> CoreResult<u32> {
    match selection {
        BulkSelection::Ids { ids } => {
            authorize(db, actor, Action::ViewContacts).await?;
            let (numbers, _) = requested_ids(ids);
            let mut conn = db.reader().acquire().await?;
            let visible = contacts::visible_among(&mut conn, actor, &numbers).await?;
            Ok(u32::try_from(visible.len()).unwrap_or(u32::MAX))
        }
        BulkSelection::Query { query, except } => {
            contacts::count_matching(db, actor, query, &excluded_ids(except)?).await
        }
    }
}

/// Applies `action` to the selection, in one transaction: either every selected contact the
/// action applies to is changed, or (on an error or `cancel`) none is.
pub async fn apply(
    db: &Database,
    actor: &Actor,
    selection: &BulkSelection,
    action: &BulkAction,
    mut progress: impl FnMut(BulkProgress) + Send,
    cancel: &AtomicBool,
) -> CoreResult<BulkReport> {
    let permission = match action {
        BulkAction::Deactivate { .. } => Action::Deactivate,
        _ => Action::EditContacts,
    };
    authorize(db, actor, permission).await?;
    let mut change = Change::checked(action)?;
    // Refusals are audited in a transaction of their own, and there is one writer: everything
    // that may refuse runs before the write lock is taken.
    let (scope, except) = match selection {
        BulkSelection::Ids { .. } => {
            authorize(db, actor, Action::ViewContacts).await?;
            (None, Vec::new())
        }
        BulkSelection::Query { query, except } => {
            let except = excluded_ids(except)?;
            contacts::authorize_selection(db, actor, &query.filter).await?;
            (search_scope(db.reader(), actor).await?, except)
        }
    };
    let now = Utc::now();
    let mut tx = db.write().await?;
    change.confirm(&mut tx, actor).await?;

    let (selected, not_found) = match selection {
        BulkSelection::Ids { ids } => {
            let (numbers, unreadable) = requested_ids(ids);
            let visible = contacts::visible_among(&mut tx, actor, &numbers).await?;
            let mut skips: Vec<BulkSkip> = numbers
                .into_iter()
                .filter(|n| visible.binary_search(n).is_err())
                .map(|n| unknown(n.to_string()))
                .collect();
            skips.extend(unreadable.into_iter().map(unknown));
            (visible, skips)
        }
        BulkSelection::Query { query, .. } => {
            let ids = contacts::matching_ids(&mut tx, actor, scope.as_deref(), query).await?;
            let ids = ids
                .into_iter()
                .filter(|id| except.binary_search(id).is_err())
                .collect();
            (ids, Vec::new())
        }
    };
    let total = u32::try_from(selected.len()).unwrap_or(u32::MAX);
    progress(BulkProgress { done: 0, total });

    let mut changed: Vec<i64> = Vec::new();
    let mut skipped = Skips::default();
    let mut primary_ended = 0;
    let mut done = 0;
    for batch in selected.chunks(BATCH) {
        let facts = change.facts(&mut tx, batch).await?;
        let mut to_change = Vec::new();
        for fact in facts {
            match change.skip_reason(actor, &fact) {
                Some(reason) => skipped.push(BulkSkip {
                    id: fact.id.to_string(),
                    reference: fact.reference,
                    reason: reason.into(),
                }),
                None => to_change.push(fact),
            }
        }
        primary_ended += change.write(&mut tx, actor, &to_change, now).await?;
        changed.extend(to_change.iter().map(|f| f.id));
        done += u32::try_from(batch.len()).unwrap_or(u32::MAX);
        progress(BulkProgress { done, total });
        if cancel.load(Ordering::SeqCst) {
            tx.rollback().await?;
            return Err(CoreError::Cancelled);
        }
    }

    let mut summary = json!({
        "kind": change.kind(),
        "count": changed.len(),
        "selected": selected.len(),
        "skipped": skipped.total(),
        "idRanges": id_ranges(changed.iter().copied()),
    });
    if let Value::Object(map) = &mut summary {
        map.extend(change.parameters());
        if !not_found.is_empty() {
            // Probes for ids outside the user's scope are recorded, as single reads record them.
            let numbers = not_found.iter().filter_map(|s| s.id.parse::<i64>().ok());
            map.insert("notFound".into(), json!(not_found.len()));
            map.insert("notFoundIdRanges".into(), json!(id_ranges(numbers)));
        }
        if matches!(change, Change::Deactivate(_)) {
            map.insert("primaryEnded".into(), json!(primary_ended));
        }
    }
    audit::record(
        &mut tx,
        Who::User(actor),
        now,
        Event::new("bulk_update", "contact", None).summary(summary),
    )
    .await?;
    tx.commit().await?;

    for skip in not_found {
        skipped.push(skip);
    }
    Ok(skipped.into_report(total, u32::try_from(changed.len()).unwrap_or(u32::MAX)))
}

fn unknown(id: String) -> BulkSkip {
    // Unknown and out-of-scope ids look the same, and say nothing about the contact.
    BulkSkip {
        id,
        reference: String::new(),
        reason: "not found".into(),
    }
}

/// The distinct ids of an id selection, and the entries that are no id at all.
pub(crate) fn requested_ids(ids: &[String]) -> (Vec<i64>, Vec<String>) {
    let mut numbers = Vec::new();
    let mut unreadable = Vec::new();
    for id in ids {
        match parse_id("contact", id) {
            Ok(n) => numbers.push(n),
            Err(_) => unreadable.push(id.clone()),
        }
    }
    numbers.sort_unstable();
    numbers.dedup();
    unreadable.sort();
    unreadable.dedup();
    (numbers, unreadable)
}

/// The exclusions of a query selection, sorted and distinct.
pub(crate) fn excluded_ids(except: &[String]) -> CoreResult<Vec<i64>> {
    let mut ids = except
        .iter()
        .map(|id| {
            parse_id("contact", id)
                .map_err(|_| CoreError::invalid("except", format!("\"{id}\" is not a contact id")))
        })
        .collect::<CoreResult<Vec<i64>>>()?;
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

/// A site a contact is being assigned to, as the database knows it.
#[derive(Debug, sqlx::FromRow)]
struct Site {
    territory_id: i64,
    account_name: String,
    in_scope: bool,
}

/// An action whose parameters passed their checks.
enum Change {
    AddTag(String),
    RemoveTag(String),
    SetType {
        contact_type: ContactType,
        other: Option<String>,
        justification: Justification,
    },
    SetStage(LifecycleStage),
    SetOwner(Option<String>),
    AssignSite {
        site_id: i64,
        role: SiteRole,
        /// Filled by [`Change::confirm`].
        site: Option<Site>,
    },
    Deactivate(String),
}

/// What a batch needs to know of each contact.
#[derive(Debug, sqlx::FromRow)]
struct Facts {
    id: i64,
    reference: String,
    status: ContactStatus,
    erased: bool,
    contact_type: ContactType,
    contact_type_other: Option<String>,
    lifecycle_stage: LifecycleStage,
    owner: Option<String>,
    /// The action's own question: tagged already (tags), at the site already (site), billing
    /// role at some site (type).
    has: bool,
}

fn tag_of(tag: &str) -> CoreResult<String> {
    let tag = validate::text(tag);
    if tag.is_empty() {
        return Err(CoreError::invalid("tag", "is required"));
    }
    if tag.chars().count() > MAX_TAG_CHARS {
        return Err(CoreError::invalid(
            "tag",
            format!("is longer than {MAX_TAG_CHARS} characters"),
        ));
    }
    Ok(tag)
}

impl Change {
    /// The checks that need no database, in the form's words and field names.
    fn checked(action: &BulkAction) -> CoreResult<Self> {
        Ok(match action {
            BulkAction::AddTag { tag } => Self::AddTag(tag_of(tag)?),
            BulkAction::RemoveTag { tag } => Self::RemoveTag(tag_of(tag)?),
            BulkAction::SetType {
                contact_type,
                contact_type_other,
                justification,
            } => {
                let other = if *contact_type == ContactType::Other {
                    let other =
                        validate::optional(contact_type_other.as_deref()).ok_or_else(|| {
                            CoreError::invalid(
                                "contactTypeOther",
                                "describe what kind of contact this is",
                            )
                        })?;
                    if other.chars().count() > MAX_TYPE_OTHER_CHARS {
                        return Err(CoreError::invalid(
                            "contactTypeOther",
                            format!("is longer than {MAX_TYPE_OTHER_CHARS} characters"),
                        ));
                    }
                    Some(other)
                } else {
                    None
                };
                // A contact's type is a significant change (write::SIGNIFICANT_FIELDS).
                let justification =
                    justification
                        .clone()
                        .ok_or_else(|| CoreError::JustificationRequired {
                            fields: vec!["contactType".into()],
                        })?;
                Self::SetType {
                    contact_type: *contact_type,
                    other,
                    justification,
                }
            }
            BulkAction::SetStage { stage } => Self::SetStage(*stage),
            BulkAction::SetOwner { owner } => Self::SetOwner(validate::optional(owner.as_deref())),
            BulkAction::AssignSite { site_id, role } => Self::AssignSite {
                site_id: parse_id("site", site_id)
                    .map_err(|_| CoreError::invalid("siteId", "choose a site"))?,
                role: *role,
                site: None,
            },
            BulkAction::Deactivate { reason } => {
                let reason = validate::multiline(Some(reason))
                    .ok_or_else(|| CoreError::invalid("reason", "is required"))?;
                if reason.chars().count() > validate::MAX_FIELD_CHARS {
                    return Err(CoreError::invalid(
                        "reason",
                        format!("is longer than {} characters", validate::MAX_FIELD_CHARS),
                    ));
                }
                Self::Deactivate(reason)
            }
        })
    }

    /// The checks against the database, in the action's transaction so they still hold when
    /// the change is written.
    async fn confirm(&mut self, conn: &mut SqliteConnection, actor: &Actor) -> CoreResult<()> {
        match self {
            Self::SetOwner(Some(name)) => {
                let enabled: Option<bool> =
                    sqlx::query_scalar("SELECT disabled = 0 FROM users WHERE username = ?")
                        .bind(&*name)
                        .fetch_optional(&mut *conn)
                        .await?;
                match enabled {
                    None => Err(CoreError::invalid(
                        "owner",
                        format!("there is no user called \"{name}\""),
                    )),
                    Some(false) => Err(CoreError::invalid(
                        "owner",
                        format!("{name}'s account is disabled"),
                    )),
                    Some(true) => Ok(()),
                }
            }
            Self::AssignSite { site_id, site, .. } => {
                let mut builder =
                    QueryBuilder::<Sqlite>::new("SELECT s.territory_id, a.name AS account_name, ");
                push_site_in_scope(&mut builder, actor);
                builder
                    .push(
                        " AS in_scope FROM sites s JOIN accounts a ON a.id = s.account_id
                          JOIN territories t ON t.id = s.territory_id WHERE s.id = ",
                    )
                    .push_bind(*site_id);
                let found: Option<Site> =
                    builder.build_query_as().fetch_optional(&mut *conn).await?;
                match found {
                    None => Err(CoreError::invalid("siteId", "this site does not exist")),
                    Some(found) if !found.in_scope => Err(CoreError::invalid(
                        "siteId",
                        "this site's territory is outside your scope",
                    )),
                    Some(found) => {
                        *site = Some(found);
                        Ok(())
                    }
                }
            }
            _ => Ok(()),
        }
    }

    /// The action's name in the audit trail, as the UI sends it.
    fn kind(&self) -> &'static str {
        match self {
            Self::AddTag(_) => "addTag",
            Self::RemoveTag(_) => "removeTag",
            Self::SetType { .. } => "setType",
            Self::SetStage(_) => "setStage",
            Self::SetOwner(_) => "setOwner",
            Self::AssignSite { .. } => "assignSite",
            Self::Deactivate(_) => "deactivate",
        }
    }

    /// The parameters the audit summary may hold. Free text that may describe people (the
    /// reason, the justification) stays with each contact, where erasure can reach it.
    fn parameters(&self) -> serde_json::Map<String, Value> {
        let value = match self {
            Self::AddTag(tag) | Self::RemoveTag(tag) => json!({ "tag": tag }),
            Self::SetType { contact_type, .. } => {
                json!({ "contactType": contact_type.as_str() })
            }
            Self::SetStage(stage) => json!({ "stage": stage.as_str() }),
            Self::SetOwner(owner) => json!({ "owner": owner }),
            Self::AssignSite { site_id, role, .. } => {
                json!({ "siteId": site_id.to_string(), "role": role.as_str() })
            }
            Self::Deactivate(_) => json!({}),
        };
        match value {
            Value::Object(map) => map,
            _ => serde_json::Map::new(),
        }
    }

    /// What the batch's contacts are like now, in id order.
    async fn facts(&self, conn: &mut SqliteConnection, ids: &[i64]) -> CoreResult<Vec<Facts>> {
        let mut builder = QueryBuilder::<Sqlite>::new(
            "SELECT c.id, c.reference, c.status, c.erased_at IS NOT NULL AS erased,
                 c.contact_type, c.contact_type_other, c.lifecycle_stage, c.owner, ",
        );
        match self {
            // The form keeps one of two tags that differ only in case; so does this.
            Self::AddTag(tag) | Self::RemoveTag(tag) => {
                builder
                    .push(
                        "EXISTS (SELECT 1 FROM contact_tags t WHERE t.contact_id = c.id
                         AND t.tag = ",
                    )
                    .push_bind(tag.clone())
                    .push(" COLLATE NOCASE)");
            }
            Self::AssignSite { site_id, .. } => {
                builder
                    .push(
                        "EXISTS (SELECT 1 FROM contact_sites cs WHERE cs.contact_id = c.id
                         AND cs.site_id = ",
                    )
                    .push_bind(*site_id)
                    .push(")");
            }
            Self::SetType { .. } => {
                builder.push(
                    "EXISTS (SELECT 1 FROM contact_sites cs WHERE cs.contact_id = c.id
                     AND cs.role = 'billing')",
                );
            }
            _ => {
                builder.push("0");
            }
        }
        builder
            .push(" AS has FROM contacts c WHERE c.id IN (SELECT value FROM json_each(")
            .push_bind(json_ids(ids.iter().copied()))
            .push(")) ORDER BY c.id");
        Ok(builder.build_query_as().fetch_all(&mut *conn).await?)
    }

    /// Why this contact is left as it is, if it is.
    fn skip_reason(&self, actor: &Actor, c: &Facts) -> Option<&'static str> {
        if c.erased {
            return Some("erased: only a tombstone is left");
        }
        match (self, c.status) {
            (Self::Deactivate(_), ContactStatus::Active) => {}
            (Self::Deactivate(_), ContactStatus::Inactive) => return Some("already inactive"),
            (_, ContactStatus::Archived) => return Some("archived: reactivate it first"),
            _ => {}
        }
        match self {
            Self::AddTag(_) if c.has => Some("already tagged"),
            Self::RemoveTag(_) if !c.has => Some("not tagged"),
            Self::SetType {
                contact_type,
                other,
                ..
            } => {
                if c.contact_type == *contact_type && c.contact_type_other == *other {
                    Some("already this type")
                } else if actor.role() == Role::BillingAdmin
                    && *contact_type != ContactType::Billing
                    && !c.has
                {
                    // Billing administrators reach billing contacts only; this one would be lost
                    // to them (the form refuses the same).
                    Some("would no longer be a billing contact")
                } else {
                    None
                }
            }
            Self::SetStage(stage) if c.lifecycle_stage == *stage => Some("already at this stage"),
            Self::SetOwner(owner) if c.owner == *owner => Some("already has this owner"),
            Self::AssignSite { .. } if c.has => Some("already at this site"),
            _ => None,
        }
    }

    /// Writes the change to `contacts` (already checked to need it); returns how many primary
    /// roles ended.
    async fn write(
        &self,
        conn: &mut SqliteConnection,
        actor: &Actor,
        contacts: &[Facts],
        now: DateTime<Utc>,
    ) -> CoreResult<u64> {
        if contacts.is_empty() {
            return Ok(0);
        }
        let stamp = timestamp(now);
        let ids = json_ids(contacts.iter().map(|c| c.id));
        let mut update =
            QueryBuilder::<Sqlite>::new("UPDATE contacts SET version = version + 1, updated_at = ");
        update.push_bind(stamp.clone());
        match self {
            Self::SetType {
                contact_type,
                other,
                ..
            } => {
                update
                    .push(", contact_type = ")
                    .push_bind(contact_type.as_str())
                    .push(", contact_type_other = ")
                    .push_bind(other.clone());
            }
            Self::SetStage(stage) => {
                update
                    .push(", lifecycle_stage = ")
                    .push_bind(stage.as_str());
            }
            Self::SetOwner(owner) => {
                update.push(", owner = ").push_bind(owner.clone());
            }
            Self::Deactivate(reason) => {
                update
                    .push(", status = 'inactive', status_reason = ")
                    .push_bind(reason.clone())
                    .push(", status_changed_at = ")
                    .push_bind(stamp.clone());
            }
            Self::AssignSite {
                site: Some(site), ..
            } => {
                // A contact's first site gives it its company and territory, as in the form.
                // This runs before the new association is inserted, so EXISTS sees the old ones.
                update
                    .push(
                        ", territory_id = CASE WHEN EXISTS (SELECT 1 FROM contact_sites cs
                           WHERE cs.contact_id = contacts.id) THEN territory_id ELSE ",
                    )
                    .push_bind(site.territory_id)
                    .push(" END, company_key = CASE WHEN company IS NULL THEN ")
                    .push_bind(text::fold(&site.account_name))
                    .push(" ELSE company_key END, company = ifnull(company, ")
                    .push_bind(site.account_name.clone())
                    .push(")");
            }
            Self::AddTag(_) | Self::RemoveTag(_) | Self::AssignSite { site: None, .. } => {}
        }
        update
            .push(" WHERE id IN (SELECT value FROM json_each(")
            .push_bind(ids.clone())
            .push("))");
        update.build().execute(&mut *conn).await?;

        let mut primary_ended = 0;
        match self {
            Self::AddTag(tag) => {
                let rows: Vec<Vec<SqlValue>> = contacts
                    .iter()
                    .map(|c| vec![c.id.into(), tag.as_str().into()])
                    .collect();
                insert_rows(conn, &TAGS, rows).await?;
            }
            Self::RemoveTag(tag) => {
                sqlx::query(
                    "DELETE FROM contact_tags WHERE contact_id IN (SELECT value FROM json_each(?))
                     AND tag = ? COLLATE NOCASE",
                )
                .bind(&ids)
                .bind(tag)
                .execute(&mut *conn)
                .await?;
            }
            Self::SetType {
                contact_type,
                other,
                justification,
            } => {
                for c in contacts {
                    let mut fields = Vec::new();
                    if c.contact_type != *contact_type {
                        fields.push("contactType".to_string());
                    }
                    if c.contact_type_other != *other {
                        fields.push("contactTypeOther".to_string());
                    }
                    write::record_approval(conn, actor, c.id, &fields, justification, now).await?;
                    // The type decides the `billing` scope token of the search document.
                    reindex(conn, c.id).await?;
                }
            }
            Self::SetStage(stage) => {
                let rows: Vec<Vec<SqlValue>> = contacts
                    .iter()
                    .map(|c| vec![c.id.into(), stage.as_str().into(), stamp.as_str().into()])
                    .collect();
                insert_rows(conn, &LIFECYCLE, rows).await?;
            }
            Self::SetOwner(_) => {}
            Self::AssignSite { site_id, role, .. } => {
                let rows: Vec<Vec<SqlValue>> = contacts
                    .iter()
                    .map(|c| {
                        vec![
                            c.id.into(),
                            (*site_id).into(),
                            role.as_str().into(),
                            false.into(),
                            SqlValue::Null,
                        ]
                    })
                    .collect();
                insert_rows(conn, &CONTACT_SITES, rows).await?;
                // The site's territory, region, account and role feed the scope tokens and
                // the company words.
                for c in contacts {
                    reindex(conn, c.id).await?;
                }
            }
            Self::Deactivate(_) => {
                // Like a single deactivation, the contact gives up its primary roles.
                primary_ended = sqlx::query(
                    "UPDATE contact_sites SET is_primary = 0
                     WHERE is_primary = 1 AND contact_id IN (SELECT value FROM json_each(?))",
                )
                .bind(&ids)
                .execute(&mut *conn)
                .await?
                .rows_affected();
            }
        }
        Ok(primary_ended)
    }
}

/// Ids as a JSON array, bound once and read with `json_each` (no limit on bound values).
fn json_ids(ids: impl Iterator<Item = i64>) -> String {
    json!(ids.collect::<Vec<i64>>()).to_string()
}
