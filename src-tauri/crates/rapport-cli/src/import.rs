//! `rapport import`, `rapport imports` and `rapport undo-import`: the app's import for scripts.
//! `import` prints one JSON report per file (JSON Lines) with `--json`, else a line per file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use rapport_core::access::Actor;
use rapport_core::import::{self, ImportOptions, OnDuplicate};
use rapport_core::store::settings;
use rapport_core::Database;

use crate::emit;

/// What `rapport import` was asked to do, besides the files.
pub struct ImportArgs {
    pub dry_run: bool,
    pub mapping: Option<PathBuf>,
    pub on_duplicate: OnDuplicate,
    pub site: Option<String>,
    pub require: Option<String>,
    pub region: Option<String>,
    pub sheet: Option<String>,
    pub json: bool,
}

pub fn parse_on_duplicate(text: &str) -> Result<OnDuplicate, String> {
    OnDuplicate::parse(text).ok_or_else(|| format!("\"{text}\" is not one of skip, update, create"))
}

fn read_mapping(path: &Path) -> anyhow::Result<BTreeMap<String, String>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| anyhow::anyhow!("cannot read the mapping {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| {
        anyhow::anyhow!(
            "{} is not a mapping: expected a JSON object {{\"column header\": \"field\"}} ({e})",
            path.display()
        )
    })
}

pub async fn import_files(
    db: &Database,
    actor: &Actor,
    files: &[PathBuf],
    args: &ImportArgs,
) -> anyhow::Result<()> {
    let home = settings::home_country(db.reader()).await?;
    let mapping = match &args.mapping {
        Some(path) => read_mapping(path)?,
        None => BTreeMap::new(),
    };
    if let Some(region) = &args.region {
        if region.len() != 2 || !region.chars().all(|c| c.is_ascii_alphabetic()) {
            anyhow::bail!("--region takes a two-letter ISO 3166 country code such as GB or US");
        }
    }
    let options = ImportOptions {
        dry_run: args.dry_run,
        mapping,
        on_duplicate: args.on_duplicate,
        site_id: args.site.clone(),
        require: args
            .require
            .iter()
            .flat_map(|r| r.split(','))
            .map(|f| f.trim().to_string())
            .filter(|f| !f.is_empty())
            .collect(),
        region: args.region.clone(),
        sheet: args.sheet.clone(),
        list_contacts: true,
        ..ImportOptions::default()
    };
    let cancel = AtomicBool::new(false);
    for file in files {
        let report =
            import::import_file(db, actor, file, &options, &home, &mut |_| {}, &cancel).await?;
        if args.json {
            emit(&serde_json::to_string(&report)?)?;
        } else {
            let what = if args.dry_run {
                "would import"
            } else {
                "imported"
            };
            emit(&format!(
                "{}: {} records ({}, {}): {what} {}, updated {}, skipped {}, rejected {}{}",
                file.display(),
                report.records,
                report.format,
                report.encoding,
                report.imported,
                report.updated,
                report.skipped,
                report.rejected.len(),
                report
                    .import_id
                    .as_ref()
                    .map(|id| format!(" (import {id})"))
                    .unwrap_or_default()
            ))?;
            for rejection in &report.rejected {
                emit(&format!(
                    "    record {}: {}{}: {}",
                    rejection.record,
                    rejection.reason,
                    rejection
                        .field
                        .as_ref()
                        .map(|f| format!(" ({f})"))
                        .unwrap_or_default(),
                    rejection.message
                ))?;
            }
        }
    }
    Ok(())
}

pub async fn list(db: &Database, actor: &Actor, json: bool) -> anyhow::Result<()> {
    let imports = import::list_imports(db, actor).await?;
    if json {
        emit(&serde_json::to_string(&imports)?)?;
        return Ok(());
    }
    for i in imports {
        emit(&format!(
            "{:>6}  {}  {:<10} {:>7} records  {:>7} imported  {:>5} updated  {}{}",
            i.id,
            i.created_at.format("%Y-%m-%d %H:%M"),
            i.user.unwrap_or_default(),
            i.records,
            i.imported,
            i.updated,
            i.file_name,
            if i.undone_at.is_some() {
                "  (undone)"
            } else {
                ""
            }
        ))?;
    }
    Ok(())
}

pub async fn undo(db: &Database, actor: &Actor, id: &str, json: bool) -> anyhow::Result<()> {
    let report = import::undo_import(db, actor, id).await?;
    if json {
        emit(&serde_json::to_string(&report)?)?;
    } else {
        emit(&format!(
            "Undid import {}: removed {} contacts, restored {}.",
            report.import_id, report.removed, report.restored
        ))?;
    }
    Ok(())
}
