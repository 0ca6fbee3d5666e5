//! `rapport`: the command-line tool for administrators and scripts, on the same core as the app.

/// Imports allocate and free millions of small values on several threads at once: in a profile
/// of a million-row import, the system allocator took a sixth of the processor time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod bench;
mod bench_dashboard;
mod bench_duplicates;
mod bench_engagement;
mod bench_reports;
mod contact;
mod duplicates;
mod export;
mod import;
mod merge;
mod report;
mod signin;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use rapport_core::model::{
    ContactCountQuery, ContactFilter, ContactListQuery, ContactStatus, ContactType, ReportFormat,
    ReportKind,
};
use rapport_core::store::contacts;
use rapport_core::{audit, backup, demo, key, maintenance, CoreError, Database, DatabaseKey};

/// `rapport audit verify` found a bad chain: the report is printed, the exit code says so.
#[derive(Debug)]
struct AuditBroken;

impl std::fmt::Display for AuditBroken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the audit trail does not verify")
    }
}

impl std::error::Error for AuditBroken {}

#[derive(Parser)]
#[command(
    name = "rapport",
    version,
    about = "Rapport contact manager: administration and scripting"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a new encrypted database holding the demo organisation and print its recovery key.
    Demo {
        /// Path of the database file to create (must not exist yet).
        #[arg(long)]
        db: PathBuf,
        /// Write the database key to this new file (as its recovery key) instead of keeping it
        /// in the OS keychain: for scripts and machines without a keychain.
        #[arg(long, value_name = "PATH")]
        key_file: Option<PathBuf>,
        /// Number of contacts.
        #[arg(long, default_value_t = demo::DEFAULT_CONTACTS)]
        contacts: u64,
        /// Seed: the same seed gives the same organisation.
        #[arg(long, default_value_t = demo::DEFAULT_SEED)]
        seed: u64,
        /// Print a JSON summary instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Create a new, empty, encrypted database with its first site administrator.
    Init {
        /// Path of the database file to create (must not exist yet).
        #[arg(long)]
        db: PathBuf,
        /// User name of the first site administrator (password from RAPPORT_PASSWORD or a prompt).
        #[arg(long)]
        admin: String,
        /// The administrator's full name (default: the user name).
        #[arg(long)]
        name: Option<String>,
        /// Write the database key to this new file instead of the OS keychain.
        #[arg(long, value_name = "PATH")]
        key_file: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// The home dashboard of a user as one JSON object (the app's Dashboard screen): contacts
    /// by type, stage, status and territory, the month's changes, data quality, follow-ups,
    /// non-responsive contacts, the last imports and how long each part took.
    Dashboard {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, value_name = "PATH")]
        key_file: Option<PathBuf>,
        /// Sign in as this user (password from RAPPORT_PASSWORD or a prompt).
        #[arg(long)]
        user: String,
    },
    /// A report in the user's scope: monthly, quarterly-review, data-quality, verification or
    /// response-rates. Prints the report as one JSON object (or CSV with --format csv); with
    /// --output writes the file (json, csv or pdf) and prints
    /// {"report", "period", "format", "file"}.
    Report {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, value_name = "PATH")]
        key_file: Option<PathBuf>,
        /// Sign in as this user (password from RAPPORT_PASSWORD or a prompt).
        #[arg(long)]
        user: String,
        #[arg(value_parser = report::parse_kind)]
        kind: ReportKind,
        /// The month (2026-11) of the monthly report or the quarter (2026-Q4) of the quarterly
        /// review; the current one by default.
        #[arg(long)]
        period: Option<String>,
        #[arg(long, value_parser = report::parse_format, default_value = "json")]
        format: ReportFormat,
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Count the contacts a user can see (optionally matching a search or filters).
    Count {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, value_name = "PATH")]
        key_file: Option<PathBuf>,
        /// Sign in as this user (password from RAPPORT_PASSWORD or a prompt).
        #[arg(long)]
        user: String,
        /// Only contacts matching this search text.
        #[arg(long)]
        search: Option<String>,
        #[arg(long = "type", value_parser = parse_type)]
        contact_type: Option<ContactType>,
        #[arg(long, value_parser = parse_status)]
        status: Option<ContactStatus>,
        #[arg(long)]
        json: bool,
    },
    /// Create or change contacts with the same rules as the app.
    Contact {
        #[command(subcommand)]
        command: ContactCommand,
    },
    /// Import contact files (CSV, TSV, vCard, XLSX, XLS, ODS). With --json prints one JSON
    /// report per file, one line each; see the README for its fields.
    Import {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, value_name = "PATH")]
        key_file: Option<PathBuf>,
        /// Sign in as this user (password from RAPPORT_PASSWORD or a prompt).
        #[arg(long)]
        user: String,
        /// The files to import, each in its own transaction.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Check and report what would be stored, storing nothing.
        #[arg(long)]
        dry_run: bool,
        /// A JSON object {"column header": "field"} over the automatic mapping.
        #[arg(long, value_name = "FILE.json")]
        mapping: Option<PathBuf>,
        /// What to do with a record that matches a stored contact or an earlier record.
        #[arg(long, default_value = "skip", value_parser = import::parse_on_duplicate)]
        on_duplicate: rapport_core::import::OnDuplicate,
        /// The site the new contacts belong to (required unless you are a site administrator).
        #[arg(long, value_name = "ID")]
        site: Option<String>,
        /// Fields every record must have, comma-separated (e.g. family_name,email).
        #[arg(long, value_name = "FIELDS")]
        require: Option<String>,
        /// ISO 3166 country for phone numbers written without a country code (default: the
        /// organisation's country).
        #[arg(long, value_name = "CC")]
        region: Option<String>,
        /// The worksheet to read from a workbook (default: the first with data).
        #[arg(long)]
        sheet: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Export the contacts a user can see (all, those matching a search and filters, or the
    /// ids given) to a CSV, vCard or XLSX file. With --json prints {"exported", "file",
    /// "format"}.
    Export {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, value_name = "PATH")]
        key_file: Option<PathBuf>,
        /// Sign in as this user (password from RAPPORT_PASSWORD or a prompt).
        #[arg(long)]
        user: String,
        /// csv (Rapport's columns), csv_outlook, csv_google, vcard or xlsx.
        #[arg(long, value_parser = export::parse_format)]
        format: rapport_core::export::ExportFormat,
        /// The file to write; an existing file is refused unless --force.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
        /// Only contacts matching this search text.
        #[arg(long)]
        search: Option<String>,
        #[arg(long = "type", value_parser = parse_type)]
        contact_type: Option<ContactType>,
        #[arg(long, value_parser = parse_status)]
        status: Option<ContactStatus>,
        /// Only contacts at sites of this territory (its id).
        #[arg(long, value_name = "ID")]
        territory: Option<String>,
        /// Exactly these contacts (ids, comma-separated); unknown ids and those outside your
        /// scope are left out.
        #[arg(long, value_name = "ID,ID")]
        ids: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Scan the contacts a user can see for likely duplicates. With --json prints
    /// {"groups": [{"contacts": [ids], "score": 0-100, "reasons": [...]}], "contactsScanned": n}.
    Duplicates {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, value_name = "PATH")]
        key_file: Option<PathBuf>,
        /// Sign in as this user (password from RAPPORT_PASSWORD or a prompt).
        #[arg(long)]
        user: String,
        /// Keep only pairs scoring at least this (0 to 100; default 75).
        #[arg(long, value_name = "SCORE")]
        min_score: Option<u32>,
        #[arg(long)]
        json: bool,
    },
    /// List the imports (site administrators see all, others their own), newest first.
    Imports {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, value_name = "PATH")]
        key_file: Option<PathBuf>,
        #[arg(long)]
        user: String,
        #[arg(long)]
        json: bool,
    },
    /// Undo a whole import: its new contacts are deleted, the contacts it updated restored.
    UndoImport {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, value_name = "PATH")]
        key_file: Option<PathBuf>,
        #[arg(long)]
        user: String,
        /// The import's id (from the report's import_id or `rapport imports`).
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Merge duplicate contacts into one survivor, field by field (the survivor's values unless
    /// --prefer says otherwise or the survivor's is empty). The merged ids and references keep
    /// resolving to the survivor. With --json prints {"mergeId", "survivor", "merged"}.
    Merge {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, value_name = "PATH")]
        key_file: Option<PathBuf>,
        /// Sign in as this user (password from RAPPORT_PASSWORD or a prompt).
        #[arg(long)]
        user: String,
        /// The contact that survives (its id or reference number).
        #[arg(long, value_name = "SURVIVOR_ID")]
        into: String,
        /// The contacts merged into it.
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
        /// FIELD=ID: take FIELD (e.g. jobTitle, lastName, notes) from contact ID. Repeatable.
        #[arg(long, value_name = "FIELD=ID", value_parser = merge::parse_prefer)]
        prefer: Vec<(String, String)>,
        #[arg(long)]
        json: bool,
    },
    /// Undo a merge: the merged contacts come back as they were, the survivor too. Refused when
    /// the survivor changed since. With --json prints {"mergeId", "survivor", "restored"}.
    Unmerge {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, value_name = "PATH")]
        key_file: Option<PathBuf>,
        #[arg(long)]
        user: String,
        /// The merge's id (from `rapport merge`).
        merge_id: String,
        #[arg(long)]
        json: bool,
    },
    /// Check the audit trail's hash chain from the first event to the last.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Search contacts by name, email, phone, company or job title.
    Search {
        #[arg(long)]
        db: PathBuf,
        /// Sign in as this user (password from RAPPORT_PASSWORD or a prompt).
        #[arg(long)]
        user: String,
        /// File holding the database's recovery key (default: the key in the OS keychain).
        #[arg(long, value_name = "PATH")]
        key_file: Option<PathBuf>,
        /// What to look for; words match by their beginning, longer text also inside words.
        query: String,
        /// Most matches to print.
        #[arg(long, default_value_t = 50)]
        limit: u32,
        /// Only contacts of this type (primary, billing, operations, emergency, other).
        #[arg(long = "type", value_parser = parse_type)]
        contact_type: Option<ContactType>,
        /// Only contacts with this status (active, inactive, archived).
        #[arg(long, value_parser = parse_status)]
        status: Option<ContactStatus>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Write an encrypted backup of the database (same key) to a new file.
    Backup {
        #[arg(long)]
        db: PathBuf,
        /// A site administrator (password from RAPPORT_PASSWORD or a prompt).
        #[arg(long)]
        user: String,
        /// The backup file to create (must not exist yet).
        #[arg(long, value_name = "FILE")]
        to: PathBuf,
        /// File holding the database's recovery key (default: the key in the OS keychain).
        #[arg(long, value_name = "PATH")]
        key_file: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Replace the database with a backup after checking the backup; the replaced database is
    /// kept beside it as `<name>.before-restore-<time>`. Close Rapport first.
    Restore {
        #[arg(long)]
        db: PathBuf,
        /// The backup file to restore.
        #[arg(long, value_name = "FILE")]
        from: PathBuf,
        /// File holding the backup's recovery key (default: the key in the OS keychain for
        /// `--db`).
        #[arg(long, value_name = "PATH")]
        key_file: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Put a database's key back into this computer's keychain from its recovery key.
    Unlock {
        #[arg(long)]
        db: PathBuf,
        /// File holding the recovery key.
        #[arg(long, value_name = "PATH")]
        key_file: PathBuf,
    },
    /// Measure creation, search and paging speed against raw SQLite on a fresh database.
    Bench {
        #[arg(long, default_value_t = 100_000)]
        contacts: u64,
        #[arg(long, default_value_t = demo::DEFAULT_SEED)]
        seed: u64,
        /// Rows of the CSV imported into the database at the end (default: as many as `--contacts`).
        #[arg(long)]
        import_rows: Option<u64>,
        /// Folder for the benchmark databases (a temporary folder when absent).
        #[arg(long)]
        dir: Option<PathBuf>,
        /// Print only the JSON object.
        #[arg(long)]
        json: bool,
        /// Interactions to give the contacts a history with, then time the engagement
        /// metrics, timelines, queues and escalation (0: none).
        #[arg(long, default_value_t = 0)]
        interactions: u64,
        /// With `--interactions`: create the contacts through the core's bulk path only, without
        /// the contact references, searches and import.
        #[arg(long)]
        engagement_only: bool,
        /// Instead of the figures above: load this many contacts with planted duplicates, scan
        /// them and print precision, recall, F1, the scan's time and the check of one new
        /// contact, next to raw SQLite reading the same rows (0: off).
        #[arg(long, default_value_t = 0)]
        duplicates: u64,
    },
}

#[derive(Subcommand)]
enum ContactCommand {
    /// Create a contact from a JSON form (the app's ContactInput: firstName, lastName,
    /// contactType, emails, phones, sites, ...). Prints the new reference number; on invalid
    /// input prints each field's problem and exits with 1 without storing anything.
    Add {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, value_name = "PATH")]
        key_file: Option<PathBuf>,
        /// Sign in as this user (password from RAPPORT_PASSWORD or a prompt).
        #[arg(long)]
        user: String,
        /// The JSON form, or `-` for standard input.
        #[arg(long, value_name = "FILE")]
        input: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Verify the chain; exits with 1 and names the first bad event when it does not verify.
    Verify {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, value_name = "PATH")]
        key_file: Option<PathBuf>,
        /// A site administrator (password from RAPPORT_PASSWORD or a prompt).
        #[arg(long)]
        user: String,
        #[arg(long)]
        json: bool,
    },
}

