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
        ifnull(c.job_title, '') || ' ' || ifnull(c.department, '') AS title
    FROM contacts c WHERE {where}";

fn insert_words(filter: &str) -> String {
    format!(
        "INSERT INTO contact_words (rowid, name, email, phone, company, title)
         SELECT id, name, email, phone, company, title FROM ({})",
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
/// derive them again. The benchmark's row-by-row comparison runs the two inserts.
pub fn index_one_statements() -> [String; 4] {
    [
        "DELETE FROM contact_words WHERE rowid = ?1".into(),
        "DELETE FROM contact_grams WHERE rowid = ?1".into(),
        insert_words("c.id = ?1"),
        insert_grams("c.id = ?1"),
    ]
}

/// Indexes every contact with an id at or above `first_id` (just bulk-loaded, not yet indexed),
/// then merges the index into one segment so queries read as little as possible.
pub async fn index_from(conn: &mut SqliteConnection, first_id: i64) -> CoreResult<()> {
    sqlx::query(&insert_words("c.id >= ?1"))
        .bind(first_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(&insert_grams("c.id >= ?1"))
        .bind(first_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("INSERT INTO contact_words (contact_words) VALUES ('optimize')")
        .execute(&mut *conn)
        .await?;
    sqlx::query("INSERT INTO contact_grams (contact_grams) VALUES ('optimize')")
        .execute(&mut *conn)
        .await?;
    Ok(())
}
