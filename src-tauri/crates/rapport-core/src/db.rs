//! Creating and opening the database: SQLCipher-encrypted with a raw 256-bit key, one writer
//! connection, a small read pool, WAL, foreign keys, embedded migrations.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{Sqlite, Transaction};

use crate::error::{CoreError, CoreResult};
use crate::key::DatabaseKey;

static MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// How long a connection waits for another process's write lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);
const READERS: u32 = 4;
/// Each connection's page cache, in KiB.
pub(crate) const CACHE_KIB: u32 = 32 * 1024;

/// An open Rapport database.
#[derive(Clone)]
pub struct Database {
    path: PathBuf,
    pub(crate) key: DatabaseKey,
    pub(crate) writer: SqlitePool,
    reader: SqlitePool,
}

impl Database {
    /// Creates a new encrypted database at `path` and gives it Rapport's schema. An existing
    /// file is never touched, whatever it holds.
    pub async fn create(path: &Path, key: &DatabaseKey) -> CoreResult<Self> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| CoreError::Unavailable {
                path: path.display().to_string(),
                reason: format!("its folder cannot be created ({e})"),
            })?;
        }
        // Claiming the name with create_new makes "never over an existing file" hold even
        // against another process creating the same file at the same moment.
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists => already_exists(path),
                _ => CoreError::Unavailable {
                    path: path.display().to_string(),
                    reason: format!("the file cannot be created ({e})"),
                },
            })?;
        match Self::connect(path, key).await {
            Ok(db) => Ok(db),
            Err(error) => {
                // Only what this call created goes: the name was free when it started.
                for leftover in companions(path) {
                    let _ = std::fs::remove_file(leftover);
                }
                let _ = std::fs::remove_file(path);
                Err(error)
            }
        }
    }

    /// Opens an existing Rapport database with its key and brings its schema up to date. A
    /// missing file is an error, never a new database; a wrong key is `KeyRejected` and leaves
    /// the file as it was.
    pub async fn open(path: &Path, key: &DatabaseKey) -> CoreResult<Self> {
        let problem = |reason: &str| CoreError::Unavailable {
            path: path.display().to_string(),
            reason: reason.into(),
        };
        let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => problem("there is no database file there"),
            _ => problem(&format!("the file cannot be read ({e})")),
        })?;
        if !meta.is_file() {
            return Err(problem("it is not a file"));
        }
        if meta.len() == 0 {
            // SQLCipher would take an empty file for a new database and write a schema into it.
            return Err(problem("the file is empty, not a Rapport database"));
        }
        match sniff(path) {
            Sniffed::PlainSqlite if plain_rapport_database(path).await => {
                return Err(problem(
                    "it is an unencrypted database of an earlier Rapport version, which this \
                     version does not open; move it elsewhere to start a new encrypted database",
                ))
            }
            Sniffed::PlainSqlite => {
                return Err(problem(
                    "it is an unencrypted SQLite database, not a Rapport database",
                ))
            }
            Sniffed::NotSqlite => {
                return Err(problem("it is not a Rapport database (or it is damaged)"))
            }
            Sniffed::MaybeEncrypted => {}
        }
        Self::connect(path, key).await
    }

    async fn connect(path: &Path, key: &DatabaseKey) -> CoreResult<Self> {
        let options = connect_options(path, key)?;
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
            key: key.clone(),
            writer,
            reader,
        })
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

/// The settings every connection gets, the key first (sqlx sends `PRAGMA key` before any other
/// statement, as SQLCipher requires).
pub(crate) fn connect_options(path: &Path, key: &DatabaseKey) -> CoreResult<SqliteConnectOptions> {
    Ok(SqliteConnectOptions::from_str("sqlite:")
        .map_err(CoreError::Database)?
        .filename(path)
        .pragma("key", key.sqlcipher_pragma().to_string())
        .create_if_missing(false)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(BUSY_TIMEOUT)
        // Bulk inserts keep a dozen sizes of statement per table prepared
        // (`store::bulk::statement_rows`); the default of 100 would evict them at every batch.
        .statement_cache_capacity(256)
        .pragma("temp_store", "memory")
        // SQLCipher decrypts every page through the pager, so memory-mapped reads do not apply
        // (its pager ignores mmap_size): each connection keeps decrypted pages in its own cache.
        .pragma("cache_size", format!("-{CACHE_KIB}")))
}

/// `CoreError::Unavailable` when something is already at `path`.
pub(crate) fn refuse_existing(path: &Path) -> CoreResult<()> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        _ => Err(already_exists(path)),
    }
}

fn already_exists(path: &Path) -> CoreError {
    CoreError::Unavailable {
        path: path.display().to_string(),
        reason: "a file already exists there; a new database is never written over a file".into(),
    }
}

/// The files SQLite keeps beside a database in WAL mode (and in rollback mode).
pub(crate) fn companions(path: &Path) -> [PathBuf; 3] {
    ["-wal", "-shm", "-journal"].map(|suffix| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    })
}

enum Sniffed {
    PlainSqlite,
    NotSqlite,
    MaybeEncrypted,
}

/// Tells a wrong key from a file that was never a Rapport database, so the second is not
/// reported as a key problem. An encrypted file starts with a random salt and is whole pages
/// (SQLCipher's page sizes are multiples of 512 bytes); a plain SQLite file starts with its
/// well-known header.
fn sniff(path: &Path) -> Sniffed {
    use std::io::Read;
    let mut header = [0u8; 16];
    let read = std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut header));
    let len = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    match read {
        Err(_) => Sniffed::NotSqlite,
        Ok(()) if &header == b"SQLite format 3\0" => Sniffed::PlainSqlite,
        Ok(()) if !len.is_multiple_of(512) => Sniffed::NotSqlite,
        Ok(()) => Sniffed::MaybeEncrypted,
    }
}

/// Whether an unencrypted SQLite file holds Rapport's migrations table (a database of the
/// releases before encryption). Read-only and without a key: the file is not changed.
async fn plain_rapport_database(path: &Path) -> bool {
    let options = SqliteConnectOptions::new().filename(path).read_only(true);
    let Ok(pool) = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
    else {
        return false;
    };
    let found: Result<i64, _> = sqlx::query_scalar(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
    )
    .fetch_one(&pool)
    .await;
    pool.close().await;
    found.is_ok_and(|n| n > 0)
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
        // SQLITE_NOTADB: the first page does not decrypt. The file was checked to look like an
        // encrypted database, so the key is the likely cause.
        sqlx::Error::Database(e) if e.code().as_deref() == Some("26") => {
            return CoreError::KeyRejected {
                path: path.display().to_string(),
            }
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
