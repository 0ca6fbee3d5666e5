//! Commands compiled only into the end-to-end test build (`--features e2e`) and granted by
//! `e2e/capability.json`; `tests/hardening.rs` checks other builds do not contain them.

use std::path::PathBuf;
use std::sync::Mutex;

use tauri::{AppHandle, State};

use crate::error::AppError;
use crate::state::AppState;

/// The window's drop handler, for paths a WebDriver test cannot drag from a file manager.
#[tauri::command]
pub async fn e2e_drop_files(
    state: State<'_, AppState>,
    paths: Vec<String>,
) -> Result<(), AppError> {
    state.actor().await?;
    state
        .files
        .dropped(paths.into_iter().map(PathBuf::from).collect());
    Ok(())
}

/// What the next file dialog answers instead of showing itself.
#[tauri::command]
pub async fn e2e_answer_file_dialog(paths: Vec<String>) -> Result<(), AppError> {
    crate::dialog::answer_next(paths.into_iter().map(PathBuf::from).collect());
    Ok(())
}

/// Notifications raised so far (title and body), since a virtual display has no notification
/// service to look at.
static RAISED: Mutex<Vec<(String, String)>> = Mutex::new(Vec::new());

pub fn record_notification(title: &str, body: &str) {
    if let Ok(mut raised) = RAISED.lock() {
        raised.push((title.to_string(), body.to_string()));
    }
}

/// Runs the reminder timer's step now instead of within the minute, and returns every
/// notification raised so far.
#[tauri::command]
pub async fn e2e_raise_reminders(app: AppHandle) -> Result<Vec<(String, String)>, AppError> {
    crate::reminders::raise_due(&app).await;
    Ok(RAISED.lock().map(|r| r.clone()).unwrap_or_default())
}

/// Adds the large account of `rapport_core::demo::plant_large_account` to the open database,
/// for measuring maps at scale in the running app. Returns its id.
#[tauri::command]
pub async fn e2e_plant_large_account(
    state: State<'_, AppState>,
    people: u32,
    colleagues: u32,
) -> Result<String, AppError> {
    let (ready, _) = state.actor().await?;
    let account =
        rapport_core::demo::plant_large_account(&ready.db, people, colleagues, chrono::Utc::now())
            .await?;
    Ok(account.to_string())
}
