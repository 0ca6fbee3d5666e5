//! The contact list, search, counts and detail, as the signed-in user may see them.

use rapport_core::audit::{self as core_audit, FieldChange};
use rapport_core::model::{
    ContactCount, ContactCountQuery, ContactDetail, ContactListQuery, ContactPage, TerritoryOption,
};
use rapport_core::store::{contacts, organisation};
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn list_contacts(
    state: State<'_, AppState>,
    query: ContactListQuery,
) -> Result<ContactPage, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(contacts::list(&ready.db, &actor, &query).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn count_contacts(
    state: State<'_, AppState>,
    query: ContactCountQuery,
) -> Result<ContactCount, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(contacts::count(&ready.db, &actor, &query).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn get_contact(
    state: State<'_, AppState>,
    id: String,
) -> Result<ContactDetail, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(contacts::get(&ready.db, &actor, &id, &ready.home_country).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn contact_history(
    state: State<'_, AppState>,
    id: String,
) -> Result<Vec<FieldChange>, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core_audit::contact_history(&ready.db, &actor, &id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn list_territories(
    state: State<'_, AppState>,
) -> Result<Vec<TerritoryOption>, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(organisation::list_territories(&ready.db, &actor).await?)
}
