//! A person's relationships in privacy requests: what their data export holds, and what erasing
//! them removes. Other people are named by reference number only: their data is not the
//! person's.

use serde_json::{json, Value};
use sqlx::SqliteConnection;

use crate::error::CoreResult;

/// Undo-log entries that mention the person: relationship rows holding the person's id and
/// notes (and the summary their name), or a group's or flow's rows naming them as a member or
/// participant.
const CHANGES_OF: &str = "SELECT c.id FROM relationship_changes c WHERE EXISTS (
    SELECT 1 FROM json_each(c.before) j WHERE c.subject IS NULL
      AND (json_extract(j.value, '$.fromContactId') = ?1 OR json_extract(j.value, '$.toContactId') = ?1)
    UNION ALL
    SELECT 1 FROM json_each(c.after) j WHERE c.subject IS NULL
      AND (json_extract(j.value, '$.fromContactId') = ?1 OR json_extract(j.value, '$.toContactId') = ?1)
    UNION ALL
    SELECT 1 FROM json_tree(c.before) t
    WHERE c.subject IS NOT NULL AND t.key = 'contactId' AND t.atom = ?1
    UNION ALL
    SELECT 1 FROM json_tree(c.after) t
    WHERE c.subject IS NOT NULL AND t.key = 'contactId' AND t.atom = ?1)";

/// Removes the person's relationships, group memberships, flow participations and undo-log
/// entries in the erasure's transaction, with the before/after values (notes) the audit kept
/// of their relationships. Returns how many audit payloads went.
pub(crate) async fn erase(conn: &mut SqliteConnection, contact_id: i64) -> CoreResult<u64> {
    // Events of relationships the person is (or was, before a removal) at either end of.
    let payloads = sqlx::query(
        "DELETE FROM audit_payloads WHERE seq IN (SELECT seq FROM audit_events
            WHERE entity = 'relationship' AND (
                entity_id IN (SELECT CAST(id AS TEXT) FROM relationships
                              WHERE from_contact_id = ?1 OR to_contact_id = ?1)
                OR json_extract(summary, '$.fromId') = CAST(?1 AS TEXT)
                OR json_extract(summary, '$.toId') = CAST(?1 AS TEXT)
                OR json_extract(summary, '$.previousToId') = CAST(?1 AS TEXT)))",
    )
    .bind(contact_id)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    sqlx::query(&format!(
        "DELETE FROM relationship_changes WHERE id IN ({CHANGES_OF})"
    ))
    .bind(contact_id)
    .execute(&mut *conn)
    .await?;
    for sql in [
        "DELETE FROM relationships WHERE from_contact_id = ?1 OR to_contact_id = ?1",
        "DELETE FROM map_group_members WHERE contact_id = ?1",
        "DELETE FROM communication_flow_participants WHERE contact_id = ?1",
    ] {
        sqlx::query(sql)
            .bind(contact_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(payloads)
}

/// The person's relationships, the levels and teams they belong to and the communication flows
/// they take part in (themselves or through a group), for their data export.
pub(crate) async fn export(conn: &mut SqliteConnection, contact_id: i64) -> CoreResult<Value> {
    #[allow(clippy::type_complexity)]
    let relationships: Vec<(
        i64,
        String,
        String,
        bool,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    )> = sqlx::query_as(
        "SELECT r.id, r.kind, k.label, r.from_contact_id = ?1, o.reference, r.note,
                r.starts_on, r.ends_on
             FROM relationships r JOIN relationship_kinds k ON k.code = r.kind
             JOIN contacts o ON o.id = CASE WHEN r.from_contact_id = ?1
                 THEN r.to_contact_id ELSE r.from_contact_id END
             WHERE r.from_contact_id = ?1 OR r.to_contact_id = ?1 ORDER BY r.id",
    )
    .bind(contact_id)
    .fetch_all(&mut *conn)
    .await?;
    let groups: Vec<(i64, String, String, String)> = sqlx::query_as(
        "SELECT g.id, a.name, g.kind, g.name FROM map_group_members m
         JOIN map_groups g ON g.id = m.group_id JOIN accounts a ON a.id = g.account_id
         WHERE m.contact_id = ? ORDER BY g.id",
    )
    .bind(contact_id)
    .fetch_all(&mut *conn)
    .await?;
    #[allow(clippy::type_complexity)]
    let flows: Vec<(
        i64,
        String,
        String,
        String,
        Option<String>,
        Option<String>,
        bool,
    )> = sqlx::query_as(
        "SELECT f.id, a.name, f.name, f.frequency, f.format, f.channel,
                EXISTS (SELECT 1 FROM communication_flow_participants d
                        WHERE d.flow_id = f.id AND d.contact_id = ?1)
             FROM communication_flows f JOIN accounts a ON a.id = f.account_id
             WHERE f.id IN (
                SELECT p.flow_id FROM communication_flow_participants p WHERE p.contact_id = ?1
                UNION
                SELECT p.flow_id FROM communication_flow_participants p
                JOIN map_group_members m ON m.group_id = p.group_id WHERE m.contact_id = ?1)
             ORDER BY f.id",
    )
    .bind(contact_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(json!({
        "relationships": relationships.into_iter().map(|r| json!({
            "id": r.0.to_string(),
            "kind": r.1,
            "label": r.2,
            "direction": if r.3 { "outgoing" } else { "incoming" },
            "otherReference": r.4,
            "note": r.5,
            "startsOn": r.6,
            "endsOn": r.7,
        })).collect::<Vec<_>>(),
        "groups": groups.into_iter().map(|g| json!({
            "id": g.0.to_string(),
            "account": g.1,
            "kind": g.2,
            "name": g.3,
        })).collect::<Vec<_>>(),
        "communicationFlows": flows.into_iter().map(|f| json!({
            "id": f.0.to_string(),
            "account": f.1,
            "name": f.2,
            "frequency": f.3,
            "format": f.4,
            "channel": f.5,
            "direct": f.6,
        })).collect::<Vec<_>>(),
    }))
}
