//! Who may do what: users and sign-in, roles and their reach, and the SQL scope of contacts.

mod actor;
pub mod password;
pub mod policy;
pub mod role;
pub mod scope;
pub mod signin;
pub mod totp;
pub mod users;

pub use actor::{Actor, Permission, UserProfile};
pub use role::{Action, Reach};

use chrono::Utc;
use serde_json::json;

use crate::audit::{self, Event, Who};
use crate::error::{CoreError, CoreResult};
use crate::Database;

/// Checks the matrix for `action`; a refusal is audited before it is returned.
pub async fn authorize(db: &Database, actor: &Actor, action: Action) -> CoreResult<Reach> {
    match actor.reach(action) {
        Ok(reach) => Ok(reach),
        Err(error) => {
            audit_denial(db, actor, "permission", None, action.describe()).await?;
            Err(error)
        }
    }
}

/// Records that `actor` was refused `what` on an entity (or an id outside their scope).
pub async fn audit_denial(
    db: &Database,
    actor: &Actor,
    entity: &'static str,
    entity_id: Option<String>,
    what: &str,
) -> CoreResult<()> {
    audit::record_alone(
        db,
        Who::User(actor),
        Utc::now(),
        Event::new("denied", entity, entity_id).summary(json!({ "attempted": what })),
    )
    .await
}

/// `not_found` for an id outside the actor's scope, audited like any denial.
pub async fn out_of_scope(
    db: &Database,
    actor: &Actor,
    entity: &'static str,
    id: &str,
    what: &str,
) -> CoreError {
    if let Err(error) = audit_denial(db, actor, entity, Some(id.to_string()), what).await {
        return error;
    }
    CoreError::not_found(entity, id)
}
