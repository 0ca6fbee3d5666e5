//! Saved views of the contact list: a name for a search, filters and sort. Personal views are
//! their owner's; shared ones are offered to everyone, and each user's scope still applies.

use chrono::Utc;
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::access::{authorize, Action, Actor};
use crate::audit::{self, Event, Who};
use crate::error::{CoreError, CoreResult};
use crate::model::{parse_id, ContactFilter, ContactSort};
use crate::store::timestamp;
use crate::Database;

/// What a view restores.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct ViewQuery {
    pub search: Option<String>,
    pub filter: ContactFilter,
    pub sort: ContactSort,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SavedView {
    pub id: String,
    pub name: String,
    pub shared: bool,
    /// Display name of the user who saved it.
    pub owner: String,
    /// The signed-in user's own view (they may change or delete it).
    pub mine: bool,
    pub query: ViewQuery,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SavedViewInput {
    /// Absent for a new view.
    pub id: Option<String>,
    pub name: String,
    pub shared: bool,
    pub query: ViewQuery,
}

/// The user's views and everyone's shared ones, by name.
pub async fn list(db: &Database, actor: &Actor) -> CoreResult<Vec<SavedView>> {
    authorize(db, actor, Action::ViewContacts).await?;
    let rows: Vec<(i64, String, bool, String, i64, String)> = sqlx::query_as(
        "SELECT v.id, v.name, v.shared, u.display_name, v.user_id, v.query
         FROM saved_views v JOIN users u ON u.id = v.user_id
         WHERE v.user_id = ? OR v.shared = 1 ORDER BY v.name COLLATE NOCASE, v.id",
    )
    .bind(actor.user_id())
    .fetch_all(db.reader())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, shared, owner, user_id, query)| SavedView {
            id: id.to_string(),
            name,
            shared,
            owner,
            mine: user_id == actor.user_id(),
            query: serde_json::from_str(&query).unwrap_or_default(),
        })
        .collect())
}

/// Creates or renames/changes one of the user's own views.
pub async fn save(db: &Database, actor: &Actor, input: &SavedViewInput) -> CoreResult<SavedView> {
    authorize(db, actor, Action::ViewContacts).await?;
    let name = crate::validate::text(&input.name);
    if name.is_empty() {
        return Err(CoreError::invalid("name", "is required"));
    }
    if name.chars().count() > 80 {
        return Err(CoreError::invalid("name", "is longer than 80 characters"));
    }
    let query = serde_json::to_string(&input.query).unwrap_or_default();
    let now = timestamp(Utc::now());
    let mut tx = db.write().await?;
    let clash: Option<i64> =
        sqlx::query_scalar("SELECT id FROM saved_views WHERE user_id = ? AND name = ?")
            .bind(actor.user_id())
            .bind(&name)
            .fetch_optional(&mut *tx)
            .await?;
    let id = match &input.id {
        Some(id) => {
            let id = parse_id("view", id)?;
            if clash.is_some_and(|c| c != id) {
                return Err(CoreError::invalid(
                    "name",
                    "you already have a view with this name",
                ));
            }
            let changed = sqlx::query(
                "UPDATE saved_views SET name = ?, shared = ?, query = ?, updated_at = ?
                 WHERE id = ? AND user_id = ?",
            )
            .bind(&name)
            .bind(input.shared)
            .bind(&query)
            .bind(&now)
            .bind(id)
            .bind(actor.user_id())
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed == 0 {
                return Err(CoreError::not_found("view", id.to_string()));
            }
            id
        }
        None => {
            if clash.is_some() {
                return Err(CoreError::invalid(
                    "name",
                    "you already have a view with this name",
                ));
            }
            sqlx::query(
                "INSERT INTO saved_views (user_id, name, shared, query, created_at, updated_at)
                 VALUES (?, ?, ?, ?, ?, ?)",
            )
            .bind(actor.user_id())
            .bind(&name)
            .bind(input.shared)
            .bind(&query)
            .bind(&now)
            .bind(&now)
            .execute(&mut *tx)
            .await?
            .last_insert_rowid()
        }
    };
    audit::record(
        &mut tx,
        Who::User(actor),
        Utc::now(),
        Event::new("save", "saved_view", Some(id.to_string()))
            .summary(json!({ "shared": input.shared })),
    )
    .await?;
    tx.commit().await?;
    Ok(SavedView {
        id: id.to_string(),
        name,
        shared: input.shared,
        owner: actor.display_name().to_string(),
        mine: true,
        query: input.query.clone(),
    })
}

/// Deletes one of the user's own views.
pub async fn delete(db: &Database, actor: &Actor, id: &str) -> CoreResult<()> {
    authorize(db, actor, Action::ViewContacts).await?;
    let number = parse_id("view", id)?;
    let mut tx = db.write().await?;
    let gone = sqlx::query("DELETE FROM saved_views WHERE id = ? AND user_id = ?")
        .bind(number)
        .bind(actor.user_id())
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if gone == 0 {
        return Err(CoreError::not_found("view", id));
    }
    audit::record(
        &mut tx,
        Who::User(actor),
        Utc::now(),
        Event::new("delete", "saved_view", Some(number.to_string())),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
