//! The organisation's data collection standard for imports: the fields every imported record
//! must have (seed 003), set by a site administrator and applied to the app's and the CLI's
//! imports alike.

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::checks::REQUIRABLE;
use super::ImportField;
use crate::access::{authorize, Action, Actor};
use crate::audit::{self, Event, Who};
use crate::error::{CoreError, CoreResult};
use crate::store::settings;
use crate::Database;

/// Setting: field keys every import requires, a JSON array.
const REQUIRED_SETTING: &str = "import_required_fields";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportPolicy {
    /// Keys from [`requirable_fields`]; a record missing one is rejected as
    /// `missing_required_field:<key>`.
    pub required: Vec<String>,
    /// Every field that can be required, for the settings screen (ignored when saving).
    #[serde(default)]
    pub requirable: Vec<ImportField>,
}

/// The fields that can be required, with names for people.
pub fn requirable_fields() -> Vec<ImportField> {
    REQUIRABLE
        .iter()
        .map(|key| ImportField {
            key: key.to_string(),
            label: match *key {
                "given_name" => "Given name",
                "family_name" => "Family name",
                "organization" => "Organisation",
                "department" => "Department",
                "job_title" => "Job title",
                "email" => "Email address",
                "phone" => "Phone number",
                "address" => "Address",
                "birthday" => "Birthday",
                _ => "Categories",
            }
            .to_string(),
        })
        .collect()
}

pub async fn load_policy(db: &Database) -> CoreResult<ImportPolicy> {
    let required = settings::get(db.reader(), REQUIRED_SETTING)
        .await?
        .and_then(|v| serde_json::from_str(&v).ok())
        .unwrap_or_default();
    Ok(ImportPolicy {
        required,
        requirable: requirable_fields(),
    })
}

/// Checks `asked` and adds them to the organisation's required fields; unknown keys are
/// refused by name.
pub(crate) async fn required_fields(db: &Database, asked: &[String]) -> CoreResult<Vec<String>> {
    let mut required = load_policy(db).await?.required;
    for field in asked {
        let field = checked_key("require", field)?;
        if !required.iter().any(|r| r == field) {
            required.push(field.to_string());
        }
    }
    Ok(required)
}

fn checked_key<'a>(name: &str, field: &'a str) -> CoreResult<&'a str> {
    let field = field.trim();
    if REQUIRABLE.contains(&field) {
        Ok(field)
    } else {
        Err(CoreError::invalid(
            name,
            format!(
                "\"{field}\" is not a field that can be required; use one of {}",
                REQUIRABLE.join(", ")
            ),
        ))
    }
}

/// Changes the required fields (site administrators only; audited).
pub async fn save_policy(db: &Database, actor: &Actor, policy: ImportPolicy) -> CoreResult<()> {
    authorize(db, actor, Action::Administer).await?;
    let mut required: Vec<String> = Vec::new();
    for field in &policy.required {
        let field = checked_key("required", field)?.to_string();
        if !required.contains(&field) {
            required.push(field);
        }
    }
    let before = load_policy(db).await?;
    let after = ImportPolicy {
        required,
        requirable: Vec::new(),
    };
    let mut tx = db.write().await?;
    settings::put(
        &mut tx,
        REQUIRED_SETTING,
        &serde_json::to_string(&after.required).unwrap_or_else(|_| "[]".into()),
    )
    .await?;
    audit::record(
        &mut tx,
        Who::User(actor),
        chrono::Utc::now(),
        Event::new("update", "import_policy", None)
            .summary(json!({ "before": before.required, "after": after.required })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
