//! The contact lifecycle: creating and editing contacts from the shared form, duplicate checks
//! while typing, status changes (deactivation, archival, reactivation, verification, primary
//! contacts), privacy requests, wizard drafts, saved list views and bulk actions.
//!
//! Reading contacts lives in `store::contacts`; everything that changes one lives here, and each
//! change is validated, scoped, audited and re-indexed in the transaction that makes it.

pub mod bulk;
pub mod drafts;
pub mod duplicate_scan;
pub mod duplicates;
pub mod findings;
pub mod form;
pub mod merge;
pub mod name_match;
pub mod options;
pub mod policy;
pub mod privacy;
pub mod status;
pub mod views;
pub mod write;

use sqlx::SqliteConnection;

use crate::access::{authorize, Action, Actor};
use crate::error::CoreResult;
use crate::store::{contacts, search_index};
use crate::Database;

/// Re-derives one contact's search documents after a change, in the caller's transaction.
pub(crate) async fn reindex(conn: &mut SqliteConnection, id: i64) -> CoreResult<()> {
    for sql in search_index::index_one_statements() {
        sqlx::query(&sql).bind(id).execute(&mut *conn).await?;
    }
    Ok(())
}

/// The id of a contact the actor may change with `action`: the role must allow it, and the
/// contact must be in scope (`not_found` otherwise, audited).
pub(crate) async fn changeable_id(
    db: &Database,
    actor: &Actor,
    id: &str,
    action: Action,
    what: &str,
) -> CoreResult<i64> {
    authorize(db, actor, action).await?;
    contacts::visible_id(db, actor, id, what).await
}
