//! Test tooling for the end-to-end suite: writes an unencrypted copy of a Rapport database so
//! the tests can look for an erased person's values in everything the database holds (rows,
//! search-index segments, audit trail). The key comes from the keychain, like the app's.
//! Usage: `plaintext_copy --db PATH --out PATH` (OUT must not exist).
//!
//! The copy is personal data in plain text: for test databases only.

use std::path::PathBuf;

use clap::Parser;
use rusqlite::OpenFlags;

#[derive(Parser)]
#[command(about = "Writes a plaintext copy of a Rapport database (test tooling)")]
struct Args {
    /// The Rapport database (its key must be in this computer's keychain).
    #[arg(long)]
    db: PathBuf,
    /// The plaintext copy to write; a new file.
    #[arg(long)]
    out: PathBuf,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let key = rapport_core::keychain::load_database_key(&args.db)?
        .ok_or_else(|| anyhow::anyhow!("no key for {} in the keychain", args.db.display()))?;
    let out = args
        .out
        .to_str()
        .ok_or_else(|| anyhow::anyhow!("{} is not valid Unicode", args.out.display()))?;
    // Without SQLITE_OPEN_CREATE a missing database is an error, not a new empty one; the
    // attached copy inherits that flag, so its (new, empty) file is made here.
    let connection = rusqlite::Connection::open_with_flags(
        &args.db,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    connection.execute_batch(&format!(
        "PRAGMA key = {};",
        key.sqlcipher_pragma().as_str()
    ))?;
    // SQLCipher reports a wrong key only at the first read.
    let tables: i64 =
        connection.query_row("SELECT count(*) FROM sqlite_master", [], |row| row.get(0))?;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&args.out)
        .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", args.out.display()))?;
    let copied = (|| -> rusqlite::Result<()> {
        connection.execute("ATTACH DATABASE ?1 AS plaintext KEY ''", [out])?;
        connection.query_row("SELECT sqlcipher_export('plaintext')", [], |_| Ok(()))?;
        connection.execute_batch("DETACH DATABASE plaintext;")
    })();
    if let Err(error) = copied {
        let _ = std::fs::remove_file(&args.out);
        return Err(error.into());
    }
    println!(
        "plaintext copy of {} ({tables} schema objects) written to {}",
        args.db.display(),
        args.out.display()
    );
    Ok(())
}
