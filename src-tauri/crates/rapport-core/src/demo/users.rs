//! One demo user per role. Their passwords are public on purpose: the sign-in screen shows
//! them in demo databases only.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::access::users::{create_by_system, UserInput};
use crate::error::{CoreError, CoreResult};
use crate::model::Role;
use crate::Database;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DemoUser {
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub password: String,
    /// The region or territory the user is scoped to, in words.
    pub scope: String,
}

pub const PASSWORD: &str = "rapport-demo";

/// The demo regional manager's region and the territory manager's territory.
pub const REGION_CODE: &str = "UKI";
pub const TERRITORY_CODE: &str = "UKI-SCO";

/// (username, name, role, region or territory code)
const USERS: &[(&str, &str, Role, Option<&str>)] = &[
    ("admin", "Sam Okafor", Role::SiteAdmin, None),
    (
        "regional",
        "Priya Raman",
        Role::RegionalManager,
        Some(REGION_CODE),
    ),
    (
        "territory",
        "Tom Becker",
        Role::TerritoryManager,
        Some(TERRITORY_CODE),
    ),
    ("billing", "Dana Whitfield", Role::BillingAdmin, None),
];

async fn scope_name(
    db: &Database,
    role: Role,
    code: Option<&str>,
) -> CoreResult<(Option<String>, String)> {
    let Some(code) = code else {
        let words = match role {
            Role::BillingAdmin => "billing contacts in every territory",
            _ => "everything",
        };
        return Ok((None, words.into()));
    };
    let table = if role == Role::RegionalManager {
        "regions"
    } else {
        "territories"
    };
    let row: Option<(i64, String)> =
        sqlx::query_as(&format!("SELECT id, name FROM {table} WHERE code = ?"))
            .bind(code)
            .fetch_optional(db.reader())
            .await?;
    let (id, name) = row.ok_or_else(|| CoreError::not_found("region or territory", code))?;
    Ok((Some(id.to_string()), name))
}

/// The demo users with their scope, as the sign-in screen lists them.
pub async fn list(db: &Database) -> CoreResult<Vec<DemoUser>> {
    let mut users = Vec::new();
    for (username, display_name, role, code) in USERS {
        let (_, scope) = scope_name(db, *role, *code).await?;
        users.push(DemoUser {
            username: (*username).into(),
            display_name: (*display_name).into(),
            role: *role,
            password: PASSWORD.into(),
            scope,
        });
    }
    Ok(users)
}

/// Creates the demo users in a database that has the demo organisation.
pub async fn create(db: &Database, now: DateTime<Utc>) -> CoreResult<Vec<DemoUser>> {
    let mut inputs = Vec::new();
    for (username, display_name, role, code) in USERS {
        let (id, _) = scope_name(db, *role, *code).await?;
        let ids: Vec<String> = id.into_iter().collect();
        inputs.push(UserInput {
            username: (*username).into(),
            display_name: (*display_name).into(),
            role: *role,
            region_ids: if *role == Role::RegionalManager {
                ids.clone()
            } else {
                Vec::new()
            },
            territory_ids: if *role == Role::TerritoryManager {
                ids
            } else {
                Vec::new()
            },
            disabled: false,
            password: Some(PASSWORD.into()),
        });
    }
    let mut tx = db.write().await?;
    for input in &inputs {
        create_by_system(&mut tx, input, now).await?;
    }
    tx.commit().await?;
    list(db).await
}
