//! Relationship kinds: the four built in and those administrators add.

use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::SqliteConnection;

use super::{Problems, MAX_NAME_CHARS};
use crate::access::{authorize, Action, Actor};
use crate::audit::{self, Change, Event, Who};
use crate::error::{CoreError, CoreResult};
use crate::model::{RelationshipKind, RelationshipKindInput};
use crate::Database;

const MAX_CODE_CHARS: usize = 40;

pub(crate) async fn all(conn: &mut SqliteConnection) -> CoreResult<Vec<RelationshipKind>> {
    let rows: Vec<(String, String, bool, bool, bool)> = sqlx::query_as(
        "SELECT code, label, built_in, hierarchical, directed FROM relationship_kinds
         ORDER BY built_in DESC, label, code",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(code, label, built_in, hierarchical, directed)| RelationshipKind {
                code,
                label,
                built_in,
                hierarchical,
                directed,
            },
        )
        .collect())
}

/// The kind with this code; `field` names the input in the problem when there is none.
pub(crate) async fn find(
    conn: &mut SqliteConnection,
    code: &str,
    field: &str,
) -> CoreResult<RelationshipKind> {
    all(conn)
        .await?
        .into_iter()
        .find(|k| k.code == code)
        .ok_or_else(|| {
            CoreError::invalid(field, format!("there is no relationship kind \"{code}\""))
        })
}

/// Every relationship kind, built-in first.
pub async fn list_kinds(db: &Database, actor: &Actor) -> CoreResult<Vec<RelationshipKind>> {
    authorize(db, actor, Action::ViewContacts).await?;
    let mut conn = db.reader().acquire().await?;
    all(&mut conn).await
}

/// A code made from a label: lower case letters, digits and underscores.
fn code_from(label: &str) -> String {
    let mut code = String::new();
    for c in label.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            code.push(c);
        } else if !code.ends_with('_') && !code.is_empty() {
            code.push('_');
        }
    }
    code.trim_end_matches('_')
        .chars()
        .take(MAX_CODE_CHARS)
        .collect()
}

/// Adds a kind (no code given: it is made from the label) or changes one (administrators
/// only). A built-in kind keeps its rules and may only be relabelled; a kind in use keeps
/// whether it is a hierarchy and whether it is directed, since its relationships were checked
/// by those rules.
pub async fn save_kind(
    db: &Database,
    actor: &Actor,
    input: &RelationshipKindInput,
    now: DateTime<Utc>,
) -> CoreResult<RelationshipKind> {
    authorize(db, actor, Action::Administer).await?;
    let mut p = Problems::default();
    let label = p.line("label", &input.label, MAX_NAME_CHARS);
    p.finish()?;
    let mut tx = db.write().await?;
    let existing = match input.code.as_deref().map(str::trim) {
        Some(code) if !code.is_empty() => Some(find(&mut tx, code, "code").await?),
        _ => None,
    };
    let code = match &existing {
        Some(kind) => kind.code.clone(),
        None => {
            let code = code_from(&label);
            if code.is_empty() {
                return Err(CoreError::invalid(
                    "label",
                    "needs a letter or digit to make a code from",
                ));
            }
            if all(&mut tx)
                .await?
                .iter()
                .any(|k| k.code == code || k.label.eq_ignore_ascii_case(&label))
            {
                return Err(CoreError::invalid(
                    "label",
                    format!("there is already a kind called \"{label}\""),
                ));
            }
            code
        }
    };
    let saved = match existing {
        Some(kind) => {
            let rules_change =
                kind.hierarchical != input.hierarchical || kind.directed != input.directed;
            if rules_change && kind.built_in {
                return Err(CoreError::invalid(
                    "hierarchical",
                    "a built-in kind keeps its rules; only its label can change",
                ));
            }
            let used: bool =
                sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM relationships WHERE kind = ?)")
                    .bind(&code)
                    .fetch_one(&mut *tx)
                    .await?;
            if rules_change && used {
                return Err(CoreError::invalid(
                    "hierarchical",
                    "relationships of this kind exist; its rules can no longer change",
                ));
            }
            sqlx::query(
                "UPDATE relationship_kinds SET label = ?, hierarchical = ?, directed = ?
                 WHERE code = ?",
            )
            .bind(&label)
            .bind(input.hierarchical)
            .bind(input.directed)
            .bind(&code)
            .execute(&mut *tx)
            .await?;
            audit::record(
                &mut tx,
                Who::User(actor),
                now,
                Event::new("update", "relationship_kind", Some(code.clone())).changes(vec![
                    Change::new("label", kind.label.clone(), label.clone()),
                    Change::new("hierarchical", kind.hierarchical, input.hierarchical),
                    Change::new("directed", kind.directed, input.directed),
                ]),
            )
            .await?;
            RelationshipKind {
                label,
                hierarchical: input.hierarchical,
                directed: input.directed,
                ..kind
            }
        }
        None => {
            sqlx::query(
                "INSERT INTO relationship_kinds (code, label, built_in, hierarchical, directed)
                 VALUES (?, ?, 0, ?, ?)",
            )
            .bind(&code)
            .bind(&label)
            .bind(input.hierarchical)
            .bind(input.directed)
            .execute(&mut *tx)
            .await?;
            audit::record(
                &mut tx,
                Who::User(actor),
                now,
                Event::new("create", "relationship_kind", Some(code.clone())).summary(json!({
                    "label": label,
                    "hierarchical": input.hierarchical,
                    "directed": input.directed,
                })),
            )
            .await?;
            RelationshipKind {
                code,
                label,
                built_in: false,
                hierarchical: input.hierarchical,
                directed: input.directed,
            }
        }
    };
    tx.commit().await?;
    Ok(saved)
}

#[cfg(test)]
mod tests {
    use super::code_from;

    #[test]
    fn codes_are_made_from_labels() {
        assert_eq!(code_from("Mentor of"), "mentor_of");
        assert_eq!(code_from("  Sponsor / Champion! "), "sponsor_champion");
        assert_eq!(code_from("!!"), "");
    }
}
