//! The new-contact wizard's draft: one per user, saved as the user moves through the steps and
//! removed when the contact is created or the user discards it.

use chrono::Utc;

use crate::access::{authorize, Action, Actor};
use crate::error::CoreResult;
use crate::model::{ContactDraft, ContactInput};
use crate::store::timestamp;
use crate::Database;

pub async fn load(db: &Database, actor: &Actor) -> CoreResult<Option<ContactDraft>> {
    authorize(db, actor, Action::EditContacts).await?;
    let row: Option<(i64, String, chrono::DateTime<Utc>)> =
        sqlx::query_as("SELECT step, body, updated_at FROM contact_drafts WHERE user_id = ?")
            .bind(actor.user_id())
            .fetch_optional(db.reader())
            .await?;
    Ok(row.and_then(|(step, body, updated_at)| {
        // A draft from an older form shape is dropped rather than half-restored.
        let input: ContactInput = serde_json::from_str(&body).ok()?;
        Some(ContactDraft {
            step: u32::try_from(step).unwrap_or(0),
            input,
            updated_at: Some(updated_at),
        })
    }))
}

pub async fn save(db: &Database, actor: &Actor, step: u32, input: &ContactInput) -> CoreResult<()> {
    authorize(db, actor, Action::EditContacts).await?;
    let body = serde_json::to_string(input).unwrap_or_default();
    let mut tx = db.write().await?;
    sqlx::query(
        "INSERT INTO contact_drafts (user_id, step, body, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET step = excluded.step, body = excluded.body,
             updated_at = excluded.updated_at",
    )
    .bind(actor.user_id())
    .bind(i64::from(step))
    .bind(body)
    .bind(timestamp(Utc::now()))
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn discard(db: &Database, actor: &Actor) -> CoreResult<()> {
    let mut tx = db.write().await?;
    sqlx::query("DELETE FROM contact_drafts WHERE user_id = ?")
        .bind(actor.user_id())
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}
