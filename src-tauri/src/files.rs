//! Files the user hands to the app, by dropping them on the window or picking them in the file
//! dialog. Each path becomes a grant with a random id, and the page names files only by grant
//! id: a script running in the page cannot make the app read any other file.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rand::RngCore;
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, DragDropEvent, Manager};

use crate::error::{AppError, ErrorCode};
use crate::state::AppState;

/// A file the user handed over, as the page sees it.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FileGrant {
    pub id: String,
    /// The file's name, without its folder.
    pub name: String,
    /// In bytes.
    pub size: f64,
}

/// What happens over the window while files are dragged onto it.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum FileDropEvent {
    /// Files are being dragged over the window.
    Hover { count: u32 },
    /// The drag left the window or was abandoned.
    Leave,
    /// Files were dropped: those granted, and why the others were not.
    Dropped {
        files: Vec<FileGrant>,
        refused: Vec<String>,
    },
}

#[derive(Default)]
pub struct FileGrants {
    granted: Mutex<HashMap<String, PathBuf>>,
    /// The signed-in page's listener for drops; none means drops are ignored.
    listener: Mutex<Option<Channel<FileDropEvent>>>,
}

impl FileGrants {
    /// Grants the regular files among `paths`; says why the others are left out.
    pub fn grant(&self, paths: Vec<PathBuf>) -> (Vec<FileGrant>, Vec<String>) {
        let mut files = Vec::new();
        let mut refused = Vec::new();
        let mut granted = self.granted.lock().unwrap_or_else(|e| e.into_inner());
        for path in paths {
            let name = file_name(&path);
            match std::fs::metadata(&path) {
                Ok(meta) if meta.is_file() => {
                    let mut bytes = [0u8; 16];
                    rand::thread_rng().fill_bytes(&mut bytes);
                    let id: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
                    granted.insert(id.clone(), path);
                    files.push(FileGrant {
                        id,
                        name,
                        size: meta.len() as f64,
                    });
                }
                Ok(_) => refused.push(format!("{name} is a folder: drop the files inside it.")),
                Err(error) => refused.push(format!("{name} cannot be read: {error}.")),
            }
        }
        (files, refused)
    }

    /// The path behind a grant, with the file's name.
    pub fn path(&self, id: &str) -> Result<(PathBuf, String), AppError> {
        let granted = self.granted.lock().unwrap_or_else(|e| e.into_inner());
        let path = granted.get(id).cloned().ok_or_else(|| {
            AppError::new(
                ErrorCode::NotFound,
                "That file is no longer available: drop it on the window or choose it again.",
            )
        })?;
        let name = file_name(&path);
        Ok((path, name))
    }

    pub fn listen(&self, channel: Channel<FileDropEvent>) {
        *self.listener.lock().unwrap_or_else(|e| e.into_inner()) = Some(channel);
    }

    /// Forgets every grant and the listener (at sign-out).
    pub fn clear(&self) {
        self.granted
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
        *self.listener.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }

    fn listening(&self) -> Option<Channel<FileDropEvent>> {
        self.listener
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Files dropped on the window: granted and announced to the page, when a signed-in page
    /// listens. The end-to-end tests' `e2e_drop_files` comes here too.
    pub fn dropped(&self, paths: Vec<PathBuf>) {
        let Some(listener) = self.listening() else {
            return;
        };
        let (files, refused) = self.grant(paths);
        // A page that went away loses the announcement; the grants expire at sign-out.
        let _ = listener.send(FileDropEvent::Dropped { files, refused });
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// The window's drag-and-drop events.
pub fn on_drag_drop(app: &AppHandle, event: &DragDropEvent) {
    let state = app.state::<AppState>();
    match event {
        DragDropEvent::Enter { paths, .. } => {
            if let Some(listener) = state.files.listening() {
                let count = u32::try_from(paths.len()).unwrap_or(u32::MAX);
                let _ = listener.send(FileDropEvent::Hover { count });
            }
        }
        DragDropEvent::Leave => {
            if let Some(listener) = state.files.listening() {
                let _ = listener.send(FileDropEvent::Leave);
            }
        }
        DragDropEvent::Drop { paths, .. } => state.files.dropped(paths.clone()),
        _ => {}
    }
}
