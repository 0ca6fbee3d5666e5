//! Importing contact files: files arrive as grants (dropped or picked), are previewed as a dry
//! run, then imported one transaction per file; the history lists imports and undoes them.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::Ordering;

use rapport_core::access::Actor;
use rapport_core::import::preview::RowProblem;
use rapport_core::import::{
    self, FileReport, ImportField, ImportOptions, ImportPolicy, ImportPreview, ImportProgress,
    ImportSummary, OnDuplicate, UndoReport,
};
use rapport_core::model::ContactType;
use serde::{Deserialize, Serialize};
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use crate::error::AppError;
use crate::files::{FileDropEvent, FileGrant};
use crate::state::{AppState, Ready};

/// Extensions the file dialog offers first; any file can still be chosen.
const CONTACT_FILES: &[&str] = &["csv", "tsv", "txt", "vcf", "vcard", "xlsx", "xls", "ods"];

/// How to import one file, as the import screen sets it.
#[derive(Debug, Clone, Default, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct ImportRequest {
    /// The site new contacts are placed at; none leaves them for administrators only.
    pub site_id: Option<String>,
    /// Column header → field key, over the automatic mapping.
    pub mapping: BTreeMap<String, String>,
    /// Remember this mapping for the next file with the same columns.
    pub remember_mapping: bool,
    pub on_duplicate: OnDuplicate,
    /// Decisions for single records, over `on_duplicate`.
    pub decisions: Vec<RecordDecision>,
    pub sheet: Option<String>,
    pub contact_type: Option<ContactType>,
    /// Field keys this import requires, besides the administrator's.
    pub require: Vec<String>,
}

#[derive(Debug, Clone, Copy, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RecordDecision {
    pub record: u32,
    pub action: OnDuplicate,
}

impl ImportRequest {
    fn options(self, file_name: String) -> ImportOptions {
        ImportOptions {
            mapping: self.mapping,
            remember_mapping: self.remember_mapping,
            on_duplicate: self.on_duplicate,
            decisions: self
                .decisions
                .into_iter()
                .map(|d| (u64::from(d.record), d.action))
                .collect(),
            site_id: self.site_id,
            require: self.require,
            sheet: self.sheet,
            contact_type: self.contact_type,
            file_name: Some(file_name),
            ..ImportOptions::default()
        }
    }
}

/// What became of one imported file.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportOutcome {
    pub file: String,
    /// For undo; none when the file was refused as a whole.
    pub import_id: Option<String>,
    pub records: u32,
    pub imported: u32,
    pub updated: u32,
    pub skipped: u32,
    pub rejected: u32,
    pub refused: Option<RowProblem>,
}

impl From<FileReport> for ImportOutcome {
    fn from(report: FileReport) -> Self {
        let small = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
        let refused = report.refusal();
        Self {
            refused,
            records: small(report.records),
            imported: small(report.imported),
            updated: small(report.updated),
            skipped: small(report.skipped),
            rejected: small(report.rejected.len() as u64),
            import_id: report.import_id,
            file: report.file,
        }
    }
}

/// The signed-in page listens for files dropped on the window.
#[tauri::command]
#[specta::specta]
pub async fn watch_file_drops(
    state: State<'_, AppState>,
    on_event: Channel<FileDropEvent>,
) -> Result<(), AppError> {
    state.actor().await?;
    state.files.listen(on_event);
    Ok(())
}

/// Shows the file dialog; the chosen files come back as grants (none when cancelled).
#[tauri::command]
#[specta::specta]
pub async fn pick_import_files(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Vec<FileGrant>, AppError> {
    state.actor().await?;
    let paths = crate::dialog::pick_files(&app, "Import contacts", CONTACT_FILES).await;
    Ok(state.files.grant(paths).0)
}

/// The fields a column can be mapped to.
#[tauri::command]
#[specta::specta]
pub async fn import_fields(state: State<'_, AppState>) -> Result<Vec<ImportField>, AppError> {
    state.actor().await?;
    Ok(import::import_fields())
}

/// The signed-in user, the granted file's path and the import's options, with the cancel flag
/// cleared for the run about to start.
async fn start(
    state: &AppState,
    file: &str,
    request: ImportRequest,
) -> Result<(Ready, Actor, PathBuf, ImportOptions), AppError> {
    let (ready, actor) = state.actor().await?;
    let (path, name) = state.files.path(file)?;
    state.import_cancel.store(false, Ordering::SeqCst);
    Ok((ready, actor, path, request.options(name)))
}

/// A dry run of one file: what would be stored, refused and matched.
#[tauri::command]
#[specta::specta]
pub async fn preview_import(
    state: State<'_, AppState>,
    file: String,
    request: ImportRequest,
    on_progress: Channel<ImportProgress>,
) -> Result<ImportPreview, AppError> {
    let (ready, actor, path, options) = start(&state, &file, request).await?;
    Ok(import::preview_file(
        &ready.db,
        &actor,
        &path,
        &options,
        &ready.home_country,
        &mut |progress| {
            let _ = on_progress.send(progress);
        },
        &state.import_cancel,
    )
    .await?)
}

/// Imports one file in one transaction: all of it, or (cancelled, failed) none of it.
#[tauri::command]
#[specta::specta]
pub async fn run_import(
    state: State<'_, AppState>,
    file: String,
    request: ImportRequest,
    on_progress: Channel<ImportProgress>,
) -> Result<ImportOutcome, AppError> {
    let (ready, actor, path, options) = start(&state, &file, request).await?;
    let report = import::import_file(
        &ready.db,
        &actor,
        &path,
        &options,
        &ready.home_country,
        &mut |progress| {
            let _ = on_progress.send(progress);
        },
        &state.import_cancel,
    )
    .await?;
    Ok(report.into())
}

/// Stops the running preview or import; an import rolls back and stores nothing.
#[tauri::command]
#[specta::specta]
pub async fn cancel_import(state: State<'_, AppState>) -> Result<(), AppError> {
    state.actor().await?;
    state.import_cancel.store(true, Ordering::SeqCst);
    Ok(())
}

/// The fields every import requires (any signed-in user may read it: the import screen says so).
#[tauri::command]
#[specta::specta]
pub async fn get_import_policy(state: State<'_, AppState>) -> Result<ImportPolicy, AppError> {
    let (ready, _) = state.actor().await?;
    Ok(import::load_policy(&ready.db).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn save_import_policy(
    state: State<'_, AppState>,
    policy: ImportPolicy,
) -> Result<ImportPolicy, AppError> {
    let (ready, actor) = state.actor().await?;
    import::save_policy(&ready.db, &actor, policy).await?;
    Ok(import::load_policy(&ready.db).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn list_imports(state: State<'_, AppState>) -> Result<Vec<ImportSummary>, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(import::list_imports(&ready.db, &actor).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn undo_import(
    state: State<'_, AppState>,
    import_id: String,
) -> Result<UndoReport, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(import::undo_import(&ready.db, &actor, &import_id).await?)
}
