//! Relationship maps: an account's map, a person's network and relationships, and their edits
//! (who reports to whom, relationships, kinds, levels and teams, communication flows), each
//! edit undoable, as the signed-in user may see and change them.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use chrono::Utc;
use rapport_core::model::{
    AccountMap, ContactRelationship, FlowInput, FlowSaved, MapAccount, MapGroupInput,
    MapGroupSaved, Network, RelationshipChange, RelationshipInput, RelationshipKind,
    RelationshipKindInput,
};
use rapport_core::relationship as core;
use tauri::{AppHandle, State};

use crate::error::{AppError, ErrorCode};
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn list_map_accounts(
    state: State<'_, AppState>,
    query: Option<String>,
) -> Result<Vec<MapAccount>, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::list_map_accounts(&ready.db, &actor, query.as_deref()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn account_map(
    state: State<'_, AppState>,
    account_id: String,
) -> Result<AccountMap, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::account_map(&ready.db, &actor, &account_id, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn contact_network(
    state: State<'_, AppState>,
    contact_id: String,
    depth: u32,
    kinds: Vec<String>,
) -> Result<Network, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::contact_network(&ready.db, &actor, &contact_id, depth, &kinds, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn account_network(
    state: State<'_, AppState>,
    account_id: String,
    depth: u32,
    kinds: Vec<String>,
) -> Result<Network, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::account_network(&ready.db, &actor, &account_id, depth, &kinds, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn contact_relationships(
    state: State<'_, AppState>,
    contact_id: String,
) -> Result<Vec<ContactRelationship>, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::contact_relationships(&ready.db, &actor, &contact_id, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn set_reports_to(
    state: State<'_, AppState>,
    contact_id: String,
    manager_id: Option<String>,
) -> Result<RelationshipChange, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::set_reports_to(
        &ready.db,
        &actor,
        &contact_id,
        manager_id.as_deref(),
        Utc::now(),
    )
    .await?)
}

#[tauri::command]
#[specta::specta]
pub async fn add_relationship(
    state: State<'_, AppState>,
    input: RelationshipInput,
) -> Result<RelationshipChange, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::add_relationship(&ready.db, &actor, &input, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn remove_relationship(
    state: State<'_, AppState>,
    id: String,
) -> Result<RelationshipChange, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::remove_relationship(&ready.db, &actor, &id, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn undo_relationship_change(
    state: State<'_, AppState>,
    change_id: String,
) -> Result<RelationshipChange, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::undo_change(&ready.db, &actor, &change_id, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn relationship_kinds(
    state: State<'_, AppState>,
) -> Result<Vec<RelationshipKind>, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::list_kinds(&ready.db, &actor).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn save_relationship_kind(
    state: State<'_, AppState>,
    input: RelationshipKindInput,
) -> Result<RelationshipKind, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::save_kind(&ready.db, &actor, &input, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn save_map_group(
    state: State<'_, AppState>,
    id: Option<String>,
    input: MapGroupInput,
) -> Result<MapGroupSaved, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::save_group(&ready.db, &actor, id.as_deref(), &input, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn delete_map_group(
    state: State<'_, AppState>,
    id: String,
) -> Result<RelationshipChange, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::delete_group(&ready.db, &actor, &id, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn save_communication_flow(
    state: State<'_, AppState>,
    id: Option<String>,
    input: FlowInput,
) -> Result<FlowSaved, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::save_flow(&ready.db, &actor, id.as_deref(), &input, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn delete_communication_flow(
    state: State<'_, AppState>,
    id: String,
) -> Result<RelationshipChange, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::delete_flow(&ready.db, &actor, &id, Utc::now()).await?)
}

/// The two image formats the page exports a map in.
#[derive(Debug, Clone, Copy, serde::Deserialize, specta::Type)]
#[serde(rename_all = "lowercase")]
pub enum MapImageFormat {
    Svg,
    Png,
}

/// Saves a map the page drew (SVG text or PNG bytes, as base64) where the user chooses; false
/// when the dialog was cancelled. The page cannot write files itself.
#[tauri::command]
#[specta::specta]
pub async fn save_map_image(
    app: AppHandle,
    state: State<'_, AppState>,
    file_name: String,
    format: MapImageFormat,
    base64: String,
) -> Result<bool, AppError> {
    state.actor().await?;
    let bytes = BASE64
        .decode(base64.as_bytes())
        .map_err(|_| AppError::new(ErrorCode::InvalidInput, "The image could not be read."))?;
    let (kind, extension, looks_right) = match format {
        MapImageFormat::Svg => (
            "SVG image",
            "svg",
            bytes.windows(4).take(4096).any(|w| w == b"<svg"),
        ),
        MapImageFormat::Png => ("PNG image", "png", bytes.starts_with(b"\x89PNG\r\n\x1a\n")),
    };
    if !looks_right {
        return Err(AppError::new(
            ErrorCode::InvalidInput,
            format!("The exported map is not a {kind}."),
        ));
    }
    let Some(path) =
        crate::dialog::save_file(&app, "Export the map", &file_name, kind, extension).await
    else {
        return Ok(false);
    };
    // Written beside the target and renamed, so a failed write never leaves half an image.
    let partial = path.with_extension(format!("{extension}.partial"));
    let written = async {
        tokio::fs::write(&partial, &bytes).await?;
        tokio::fs::rename(&partial, &path).await
    }
    .await;
    if let Err(error) = written {
        let _ = tokio::fs::remove_file(&partial).await;
        return Err(AppError::new(
            ErrorCode::Unavailable,
            format!("The map could not be saved to {}: {error}", path.display()),
        ));
    }
    Ok(true)
}
