//! Exporting contacts: the list's filter or a selection, to a file the user chooses in the save
//! dialog (the page never names a path), with progress and cancel.

use std::sync::atomic::Ordering;

use rapport_core::contact::bulk::BulkSelection;
use rapport_core::export::{self, ExportFormat, ExportProgress, ExportReport};
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use crate::error::AppError;
use crate::state::AppState;

/// Asks where to save, then writes the selection's contacts there; none when the user closes
/// the dialog without choosing a file.
#[tauri::command]
#[specta::specta]
pub async fn export_contacts(
    app: AppHandle,
    state: State<'_, AppState>,
    selection: BulkSelection,
    format: ExportFormat,
    on_progress: Channel<ExportProgress>,
) -> Result<Option<ExportReport>, AppError> {
    let (ready, actor) = state.actor().await?;
    let extension = format.extension();
    let kind = match format {
        ExportFormat::Csv | ExportFormat::CsvOutlook | ExportFormat::CsvGoogle => "CSV file",
        ExportFormat::Vcard => "vCard file",
        ExportFormat::Xlsx => "Excel workbook",
    };
    let name = format!(
        "contacts-{}.{extension}",
        chrono::Local::now().format("%Y-%m-%d")
    );
    let Some(path) =
        crate::dialog::save_file(&app, "Export contacts", &name, kind, extension).await
    else {
        return Ok(None);
    };
    state.export_cancel.store(false, Ordering::SeqCst);
    let report = export::export_contacts(
        &ready.db,
        &actor,
        &selection,
        format,
        &path,
        |progress| {
            let _ = on_progress.send(progress);
        },
        &state.export_cancel,
    )
    .await?;
    Ok(Some(report))
}

/// Stops the running export; its file is removed.
#[tauri::command]
#[specta::specta]
pub async fn cancel_export(state: State<'_, AppState>) -> Result<(), AppError> {
    state.actor().await?;
    state.export_cancel.store(true, Ordering::SeqCst);
    Ok(())
}