fn parse_type(text: &str) -> Result<ContactType, String> {
    ContactType::parse(text).ok_or_else(|| {
        format!(
            "unknown contact type {text:?}; use one of {}",
            names(ContactType::ALL)
        )
    })
}

fn parse_status(text: &str) -> Result<ContactStatus, String> {
    ContactStatus::parse(text).ok_or_else(|| {
        format!(
            "unknown status {text:?}; use one of {}",
            names(ContactStatus::ALL)
        )
    })
}

fn names<T: std::fmt::Display>(all: &[T]) -> String {
    all.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Writes one line to stdout; a closed pipe (`rapport search … | head`) ends output quietly.
pub fn emit(line: &str) -> std::io::Result<()> {
    use std::io::Write;
    match writeln!(std::io::stdout().lock(), "{line}") {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

fn main() -> ExitCode {
    // SAFETY: first thing in main, before any thread exists or anything has touched SQLite.
    // When it cannot apply, SQLite keeps its own allocator, which works, only slower.
    #[allow(unsafe_code)]
    let _ = unsafe { rapport_core::sqlite_memory::use_mimalloc() };
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("error: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli.command)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            match e.downcast_ref::<CoreError>() {
                Some(core) => {
                    eprintln!("error[{}]: {}", core.code(), core.user_message());
                    if let CoreError::KeyMissing { path } = core {
                        eprintln!(
                            "hint: pass --key-file FILE (a file holding the recovery key), or \
                             run `rapport unlock --db {path} --key-file FILE` once"
                        );
                    }
                }
                None => eprintln!("error: {e:#}"),
            }
            ExitCode::FAILURE
        }
    }
}

/// Opens an existing database with the key in `key_file`, else with the keychain's.
async fn open(db: &Path, key_file: Option<&Path>) -> anyhow::Result<Database> {
    Ok(match key_file {
        Some(file) => Database::open(db, &DatabaseKey::read_key_file(file)?).await?,
        None => key::open_with_keychain(db).await?,
    })
}

/// Opens the database and signs the user in; the database is closed again when sign-in fails.
async fn signed_in(
    db: &Path,
    key_file: Option<&Path>,
    user: &str,
) -> anyhow::Result<(Database, rapport_core::access::Actor)> {
    let database = open(db, key_file).await?;
    match signin::sign_in(&database, user).await {
        Ok(actor) => Ok((database, actor)),
        Err(error) => {
            database.close().await;
            Err(error)
        }
    }
}

/// Creates a new database; its key goes to the new file `key_file`, else to the keychain.
async fn create(db: &Path, key_file: Option<&Path>) -> anyhow::Result<(Database, DatabaseKey)> {
    let Some(file) = key_file else {
        return Ok(key::create_with_keychain(db).await?);
    };
    let key = DatabaseKey::generate();
    key.write_key_file(file)?;
    match Database::create(db, &key).await {
        Ok(database) => Ok((database, key)),
        Err(error) => {
            // The key file was made by this call for a database that does not exist.
            let _ = std::fs::remove_file(file);
            Err(error.into())
        }
    }
}

async fn init(
    db: &Path,
    admin: &str,
    name: Option<&str>,
    key_file: Option<&Path>,
    json: bool,
) -> anyhow::Result<()> {
    if db.exists() {
        anyhow::bail!(
            "{} already exists; init only creates a new file",
            db.display()
        );
    }
    let password = signin::new_password(&format!("New password for {admin}: "))?;
    // Refuse a weak password before any file or key exists.
    rapport_core::access::password::check_strength("password", &password, admin)?;
    let (database, key) = create(db, key_file).await?;
    let created = rapport_core::access::users::create_first_admin(
        &database,
        admin,
        name.unwrap_or(admin),
        &password,
    )
    .await;
    database.close().await;
    if let Err(error) = created {
        for suffix in ["", "-wal", "-shm"] {
            let mut path = db.as_os_str().to_owned();
            path.push(suffix);
            let _ = std::fs::remove_file(path);
        }
        return Err(error.into());
    }
    let recovery_key = key.recovery_text();
    if json {
        let report = serde_json::json!({ "db": db, "admin": admin, "recovery_key": recovery_key });
        emit(&report.to_string())?;
    } else {
        emit(&format!(
            "Created {} with site administrator {admin}.\n\
             Recovery key (shown once; keep it apart from the computer):\n\n    {recovery_key}\n",
            db.display()
        ))?;
    }
    Ok(())
}

async fn run(command: Command) -> anyhow::Result<()> {
    match command {
        Command::Demo {
            db,
            key_file,
            contacts,
            seed,
            json,
        } => {
            if db.exists() {
                anyhow::bail!(
                    "{} already exists; the demo is only created in a new file",
                    db.display()
                );
            }
            let (database, key) = create(&db, key_file.as_deref()).await?;
            let options = demo::DemoOptions {
                contacts,
                seed,
                now: chrono::Utc::now(),
            };
            let summary = demo::create(&database, options, |p| {
                if !json && p.total >= 50_000 {
                    eprint!("\rcreating contacts: {}/{}", p.stored, p.total);
                }
            })
            .await?;
            database.close().await;
            let recovery_key = key.recovery_text();
            if json {
                let report = serde_json::json!({
                    "db": db,
                    "summary": summary,
                    "recovery_key": recovery_key,
                    "key_file": key_file,
                });
                emit(&report.to_string())?;
            } else {
                if contacts >= 50_000 {
                    eprintln!();
                }
                emit(&format!(
                    "Created {} with {} contacts, {} accounts, {} sites, {} territories in {} regions.",
                    db.display(),
                    summary.contacts,
                    summary.accounts,
                    summary.sites,
                    summary.territories,
                    summary.regions
                ))?;
                emit("Demo users (password for all: see below):")?;
                for user in &summary.users {
                    emit(&format!(
                        "    {:<10} {:<16} {:<18} {}",
                        user.username,
                        user.display_name,
                        user.role.as_str(),
                        user.scope
                    ))?;
                }
                if let Some(user) = summary.users.first() {
                    emit(&format!("Password: {}", user.password))?;
                }
                let kept = match &key_file {
                    Some(file) => format!("in {}", file.display()),
                    None => "in this computer's keychain".into(),
                };
                emit(&format!(
                    "The database is encrypted; its key is kept {kept}.\n\
                     Recovery key (shown once; write it down and keep it apart from the \
                     computer: it opens the database if the key is lost):\n\n    \
                     {recovery_key}\n"
                ))?;
            }
            Ok(())
        }
        Command::Contact {
            command:
                ContactCommand::Add {
                    db,
                    key_file,
                    user,
                    input,
                    json,
                },
        } => {
            let (database, actor) = signed_in(&db, key_file.as_deref(), &user).await?;
            let result = contact::add(&database, &actor, &input, json).await;
            database.close().await;
            result
        }
        Command::Import {
            db,
            key_file,
            user,
            files,
            dry_run,
            mapping,
            on_duplicate,
            site,
            require,
            region,
            sheet,
            json,
        } => {
            let (database, actor) = signed_in(&db, key_file.as_deref(), &user).await?;
            let args = import::ImportArgs {
                dry_run,
                mapping,
                on_duplicate,
                site,
                require,
                region,
                sheet,
                json,
            };
            let result = import::import_files(&database, &actor, &files, &args).await;
            database.close().await;
            result
        }
        Command::Export {
            db,
            key_file,
            user,
            format,
            out,
            force,
            search,
            contact_type,
            status,
            territory,
            ids,
            json,
        } => {
            let args = export::ExportArgs {
                format,
                out,
                force,
                search,
                contact_type,
                status,
                territory,
                ids,
                json,
            };
            export::check_target(&args)?;
            let (database, actor) = signed_in(&db, key_file.as_deref(), &user).await?;
            let result = export::export(&database, &actor, &args).await;
            database.close().await;
            result
        }
        Command::Duplicates {
            db,
            key_file,
            user,
            min_score,
            json,
        } => {
            let (database, actor) = signed_in(&db, key_file.as_deref(), &user).await?;
            let result = duplicates::scan(&database, &actor, min_score, json).await;
            database.close().await;
            result
        }
        Command::Merge {
            db,
            key_file,
            user,
            into,
            ids,
            prefer,
            json,
        } => {
            let (database, actor) = signed_in(&db, key_file.as_deref(), &user).await?;
            let result = merge::merge(&database, &actor, &into, &ids, &prefer, json).await;
            database.close().await;
            result
        }
        Command::Unmerge {
            db,
            key_file,
            user,
            merge_id,
            json,
        } => {
            let (database, actor) = signed_in(&db, key_file.as_deref(), &user).await?;
            let result = merge::unmerge(&database, &actor, &merge_id, json).await;
            database.close().await;
            result
        }
        Command::Imports {
            db,
            key_file,
            user,
            json,
        } => {
            let (database, actor) = signed_in(&db, key_file.as_deref(), &user).await?;
            let result = import::list(&database, &actor, json).await;
            database.close().await;
            result
        }
        Command::UndoImport {
            db,
            key_file,
            user,
            id,
            json,
        } => {
            let (database, actor) = signed_in(&db, key_file.as_deref(), &user).await?;
            let result = import::undo(&database, &actor, &id, json).await;
            database.close().await;
            result
        }
        Command::Search {
            db,
            user,
            key_file,
            query,
            limit,
            contact_type,
            status,
            json,
        } => {
            let (database, actor) = signed_in(&db, key_file.as_deref(), &user).await?;
            let filter = ContactFilter {
                contact_type,
                status,
                ..Default::default()
            };
            let page = contacts::list(
                &database,
                &actor,
                &ContactListQuery {
                    search: Some(query.clone()),
                    filter: filter.clone(),
                    limit,
                    ..Default::default()
                },
            )
            .await?;
            let count = contacts::count(
                &database,
                &actor,
                &ContactCountQuery {
                    search: Some(query.clone()),
                    filter,
                },
            )
            .await?;
            database.close().await;
            if json {
                let report = serde_json::json!({
                    "query": query,
                    "mode": page.mode,
                    "count": count.count,
                    "exact": count.exact,
                    "contacts": page.rows,
                });
                emit(&report.to_string())?;
            } else {
                for row in &page.rows {
                    emit(&format!(
                        "{}\t{}\t{}\t{}\t{}",
                        row.reference,
                        row.display_name,
                        row.company.as_deref().unwrap_or(""),
                        row.email.as_deref().unwrap_or(""),
                        row.phone.as_deref().unwrap_or("")
                    ))?;
                }
                let more = if count.exact { "" } else { "+" };
                eprintln!("{} of {}{more} matches shown", page.rows.len(), count.count);
            }
            Ok(())
        }
        Command::Backup {
            db,
            user,
            to,
            key_file,
            json,
        } => {
            let (database, actor) = signed_in(&db, key_file.as_deref(), &user).await?;
            let report = maintenance::backup(&database, &actor, &to).await;
            database.close().await;
            let report = report?;
            if json {
                emit(&serde_json::to_string(&report)?)?;
            } else {
                emit(&format!(
                    "Backed up {} contacts to {} ({:.1} MB, encrypted with the database's key).",
                    report.contacts,
                    report.path.display(),
                    report.bytes as f64 / 1_048_576.0
                ))?;
            }
            Ok(())
        }
        Command::Restore {
            db,
            from,
            key_file,
            json,
        } => {
            let key = match &key_file {
                Some(file) => DatabaseKey::read_key_file(file)?,
                None => {
                    let owned = db.clone();
                    tokio::task::spawn_blocking(move || {
                        rapport_core::keychain::load_database_key(&owned)
                    })
                    .await??
                    .ok_or_else(|| CoreError::KeyMissing {
                        path: db.display().to_string(),
                    })?
                }
            };
            let report = backup::restore(&from, &key, &db).await?;
            if json {
                emit(&serde_json::to_string(&report)?)?;
            } else {
                emit(&format!(
                    "Restored {} contacts from {} into {}.",
                    report.contacts,
                    from.display(),
                    report.target.display()
                ))?;
                if let Some(kept) = &report.kept {
                    emit(&format!(
                        "The database it replaced is kept as {}.",
                        kept.display()
                    ))?;
                }
            }
            Ok(())
        }
        Command::Unlock { db, key_file } => {
            let text = std::fs::read_to_string(&key_file).map_err(|e| {
                CoreError::invalid(
                    key::KEY_FILE_FIELD,
                    format!("the key file {} cannot be read ({e})", key_file.display()),
                )
            })?;
            let database = key::restore_access(&db, &text).await?;
            database.close().await;
            emit(&format!(
                "The key of {} is in this computer's keychain again.",
                db.display()
            ))?;
            Ok(())
        }
        Command::Bench {
            contacts,
            seed,
            import_rows,
            dir,
            json,
            interactions,
            engagement_only,
            duplicates,
        } => {
            bench::run(
                contacts,
                import_rows.unwrap_or(contacts),
                seed,
                dir,
                json,
                interactions,
                engagement_only,
                duplicates,
            )
            .await
        }
        Command::Init {
            db,
            admin,
            name,
            key_file,
            json,
        } => init(&db, &admin, name.as_deref(), key_file.as_deref(), json).await,
        Command::Report {
            db,
            key_file,
            user,
            kind,
            period,
            format,
            output,
        } => {
            let (database, actor) = signed_in(&db, key_file.as_deref(), &user).await?;
            let result =
                report::run(&database, &actor, kind, period, format, output.as_deref()).await;
            database.close().await;
            result
        }
        Command::Dashboard { db, key_file, user } => {
            let (database, actor) = signed_in(&db, key_file.as_deref(), &user).await?;
            let dashboard =
                rapport_core::dashboard::dashboard(&database, &actor, chrono::Utc::now()).await;
            database.close().await;
            emit(&serde_json::to_string(&dashboard?)?)?;
            Ok(())
        }
        Command::Count {
            db,
            key_file,
            user,
            search,
            contact_type,
            status,
            json,
        } => {
            let (database, actor) = signed_in(&db, key_file.as_deref(), &user).await?;
            let query = ContactCountQuery {
                search,
                filter: ContactFilter {
                    contact_type,
                    status,
                    ..Default::default()
                },
            };
            let count = contacts::count(&database, &actor, &query).await;
            database.close().await;
            let count = count?;
            if json {
                let report = serde_json::json!({ "count": count.count, "exact": count.exact });
                emit(&report.to_string())?;
            } else {
                let more = if count.exact { "" } else { "+" };
                emit(&format!("{}{more}", count.count))?;
            }
            Ok(())
        }
        Command::Audit {
            command:
                AuditCommand::Verify {
                    db,
                    key_file,
                    user,
                    json,
                },
        } => {
            let (database, actor) = signed_in(&db, key_file.as_deref(), &user).await?;
            let report = audit::verify_for(&database, &actor).await;
            database.close().await;
            let report = report?;
            if json {
                emit(&serde_json::to_string(&report)?)?;
            } else if report.ok {
                emit(&format!(
                    "The audit trail verifies: {} events, append-only.",
                    report.events
                ))?;
            } else {
                if let Some(bad) = &report.first_bad {
                    emit(&format!(
                        "Event {} ({}) does not verify: {}.",
                        bad.seq, bad.at, bad.reason
                    ))?;
                }
                if !report.append_only {
                    emit("The triggers that keep the audit trail append-only are missing.")?;
                }
            }
            if !report.ok {
                anyhow::bail!(AuditBroken);
            }
            Ok(())
        }
    }
}
