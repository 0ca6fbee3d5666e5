//! Backups and restores. A backup is an encrypted copy made from the open database (never a
//! file copy of a live database, which can catch the file between a write and its WAL); a
//! restore checks a backup completely before it replaces anything, and keeps the database it
//! replaces.

use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sqlx::SqlitePool;

use crate::db::{companions, connect_options, refuse_existing};
use crate::error::{CoreError, CoreResult};
use crate::key::DatabaseKey;
use crate::Database;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupReport {
    pub path: PathBuf,
    pub bytes: u64,
    pub contacts: u64,
    pub millis: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RestoreReport {
    pub target: PathBuf,
    /// Where the database that was replaced now is (none when there was none).
    pub kept: Option<PathBuf>,
    pub contacts: u64,
}

/// The schema name the backup file is attached under while it is written.
const ATTACHED: &str = "rapport_backup";

impl Database {
    /// Writes an encrypted copy of the database, with the same key, to the new file `dest`.
    ///
    /// It runs on the writer connection: no write can land half-way through the copy, so the
    /// backup is one consistent state, and readers go on meanwhile. The copy is written under
    /// a temporary name in the destination folder, checked, and only then renamed to `dest`,
    /// so `dest` never names a partial backup.
    pub async fn backup_to(&self, dest: &Path) -> CoreResult<BackupReport> {
        let started = Instant::now();
        let unusable = |reason: String| CoreError::Unavailable {
            path: dest.display().to_string(),
            reason,
        };
        if std::fs::symlink_metadata(dest).is_ok() {
            return Err(unusable(
                "a file already exists there; a backup is never written over a file".into(),
            ));
        }
        let folder = folder_of(dest);
        std::fs::create_dir_all(&folder)
            .map_err(|e| unusable(format!("its folder cannot be created ({e})")))?;
        let temp = temp_name(dest, "partial");
        let result = self.export(&temp).await;
        let result = match result {
            Ok(()) => check_backup(&temp, &self.key).await,
            Err(error) => Err(error),
        };
        let contacts = match result {
            Ok(contacts) => contacts,
            Err(error) => {
                remove_with_companions(&temp);
                return Err(error);
            }
        };
        if let Err(error) = sync_file(&temp).and_then(|()| {
            // Checked again at the last moment: the export may have taken minutes.
            refuse_existing(dest)
                .map_err(|_| unusable("a file appeared there during the backup".into()))?;
            std::fs::rename(&temp, dest)
                .map_err(|e| unusable(format!("the backup cannot be renamed into place ({e})")))
        }) {
            remove_with_companions(&temp);
            return Err(error);
        }
        sync_folder(&folder);
        let bytes = std::fs::metadata(dest).map(|m| m.len()).unwrap_or(0);
        Ok(BackupReport {
            path: dest.to_path_buf(),
            bytes,
            contacts,
            millis: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
        })
    }

    /// `sqlcipher_export` into a new file attached with the same key: schema, rows, search
    /// indexes and `user_version`, page by page through SQLCipher, never in plain text.
    async fn export(&self, temp: &Path) -> CoreResult<()> {
        let temp_text = temp.to_str().ok_or_else(|| CoreError::Unavailable {
            path: temp.display().to_string(),
            reason: "its path is not valid Unicode".into(),
        })?;
        // The connections are opened without SQLITE_OPEN_CREATE (opening must never make a
        // database), and an attached file inherits that: the empty file is made here.
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(temp)
            .map_err(|e| CoreError::Unavailable {
                path: temp.display().to_string(),
                reason: format!("the backup file cannot be created ({e})"),
            })?;
        let mut conn = self.writer.acquire().await?;
        let key = self.key.sqlcipher_pragma();
        // Bound, the key is the bare `x'…'` text the quotes of the pragma form stand for.
        let bare_key = zeroize::Zeroizing::new(key.trim_matches('"').to_string());
        sqlx::query(&format!("ATTACH DATABASE ?1 AS {ATTACHED} KEY ?2"))
            .bind(temp_text)
            .bind(bare_key.as_str())
            .execute(&mut *conn)
            .await?;
        let exported = sqlx::query(&format!("SELECT sqlcipher_export('{ATTACHED}')"))
            .execute(&mut *conn)
            .await;
        let detached = sqlx::query(&format!("DETACH DATABASE {ATTACHED}"))
            .execute(&mut *conn)
            .await;
        exported?;
        detached?;
        Ok(())
    }
}

/// Opens a finished backup on its own connection: it must decrypt with the key, pass SQLite's
/// quick check and hold Rapport's schema. Returns its number of contacts.
async fn check_backup(path: &Path, key: &DatabaseKey) -> CoreResult<u64> {
    if is_plain_sqlite(path) {
        // Only a build without SQLCipher gets here; a plain copy must not survive.
        return Err(CoreError::Unavailable {
            path: path.display().to_string(),
            reason: "the backup was written unencrypted (this build lacks SQLCipher)".into(),
        });
    }
    let pool = open_read_only(path, key).await?;
    let result = async {
        let quick: String = sqlx::query_scalar("PRAGMA quick_check")
            .fetch_one(&pool)
            .await?;
        if quick != "ok" {
            return Err(damaged(path, &quick));
        }
        contacts_in(&pool, path).await
    }
    .await;
    pool.close().await;
    result
}

/// Replaces the database at `target` with the backup at `backup`, which `key` must open.
///
/// The backup is checked first, completely (`PRAGMA cipher_integrity_check`, `PRAGMA
/// integrity_check`, Rapport's schema, the audit chain); nothing at `target` changes unless it
/// passes. The database it replaces is kept as `<name>.before-restore-<UTC time>`, its
/// write-ahead log beside it, so a restore of the wrong backup can be undone. The database
/// must not be open: the app closes it before calling this; a database in use elsewhere is
/// refused when `key` opens it.
pub async fn restore(backup: &Path, key: &DatabaseKey, target: &Path) -> CoreResult<RestoreReport> {
    let problem = |path: &Path, reason: &str| CoreError::Unavailable {
        path: path.display().to_string(),
        reason: reason.into(),
    };
    match std::fs::metadata(backup) {
        Ok(meta) if meta.is_file() && meta.len() > 0 => {}
        Ok(_) => return Err(problem(backup, "it is not a Rapport backup")),
        Err(_) => return Err(problem(backup, "there is no backup file there")),
    }
    if is_plain_sqlite(backup) {
        return Err(problem(
            backup,
            "it is an unencrypted SQLite file, not a Rapport backup",
        ));
    }
    let contacts = verify_backup(backup, key).await?;

    let folder = folder_of(target);
    std::fs::create_dir_all(&folder)
        .map_err(|e| problem(target, &format!("its folder cannot be created ({e})")))?;
    let temp = temp_name(target, "restoring");
    if let Err(e) = std::fs::copy(backup, &temp).and_then(|_| sync_file_io(&temp)) {
        let _ = std::fs::remove_file(&temp);
        return Err(problem(
            target,
            &format!("the backup cannot be copied beside it ({e})"),
        ));
    }
    let kept = match set_aside(target, key).await {
        Ok(kept) => kept,
        Err(error) => {
            let _ = std::fs::remove_file(&temp);
            return Err(error);
        }
    };
    if let Err(e) = std::fs::rename(&temp, target) {
        // Put the previous database back rather than leave nothing at `target`.
        if let Some(kept) = &kept {
            let _ = move_with_companions(kept, target);
        }
        let _ = std::fs::remove_file(&temp);
        return Err(problem(
            target,
            &format!("the backup cannot be moved into place ({e})"),
        ));
    }
    sync_folder(&folder);
    tracing::info!(backup = %backup.display(), target = %target.display(), "restored a backup");
    Ok(RestoreReport {
        target: target.to_path_buf(),
        kept,
        contacts,
    })
}

async fn verify_backup(backup: &Path, key: &DatabaseKey) -> CoreResult<u64> {
    let pool = open_read_only(backup, key).await?;
    let result = async {
        // Every page's HMAC: catches tampering and damage that SQLite's own check cannot see.
        let cipher: Vec<String> = sqlx::query_scalar("PRAGMA cipher_integrity_check")
            .fetch_all(&pool)
            .await
            .map_err(|e| damaged(backup, &e.to_string()))?;
        if !cipher.is_empty() {
            return Err(damaged(backup, &cipher.join("; ")));
        }
        let integrity: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_all(&pool)
            .await
            .map_err(|e| damaged(backup, &e.to_string()))?;
        if integrity != ["ok"] {
            return Err(damaged(backup, &integrity.join("; ")));
        }
        let contacts = contacts_in(&pool, backup).await?;
        verify_audit_chain(&pool, backup).await?;
        Ok(contacts)
    }
    .await;
    pool.close().await;
    result
}

/// The audit chain of a backup must verify before the backup may replace a database: a
/// restore must not be a way to slip in a rewritten history.
async fn verify_audit_chain(pool: &SqlitePool, backup: &Path) -> CoreResult<()> {
    let has_trail: bool = sqlx::query_scalar(
        "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'audit_events'",
    )
    .fetch_one(pool)
    .await?;
    let refused = |reason: String| {
        tracing::warn!(backup = %backup.display(), %reason, "restore refused");
        CoreError::Unavailable {
            path: backup.display().to_string(),
            reason,
        }
    };
    if !has_trail {
        return Err(refused("it has no audit trail to verify".into()));
    }
    let report = crate::audit::verify(pool).await?;
    if report.ok {
        return Ok(());
    }
    Err(refused(match report.first_bad {
        Some(bad) => format!(
            "its audit trail does not verify (event {}: {})",
            bad.seq, bad.reason
        ),
        None => "its audit trail is not protected against changes".into(),
    }))
}

/// A connection that cannot write and does not switch the file to WAL: checking a backup
/// leaves it byte for byte as it was.
async fn open_read_only(path: &Path, key: &DatabaseKey) -> CoreResult<SqlitePool> {
    let options = SqliteConnectOptions::new()
        .filename(path)
        .pragma("key", key.sqlcipher_pragma().to_string())
        .read_only(true);
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
        .map_err(|e| opening_failed(path, e))?;
    // The key is only tried at the first read of the file.
    if let Err(e) = sqlx::query("SELECT count(*) FROM sqlite_master")
        .execute(&pool)
        .await
    {
        pool.close().await;
        return Err(opening_failed(path, e));
    }
    Ok(pool)
}

fn opening_failed(path: &Path, error: sqlx::Error) -> CoreError {
    match &error {
        sqlx::Error::Database(e) if e.code().as_deref() == Some("26") => CoreError::KeyRejected {
            path: path.display().to_string(),
        },
        _ => {
            tracing::warn!(path = %path.display(), %error, "cannot open a backup");
            CoreError::Unavailable {
                path: path.display().to_string(),
                reason: "it cannot be opened".into(),
            }
        }
    }
}

async fn contacts_in(pool: &SqlitePool, path: &Path) -> CoreResult<u64> {
    let rapport: bool = sqlx::query_scalar(
        "SELECT count(*) = 2 FROM sqlite_master
         WHERE type = 'table' AND name IN ('_sqlx_migrations', 'contacts')",
    )
    .fetch_one(pool)
    .await?;
    if !rapport {
        return Err(CoreError::Unavailable {
            path: path.display().to_string(),
            reason: "it is not a Rapport database".into(),
        });
    }
    let contacts: i64 = sqlx::query_scalar("SELECT count(*) FROM contacts")
        .fetch_one(pool)
        .await?;
    Ok(u64::try_from(contacts).unwrap_or(0))
}

fn damaged(path: &Path, details: &str) -> CoreError {
    tracing::warn!(path = %path.display(), details, "integrity check failed");
    CoreError::Unavailable {
        path: path.display().to_string(),
        reason: "it is damaged (its integrity check failed)".into(),
    }
}

/// Moves the database at `target` (with its WAL) to `<name>.before-restore-<time>`.
async fn set_aside(target: &Path, key: &DatabaseKey) -> CoreResult<Option<PathBuf>> {
    if std::fs::symlink_metadata(target).is_err() {
        return Ok(None);
    }
    refuse_if_in_use(target, key).await?;
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "rapport.sqlite3".into());
    let mut kept = target.with_file_name(format!("{name}.before-restore-{stamp}"));
    let mut n = 2;
    while std::fs::symlink_metadata(&kept).is_ok() {
        kept = target.with_file_name(format!("{name}.before-restore-{stamp}-{n}"));
        n += 1;
    }
    move_with_companions(target, &kept).map_err(|e| CoreError::Unavailable {
        path: target.display().to_string(),
        reason: format!("the current database cannot be set aside ({e})"),
    })?;
    Ok(Some(kept))
}

