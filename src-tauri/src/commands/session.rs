//! First start, restoring access, signing in and out, and the idle lock.

use chrono::Utc;
use rapport_core::access::policy;
use rapport_core::access::signin::{self, Credentials};
use rapport_core::access::{users, UserProfile};
use rapport_core::demo::{self, DemoUser};
use rapport_core::{key, keychain, CoreError, Database};
use serde::{Deserialize, Serialize};
use tauri::State;

use crate::error::{AppError, ErrorCode};
use crate::state::{AppState, Phase, Ready};

/// Which screen the app shows before anything else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum StartScreen {
    /// No database yet: explore the demo or create the organisation's database.
    Welcome,
    /// The database exists but needs its recovery key on this computer.
    RestoreAccess,
    /// First administrator still to be created (a setup interrupted before it finished).
    Setup,
    SignIn,
    /// Signed in (possibly locked: see `session.locked`).
    Main,
    /// The database cannot be used; `problem` says why.
    Failed,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SessionInfo {
    pub user: UserProfile,
    pub locked: bool,
    pub idle_lock_minutes: u32,
    /// The zone the user reads and types times in (IANA); `None`: the computer's.
    pub time_zone: Option<String>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    pub database_path: String,
    pub screen: StartScreen,
    pub problem: Option<AppError>,
    pub is_demo: bool,
    /// The demo users and their passwords; empty unless this is the demo database.
    pub demo_users: Vec<DemoUser>,
    /// The last user who signed in to this database on this computer (from the keychain).
    pub last_username: Option<String>,
    pub session: Option<SessionInfo>,
}

async fn session_info(state: &AppState, db: &Database) -> Result<Option<SessionInfo>, AppError> {
    let (actor, locked, idle_limit) = {
        let mut session = state.session.lock().await;
        let Some(session) = session.as_mut() else {
            return Ok(None);
        };
        session.check_idle();
        (session.actor.clone(), session.locked, session.idle_limit)
    };
    Ok(Some(SessionInfo {
        user: actor.profile(),
        locked,
        idle_lock_minutes: u32::try_from(idle_limit.as_secs() / 60).unwrap_or(u32::MAX),
        time_zone: users::own_time_zone(db, &actor).await?,
    }))
}

pub async fn current_info(state: &AppState) -> Result<AppInfo, AppError> {
    let path = state.path().to_path_buf();
    let last_username = {
        let path = path.clone();
        tokio::task::spawn_blocking(move || keychain::last_username(&path))
            .await
            .ok()
            .flatten()
    };
    let mut info = AppInfo {
        version: env!("CARGO_PKG_VERSION").into(),
        database_path: path.display().to_string(),
        screen: StartScreen::Welcome,
        problem: None,
        is_demo: false,
        demo_users: Vec::new(),
        last_username,
        session: None,
    };
    let ready = match &*state.phase.read().await {
        Phase::Welcome => return Ok(info),
        Phase::NeedsKey(problem) => {
            info.screen = StartScreen::RestoreAccess;
            info.problem = Some(problem.clone());
            return Ok(info);
        }
        Phase::Failed(problem) => {
            info.screen = StartScreen::Failed;
            info.problem = Some(problem.clone());
            return Ok(info);
        }
        Phase::Ready(ready) => ready.clone(),
    };
    info.is_demo = ready.is_demo;
    if ready.is_demo {
        info.demo_users = demo::users::list(&ready.db).await?;
    }
    info.session = session_info(state, &ready.db).await?;
    info.screen = if info.session.is_some() {
        StartScreen::Main
    } else if users::any_user(&ready.db).await? {
        StartScreen::SignIn
    } else {
        StartScreen::Setup
    };
    Ok(info)
}

#[tauri::command]
#[specta::specta]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, AppError> {
    current_info(&state).await
}

async fn require_welcome(state: &AppState) -> Result<(), AppError> {
    match &*state.phase.read().await {
        Phase::Welcome => Ok(()),
        _ => Err(AppError::new(
            ErrorCode::InvalidInput,
            "A database already exists here; it is never replaced.",
        )),
    }
}

/// Creates the demo organisation (about 5,000 people) in a new encrypted database.
#[tauri::command]
#[specta::specta]
pub async fn create_demo_database(state: State<'_, AppState>) -> Result<AppInfo, AppError> {
    require_welcome(&state).await?;
    let (db, _key) = key::create_with_keychain(state.path()).await?;
    let options = demo::DemoOptions {
        contacts: demo::DEFAULT_CONTACTS,
        seed: demo::DEFAULT_SEED,
        now: Utc::now(),
    };
    if let Err(error) = demo::create(&db, options, |_| {}).await {
        db.close().await;
        return Err(error.into());
    }
    *state.phase.write().await = Phase::Ready(Ready::load(db).await?);
    current_info(&state).await
}

#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SetupInput {
    pub username: String,
    pub display_name: String,
    pub password: String,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SetupResult {
    /// Shown once: the only way back in if this computer's keychain is lost.
    pub recovery_key: String,
    pub info: AppInfo,
}

