//! Status changes of a contact: deactivation (with a reason), archival (explicit, or automatic
//! after the policy's time inactive), reactivation, verification, and the primary contact of a
//! site (of the whole account for private customers).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::access::Actor;
use crate::error::CoreResult;
use crate::model::Justification;
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

/// Makes a contact inactive with a required reason.
pub async fn deactivate(db: &Database, actor: &Actor, id: &str, reason: &str) -> CoreResult<()> {
    let _ = (db, actor, id, reason);
    todo!()
}

/// Archives a contact (only site administrators can read it afterwards).
pub async fn archive(db: &Database, actor: &Actor, id: &str, reason: &str) -> CoreResult<()> {
    let _ = (db, actor, id, reason);
    todo!()
}

/// Makes an inactive or archived contact active again.
pub async fn reactivate(db: &Database, actor: &Actor, id: &str, reason: &str) -> CoreResult<()> {
    let _ = (db, actor, id, reason);
    todo!()
}

/// Archives contacts inactive for longer than the policy allows; returns how many.
pub async fn archive_due(db: &Database, now: DateTime<Utc>) -> CoreResult<u64> {
    let _ = (db, now);
    todo!()
}

/// Archived contacts whose retention period is over (site administrators only).
pub async fn erasure_due(db: &Database, actor: &Actor) -> CoreResult<Vec<ErasureCandidate>> {
    let _ = (db, actor);
    todo!()
}

/// Records that the contact's details were verified.
pub async fn verify(
    db: &Database,
    actor: &Actor,
    id: &str,
    input: &VerificationInput,
) -> CoreResult<()> {
    let _ = (db, actor, id, input);
    todo!()
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
    let _ = (db, actor, id, site_id, confirmation, justification);
    todo!()
}
