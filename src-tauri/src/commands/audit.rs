//! The audit trail for site administrators.

use rapport_core::audit::{self as core_audit, AuditPage, AuditVerification};
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn list_audit_events(
    state: State<'_, AppState>,
    before: Option<String>,
) -> Result<AuditPage, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core_audit::list_events(&ready.db, &actor, before.as_deref(), 100).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn verify_audit(state: State<'_, AppState>) -> Result<AuditVerification, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core_audit::verify_for(&ready.db, &actor).await?)
}
