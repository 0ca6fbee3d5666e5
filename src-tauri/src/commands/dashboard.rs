//! The home dashboard of the signed-in user.

use chrono::Utc;
use rapport_core::dashboard;
use rapport_core::model::Dashboard;
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

/// The user's contacts by type, stage, status and territory, the month's changes, data quality,
/// follow-ups, non-responsive contacts and the latest imports, within the user's scope.
#[tauri::command]
#[specta::specta]
pub async fn dashboard(state: State<'_, AppState>) -> Result<Dashboard, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(dashboard::dashboard(&ready.db, &actor, Utc::now()).await?)
}
