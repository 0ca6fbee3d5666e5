//! `rapport contact add`: creates a contact from a JSON form, with exactly the rules of the
//! app's wizard, for scripts that add people one at a time.

use std::io::Read;
use std::path::Path;

use rapport_core::contact::write;
use rapport_core::model::ContactInput;
use rapport_core::store::settings;
use rapport_core::{CoreError, Database};

use crate::emit;

/// Reads the form from a file, or from standard input for `-`.
fn read_input(path: &Path) -> anyhow::Result<ContactInput> {
    let mut text = String::new();
    if path == Path::new("-") {
        std::io::stdin().read_to_string(&mut text)?;
    } else {
        text = std::fs::read_to_string(path)
            .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
    }
    serde_json::from_str(&text).map_err(|e| {
        anyhow::anyhow!(
            "{} is not a contact form: {e} (see the README's `rapport contact add` for the fields)",
            path.display()
        )
    })
}

/// Creates the contact; field problems are printed one per line (or as JSON) before the error.
pub async fn add(
    db: &Database,
    actor: &rapport_core::access::Actor,
    input: &Path,
    json: bool,
) -> anyhow::Result<()> {
    let input = read_input(input)?;
    let home = settings::home_country(db.reader()).await?;
    match write::create(db, actor, &input, &home).await {
        Ok(created) => {
            if json {
                emit(&serde_json::to_string(&created)?)?;
            } else {
                emit(&format!(
                    "Created {} (id {}).",
                    created.reference, created.id
                ))?;
                for warning in &created.warnings {
                    emit(&format!("warning: {}: {}", warning.field, warning.message))?;
                }
            }
            Ok(())
        }
        Err(error @ CoreError::InvalidFields(_)) => {
            if json {
                let report =
                    serde_json::json!({ "error": error.code(), "problems": error.fields() });
                emit(&report.to_string())?;
            } else {
                for problem in error.fields() {
                    eprintln!("{}: {}", problem.field, problem.message);
                }
            }
            Err(error.into())
        }
        Err(error) => Err(error.into()),
    }
}
