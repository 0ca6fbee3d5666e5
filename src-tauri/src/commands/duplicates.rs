//! The duplicate scan: every contact the user may see compared with the others, with progress
//! and a way to stop it, the list rows of the contacts it groups, and merging a group (and
//! undoing it).

use std::sync::atomic::Ordering;

use chrono::Utc;
use rapport_core::contact::duplicate_scan;
use rapport_core::contact::merge::{self, MergeInput, MergeOutcome, MergePreview, MergeSummary};
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

/// The records of a group side by side, with the default survivor and field choices.
#[tauri::command]
#[specta::specta]
pub async fn merge_preview(
    state: State<'_, AppState>,
    contact_ids: Vec<String>,
) -> Result<MergePreview, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(merge::merge_preview(&ready.db, &actor, &contact_ids).await?)
}

/// Merges the group into the survivor with the chosen values.
#[tauri::command]
#[specta::specta]
pub async fn merge_contacts(
    state: State<'_, AppState>,
    input: MergeInput,
) -> Result<MergeOutcome, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(merge::merge(&ready.db, &actor, &input, Utc::now()).await?)
}

/// Undoes a merge: the merged records come back exactly as they were.
#[tauri::command]
#[specta::specta]
pub async fn unmerge_contacts(
    state: State<'_, AppState>,
    merge_id: String,
) -> Result<MergeOutcome, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(merge::unmerge(&ready.db, &actor, &merge_id, Utc::now()).await?)
}

/// The latest merges the user may undo (newest first).
#[tauri::command]
#[specta::specta]
pub async fn recent_merges(state: State<'_, AppState>) -> Result<Vec<MergeSummary>, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(merge::recent_merges(&ready.db, &actor, 50).await?)
}
