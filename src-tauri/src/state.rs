//! What the shell holds between commands: where the database is and whether it is open, and
//! the signed-in session with its idle lock.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rapport_core::access::policy;
use rapport_core::access::Actor;
use rapport_core::store::settings;
use rapport_core::{key, CoreError, CoreResult, Database};
use tokio::sync::{Mutex, RwLock};

use crate::error::{AppError, ErrorCode};
use crate::files::FileGrants;

#[derive(Clone)]
pub struct Ready {
    pub db: Database,
    pub home_country: String,
    pub is_demo: bool,
}

impl Ready {
    pub async fn load(db: Database) -> CoreResult<Self> {
        let home_country = settings::home_country(db.reader()).await?;
        let is_demo = settings::get(db.reader(), settings::DEMO).await?.is_some();
        Ok(Self {
            db,
            home_country,
            is_demo,
        })
    }
}

/// Where the app is before anyone can sign in.
pub enum Phase {
    /// No database yet: the welcome screen offers the demo or a new organisation database.
    Welcome,
    /// The database exists but this computer holds no (working) key: ask for the recovery key.
    NeedsKey(AppError),
    Ready(Ready),
    /// The database cannot be used (damaged, another program's file, keychain unavailable).
    Failed(AppError),
}

pub struct Session {
    pub actor: Actor,
    last_activity: Instant,
    pub locked: bool,
    pub idle_limit: Duration,
}

impl Session {
    pub fn new(actor: Actor, idle_minutes: u32) -> Self {
        Self {
            actor,
            last_activity: Instant::now(),
            locked: false,
            idle_limit: Duration::from_secs(u64::from(idle_minutes) * 60),
        }
    }

    pub fn touch(&mut self) {
        self.last_activity = Instant::now();
    }

    /// Locks the session once it has been idle too long; true when locked.
    pub fn check_idle(&mut self) -> bool {
        if !self.locked && self.last_activity.elapsed() >= self.idle_limit {
            self.locked = true;
        }
        self.locked
    }
}

/// Managed by Tauri.
pub struct AppState {
    pub path: PathBuf,
    pub phase: RwLock<Phase>,
    pub session: Mutex<Option<Session>>,
    /// Set to stop the running bulk action; it rolls back and changes nothing.
    pub bulk_cancel: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// Set to stop the running import preview or import; an import then stores nothing.
    pub import_cancel: std::sync::atomic::AtomicBool,
    pub duplicate_scan_cancel: std::sync::atomic::AtomicBool,
    /// Set to stop the running export; its file is then removed.
    pub export_cancel: std::sync::atomic::AtomicBool,
    /// Files the user dropped or picked, by grant id.
    pub files: FileGrants,
}

impl AppState {
    /// Looks at the database file without creating anything.
    pub async fn start(path: PathBuf) -> Self {
        let phase = if std::fs::symlink_metadata(&path).is_err() {
            Phase::Welcome
        } else {
            match key::open_with_keychain(&path).await {
                Ok(db) => match Ready::load(db).await {
                    Ok(ready) => Phase::Ready(ready),
                    Err(error) => Phase::Failed(error.into()),
                },
                Err(error @ (CoreError::KeyMissing { .. } | CoreError::KeyRejected { .. })) => {
                    Phase::NeedsKey(error.into())
                }
                Err(error) => Phase::Failed(error.into()),
            }
        };
        Self {
            path,
            phase: RwLock::new(phase),
            session: Mutex::new(None),
            bulk_cancel: Default::default(),
            import_cancel: Default::default(),
            duplicate_scan_cancel: Default::default(),
            export_cancel: Default::default(),
            files: FileGrants::default(),
        }
    }

    /// The open database, or why there is none.
    pub async fn ready(&self) -> Result<Ready, AppError> {
        match &*self.phase.read().await {
            Phase::Ready(ready) => Ok(ready.clone()),
            Phase::Failed(error) | Phase::NeedsKey(error) => Err(error.clone()),
            Phase::Welcome => Err(AppError::new(
                ErrorCode::Unavailable,
                "There is no database yet: choose the demo or create your organisation's.",
            )),
        }
    }

    /// The open database and the signed-in user, for every command that touches data. A
    /// session idle for longer than the policy allows is locked here, whatever the UI thinks.
    pub async fn actor(&self) -> Result<(Ready, Actor), AppError> {
        let ready = self.ready().await?;
        let mut session = self.session.lock().await;
        let Some(session) = session.as_mut() else {
            return Err(CoreError::Unauthenticated.into());
        };
        if session.check_idle() {
            return Err(AppError::new(
                ErrorCode::SessionLocked,
                "Rapport is locked. Enter your password to continue.",
            ));
        }
        Ok((ready, session.actor.clone()))
    }

    pub async fn begin_session(&self, ready: &Ready, actor: Actor) -> Result<(), AppError> {
        let policy = policy::load(ready.db.reader()).await?;
        *self.session.lock().await = Some(Session::new(actor, policy.idle_lock_minutes));
        Ok(())
    }

    pub async fn end_session(&self) {
        *self.session.lock().await = None;
        self.files.clear();
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// `--db PATH` on the command line, else `RAPPORT_DB`, else the OS app-data folder.
pub fn database_path(args: &[String], app_data: Option<PathBuf>) -> PathBuf {
    let from_args = args
        .iter()
        .position(|a| a == "--db")
        .and_then(|i| args.get(i + 1))
        .or_else(|| args.iter().find_map(|a| a.strip_prefix("--db=").map(|_| a)))
        .map(|a| PathBuf::from(a.strip_prefix("--db=").unwrap_or(a)));
    from_args
        .or_else(|| {
            std::env::var_os("RAPPORT_DB")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .unwrap_or_else(|| {
            app_data
                .unwrap_or_else(|| PathBuf::from("."))
                .join("rapport.sqlite3")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_wins_over_the_default() {
        let args = vec![
            "rapport-app".to_string(),
            "--db".into(),
            "/tmp/x.sqlite3".into(),
        ];
        assert_eq!(
            database_path(&args, Some("/data".into())),
            PathBuf::from("/tmp/x.sqlite3")
        );
        let args = vec!["rapport-app".to_string(), "--db=/tmp/y.sqlite3".into()];
        assert_eq!(database_path(&args, None), PathBuf::from("/tmp/y.sqlite3"));
    }
}
