//! Creating, editing and changing the status of contacts; drafts, saved views, bulk actions and
//! privacy requests.

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use rapport_core::contact::bulk::{BulkAction, BulkProgress, BulkReport, BulkSelection};
use rapport_core::contact::policy::LifecyclePolicy;
use rapport_core::contact::privacy::ErasureReport;
use rapport_core::contact::status::{ErasureCandidate, VerificationInput};
use rapport_core::contact::views::{SavedView, SavedViewInput};
use rapport_core::contact::write::CreatedContact;
use rapport_core::contact::{bulk, drafts, options, policy, privacy, status, views, write};
use rapport_core::model::{
    ContactCheck, ContactDetail, ContactDraft, ContactInput, Justification, OwnerOption, SiteOption,
};
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};

use crate::error::{AppError, ErrorCode};
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn check_contact(
    state: State<'_, AppState>,
    input: ContactInput,
    contact_id: Option<String>,
) -> Result<ContactCheck, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(write::check(
        &ready.db,
        &actor,
        &input,
        contact_id.as_deref(),
        &ready.home_country,
    )
    .await?)
}

#[tauri::command]
#[specta::specta]
pub async fn create_contact(
    state: State<'_, AppState>,
    input: ContactInput,
) -> Result<CreatedContact, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(write::create(&ready.db, &actor, &input, &ready.home_country).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn update_contact(
    state: State<'_, AppState>,
    id: String,
    version: u32,
    input: ContactInput,
    justification: Option<Justification>,
) -> Result<ContactDetail, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(write::update(
        &ready.db,
        &actor,
        &id,
        version,
        &input,
        justification.as_ref(),
        &ready.home_country,
    )
    .await?)
}

