//! A contact's stored rows as JSON, taken before an import changes it, so undo can put back
//! exactly what was there (photo included), whatever the columns are.

use base64::Engine;
use serde_json::{Map, Value};
use sqlx::sqlite::SqliteRow;
use sqlx::{Column, QueryBuilder, Row, Sqlite, SqliteConnection, TypeInfo, ValueRef};

use crate::error::CoreResult;

/// The tables an import writes to, with the column naming the contact.
const TABLES: [(&str, &str); 7] = [
    ("contacts", "id"),
    ("contact_emails", "contact_id"),
    ("contact_phones", "contact_id"),
    ("contact_addresses", "contact_id"),
    ("contact_tags", "contact_id"),
    ("contact_sites", "contact_id"),
    ("contact_related", "contact_id"),
];

fn value_of(row: &SqliteRow, i: usize) -> CoreResult<Value> {
    let raw = row.try_get_raw(i)?;
    if raw.is_null() {
        return Ok(Value::Null);
    }
    let kind = raw.type_info().name().to_string();
    Ok(match kind.as_str() {
        "INTEGER" => Value::from(row.try_get::<i64, _>(i)?),
        "REAL" => Value::from(row.try_get::<f64, _>(i)?),
        "BLOB" => {
            let bytes: Vec<u8> = row.try_get(i)?;
            let mut blob = Map::new();
            blob.insert(
                "blob".into(),
                base64::engine::general_purpose::STANDARD
                    .encode(bytes)
                    .into(),
            );
            Value::Object(blob)
        }
        _ => Value::from(row.try_get::<String, _>(i)?),
    })
}

/// Every row of the contact, table by table.
pub async fn take(conn: &mut SqliteConnection, contact_id: i64) -> CoreResult<Value> {
    let mut tables = Map::new();
    for (table, key) in TABLES {
        let rows = sqlx::query(&format!("SELECT * FROM {table} WHERE {key} = ?"))
            .bind(contact_id)
            .fetch_all(&mut *conn)
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in &rows {
            let mut object = Map::new();
            for (i, column) in row.columns().iter().enumerate() {
                object.insert(column.name().to_string(), value_of(row, i)?);
            }
            out.push(Value::Object(object));
        }
        tables.insert(table.to_string(), Value::Array(out));
    }
    Ok(Value::Object(tables))
}

fn push_json(builder: &mut QueryBuilder<'_, Sqlite>, value: &Value) {
    match value {
        Value::Null => builder.push_bind(Option::<i64>::None),
        Value::Bool(b) => builder.push_bind(i64::from(*b)),
        Value::Number(n) => match n.as_i64() {
            Some(i) => builder.push_bind(i),
            None => builder.push_bind(n.as_f64().unwrap_or_default()),
        },
        Value::String(s) => builder.push_bind(s.clone()),
        Value::Object(o) => {
            let bytes = o
                .get("blob")
                .and_then(Value::as_str)
                .and_then(|b| base64::engine::general_purpose::STANDARD.decode(b).ok())
                .unwrap_or_default();
            builder.push_bind(bytes)
        }
        Value::Array(_) => builder.push_bind(value.to_string()),
    };
}

/// Writes a snapshot back: the contact's own row updated in place (its id and everything that
/// refers to it stay), the other tables' rows replaced.
pub async fn restore(
    conn: &mut SqliteConnection,
    contact_id: i64,
    snapshot: &Value,
) -> CoreResult<()> {
    for (table, key) in TABLES {
        let rows = snapshot
            .get(table)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        if table == "contacts" {
            let Some(Value::Object(row)) = rows.first() else {
                continue;
            };
            let mut builder = QueryBuilder::<Sqlite>::new("UPDATE contacts SET ");
            for (i, (column, value)) in row.iter().filter(|(c, _)| c.as_str() != "id").enumerate() {
                if i > 0 {
                    builder.push(", ");
                }
                builder.push(format!("{column} = "));
                push_json(&mut builder, value);
            }
            builder.push(" WHERE id = ").push_bind(contact_id);
            builder.build().execute(&mut *conn).await?;
            continue;
        }
        sqlx::query(&format!("DELETE FROM {table} WHERE {key} = ?"))
            .bind(contact_id)
            .execute(&mut *conn)
            .await?;
        for row in rows {
            let Value::Object(row) = row else { continue };
            let columns: Vec<&String> = row.keys().collect();
            let mut builder = QueryBuilder::<Sqlite>::new(format!(
                "INSERT INTO {table} ({}) VALUES (",
                columns
                    .iter()
                    .map(|c| c.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            for (i, column) in columns.iter().enumerate() {
                if i > 0 {
                    builder.push(", ");
                }
                push_json(&mut builder, &row[column.as_str()]);
            }
            builder.push(")");
            builder.build().execute(&mut *conn).await?;
        }
    }
    Ok(())
}
