//! Reports: made in the signed-in user's scope, shown on the Reports screen, and exported to a
//! file the user chooses in the save dialog.

use chrono::Utc;
use rapport_core::model::{
    QueueAssignReport, QueueAssignee, QueueAssignment, QueuePage, QueueQuery, Report, ReportFormat,
    ReportRequest,
};
use rapport_core::report;
use serde::Serialize;
use tauri::{AppHandle, State};

use crate::error::{AppError, ErrorCode};
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn report(
    state: State<'_, AppState>,
    request: ReportRequest,
) -> Result<Report, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(report::build(&ready.db, &actor, &request, Utc::now()).await?)
}

/// Where an exported report was written.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ExportedReport {
    pub path: String,
    pub format: ReportFormat,
}

/// Makes the report again (so the file holds what the core counts now, not what the page
/// shows), asks where to save it, and writes it; none when the dialog is closed.
#[tauri::command]
#[specta::specta]
pub async fn export_report(
    app: AppHandle,
    state: State<'_, AppState>,
    request: ReportRequest,
    format: ReportFormat,
) -> Result<Option<ExportedReport>, AppError> {
    let (ready, actor) = state.actor().await?;
    let built = report::build(&ready.db, &actor, &request, Utc::now()).await?;
    let kind = match format {
        ReportFormat::Csv => "CSV file",
        ReportFormat::Pdf => "PDF document",
        ReportFormat::Json => "JSON file",
    };
    let name = report::file_name(&built, format);
    let Some(path) = crate::dialog::save_file(
        &app,
        &format!("Export {}", built.title),
        &name,
        kind,
        format.extension(),
    )
    .await
    else {
        return Ok(None);
    };
    // The PDF's fonts are found and laid out off the async runtime.
    let written = tauri::async_runtime::spawn_blocking(move || {
        report::write(&built, format, &path).map(|p| p.display().to_string())
    })
    .await
    .map_err(|e| AppError::new(ErrorCode::Internal, e.to_string()))??;
    Ok(Some(ExportedReport {
        path: written,
        format,
    }))
}

/// A page of the month's verification queue or the quarter's review queue, in the user's scope.
#[tauri::command]
#[specta::specta]
pub async fn review_queue(
    state: State<'_, AppState>,
    query: QueueQuery,
) -> Result<QueuePage, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(report::queue::queue(&ready.db, &actor, &query, Utc::now()).await?)
}

/// The users queue contacts can be assigned to.
#[tauri::command]
#[specta::specta]
pub async fn queue_assignees(state: State<'_, AppState>) -> Result<Vec<QueueAssignee>, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(report::queue::assignees(&ready.db, &actor).await?)
}

/// Assigns queue contacts to a user (or takes the assignment away); refusals come back per contact.
#[tauri::command]
#[specta::specta]
pub async fn assign_queue(
    state: State<'_, AppState>,
    assignment: QueueAssignment,
) -> Result<QueueAssignReport, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(report::queue::assign(&ready.db, &actor, &assignment, Utc::now()).await?)
}
