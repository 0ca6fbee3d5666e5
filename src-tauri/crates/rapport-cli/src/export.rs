//! `rapport export`: the app's export for scripts. Prints `{"exported", "file", "format"}`
//! with `--json`, else a line; refuses to replace an existing file without `--force`.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use rapport_core::access::Actor;
use rapport_core::contact::bulk::BulkSelection;
use rapport_core::export::{self, ExportFormat};
use rapport_core::model::{ContactCountQuery, ContactFilter, ContactStatus, ContactType};
use rapport_core::Database;

use crate::emit;

/// What `rapport export` was asked to write.
pub struct ExportArgs {
    pub format: ExportFormat,
    pub out: PathBuf,
    pub force: bool,
    pub search: Option<String>,
    pub contact_type: Option<ContactType>,
    pub status: Option<ContactStatus>,
    pub territory: Option<String>,
    pub ids: Option<String>,
    pub json: bool,
}

pub fn parse_format(text: &str) -> Result<ExportFormat, String> {
    ExportFormat::parse(text).ok_or_else(|| {
        let names: Vec<&str> = ExportFormat::ALL.iter().map(|f| f.as_str()).collect();
        format!("\"{text}\" is not one of {}", names.join(", "))
    })
}

/// Checked before signing in: nothing is opened for a command that cannot write its file.
pub fn check_target(args: &ExportArgs) -> anyhow::Result<()> {
    if args.out.exists() && !args.force {
        anyhow::bail!(
            "{} already exists; pass --force to replace it",
            args.out.display()
        );
    }
    if args.ids.is_some()
        && (args.search.is_some()
            || args.contact_type.is_some()
            || args.status.is_some()
            || args.territory.is_some())
    {
        anyhow::bail!("--ids names the contacts; it does not go with --search, --type, --status or --territory");
    }
    Ok(())
}

fn selection(args: &ExportArgs) -> BulkSelection {
    match &args.ids {
        Some(ids) => BulkSelection::Ids {
            ids: ids
                .split(',')
                .map(|id| id.trim().to_string())
                .filter(|id| !id.is_empty())
                .collect(),
        },
        None => BulkSelection::Query {
            query: ContactCountQuery {
                search: args.search.clone(),
                filter: ContactFilter {
                    contact_type: args.contact_type,
                    status: args.status,
                    territory_id: args.territory.clone(),
                    ..Default::default()
                },
            },
            except: Vec::new(),
        },
    }
}

pub async fn export(db: &Database, actor: &Actor, args: &ExportArgs) -> anyhow::Result<()> {
    let show_progress = !args.json && std::io::stderr().is_terminal();
    let report = export::export_contacts(
        db,
        actor,
        &selection(args),
        args.format,
        &args.out,
        |p| {
            if show_progress && p.total >= 10_000 {
                eprint!("\rexporting: {}/{}", p.done, p.total);
            }
        },
        &AtomicBool::new(false),
    )
    .await?;
    if args.json {
        let line = serde_json::json!({
            "exported": report.exported,
            "file": report.file,
            "format": report.format,
        });
        emit(&line.to_string())?;
    } else {
        if show_progress {
            eprintln!();
        }
        emit(&format!(
            "Exported {} contacts to {} ({}).",
            report.exported,
            report.file,
            report.format.as_str()
        ))?;
    }
    Ok(())
}
