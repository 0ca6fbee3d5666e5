//! The duplicate scan: every contact the user may see compared with the others, with progress
//! and a way to stop it, and the list rows of the contacts it groups.

use std::sync::atomic::Ordering;

use rapport_core::contact::duplicate_scan;
use rapport_core::model::{ContactRow, DuplicateScan, DuplicateScanOptions, DuplicateScanProgress};
use rapport_core::store::contacts;
use tauri::ipc::Channel;
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

/// Scans for likely duplicates; progress goes to `on_progress` as contacts are read and pairs
/// compared.
#[tauri::command]
#[specta::specta]
pub async fn scan_duplicates(
    state: State<'_, AppState>,
    options: DuplicateScanOptions,
    on_progress: Channel<DuplicateScanProgress>,
) -> Result<DuplicateScan, AppError> {
    let (ready, actor) = state.actor().await?;
    state.duplicate_scan_cancel.store(false, Ordering::SeqCst);
    Ok(duplicate_scan::scan(
        &ready.db,
        &actor,
        options,
        &mut |progress| {
            let _ = on_progress.send(progress);
        },
        &state.duplicate_scan_cancel,
    )
    .await?)
}

/// Stops the running scan; it answers `cancelled`.
#[tauri::command]
#[specta::specta]
pub async fn cancel_duplicate_scan(state: State<'_, AppState>) -> Result<(), AppError> {
    state.actor().await?;
    state.duplicate_scan_cancel.store(true, Ordering::SeqCst);
    Ok(())
}

/// The list rows of these contacts (at most 500), those the user may see, in the order asked.
#[tauri::command]
#[specta::specta]
pub async fn contact_rows(
    state: State<'_, AppState>,
    ids: Vec<String>,
) -> Result<Vec<ContactRow>, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(contacts::rows_of(&ready.db, &actor, &ids).await?)
}
