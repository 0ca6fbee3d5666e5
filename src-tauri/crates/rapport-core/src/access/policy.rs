//! Sign-in and session rules an administrator can tune.

use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::access::{authorize, Action, Actor};
use crate::audit::{self, Event, Who};
use crate::error::{CoreError, CoreResult};
use crate::store::settings;
use crate::Database;

const MAX_FAILED: &str = "security.max_failed_sign_ins";
const LOCKOUT: &str = "security.lockout_minutes";
const IDLE: &str = "security.idle_lock_minutes";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SecurityPolicy {
    /// Failed sign-ins in a row that lock the account.
    pub max_failed_sign_ins: u32,
    /// How long a locked account stays locked (an administrator can unlock it sooner).
    pub lockout_minutes: u32,
    /// Minutes without activity before the app locks and asks for the password again.
    pub idle_lock_minutes: u32,
}

impl Default for SecurityPolicy {
    fn default() -> Self {
        Self {
            max_failed_sign_ins: 5,
            lockout_minutes: 15,
            idle_lock_minutes: 10,
        }
    }
}

async fn number(pool: &sqlx::SqlitePool, key: &str, default: u32) -> CoreResult<u32> {
    Ok(settings::get(pool, key)
        .await?
        .and_then(|v| v.parse().ok())
        .unwrap_or(default))
}

pub async fn load(pool: &sqlx::SqlitePool) -> CoreResult<SecurityPolicy> {
    let d = SecurityPolicy::default();
    Ok(SecurityPolicy {
        max_failed_sign_ins: number(pool, MAX_FAILED, d.max_failed_sign_ins).await?,
        lockout_minutes: number(pool, LOCKOUT, d.lockout_minutes).await?,
        idle_lock_minutes: number(pool, IDLE, d.idle_lock_minutes).await?,
    })
}

/// The policy for the administrators' screen.
pub async fn load_for(db: &Database, actor: &Actor) -> CoreResult<SecurityPolicy> {
    authorize(db, actor, Action::Administer).await?;
    load(db.reader()).await
}

/// Changes the policy (site administrators only; audited).
pub async fn save(db: &Database, actor: &Actor, policy: SecurityPolicy) -> CoreResult<()> {
    authorize(db, actor, Action::Administer).await?;
    let checks = [
        ("maxFailedSignIns", policy.max_failed_sign_ins, 3, 20),
        ("lockoutMinutes", policy.lockout_minutes, 1, 1440),
        ("idleLockMinutes", policy.idle_lock_minutes, 1, 240),
    ];
    for (field, value, min, max) in checks {
        if !(min..=max).contains(&value) {
            return Err(CoreError::invalid(
                field,
                format!("must be between {min} and {max}"),
            ));
        }
    }
    let before = load(db.reader()).await?;
    let mut tx = db.write().await?;
    for (key, value) in [
        (MAX_FAILED, policy.max_failed_sign_ins),
        (LOCKOUT, policy.lockout_minutes),
        (IDLE, policy.idle_lock_minutes),
    ] {
        settings::put(&mut tx, key, &value.to_string()).await?;
    }
    // Policy values are not personal: they go into the chained summary itself.
    let summary = json!({ "before": before, "after": policy });
    audit::record(
        &mut tx,
        Who::User(actor),
        chrono::Utc::now(),
        Event::new("update", "security_policy", None).summary(summary),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