/// Creates the organisation's own empty, encrypted database with its first site administrator,
/// and signs them in.
#[tauri::command]
#[specta::specta]
pub async fn create_organisation_database(
    state: State<'_, AppState>,
    input: SetupInput,
) -> Result<SetupResult, AppError> {
    // Check the administrator before any file exists, so a typo leaves nothing behind.
    rapport_core::access::password::check_strength("password", &input.password, &input.username)?;
    let existing = match &*state.phase.read().await {
        Phase::Welcome => None,
        Phase::Ready(ready) => Some(ready.clone()),
        _ => None,
    };
    let (ready, recovery_key) = match existing {
        // A database that exists but has no user yet (its setup was interrupted) gets its
        // first administrator; the recovery key comes from the keychain, shown now.
        Some(ready) => {
            if users::any_user(&ready.db).await? {
                return Err(AppError::new(
                    ErrorCode::InvalidInput,
                    "This database already has users: sign in as a site administrator.",
                ));
            }
            users::create_first_admin(
                &ready.db,
                &input.username,
                &input.display_name,
                &input.password,
            )
            .await?;
            let path = state.path().to_path_buf();
            let key = tokio::task::spawn_blocking(move || keychain::load_database_key(&path))
                .await
                .map_err(|e| AppError::new(ErrorCode::Internal, e.to_string()))??;
            let recovery_key = key.map(|k| k.recovery_text()).unwrap_or_default();
            (ready, recovery_key)
        }
        None => {
            require_welcome(&state).await?;
            let (db, key) = key::create_with_keychain(state.path()).await?;
            if let Err(error) = users::create_first_admin(
                &db,
                &input.username,
                &input.display_name,
                &input.password,
            )
            .await
            {
                db.close().await;
                remove_new_database(state.path());
                return Err(error.into());
            }
            let ready = Ready::load(db).await?;
            *state.phase.write().await = Phase::Ready(ready.clone());
            (ready, key.recovery_text())
        }
    };
    let actor = signin::sign_in(
        &ready.db,
        Credentials {
            username: &input.username,
            password: &input.password,
            code: None,
        },
        Utc::now(),
    )
    .await?;
    state.begin_session(&ready, actor).await?;
    remember(&state, &input.username);
    Ok(SetupResult {
        recovery_key,
        info: current_info(&state).await?,
    })
}

fn remove_new_database(path: &std::path::Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(name);
    }
    let _ = keychain::forget_database_key(path);
}

/// Opens the database with its recovery key and keeps the key in this computer's keychain.
#[tauri::command]
#[specta::specta]
pub async fn restore_access(
    state: State<'_, AppState>,
    recovery_key: String,
) -> Result<AppInfo, AppError> {
    if !matches!(&*state.phase.read().await, Phase::NeedsKey(_)) {
        return Err(AppError::new(
            ErrorCode::InvalidInput,
            "This database is already open.",
        ));
    }
    let db = key::restore_access(state.path(), &recovery_key)
        .await
        .map_err(|error| match error {
            CoreError::KeyRejected { .. } => AppError::from(error).with_field(key::RECOVERY_FIELD),
            other => other.into(),
        })?;
    *state.phase.write().await = Phase::Ready(Ready::load(db).await?);
    current_info(&state).await
}

fn remember(state: &AppState, username: &str) {
    let (path, name) = (state.path().to_path_buf(), username.to_string());
    tokio::task::spawn_blocking(move || {
        if let Err(error) = keychain::remember_username(&path, &name) {
            tracing::warn!(%error, "cannot remember the user name in the keychain");
        }
    });
}

#[tauri::command]
#[specta::specta]
pub async fn sign_in(
    state: State<'_, AppState>,
    username: String,
    password: String,
    code: Option<String>,
) -> Result<AppInfo, AppError> {
    let ready = state.ready().await?;
    let actor = signin::sign_in(
        &ready.db,
        Credentials {
            username: &username,
            password: &password,
            code: code.as_deref(),
        },
        Utc::now(),
    )
    .await?;
    state.begin_session(&ready, actor).await?;
    remember(&state, username.trim());
    current_info(&state).await
}

#[tauri::command]
#[specta::specta]
pub async fn sign_out(state: State<'_, AppState>) -> Result<AppInfo, AppError> {
    state.end_session().await;
    current_info(&state).await
}

/// Locks the session now (the "Lock" menu item, or the UI's own idle timer).
#[tauri::command]
#[specta::specta]
pub async fn lock_session(state: State<'_, AppState>) -> Result<(), AppError> {
    if let Some(session) = state.session.lock().await.as_mut() {
        session.locked = true;
    }
    Ok(())
}

/// Unlocks the session with the signed-in user's password (counts towards the lockout).
#[tauri::command]
#[specta::specta]
pub async fn unlock_session(
    state: State<'_, AppState>,
    password: String,
) -> Result<AppInfo, AppError> {
    let ready = state.ready().await?;
    let actor = state
        .session
        .lock()
        .await
        .as_ref()
        .map(|s| s.actor.clone())
        .ok_or(CoreError::Unauthenticated)?;
    let result =
        signin::confirm_password(&ready.db, &actor, &password, Utc::now(), "unlock_session").await;
    if let Err(error) = result {
        if matches!(error, CoreError::AccountLocked { lockout: true, .. }) {
            // Locked out: the session ends and the sign-in screen explains why.
            state.end_session().await;
        }
        return Err(error.into());
    }
    let policy = policy::load(ready.db.reader()).await?;
    if let Some(session) = state.session.lock().await.as_mut() {
        session.locked = false;
        session.idle_limit =
            std::time::Duration::from_secs(u64::from(policy.idle_lock_minutes) * 60);
        session.touch();
    }
    current_info(&state).await
}

/// The UI reports keyboard and pointer activity (at most every few seconds); the idle lock
/// counts from the last report.
#[tauri::command]
#[specta::specta]
pub async fn report_activity(state: State<'_, AppState>) -> Result<(), AppError> {
    let mut session = state.session.lock().await;
    let Some(session) = session.as_mut() else {
        return Err(CoreError::Unauthenticated.into());
    };
    if session.check_idle() {
        return Err(AppError::new(
            ErrorCode::SessionLocked,
            "Rapport is locked. Enter your password to continue.",
        ));
    }
    session.touch();
    Ok(())
}
