//! The organisation's contact rules an administrator can tune: when a contact counts as not
//! verified recently, when inactive contacts are archived and archived ones listed for erasure,
//! and whether SMS is offered at all.

use serde::{Deserialize, Serialize};
use serde_json::json;
use sqlx::SqlitePool;

use crate::access::{authorize, Action, Actor};
use crate::audit::{self, Event, Who};
use crate::error::{CoreError, CoreResult};
use crate::store::settings;
use crate::Database;

const VERIFICATION_DAYS: &str = "contacts.verification_days";
const ARCHIVE_AFTER_DAYS: &str = "contacts.archive_after_days";
const RETENTION_DAYS: &str = "contacts.retention_days";
const SMS_ENABLED: &str = "contacts.sms_enabled";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct LifecyclePolicy {
    /// A contact not verified for this many days is flagged as stale.
    pub verification_days: u32,
    /// Inactive contacts are archived after this many days; 0 never archives automatically.
    pub archive_after_days: u32,
    /// Archived contacts are listed for erasure after this many days.
    pub retention_days: u32,
    /// SMS preferences are offered only where the organisation sends SMS.
    pub sms_enabled: bool,
}

impl Default for LifecyclePolicy {
    fn default() -> Self {
        Self {
            verification_days: 90,
            archive_after_days: 365,
            // Six years: the usual limitation period for business records.
            retention_days: 6 * 365,
            sms_enabled: false,
        }
    }
}

async fn number(pool: &SqlitePool, key: &str, default: u32) -> CoreResult<u32> {
    Ok(settings::get(pool, key)
        .await?
        .and_then(|v| v.parse().ok())
        .unwrap_or(default))
}

pub async fn load(pool: &SqlitePool) -> CoreResult<LifecyclePolicy> {
    let d = LifecyclePolicy::default();
    Ok(LifecyclePolicy {
        verification_days: number(pool, VERIFICATION_DAYS, d.verification_days).await?,
        archive_after_days: number(pool, ARCHIVE_AFTER_DAYS, d.archive_after_days).await?,
        retention_days: number(pool, RETENTION_DAYS, d.retention_days).await?,
        sms_enabled: number(pool, SMS_ENABLED, u32::from(d.sms_enabled)).await? == 1,
    })
}

/// Any signed-in user may read the policy: the forms need to know whether SMS is offered.
pub async fn load_for(db: &Database, _actor: &crate::access::Actor) -> CoreResult<LifecyclePolicy> {
    load(db.reader()).await
}

/// Changes the policy (site administrators only; audited).
pub async fn save(db: &Database, actor: &Actor, policy: LifecyclePolicy) -> CoreResult<()> {
    authorize(db, actor, Action::Archived).await?;
    let checks = [
        ("verificationDays", policy.verification_days, 1, 3650),
        ("archiveAfterDays", policy.archive_after_days, 0, 3650),
        ("retentionDays", policy.retention_days, 1, 36500),
    ];
    for (field, value, min, max) in checks {
        if !(min..=max).contains(&value) {
            return Err(CoreError::invalid(
                field,
                format!("must be between {min} and {max} days"),
            ));
        }
    }
    let before = load(db.reader()).await?;
    let mut tx = db.write().await?;
    for (key, value) in [
        (VERIFICATION_DAYS, policy.verification_days),
        (ARCHIVE_AFTER_DAYS, policy.archive_after_days),
        (RETENTION_DAYS, policy.retention_days),
        (SMS_ENABLED, u32::from(policy.sms_enabled)),
    ] {
        settings::put(&mut tx, key, &value.to_string()).await?;
    }
    audit::record(
        &mut tx,
        Who::User(actor),
        chrono::Utc::now(),
        Event::new("update", "contact_policy", None)
            .summary(json!({ "before": before, "after": policy })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Turns SMS on while the demo organisation is created (no one is signed in yet to audit).
pub async fn enable_sms_for_demo(db: &Database) -> CoreResult<()> {
    settings::set(db, SMS_ENABLED, "1").await
}
