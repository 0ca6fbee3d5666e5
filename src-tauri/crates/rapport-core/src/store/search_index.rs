//! The two full-text indexes over contacts: `contact_words` (word prefixes, one column per kind
//! of text) and `contact_grams` (trigrams, for text inside words). Both are contentless; their
//! documents are derived here from the contact tables, in the same transaction as the change.

use sqlx::SqliteConnection;

use crate::error::CoreResult;

/// One search document per contact. The `{where}` placeholder selects which contacts.
const DOCUMENTS: &str = "
    SELECT c.id AS id,
        c.first_name || ' ' || ifnull(c.middle_name, '') || ' ' || c.last_name || ' '
            || ifnull(c.preferred_name, '') || ' ' || ifnull(c.suffix, '') AS name,
        ifnull((SELECT group_concat(e.address, ' ') FROM contact_emails e
                WHERE e.contact_id = c.id), '') AS email,
        ifnull((SELECT group_concat(p.search_digits, ' ') FROM contact_phones p
                WHERE p.contact_id = c.id), '') AS phone,
        ifnull((SELECT group_concat(DISTINCT a.name) FROM contact_sites cs
                JOIN sites s ON s.id = cs.site_id JOIN accounts a ON a.id = s.account_id
                WHERE cs.contact_id = c.id), ifnull(c.company, '')) AS company,
        ifnull(c.job_title, '') || ' ' || ifnull(c.department, '') AS title,
        ifnull((SELECT group_concat('t' || s.territory_id || ' r' || t.region_id, ' ')
                FROM contact_sites cs JOIN sites s ON s.id = cs.site_id
                JOIN territories t ON t.id = s.territory_id
                WHERE cs.contact_id = c.id), 'unassigned')
            || CASE WHEN EXISTS (SELECT 1 FROM contact_sites cs WHERE cs.contact_id = c.id
                    AND (c.contact_type = 'billing' OR cs.role = 'billing'))
                THEN ' billing' ELSE '' END
            || CASE WHEN c.status = 'archived' THEN ' archived' ELSE '' END AS scope
    FROM contacts c WHERE {where}";

fn insert_words(filter: &str) -> String {
    format!(
        "INSERT INTO contact_words (rowid, name, email, phone, company, title, scope)
         SELECT id, name, email, phone, company, title, scope FROM ({})",
        DOCUMENTS.replace("{where}", filter)
    )
}

fn insert_grams(filter: &str) -> String {
    format!(
        "INSERT INTO contact_grams (rowid, text)
         SELECT id, name || ' ' || email || ' ' || phone || ' ' || company || ' ' || title
         FROM ({})",
        DOCUMENTS.replace("{where}", filter)
    )
}

/// Statements that (re)index one contact, bound to its id as `?1`: delete both documents, then
/// derive them again.
pub fn index_one_statements() -> [String; 4] {
    [
        "DELETE FROM contact_words WHERE rowid = ?1".into(),
        "DELETE FROM contact_grams WHERE rowid = ?1".into(),
        insert_words("c.id = ?1"),
        insert_grams("c.id = ?1"),
    ]
}

/// The two full-text indexes.
const INDEXES: [&str; 2] = ["contact_words", "contact_grams"];

/// FTS5's buffer of pending terms while many contacts are indexed at once. FTS5 writes them out
/// as a new segment each time they fill the buffer, and then merges those segments again; with
/// this size instead of FTS5's own, indexing 266,000 imported contacts took 17 s instead of
/// 23 s and the process grew by under 100 MB.
pub const BULK_INDEX_BUFFER: u32 = 128 * 1024 * 1024;
/// FTS5's own buffer size, for the small changes of everyday edits.
pub const INDEX_BUFFER: u32 = 1024 * 1024;

/// Statements that set both indexes' buffer of pending terms to `bytes`. The setting is stored
/// in each index's config table, inside the caller's transaction.
pub fn index_buffer_statements(bytes: u32) -> [String; 2] {
    INDEXES.map(|index| format!("INSERT INTO {index} ({index}, rank) VALUES ('hashsize', {bytes})"))
}

/// Statements that index the contacts from `?1` to `?2`, none indexed yet: one per index, so
/// FTS5 writes each out in large segments. The benchmark's raw-SQLite comparison runs them too,
/// with the buffer at [`BULK_INDEX_BUFFER`] meanwhile.
pub fn index_span_statements() -> [String; 2] {
    [
        insert_words("c.id BETWEEN ?1 AND ?2"),
        insert_grams("c.id BETWEEN ?1 AND ?2"),
    ]
}

/// Indexes every contact with an id at or above `first_id` (just bulk-loaded, not yet indexed),
/// then merges the index into one segment so queries read as little as possible.
pub async fn index_from(conn: &mut SqliteConnection, first_id: i64) -> CoreResult<()> {
    index_range(conn, first_id, true).await
}

/// Indexes the contacts from `first_id` on. `optimize` merges the whole index afterwards:
/// worth it after a load that makes up much of the index, too slow (a minute at a million
/// contacts) after a small one, which FTS5's automatic merging absorbs.
pub async fn index_range(
    conn: &mut SqliteConnection,
    first_id: i64,
    optimize: bool,
) -> CoreResult<()> {
    index_span(&mut *conn, first_id, i64::MAX).await?;
    if optimize {
        self::optimize(conn).await?;
    }
    Ok(())
}

/// Indexes the contacts from `first_id` to `last_id`, neither indexed yet.
pub async fn index_span(
    conn: &mut SqliteConnection,
    first_id: i64,
    last_id: i64,
) -> CoreResult<()> {
    set_index_buffer(&mut *conn, BULK_INDEX_BUFFER).await?;
    for statement in index_span_statements() {
        sqlx::query(&statement)
            .bind(first_id)
            .bind(last_id)
            .execute(&mut *conn)
            .await?;
    }
    set_index_buffer(&mut *conn, INDEX_BUFFER).await
}

async fn set_index_buffer(conn: &mut SqliteConnection, bytes: u32) -> CoreResult<()> {
    for statement in index_buffer_statements(bytes) {
        sqlx::query(&statement).execute(&mut *conn).await?;
    }
    Ok(())
}

/// Merges each full-text index into one segment.
pub async fn optimize(conn: &mut SqliteConnection) -> CoreResult<()> {
    for index in INDEXES {
        sqlx::query(&format!(
            "INSERT INTO {index} ({index}) VALUES ('optimize')"
        ))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Re-derives the word documents of the contacts `filter` selects (SQL over `c`, binding one
/// id as `?1`), after a change to what their scope tokens come from (a site moved to another
/// territory, a territory to another region).
pub async fn reindex_words(conn: &mut SqliteConnection, filter: &str, id: i64) -> CoreResult<()> {
    sqlx::query(&format!(
        "DELETE FROM contact_words WHERE rowid IN (SELECT c.id FROM contacts c WHERE {filter})"
    ))
    .bind(id)
    .execute(&mut *conn)
    .await?;
    sqlx::query(&insert_words(filter))
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
