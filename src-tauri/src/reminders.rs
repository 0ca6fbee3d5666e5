//! Desktop notifications for what fell due: every minute the signed-in user's new reminders
//! (follow-ups, stay-in-touch cadences, escalations) are raised and marked, so a restart neither
//! repeats nor loses one. A locked or signed-out session waits: notifications name people.

use chrono::Utc;
use rapport_core::engagement;
use rapport_core::model::{DueNotice, NoticeKey, NoticeKind};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;

use crate::state::AppState;

/// More than this at once become one summary notification instead of a stack of them.
const SHOWN_ONE_BY_ONE: usize = 3;

/// Raises the user's new reminders; returns how many were raised.
pub async fn raise_due<R: Runtime>(app: &AppHandle<R>) -> usize {
    let state = app.state::<AppState>();
    let Ok((ready, actor)) = state.actor().await else {
        return 0;
    };
    let notices = match engagement::due_notifications(&ready.db, &actor, Utc::now()).await {
        Ok(notices) => notices,
        Err(error) => {
            tracing::warn!(%error, "reading due reminders failed");
            return 0;
        }
    };
    if notices.is_empty() {
        return 0;
    }
    for (title, body) in texts(&notices) {
        // A desktop without a notification service (a bare X server) refuses; the reminders
        // still wait in the user's queue, so the mark below stands.
        if let Err(error) = app
            .notification()
            .builder()
            .title(&title)
            .body(&body)
            .show()
        {
            tracing::warn!(%error, "the desktop did not show a notification");
        }
        #[cfg(feature = "e2e")]
        crate::commands::e2e::record_notification(&title, &body);
    }
    let keys: Vec<NoticeKey> = notices
        .iter()
        .map(|n| NoticeKey {
            kind: n.kind,
            id: n.id.clone(),
        })
        .collect();
    if let Err(error) = engagement::mark_notified(&ready.db, &actor, &keys, Utc::now()).await {
        tracing::warn!(%error, "marking reminders as shown failed");
    }
    notices.len()
}

/// Title and body of each notification to show.
fn texts(notices: &[DueNotice]) -> Vec<(String, String)> {
    if notices.len() > SHOWN_ONE_BY_ONE {
        let names: Vec<&str> = notices
            .iter()
            .take(SHOWN_ONE_BY_ONE)
            .map(|n| n.contact.display_name.as_str())
            .collect();
        return vec![(
            format!("{} reminders are due", notices.len()),
            format!("{} and others: see My work in Rapport.", names.join(", ")),
        )];
    }
    notices
        .iter()
        .map(|n| {
            let what = match n.kind {
                NoticeKind::FollowUp => "Follow-up due",
                NoticeKind::Cadence => "Time to get in touch",
                NoticeKind::Escalation => "Escalated to you",
            };
            (
                format!("{what}: {}", n.contact.display_name),
                n.title.clone(),
            )
        })
        .collect()
}
