//! Signing in: password, optional one-time code, back-off and lockout kept in the database so a
//! restart does not reset them.

use chrono::{DateTime, Duration, Utc};
use serde_json::json;

use crate::access::{password, policy, totp, Actor};
use crate::audit::{self, Event, Who};
use crate::error::{CoreError, CoreResult};
use crate::model::Role;
use crate::store::timestamp;
use crate::Database;

const WRONG: &str = "The user name or password is wrong.";
/// Failures before the back-off starts; then 1 s, 2 s, 4 s ... up to [`MAX_BACKOFF_SECONDS`].
const FREE_FAILURES: u32 = 2;
const MAX_BACKOFF_SECONDS: i64 = 60;

#[derive(Debug, Clone, Copy)]
pub struct Credentials<'a> {
    pub username: &'a str,
    pub password: &'a str,
    /// A 6-digit authenticator code or an 8-character recovery code, when the account has TOTP.
    pub code: Option<&'a str>,
}

#[derive(sqlx::FromRow)]
struct Account {
    id: i64,
    username: String,
    display_name: String,
    role: Role,
    password_hash: String,
    totp_secret: Option<String>,
    totp_last_step: Option<i64>,
    locked_until: Option<DateTime<Utc>>,
    failed_attempts: i64,
    disabled: bool,
}

/// Signs a user in at `now`; the only way to get an [`Actor`].
pub async fn sign_in(
    db: &Database,
    credentials: Credentials<'_>,
    now: DateTime<Utc>,
) -> CoreResult<Actor> {
    let account: Option<Account> = sqlx::query_as(
        "SELECT id, username, display_name, role, password_hash, totp_secret, totp_last_step,
                locked_until, failed_attempts, disabled
         FROM users WHERE username = ?",
    )
    .bind(credentials.username.trim())
    .fetch_optional(db.reader())
    .await?;
    let Some(account) = account else {
        password::verify_nothing(credentials.password);
        audit::record_alone(
            db,
            Who::System,
            now,
            Event::new("sign_in_failed", "user", None).summary(json!({ "reason": "unknown user" })),
        )
        .await?;
        return Err(CoreError::SignInRefused {
            reason: WRONG.into(),
        });
    };
    check_password(db, &account, credentials.password, now).await?;
    if account.disabled {
        audit_outcome(db, &account, now, "sign_in_failed", "account disabled").await?;
        return Err(CoreError::SignInRefused {
            reason: "This account is disabled. Ask a site administrator.".into(),
        });
    }
    if let Some(secret) = &account.totp_secret {
        let Some(code) = credentials.code.filter(|c| !c.trim().is_empty()) else {
            return Err(CoreError::TotpRequired);
        };
        check_code(db, &account, secret, code, now).await?;
    }
    let mut tx = db.write().await?;
    sqlx::query(
        "UPDATE users SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = ?
         WHERE id = ?",
    )
    .bind(timestamp(now))
    .bind(account.id)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        who(&account),
        now,
        Event::new("sign_in", "user", Some(account.id.to_string())),
    )
    .await?;
    tx.commit().await?;
    Ok(Actor::new(
        account.id,
        account.username,
        account.display_name,
        account.role,
    ))
}

/// Asks a signed-in user for their password again (the idle lock, showing the recovery key);
/// `purpose` is the audited action. Failures count towards the lockout like any sign-in.
pub async fn confirm_password(
    db: &Database,
    actor: &Actor,
    password: &str,
    now: DateTime<Utc>,
    purpose: &'static str,
) -> CoreResult<()> {
    let account: Account = sqlx::query_as(
        "SELECT id, username, display_name, role, password_hash, totp_secret, totp_last_step,
                locked_until, failed_attempts, disabled
         FROM users WHERE id = ?",
    )
    .bind(actor.user_id())
    .fetch_optional(db.reader())
    .await?
    .ok_or(CoreError::Unauthenticated)?;
    check_password(db, &account, password, now).await?;
    if account.disabled {
        return Err(CoreError::Unauthenticated);
    }
    let mut tx = db.write().await?;
    sqlx::query("UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?")
        .bind(account.id)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        who(&account),
        now,
        Event::new(purpose, "user", Some(account.id.to_string())),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

fn who(account: &Account) -> Who<'_> {
    Who::Account {
        user_id: account.id,
        username: &account.username,
    }
}

