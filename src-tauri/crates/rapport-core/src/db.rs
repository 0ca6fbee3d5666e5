//! Opening the database: one writer connection, a small read pool, WAL, foreign keys, embedded
//! migrations.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{Sqlite, Transaction};

use crate::error::{CoreError, CoreResult};

static MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// How long a connection waits for another process's write lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);
const READERS: u32 = 4;

/// An open Rapport database.
#[derive(Clone)]
pub struct Database {
    path: PathBuf,
    writer: SqlitePool,
    reader: SqlitePool,
}

impl Database {
    /// Opens the database at `path`, creating the file when it does not exist, and brings its
    /// schema up to date.
    pub async fn open(path: &Path) -> CoreResult<Self> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| CoreError::Unavailable {
                path: path.display().to_string(),
                reason: format!("its folder cannot be created ({e})"),
            })?;
        }
        let options = SqliteConnectOptions::from_str("sqlite:")
            .map_err(CoreError::Database)?
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(BUSY_TIMEOUT)
            .pragma("temp_store", "memory")
            .pragma("cache_size", "-32768")
            // Reads go through the OS page cache shared by every connection instead of each
            // connection copying pages into its own cache: keyset pages stay in single-digit ms.
            .pragma("mmap_size", "2147483648");

        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options.clone())
            .await
            .map_err(|e| unavailable(path, e))?;
        refuse_foreign_database(&writer, path).await?;
        MIGRATIONS.run(&writer).await?;
        let reader = SqlitePoolOptions::new()
            .max_connections(READERS)
            .connect_with(options.read_only(true))
            .await
            .map_err(|e| unavailable(path, e))?;
        Ok(Self {
            path: path.to_path_buf(),
            writer,
            reader,
        })
    }

    /// Opens an existing database; a missing file is an error instead of a new empty database.
    pub async fn open_existing(path: &Path) -> CoreResult<Self> {
        if !path.is_file() {
            return Err(CoreError::Unavailable {
                path: path.display().to_string(),
                reason: "there is no database file there".into(),
            });
        }
        Self::open(path).await
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The pool for queries that only read.
    pub fn reader(&self) -> &SqlitePool {
        &self.reader
    }

    /// Starts a write transaction. It takes the write lock up front (BEGIN IMMEDIATE) so a
    /// transaction that reads before it writes cannot fail half-way on a lock upgrade.
    pub async fn write(&self) -> CoreResult<Transaction<'static, Sqlite>> {
        Ok(self.writer.begin_with("BEGIN IMMEDIATE").await?)
    }

    /// Flushes the write-ahead log and closes every connection.
    pub async fn close(self) {
        self.reader.close().await;
        self.writer.close().await;
    }
}

/// A SQLite file made by another program must not get Rapport's tables added to it.
async fn refuse_foreign_database(pool: &SqlitePool, path: &Path) -> CoreResult<()> {
    let (tables, ours): (i64, i64) = sqlx::query_as(
        "SELECT count(*), count(*) FILTER (WHERE name = '_sqlx_migrations')
         FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    )
    .fetch_one(pool)
    .await
    .map_err(|e| unavailable(path, e))?;
    if tables > 0 && ours == 0 {
        return Err(CoreError::Unavailable {
            path: path.display().to_string(),
            reason: "it is a database of another program, not a Rapport database".into(),
        });
    }
    Ok(())
}

fn unavailable(path: &Path, error: sqlx::Error) -> CoreError {
    tracing::warn!(path = %path.display(), %error, "cannot open database");
    let reason = match &error {
        sqlx::Error::Io(e) => format!("the file cannot be read or written ({e})"),
        sqlx::Error::Database(e) if e.code().as_deref() == Some("26") => {
            "it is not a Rapport database (or it is encrypted or damaged)".into()
        }
        sqlx::Error::Database(e) if e.code().as_deref() == Some("14") => {
            "the file cannot be opened (check that the folder exists and is writable)".into()
        }
        _ => "it cannot be opened".into(),
    };
    CoreError::Unavailable {
        path: path.display().to_string(),
        reason,
    }
}