/// Folds the WAL into the database when the key opens it; a checkpoint that cannot finish
/// means another connection has the database open, and replacing it under that connection
/// would lose whatever it writes next.
async fn refuse_if_in_use(target: &Path, key: &DatabaseKey) -> CoreResult<()> {
    let Ok(options) = connect_options(target, key) else {
        return Ok(());
    };
    let Ok(pool) = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
    else {
        // Another key (the backup of another database) or a damaged file: it is moved as is.
        return Ok(());
    };
    let checkpoint: Result<(i64, i64, i64), _> = sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
        .fetch_one(&pool)
        .await;
    pool.close().await;
    match checkpoint {
        Ok((0, _, _)) | Err(_) => Ok(()),
        Ok(_) => Err(CoreError::Unavailable {
            path: target.display().to_string(),
            reason: "it is in use by another program (close Rapport first)".into(),
        }),
    }
}

/// Renames a database with its WAL and rollback journal; the shared-memory index is rebuilt
/// from the WAL by the next opener, so it is removed instead.
fn move_with_companions(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::rename(from, to)?;
    let [from_wal, from_shm, from_journal] = companions(from);
    let [to_wal, _, to_journal] = companions(to);
    for (a, b) in [(from_wal, to_wal), (from_journal, to_journal)] {
        if a.exists() {
            std::fs::rename(a, b)?;
        }
    }
    match std::fs::remove_file(from_shm) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

fn remove_with_companions(path: &Path) {
    for file in companions(path) {
        let _ = std::fs::remove_file(file);
    }
    let _ = std::fs::remove_file(path);
}

fn is_plain_sqlite(path: &Path) -> bool {
    use std::io::Read;
    let mut header = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut header))
        .is_ok_and(|()| &header == b"SQLite format 3\0")
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(parent) => parent.to_path_buf(),
        None => PathBuf::from("."),
    }
}

/// A name beside `path` that no one else uses, so a half-written file never has the real
/// name and two backups at once do not collide.
fn temp_name(path: &Path, what: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    path.with_file_name(format!(".{name}.{what}-{}-{nanos}", std::process::id()))
}

fn sync_file_io(path: &Path) -> std::io::Result<()> {
    std::fs::File::open(path)?.sync_all()
}

fn sync_file(path: &Path) -> CoreResult<()> {
    sync_file_io(path).map_err(|e| CoreError::Unavailable {
        path: path.display().to_string(),
        reason: format!("the backup cannot be written to disk ({e})"),
    })
}

/// Makes a rename durable: on Unix the new name lives in the folder's own data.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Err(error) = std::fs::File::open(folder).and_then(|f| f.sync_all()) {
        tracing::warn!(folder = %folder.display(), %error, "cannot sync the folder");
    }
    #[cfg(not(unix))]
    let _ = folder;
}
