//! Administration: users, security policy, the organisation (regions, territories, accounts,
//! sites), backups and the recovery key; and each user's own password and authenticator.

use chrono::Utc;
use rapport_core::access::policy::{self, SecurityPolicy};
use rapport_core::access::users::{self, TotpEnrolment, UserInput, UserSummary};
use rapport_core::maintenance::{self, BackupFile};
use rapport_core::model::{
    Account, AccountInput, Region, RegionInput, Site, SiteInput, TerritoryInput,
};
use rapport_core::store::organisation;
use rapport_core::{backup, key, keychain};
use tauri::State;

use crate::commands::session::{current_info, AppInfo};
use crate::error::AppError;
use crate::state::{AppState, Phase, Ready};

#[tauri::command]
#[specta::specta]
pub async fn list_users(state: State<'_, AppState>) -> Result<Vec<UserSummary>, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(users::list_users(&ready.db, &actor).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn save_user(
    state: State<'_, AppState>,
    id: Option<String>,
    input: UserInput,
) -> Result<UserSummary, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(match id {
        Some(id) => users::update_user(&ready.db, &actor, &id, input).await?,
        None => users::create_user(&ready.db, &actor, input).await?,
    })
}

#[tauri::command]
#[specta::specta]
pub async fn reset_user_password(
    state: State<'_, AppState>,
    id: String,
    new_password: String,
) -> Result<(), AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(users::reset_password(&ready.db, &actor, &id, &new_password).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn reset_user_totp(state: State<'_, AppState>, id: String) -> Result<(), AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(users::reset_totp(&ready.db, &actor, &id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn unlock_user(state: State<'_, AppState>, id: String) -> Result<(), AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(users::unlock_user(&ready.db, &actor, &id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn get_security_policy(state: State<'_, AppState>) -> Result<SecurityPolicy, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(policy::load_for(&ready.db, &actor).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn save_security_policy(
    state: State<'_, AppState>,
    policy: SecurityPolicy,
) -> Result<(), AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(policy::save(&ready.db, &actor, policy).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn change_own_password(
    state: State<'_, AppState>,
    current_password: String,
    new_password: String,
) -> Result<(), AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(users::change_own_password(&ready.db, &actor, &current_password, &new_password).await?)
}

/// The signed-in user's time zone (IANA; `None`: the computer's); returns the app's state with
/// it, so every screen shows times in it from then on.
#[tauri::command]
#[specta::specta]
pub async fn set_own_time_zone(
    state: State<'_, AppState>,
    time_zone: Option<String>,
) -> Result<AppInfo, AppError> {
    let (ready, actor) = state.actor().await?;
    users::set_own_time_zone(&ready.db, &actor, time_zone.as_deref(), Utc::now()).await?;
    current_info(&state).await
}

#[tauri::command]
#[specta::specta]
pub async fn begin_totp_enrolment(state: State<'_, AppState>) -> Result<TotpEnrolment, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(users::begin_totp(&ready.db, &actor).await?)
}

/// Confirms the authenticator with its first code; returns the recovery codes, shown once.
#[tauri::command]
#[specta::specta]
pub async fn confirm_totp_enrolment(
    state: State<'_, AppState>,
    code: String,
) -> Result<Vec<String>, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(users::confirm_totp(&ready.db, &actor, &code, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn list_regions(state: State<'_, AppState>) -> Result<Vec<Region>, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(organisation::list_regions(&ready.db, &actor).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn save_region(
    state: State<'_, AppState>,
    id: Option<String>,
    input: RegionInput,
) -> Result<String, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(organisation::save_region(&ready.db, &actor, id.as_deref(), input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn save_territory(
    state: State<'_, AppState>,
    id: Option<String>,
    input: TerritoryInput,
) -> Result<String, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(organisation::save_territory(&ready.db, &actor, id.as_deref(), input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn list_accounts(
    state: State<'_, AppState>,
    search: String,
) -> Result<Vec<Account>, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(organisation::list_accounts(&ready.db, &actor, &search, 200).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn save_account(
    state: State<'_, AppState>,
    id: Option<String>,
    input: AccountInput,
) -> Result<String, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(organisation::save_account(&ready.db, &actor, id.as_deref(), input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn list_sites(
    state: State<'_, AppState>,
    account_id: String,
) -> Result<Vec<Site>, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(organisation::list_sites(&ready.db, &actor, &account_id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn save_site(
    state: State<'_, AppState>,
    id: Option<String>,
    input: SiteInput,
) -> Result<String, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(organisation::save_site(&ready.db, &actor, id.as_deref(), input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn list_backups(state: State<'_, AppState>) -> Result<Vec<BackupFile>, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(maintenance::list_backups(&ready.db, &actor).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn create_backup(state: State<'_, AppState>) -> Result<BackupFile, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(maintenance::backup_now(&ready.db, &actor).await?)
}

/// Replaces the database with a backup from the backup folder, after checking the backup's
/// integrity and audit chain. Everyone is signed out; the replaced database is kept.
#[tauri::command]
#[specta::specta]
pub async fn restore_backup(state: State<'_, AppState>, name: String) -> Result<AppInfo, AppError> {
    let (ready, actor) = state.actor().await?;
    let source = maintenance::backup_path(&ready.db, &actor, &name).await?;
    maintenance::begin_restore(&ready.db, &actor, &source).await?;
    let path = state.path().to_path_buf();
    let lookup = path.clone();
    let database_key = tokio::task::spawn_blocking(move || keychain::load_database_key(&lookup))
        .await
        .map_err(|e| AppError::new(crate::error::ErrorCode::Internal, e.to_string()))??
        .ok_or_else(|| rapport_core::CoreError::KeyMissing {
            path: path.display().to_string(),
        })?;
    let mut phase = state.phase.write().await;
    ready.db.clone().close().await;
    let restored = backup::restore(&source, &database_key, &path).await;
    // Whatever happened, the database at `path` is reopened: the restored one, or the old
    // one that a failed restore left untouched.
    let reopened = key::open_with_keychain(&path).await;
    *phase = match reopened {
        Ok(db) => Phase::Ready(Ready::load(db).await?),
        Err(error) => Phase::Failed(error.into()),
    };
    drop(phase);
    state.end_session().await;
    restored?;
    let ready = state.ready().await?;
    maintenance::finish_restore(&ready.db, actor.username(), &source).await?;
    crate::commands::session::current_info(&state).await
}

/// The database's recovery key again (site administrators, after their password).
#[tauri::command]
#[specta::specta]
pub async fn show_recovery_key(
    state: State<'_, AppState>,
    password: String,
) -> Result<String, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(maintenance::recovery_key(&ready.db, &actor, &password).await?)
}

/// Runs the scheduled backup once a day while the app is open.
pub async fn scheduled_backups(state: &AppState) {
    let ready: Option<Ready> = match &*state.phase.read().await {
        Phase::Ready(ready) => Some(ready.clone()),
        _ => None,
    };
    if let Some(ready) = ready {
        match maintenance::backup_if_due(&ready.db, chrono::Duration::hours(24), 14).await {
            Ok(true) => tracing::info!("scheduled backup written"),
            Ok(false) => {}
            Err(error) => tracing::warn!(%error, "scheduled backup failed"),
        }
    }
}
