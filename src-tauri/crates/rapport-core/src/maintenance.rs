//! Administrators' maintenance: backups, the restore check-in, and showing the recovery key
//! again. Each is allowed to site administrators only and audited.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::json;

use crate::access::{authorize, signin, Action, Actor};
use crate::audit::{self, Event, Who};
use crate::backup::BackupReport;
use crate::error::{CoreError, CoreResult};
use crate::Database;

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// An encrypted backup to `dest` (a new file).
pub async fn backup(db: &Database, actor: &Actor, dest: &Path) -> CoreResult<BackupReport> {
    authorize(db, actor, Action::Administer).await?;
    let report = db.backup_to(dest).await?;
    audit::record_alone(
        db,
        Who::User(actor),
        Utc::now(),
        Event::new("backup", "database", None)
            .summary(json!({ "file": file_name(dest), "bytes": report.bytes })),
    )
    .await?;
    Ok(report)
}

/// A backup made on schedule by the app, for the administrators' records.
pub async fn scheduled_backup(db: &Database, dest: &Path) -> CoreResult<BackupReport> {
    let report = db.backup_to(dest).await?;
    audit::record_alone(
        db,
        Who::System,
        Utc::now(),
        Event::new("scheduled_backup", "database", None)
            .summary(json!({ "file": file_name(dest), "bytes": report.bytes })),
    )
    .await?;
    Ok(report)
}

/// Checks that `actor` may restore and records the request in the database about to be
/// replaced (the caller then closes it and calls [`crate::backup::restore`]).
pub async fn begin_restore(db: &Database, actor: &Actor, backup: &Path) -> CoreResult<()> {
    authorize(db, actor, Action::Administer).await?;
    audit::record_alone(
        db,
        Who::User(actor),
        Utc::now(),
        Event::new("restore", "database", None).summary(json!({ "from": file_name(backup) })),
    )
    .await
}

/// Records in the restored database who restored it, from which backup.
pub async fn finish_restore(db: &Database, username: &str, backup: &Path) -> CoreResult<()> {
    audit::record_alone(
        db,
        Who::System,
        Utc::now(),
        Event::new("restored", "database", None)
            .summary(json!({ "from": file_name(backup), "by": username })),
    )
    .await
}

/// The database's recovery key, shown again to a site administrator who confirms their
/// password.
pub async fn recovery_key(db: &Database, actor: &Actor, password: &str) -> CoreResult<String> {
    authorize(db, actor, Action::Administer).await?;
    signin::confirm_password(db, actor, password, Utc::now(), "confirm_password").await?;
    let path = db.path().to_path_buf();
    let key = tokio::task::spawn_blocking(move || crate::keychain::load_database_key(&path))
        .await
        .map_err(|e| CoreError::Keychain {
            reason: e.to_string(),
        })??
        .ok_or_else(|| CoreError::KeyMissing {
            path: db.path().display().to_string(),
        })?;
    audit::record_alone(
        db,
        Who::User(actor),
        Utc::now(),
        Event::new("show_recovery_key", "database", None),
    )
    .await?;
    Ok(key.recovery_text())
}

/// A backup in the database's backup folder.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupFile {
    pub name: String,
    pub path: String,
    pub bytes: f64,
    pub created_at: DateTime<Utc>,
}

const EXTENSION: &str = "rapport-backup";

/// Backups live beside the database, in `backups/`.
pub fn backup_folder(db: &Database) -> PathBuf {
    db.path()
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
        .join("backups")
}

fn files(folder: &Path) -> Vec<BackupFile> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut found: Vec<BackupFile> = entries
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == EXTENSION))
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            Some(BackupFile {
                name: e.file_name().to_string_lossy().into_owned(),
                path: e.path().display().to_string(),
                bytes: meta.len() as f64,
                created_at: meta.modified().ok()?.into(),
            })
        })
        .collect();
    found.sort_by_key(|f| std::cmp::Reverse(f.created_at));
    found
}

/// The backups in the backup folder, newest first (site administrators).
pub async fn list_backups(db: &Database, actor: &Actor) -> CoreResult<Vec<BackupFile>> {
    authorize(db, actor, Action::Administer).await?;
    Ok(files(&backup_folder(db)))
}

fn new_backup_path(db: &Database) -> PathBuf {
    let stamp = Utc::now().format("%Y%m%d-%H%M%S-%3f");
    backup_folder(db).join(format!("rapport-{stamp}.{EXTENSION}"))
}

/// A backup into the backup folder now.
pub async fn backup_now(db: &Database, actor: &Actor) -> CoreResult<BackupFile> {
    let path = new_backup_path(db);
    backup(db, actor, &path).await?;
    files(&backup_folder(db))
        .into_iter()
        .find(|f| Path::new(&f.path) == path)
        .ok_or_else(|| CoreError::not_found("backup", path.display().to_string()))
}

/// The scheduled backup: one when the newest is older than `every`, keeping the newest `keep`
/// scheduled and manual backups alike.
pub async fn backup_if_due(
    db: &Database,
    every: chrono::Duration,
    keep: usize,
) -> CoreResult<bool> {
    let existing = files(&backup_folder(db));
    if existing
        .first()
        .is_some_and(|f| Utc::now() - f.created_at < every)
    {
        return Ok(false);
    }
    scheduled_backup(db, &new_backup_path(db)).await?;
    for old in files(&backup_folder(db)).into_iter().skip(keep) {
        if let Err(error) = std::fs::remove_file(&old.path) {
            tracing::warn!(file = %old.path, %error, "cannot remove an old backup");
        }
    }
    Ok(true)
}

/// The path of a backup in the backup folder, by its name (never a path from outside it).
pub async fn backup_path(db: &Database, actor: &Actor, name: &str) -> CoreResult<PathBuf> {
    authorize(db, actor, Action::Administer).await?;
    files(&backup_folder(db))
        .into_iter()
        .find(|f| f.name == name)
        .map(|f| PathBuf::from(f.path))
        .ok_or_else(|| CoreError::not_found("backup", name))
}