async fn audit_outcome(
    db: &Database,
    account: &Account,
    now: DateTime<Utc>,
    action: &'static str,
    reason: &str,
) -> CoreResult<()> {
    audit::record_alone(
        db,
        who(account),
        now,
        Event::new(action, "user", Some(account.id.to_string()))
            .summary(json!({ "reason": reason })),
    )
    .await
}

fn seconds_until(until: DateTime<Utc>, now: DateTime<Utc>) -> Option<u64> {
    let left = (until - now).num_milliseconds();
    (left > 0).then(|| u64::try_from(left).unwrap_or(0).div_ceil(1000))
}

async fn check_password(
    db: &Database,
    account: &Account,
    password: &str,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    if let Some(seconds) = account
        .locked_until
        .and_then(|until| seconds_until(until, now))
    {
        audit_outcome(db, account, now, "sign_in_refused", "account locked").await?;
        let max = policy::load(db.reader()).await?.max_failed_sign_ins;
        return Err(CoreError::AccountLocked {
            seconds,
            lockout: account.failed_attempts >= i64::from(max),
        });
    }
    if password::verify(password, &account.password_hash) {
        return Ok(());
    }
    Err(fail(db, account, now, "wrong password", WRONG).await?)
}

async fn check_code(
    db: &Database,
    account: &Account,
    secret: &str,
    code: &str,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    let mut tx = db.write().await?;
    if totp::looks_like_recovery_code(code) {
        let used = sqlx::query(
            "UPDATE user_recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ?
             AND used_at IS NULL",
        )
        .bind(timestamp(now))
        .bind(account.id)
        .bind(totp::recovery_code_hash(code))
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if used == 1 {
            audit::record(
                &mut tx,
                who(account),
                now,
                Event::new("recovery_code_used", "user", Some(account.id.to_string())),
            )
            .await?;
            tx.commit().await?;
            return Ok(());
        }
    } else {
        let unix = u64::try_from(now.timestamp()).unwrap_or(0);
        let last = account.totp_last_step.and_then(|s| u64::try_from(s).ok());
        if let Some(step) = totp::accept(secret, code, unix, last)? {
            // The step only moves forward: the same code, or an older one, is never taken again.
            sqlx::query("UPDATE users SET totp_last_step = ? WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)")
                .bind(i64::try_from(step).unwrap_or(i64::MAX))
                .bind(account.id)
                .bind(i64::try_from(step).unwrap_or(i64::MAX))
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            return Ok(());
        }
    }
    drop(tx);
    Err(fail(
        db,
        account,
        now,
        "wrong one-time code",
        "The one-time code is wrong or was already used.",
    )
    .await?)
}

/// Counts a failure and sets the back-off or the lock; returns the error to show.
async fn fail(
    db: &Database,
    account: &Account,
    now: DateTime<Utc>,
    reason: &str,
    message: &str,
) -> CoreResult<CoreError> {
    let policy = policy::load(db.reader()).await?;
    let mut tx = db.write().await?;
    let failures: i64 = sqlx::query_scalar(
        "UPDATE users SET failed_attempts = failed_attempts + 1 WHERE id = ? RETURNING failed_attempts",
    )
    .bind(account.id)
    .fetch_one(&mut *tx)
    .await?;
    let failures = u32::try_from(failures).unwrap_or(u32::MAX);
    let locked = failures >= policy.max_failed_sign_ins;
    let wait = if locked {
        Duration::minutes(i64::from(policy.lockout_minutes))
    } else if failures > FREE_FAILURES {
        Duration::seconds((1i64 << (failures - FREE_FAILURES - 1).min(6)).min(MAX_BACKOFF_SECONDS))
    } else {
        Duration::zero()
    };
    if wait > Duration::zero() {
        sqlx::query("UPDATE users SET locked_until = ? WHERE id = ?")
            .bind(timestamp(now + wait))
            .bind(account.id)
            .execute(&mut *tx)
            .await?;
    }
    let action = if locked {
        "account_locked"
    } else {
        "sign_in_failed"
    };
    audit::record(
        &mut tx,
        who(account),
        now,
        Event::new(action, "user", Some(account.id.to_string()))
            .summary(json!({ "reason": reason, "failures": failures })),
    )
    .await?;
    tx.commit().await?;
    Ok(if locked {
        CoreError::AccountLocked {
            seconds: u64::try_from(wait.num_seconds()).unwrap_or(0),
            lockout: true,
        }
    } else {
        CoreError::SignInRefused {
            reason: message.into(),
        }
    })
}
