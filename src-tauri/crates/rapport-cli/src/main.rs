//! `rapport`: the command-line tool for administrators and scripts, on the same core as the app.

mod bench;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use rapport_core::model::{
    ContactCountQuery, ContactFilter, ContactListQuery, ContactStatus, ContactType,
};
use rapport_core::store::contacts;
use rapport_core::{demo, CoreError, Database};

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
    /// Create a new database holding the demo organisation.
    Demo {
        /// Path of the database file to create (must not exist yet).
        #[arg(long)]
        db: PathBuf,
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
    /// Search contacts by name, email, phone, company or job title.
    Search {
        #[arg(long)]
        db: PathBuf,
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
    /// Measure creation, search and paging speed against raw SQLite on a fresh database.
    Bench {
        #[arg(long, default_value_t = 100_000)]
        contacts: u64,
        #[arg(long, default_value_t = demo::DEFAULT_SEED)]
        seed: u64,
        /// Folder for the benchmark databases (a temporary folder when absent).
        #[arg(long)]
        dir: Option<PathBuf>,
        /// Print only the JSON object.
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
                Some(core) => eprintln!("error[{}]: {}", core.code(), core.user_message()),
                None => eprintln!("error: {e:#}"),
            }
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Command) -> anyhow::Result<()> {
    match command {
        Command::Demo {
            db,
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
            let database = Database::open(&db).await?;
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
            if json {
                emit(&serde_json::json!({ "db": db, "summary": summary }).to_string())?;
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
            }
            Ok(())
        }
        Command::Search {
            db,
            query,
            limit,
            contact_type,
            status,
            json,
        } => {
            let database = Database::open_existing(&db).await?;
            let filter = ContactFilter {
                contact_type,
                status,
                territory_id: None,
            };
            let page = contacts::list(
                database.reader(),
                &ContactListQuery {
                    search: Some(query.clone()),
                    filter: filter.clone(),
                    limit,
                    ..Default::default()
                },
            )
            .await?;
            let count = contacts::count(
                database.reader(),
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
        Command::Bench {
            contacts,
            seed,
            dir,
            json,
        } => bench::run(contacts, seed, dir, json).await,
    }
}
