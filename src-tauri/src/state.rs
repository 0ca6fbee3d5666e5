//! What the shell holds between commands: the open database, or why it could not be opened.

use std::path::{Path, PathBuf};

use rapport_core::store::settings;
use rapport_core::{demo, key, CoreResult, Database};

use crate::error::AppError;

pub struct Ready {
    pub db: Database,
    pub home_country: String,
    pub is_demo: bool,
}

/// Managed by Tauri. A database that failed to open leaves its error here, so every command
/// answers with the reason instead of the window failing to appear.
pub struct AppState(Result<Ready, AppError>);

impl AppState {
    pub fn ready(&self) -> Result<&Ready, AppError> {
        self.0.as_ref().map_err(Clone::clone)
    }

    pub async fn open(path: &Path) -> Self {
        Self(open(path).await.map_err(AppError::from))
    }
}

async fn open(path: &Path) -> CoreResult<Ready> {
    let db = if path.exists() {
        key::open_with_keychain(path).await?
    } else {
        tracing::info!(path = %path.display(), "creating the demo database");
        // The key goes to the keychain. Its recovery text is not shown yet: this database holds
        // only demo data, and the first-start screen that shows it comes with sign-in.
        let (db, _key) = key::create_with_keychain(path).await?;
        let options = demo::DemoOptions {
            contacts: demo::DEFAULT_CONTACTS,
            seed: demo::DEFAULT_SEED,
            now: chrono::Utc::now(),
        };
        demo::create(&db, options, |_| {}).await?;
        db
    };
    let home_country = settings::get(db.reader(), settings::HOME_COUNTRY)
        .await?
        .unwrap_or_else(|| "GB".into());
    let is_demo = settings::get(db.reader(), settings::DEMO).await?.is_some();
    Ok(Ready {
        db,
        home_country,
        is_demo,
    })
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
