//! The native file dialogs. End-to-end test builds (feature `e2e`) can answer the next dialog
//! in advance, because WebDriver cannot operate a native dialog; everything after the answer is
//! the path a user's choice takes.

use std::path::PathBuf;

use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

/// Lets the user choose files; none when the dialog is cancelled.
pub async fn pick_files(app: &AppHandle, title: &str, extensions: &[&str]) -> Vec<PathBuf> {
    #[cfg(feature = "e2e")]
    if let Some(paths) = take_answer() {
        return paths;
    }
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .set_title(title)
        .add_filter("Contact files", extensions)
        .pick_files(move |chosen| {
            let _ = tx.send(chosen);
        });
    rx.await
        .ok()
        .flatten()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|p| p.into_path().ok())
        .collect()
}

/// Asks where to save a file; none when the dialog is cancelled.
pub async fn save_file(
    app: &AppHandle,
    title: &str,
    file_name: &str,
    kind: &str,
    extension: &str,
) -> Option<PathBuf> {
    #[cfg(feature = "e2e")]
    if let Some(paths) = take_answer() {
        return paths.into_iter().next();
    }
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .set_title(title)
        .set_file_name(file_name)
        .add_filter(kind, &[extension])
        .save_file(move |chosen| {
            let _ = tx.send(chosen);
        });
    rx.await.ok().flatten().and_then(|p| p.into_path().ok())
}

#[cfg(feature = "e2e")]
static ANSWER: std::sync::Mutex<Option<Vec<PathBuf>>> = std::sync::Mutex::new(None);

#[cfg(feature = "e2e")]
pub fn answer_next(paths: Vec<PathBuf>) {
    *ANSWER.lock().unwrap_or_else(|e| e.into_inner()) = Some(paths);
}

#[cfg(feature = "e2e")]
fn take_answer() -> Option<Vec<PathBuf>> {
    ANSWER.lock().unwrap_or_else(|e| e.into_inner()).take()
}