#[tauri::command]
#[specta::specta]
pub async fn search_sites(
    state: State<'_, AppState>,
    query: String,
) -> Result<Vec<SiteOption>, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(options::search_sites(&ready.db, &actor, &query, 50).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn list_owners(state: State<'_, AppState>) -> Result<Vec<OwnerOption>, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(options::owners(&ready.db, &actor).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn get_contact_policy(state: State<'_, AppState>) -> Result<LifecyclePolicy, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(policy::load_for(&ready.db, &actor).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn save_contact_policy(
    state: State<'_, AppState>,
    policy: LifecyclePolicy,
) -> Result<(), AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(policy::save(&ready.db, &actor, policy).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn load_contact_draft(
    state: State<'_, AppState>,
) -> Result<Option<ContactDraft>, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(drafts::load(&ready.db, &actor).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn save_contact_draft(
    state: State<'_, AppState>,
    step: u32,
    input: ContactInput,
) -> Result<(), AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(drafts::save(&ready.db, &actor, step, &input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn discard_contact_draft(state: State<'_, AppState>) -> Result<(), AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(drafts::discard(&ready.db, &actor).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn list_saved_views(state: State<'_, AppState>) -> Result<Vec<SavedView>, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(views::list(&ready.db, &actor).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn save_view(
    state: State<'_, AppState>,
    view: SavedViewInput,
) -> Result<SavedView, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(views::save(&ready.db, &actor, &view).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn delete_view(state: State<'_, AppState>, id: String) -> Result<(), AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(views::delete(&ready.db, &actor, &id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn deactivate_contact(
    state: State<'_, AppState>,
    id: String,
    reason: String,
) -> Result<(), AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(status::deactivate(&ready.db, &actor, &id, &reason).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn archive_contact(
    state: State<'_, AppState>,
    id: String,
    reason: String,
) -> Result<(), AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(status::archive(&ready.db, &actor, &id, &reason).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn reactivate_contact(
    state: State<'_, AppState>,
    id: String,
    reason: String,
) -> Result<(), AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(status::reactivate(&ready.db, &actor, &id, &reason).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn verify_contact(
    state: State<'_, AppState>,
    id: String,
    verification: VerificationInput,
) -> Result<(), AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(status::verify(&ready.db, &actor, &id, &verification).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn set_primary_contact(
    state: State<'_, AppState>,
    id: String,
    site_id: String,
    confirmation: String,
    justification: Option<Justification>,
) -> Result<(), AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(status::set_primary(
        &ready.db,
        &actor,
        &id,
        &site_id,
        &confirmation,
        justification.as_ref(),
    )
    .await?)
}

#[tauri::command]
#[specta::specta]
pub async fn list_erasure_due(
    state: State<'_, AppState>,
) -> Result<Vec<ErasureCandidate>, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(status::erasure_due(&ready.db, &actor).await?)
}

/// Where a privacy export was written.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ExportedFiles {
    pub folder: String,
    pub json: String,
    pub vcard: String,
}

/// Exports go to the user's Downloads folder (beside the database when there is none); the
/// page never names a path, so it cannot make the app write elsewhere.
fn export_folder(app: &AppHandle, ready_db: &std::path::Path) -> PathBuf {
    app.path()
        .download_dir()
        .ok()
        .filter(|d| d.is_dir())
        .unwrap_or_else(|| {
            ready_db
                .parent()
                .map(|p| p.join("exports"))
                .unwrap_or_else(|| PathBuf::from("exports"))
        })
}

#[tauri::command]
#[specta::specta]
pub async fn export_person(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
) -> Result<ExportedFiles, AppError> {
    let (ready, actor) = state.actor().await?;
    let export = privacy::export_person(&ready.db, &actor, &id, &ready.home_country).await?;
    let folder = export_folder(&app, ready.db.path());
    let write = |name: String, body: &str| -> Result<String, AppError> {
        std::fs::create_dir_all(&folder)
            .and_then(|()| std::fs::write(folder.join(&name), body))
            .map_err(|e| {
                AppError::new(
                    ErrorCode::Unavailable,
                    format!(
                        "The export could not be written to {}: {e}",
                        folder.display()
                    ),
                )
            })?;
        Ok(folder.join(name).display().to_string())
    };
    let json = write(format!("{}.json", export.reference), &export.json)?;
    let vcard = write(format!("{}.vcf", export.reference), &export.vcard)?;
    Ok(ExportedFiles {
        folder: folder.display().to_string(),
        json,
        vcard,
    })
}

#[tauri::command]
#[specta::specta]
pub async fn erase_person(
    state: State<'_, AppState>,
    id: String,
    confirmation: String,
) -> Result<ErasureReport, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(privacy::erase_person(&ready.db, &actor, &id, &confirmation).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn count_bulk_selection(
    state: State<'_, AppState>,
    selection: BulkSelection,
) -> Result<u32, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(bulk::count_selection(&ready.db, &actor, &selection).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn run_bulk_action(
    state: State<'_, AppState>,
    selection: BulkSelection,
    action: BulkAction,
    on_progress: Channel<BulkProgress>,
) -> Result<BulkReport, AppError> {
    let (ready, actor) = state.actor().await?;
    state.bulk_cancel.store(false, Ordering::SeqCst);
    let report = bulk::apply(
        &ready.db,
        &actor,
        &selection,
        &action,
        |progress| {
            // A closed window only loses the progress display, never the action.
            let _ = on_progress.send(progress);
        },
        &state.bulk_cancel,
    )
    .await?;
    Ok(report)
}

#[tauri::command]
#[specta::specta]
pub async fn cancel_bulk_action(state: State<'_, AppState>) -> Result<(), AppError> {
    state.actor().await?;
    state.bulk_cancel.store(true, Ordering::SeqCst);
    Ok(())
}

/// Archives contacts inactive for longer than the policy allows; runs hourly (and at start).
/// Nobody is waiting on it, so a failure is logged and tried again next hour.
pub async fn scheduled_archival(state: &AppState) {
    let Ok(ready) = state.ready().await else {
        return;
    };
    match status::archive_due(&ready.db, chrono::Utc::now()).await {
        Ok(0) => {}
        Ok(count) => tracing::info!(count, "archived contacts inactive beyond the policy"),
        Err(error) => tracing::warn!(%error, "automatic archival failed"),
    }
    // An erasure interrupted while its search segments were being rewritten is finished here.
    if let Err(error) = privacy::resume_purge(&ready.db).await {
        tracing::warn!(%error, "finishing an erasure's search rewrite failed");
    }
}
