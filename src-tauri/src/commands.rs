//! Tauri commands: each takes the state, calls the core and maps the error. No rules here.

use rapport_core::model::{
    ContactCount, ContactCountQuery, ContactDetail, ContactListQuery, ContactPage, TerritoryOption,
};
use rapport_core::store::{contacts, organisation};
use serde::Serialize;
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    pub database_path: String,
    pub is_demo: bool,
    pub contact_count: u32,
}

#[tauri::command]
#[specta::specta]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, AppError> {
    let ready = state.ready()?;
    let count = contacts::count(ready.db.reader(), &ContactCountQuery::default()).await?;
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").into(),
        database_path: ready.db.path().display().to_string(),
        is_demo: ready.is_demo,
        contact_count: count.count,
    })
}

#[tauri::command]
#[specta::specta]
pub async fn list_contacts(
    state: State<'_, AppState>,
    query: ContactListQuery,
) -> Result<ContactPage, AppError> {
    let ready = state.ready()?;
    Ok(contacts::list(ready.db.reader(), &query).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn count_contacts(
    state: State<'_, AppState>,
    query: ContactCountQuery,
) -> Result<ContactCount, AppError> {
    Ok(contacts::count(state.ready()?.db.reader(), &query).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn get_contact(
    state: State<'_, AppState>,
    id: String,
) -> Result<ContactDetail, AppError> {
    let ready = state.ready()?;
    Ok(contacts::get(ready.db.reader(), &id, &ready.home_country).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn list_territories(
    state: State<'_, AppState>,
) -> Result<Vec<TerritoryOption>, AppError> {
    Ok(organisation::list_territories(state.ready()?.db.reader()).await?)
}
