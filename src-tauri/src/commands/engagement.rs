//! Interactions, follow-ups, cadences, escalation and engagement figures, as the signed-in user
//! may see and change them, and the hourly escalation run. Reminders are raised by the shell
//! itself (`reminders.rs`).

use chrono::Utc;
use rapport_core::engagement as core;
use rapport_core::model::{
    Cadence, CadenceInput, ConsentWarning, Direction, EngagementMetrics, Escalation,
    EscalationPolicy, FollowUp, FollowUpCounts, FollowUpInput, FollowUpPage, FollowUpQuery,
    Interaction, InteractionChannel, InteractionInput, LoggedInteraction, TimelinePage,
    TimelineQuery,
};
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn interaction_consent(
    state: State<'_, AppState>,
    contact_ids: Vec<String>,
    channel: InteractionChannel,
    direction: Direction,
) -> Result<Vec<ConsentWarning>, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::consent_warnings(&ready.db, &actor, &contact_ids, channel, direction).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn log_interaction(
    state: State<'_, AppState>,
    input: InteractionInput,
) -> Result<LoggedInteraction, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::log_interaction(&ready.db, &actor, &input, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn get_interaction(
    state: State<'_, AppState>,
    id: String,
) -> Result<Interaction, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::get_interaction(&ready.db, &actor, &id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn update_interaction(
    state: State<'_, AppState>,
    id: String,
    version: u32,
    input: InteractionInput,
) -> Result<Interaction, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::update_interaction(&ready.db, &actor, &id, version, &input, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn delete_interaction(state: State<'_, AppState>, id: String) -> Result<(), AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::delete_interaction(&ready.db, &actor, &id, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn contact_timeline(
    state: State<'_, AppState>,
    contact_id: String,
    query: TimelineQuery,
) -> Result<TimelinePage, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::contact_timeline(&ready.db, &actor, &contact_id, &query).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn account_timeline(
    state: State<'_, AppState>,
    account_id: String,
    query: TimelineQuery,
) -> Result<TimelinePage, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::account_timeline(&ready.db, &actor, &account_id, &query).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn create_follow_up(
    state: State<'_, AppState>,
    input: FollowUpInput,
) -> Result<FollowUp, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::create_follow_up(&ready.db, &actor, &input, Utc::now()).await?)
}

/// What can happen to a follow-up after it is made.
#[derive(Debug, Clone, Copy, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum FollowUpChange {
    Complete,
    Reopen,
    Cancel,
}

#[tauri::command]
#[specta::specta]
pub async fn change_follow_up(
    state: State<'_, AppState>,
    id: String,
    change: FollowUpChange,
) -> Result<FollowUp, AppError> {
    let (ready, actor) = state.actor().await?;
    let (db, now) = (&ready.db, Utc::now());
    Ok(match change {
        FollowUpChange::Complete => core::complete_follow_up(db, &actor, &id, now).await?,
        FollowUpChange::Reopen => core::reopen_follow_up(db, &actor, &id, now).await?,
        FollowUpChange::Cancel => core::cancel_follow_up(db, &actor, &id, now).await?,
    })
}

#[tauri::command]
#[specta::specta]
pub async fn reassign_follow_up(
    state: State<'_, AppState>,
    id: String,
    owner: String,
) -> Result<FollowUp, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::reassign_follow_up(&ready.db, &actor, &id, &owner, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn my_follow_ups(
    state: State<'_, AppState>,
    query: FollowUpQuery,
) -> Result<FollowUpPage, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::my_follow_ups(&ready.db, &actor, &query, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn overdue_follow_ups(
    state: State<'_, AppState>,
    query: FollowUpQuery,
) -> Result<FollowUpPage, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::overdue_queue(&ready.db, &actor, &query, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn contact_follow_ups(
    state: State<'_, AppState>,
    contact_id: String,
) -> Result<Vec<FollowUp>, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::contact_follow_ups(&ready.db, &actor, &contact_id, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn follow_up_counts(state: State<'_, AppState>) -> Result<FollowUpCounts, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::follow_up_counts(&ready.db, &actor, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn get_cadence(
    state: State<'_, AppState>,
    contact_id: String,
) -> Result<Option<Cadence>, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::get_cadence(&ready.db, &actor, &contact_id, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn set_cadence(
    state: State<'_, AppState>,
    contact_id: String,
    input: CadenceInput,
) -> Result<Cadence, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::set_cadence(&ready.db, &actor, &contact_id, &input, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn remove_cadence(
    state: State<'_, AppState>,
    contact_id: String,
) -> Result<(), AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::remove_cadence(&ready.db, &actor, &contact_id, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn cadence_queue(state: State<'_, AppState>) -> Result<Vec<Cadence>, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::cadence_queue(&ready.db, &actor, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn get_escalation_policy(
    state: State<'_, AppState>,
) -> Result<EscalationPolicy, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::load_policy(&ready.db, &actor).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn save_escalation_policy(
    state: State<'_, AppState>,
    policy: EscalationPolicy,
) -> Result<EscalationPolicy, AppError> {
    let (ready, actor) = state.actor().await?;
    let saved = core::save_policy(&ready.db, &actor, policy, Utc::now()).await?;
    // A stricter policy applies to the contacts already waiting, not only from the next hour.
    core::run_escalation(&ready.db, Utc::now()).await?;
    Ok(saved)
}

#[tauri::command]
#[specta::specta]
pub async fn escalation_queue(state: State<'_, AppState>) -> Result<Vec<Escalation>, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::escalation_queue(&ready.db, &actor).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn non_responsive_contacts(
    state: State<'_, AppState>,
    territory_id: Option<String>,
) -> Result<Vec<Escalation>, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::non_responsive_contacts(&ready.db, &actor, territory_id.as_deref()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn resolve_escalation(
    state: State<'_, AppState>,
    id: String,
) -> Result<Escalation, AppError> {
    let (ready, actor) = state.actor().await?;
    Ok(core::resolve_escalation(&ready.db, &actor, &id, Utc::now()).await?)
}

/// Whose engagement figures to compute.
#[derive(Debug, Clone, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", tag = "of", content = "id")]
pub enum MetricsOf {
    Contact(String),
    Account(String),
    /// Everyone the user sees, or one territory of theirs.
    Scope(Option<String>),
}

#[tauri::command]
#[specta::specta]
pub async fn engagement_metrics(
    state: State<'_, AppState>,
    of: MetricsOf,
) -> Result<EngagementMetrics, AppError> {
    let (ready, actor) = state.actor().await?;
    let db = &ready.db;
    Ok(match of {
        MetricsOf::Contact(id) => core::contact_metrics(db, &actor, &id).await?,
        MetricsOf::Account(id) => core::account_metrics(db, &actor, &id).await?,
        MetricsOf::Scope(territory) => {
            core::scope_metrics(db, &actor, territory.as_deref()).await?
        }
    })
}

/// The hourly (and start-up) escalation run; a failure is logged and tried again next hour.
pub async fn scheduled_escalation(state: &AppState) {
    let Ok(ready) = state.ready().await else {
        return;
    };
    match core::run_escalation(&ready.db, Utc::now()).await {
        Ok(run) => tracing::info!(?run, "escalation run"),
        Err(error) => tracing::warn!(%error, "escalation run failed"),
    }
}
