//! `rapport merge` and `rapport unmerge`: merging duplicate contacts field by field, and undoing
//! a merge, with the review screen's rules, for scripts.

use chrono::Utc;
use rapport_core::access::Actor;
use rapport_core::contact::merge::{self, MergeInput};
use rapport_core::model::contact_reference;
use rapport_core::{CoreError, Database};
use serde_json::json;

use crate::emit;

/// `FIELD=ID` of `--prefer`: the record whose value of FIELD wins.
pub fn parse_prefer(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((field, id)) if !field.trim().is_empty() && !id.trim().is_empty() => {
            Ok((field.trim().to_string(), id.trim().to_string()))
        }
        _ => Err(format!(
            "expected FIELD=ID (e.g. jobTitle=123), got {text:?}; fields: {}",
            merge::FIELDS
                .iter()
                .map(|(f, _)| *f)
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

fn reference_of(id: &str) -> String {
    id.parse::<i64>()
        .map(contact_reference)
        .unwrap_or_else(|_| id.to_string())
}

/// Field problems as JSON on standard output (for scripts), before the error itself.
fn report_problems(error: &CoreError, json: bool) -> anyhow::Result<()> {
    if json && !error.fields().is_empty() {
        let report = json!({ "error": error.code(), "problems": error.fields() });
        emit(&report.to_string())?;
    }
    Ok(())
}

pub async fn merge(
    db: &Database,
    actor: &Actor,
    into: &str,
    ids: &[String],
    prefer: &[(String, String)],
    json: bool,
) -> anyhow::Result<()> {
    let mut contact_ids = vec![into.to_string()];
    contact_ids.extend(ids.iter().cloned());
    let input = MergeInput {
        survivor_id: into.to_string(),
        contact_ids,
        choices: prefer.iter().cloned().collect(),
    };
    match merge::merge(db, actor, &input, Utc::now()).await {
        Ok(outcome) => {
            if json {
                let report = json!({
                    "mergeId": outcome.merge_id,
                    "survivor": outcome.survivor_id,
                    "merged": outcome.merged,
                });
                emit(&report.to_string())?;
            } else {
                let merged: Vec<String> = outcome.merged.iter().map(|m| reference_of(m)).collect();
                emit(&format!(
                    "Merged {} into {} (merge {}). Undo with `rapport unmerge {}`.",
                    merged.join(", "),
                    reference_of(&outcome.survivor_id),
                    outcome.merge_id,
                    outcome.merge_id
                ))?;
            }
            Ok(())
        }
        Err(error) => {
            report_problems(&error, json)?;
            Err(error.into())
        }
    }
}

pub async fn unmerge(
    db: &Database,
    actor: &Actor,
    merge_id: &str,
    json: bool,
) -> anyhow::Result<()> {
    let outcome = merge::unmerge(db, actor, merge_id, Utc::now()).await?;
    if json {
        let report = json!({
            "mergeId": outcome.merge_id,
            "survivor": outcome.survivor_id,
            "restored": outcome.merged,
        });
        emit(&report.to_string())?;
    } else {
        let restored: Vec<String> = outcome.merged.iter().map(|m| reference_of(m)).collect();
        emit(&format!(
            "Undid merge {}: {} restored beside {}.",
            outcome.merge_id,
            restored.join(", "),
            reference_of(&outcome.survivor_id)
        ))?;
    }
    Ok(())
}
