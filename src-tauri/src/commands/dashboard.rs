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
    // The first dashboard of the day starts the day's data-quality snapshot, in the background:
    // counting every contact must not hold up the screen.
    let db = ready.db.clone();
    tauri::async_runtime::spawn(async move {
        if let Err(error) = rapport_core::report::snapshot::take_daily(&db, Utc::now()).await {
            tracing::warn!(%error, "the data-quality snapshot failed");
        }
    });
    Ok(dashboard::dashboard(&ready.db, &actor, Utc::now()).await?)
}
