//! The import history, and undoing a whole import: the contacts it created are deleted and the
//! contacts it updated are put back as they were, in one transaction.

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::json;

use super::snapshot;
use crate::access::{authorize, Action, Actor};
use crate::audit::{self, Event, Who};
use crate::error::{CoreError, CoreResult};
use crate::model::Role;
use crate::store::timestamp;
use crate::Database;

/// One import as the history lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    pub id: String,
    pub file_name: String,
    pub format: String,
    pub encoding: String,
    /// The importing user's sign-in name and the name people know them by.
    pub user: Option<String>,
    pub user_name: Option<String>,
    pub site_id: Option<String>,
    /// "Site, Account" as the target was called when listed.
    pub site_name: Option<String>,
    pub records: u32,
    pub imported: u32,
    pub updated: u32,
    pub skipped: u32,
    pub rejected: u32,
    pub created_at: DateTime<Utc>,
    pub undone_at: Option<DateTime<Utc>>,
    pub undone_by: Option<String>,
    pub undone_by_name: Option<String>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    file_name: String,
    format: String,
    encoding: String,
    user: Option<String>,
    user_name: Option<String>,
    user_id: Option<i64>,
    site_id: Option<i64>,
    site_name: Option<String>,
    records: i64,
    imported: i64,
    updated: i64,
    skipped: i64,
    rejected: i64,
    created_at: DateTime<Utc>,
    undone_at: Option<DateTime<Utc>>,
    undone_by: Option<String>,
    undone_by_name: Option<String>,
    first_id: Option<i64>,
    last_id: Option<i64>,
}

const SELECT: &str = "SELECT i.id, i.file_name, i.format, i.encoding, u.username AS user,
        u.display_name AS user_name, i.user_id, i.site_id, s.name || ', ' || a.name AS site_name,
        i.records, i.imported, i.updated, i.skipped, i.rejected,
        i.created_at, i.undone_at, b.username AS undone_by,
        b.display_name AS undone_by_name, i.first_id, i.last_id
    FROM imports i LEFT JOIN users u ON u.id = i.user_id LEFT JOIN users b ON b.id = i.undone_by
    LEFT JOIN sites s ON s.id = i.site_id LEFT JOIN accounts a ON a.id = s.account_id";

fn small(n: i64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Row {
    fn summary(self) -> ImportSummary {
        ImportSummary {
            id: self.id.to_string(),
            file_name: self.file_name,
            format: self.format,
            encoding: self.encoding,
            user: self.user,
            user_name: self.user_name,
            site_id: self.site_id.map(|s| s.to_string()),
            site_name: self.site_name,
            records: small(self.records),
            imported: small(self.imported),
            updated: small(self.updated),
            skipped: small(self.skipped),
            rejected: small(self.rejected),
            created_at: self.created_at,
            undone_at: self.undone_at,
            undone_by: self.undone_by,
            undone_by_name: self.undone_by_name,
        }
    }
}

/// The imports the actor may see, newest first: site administrators see every import, others
/// their own.
pub async fn list_imports(db: &Database, actor: &Actor) -> CoreResult<Vec<ImportSummary>> {
    authorize(db, actor, Action::Import).await?;
    let mine = actor.role() != Role::SiteAdmin;
    let sql = format!("{SELECT} WHERE (? = 0 OR i.user_id = ?) ORDER BY i.id DESC LIMIT 500");
    let rows: Vec<Row> = sqlx::query_as(&sql)
        .bind(mine)
        .bind(actor.user_id())
        .fetch_all(db.reader())
        .await?;
    Ok(rows.into_iter().map(Row::summary).collect())
}

/// What an undo did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct UndoReport {
    pub import_id: String,
    /// Contacts the import created, now deleted.
    pub removed: u32,
    /// Contacts the import updated, now as they were before it.
    pub restored: u32,
    /// Of those, contacts someone changed after the import: their later changes are gone too.
    pub changed_since: u32,
}

/// Undoes a whole import. Only the person who imported, or a site administrator, may.
pub async fn undo_import(db: &Database, actor: &Actor, import_id: &str) -> CoreResult<UndoReport> {
    authorize(db, actor, Action::Import).await?;
    let not_found = || CoreError::not_found("import", import_id);
    let id: i64 = import_id.trim().parse().map_err(|_| not_found())?;
    let mut tx = db.write().await?;
    let row: Row = sqlx::query_as(&format!("{SELECT} WHERE i.id = ?"))
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(not_found)?;
    if actor.role() != Role::SiteAdmin && row.user_id != Some(actor.user_id()) {
        return Err(not_found());
    }
    if row.undone_at.is_some() {
        return Err(CoreError::invalid(
            "import",
            "this import was already undone",
        ));
    }
    let now = Utc::now();
    let import_time = timestamp(row.created_at);
    let mut changed_since: i64 = 0;
    let mut removed = 0;
    if let (Some(first), Some(last)) = (row.first_id, row.last_id) {
        changed_since += sqlx::query_scalar::<_, i64>(
            "SELECT count(*) FROM contacts WHERE id BETWEEN ? AND ? AND version > 1",
        )
        .bind(first)
        .bind(last)
        .fetch_one(&mut *tx)
        .await?;
        for index in ["contact_words", "contact_grams"] {
            sqlx::query(&format!("DELETE FROM {index} WHERE rowid BETWEEN ? AND ?"))
                .bind(first)
                .bind(last)
                .execute(&mut *tx)
                .await?;
        }
        removed = sqlx::query("DELETE FROM contacts WHERE id BETWEEN ? AND ?")
            .bind(first)
            .bind(last)
            .execute(&mut *tx)
            .await?
            .rows_affected();
    }
    let updates: Vec<(i64, Option<String>)> =
        sqlx::query_as("SELECT contact_id, before FROM import_updates WHERE import_id = ?")
            .bind(id)
            .fetch_all(&mut *tx)
            .await?;
    let mut restored = 0;
    for (contact_id, before) in updates {
        let Some(before) = before.and_then(|b| serde_json::from_str(&b).ok()) else {
            continue;
        };
        let updated_after: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM audit_events WHERE entity = 'contact'
                 AND entity_id = CAST(? AS TEXT) AND at > ? AND action <> 'import_update')",
        )
        .bind(contact_id)
        .bind(&import_time)
        .fetch_one(&mut *tx)
        .await
        .unwrap_or(false);
        if updated_after {
            changed_since += 1;
        }
        snapshot::restore(&mut tx, contact_id, &before).await?;
        crate::contact::reindex(&mut tx, contact_id).await?;
        restored += 1;
    }
    sqlx::query("UPDATE imports SET undone_at = ?, undone_by = ? WHERE id = ?")
        .bind(timestamp(now))
        .bind(actor.user_id())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        Who::User(actor),
        now,
        Event::new("undo_import", "import", Some(id.to_string())).summary(json!({
            "file": row.file_name,
            "removed": removed,
            "restored": restored,
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(UndoReport {
        import_id: id.to_string(),
        removed: u32::try_from(removed).unwrap_or(u32::MAX),
        restored,
        changed_since: u32::try_from(changed_since).unwrap_or(u32::MAX),
    })
}
