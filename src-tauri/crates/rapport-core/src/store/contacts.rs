//! Reading contacts: the keyset-paged list, search, counts and the full detail.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use sqlx::{FromRow, QueryBuilder, Row, Sqlite, SqlitePool};

use crate::access::scope::{push_contact_scope, push_unassigned, search_scope};
use crate::access::{authorize, out_of_scope, Action, Actor, Reach};
use crate::audit::{self, Event, Who};
use crate::error::{CoreError, CoreResult};
use crate::model::*;
use crate::phone;
use crate::search::SearchText;
use crate::Database;

/// Largest page a caller may ask for.
pub const MAX_PAGE: u32 = 500;
/// Search counts stop here; the UI shows "10,000+".
pub const COUNT_CAP: u32 = 10_000;

/// The list's columns; the name, company, type and status indexes cover them (see the migration).
const ROW_COLUMNS: &str = "c.id, c.reference, c.display_name, c.job_title, c.company,
    c.contact_type, c.status, c.primary_email, c.primary_phone_display,
    (SELECT t.name FROM territories t WHERE t.id = c.territory_id) AS territory, c.updated_at";

#[derive(sqlx::FromRow)]
struct RowRecord {
    id: i64,
    reference: String,
    display_name: String,
    job_title: Option<String>,
    company: Option<String>,
    contact_type: ContactType,
    status: ContactStatus,
    primary_email: Option<String>,
    primary_phone_display: Option<String>,
    territory: Option<String>,
    updated_at: DateTime<Utc>,
}

impl RowRecord {
    fn into_row(self) -> ContactRow {
        ContactRow {
            id: self.id.to_string(),
            reference: self.reference,
            display_name: self.display_name,
            job_title: self.job_title,
            company: self.company,
            contact_type: self.contact_type,
            status: self.status,
            email: self.primary_email,
            phone: self.primary_phone_display,
            territory: self.territory,
            updated_at: self.updated_at,
        }
    }
}

/// Where the next page starts. Opaque to callers.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "m")]
enum Cursor {
    /// Sorted list: the sort-key values and id of the last row.
    B { k: Vec<String>, id: i64 },
    /// Search: the tier (0 name, 1 elsewhere, 2 inside words) and the last index rowid.
    S { t: u8, id: i64 },
}

impl Cursor {
    fn decode(text: &str) -> CoreResult<Self> {
        serde_json::from_str(text)
            .map_err(|_| CoreError::invalid("cursor", "is not a cursor this list handed out"))
    }

    fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The key columns that order the list for a sort column; `c.id` always ends the key.
fn sort_keys(column: SortColumn) -> &'static [&'static str] {
    match column {
        SortColumn::Name => &["c.name_key"],
        SortColumn::Company => &["c.company_key"],
        SortColumn::JobTitle => &["c.title_key"],
        SortColumn::ContactType => &["c.contact_type", "c.name_key"],
        SortColumn::Status => &["c.status", "c.name_key"],
        SortColumn::UpdatedAt => &["c.updated_at"],
        // References are zero-padded ids; ordering by id is the same and stays right past C-999999.
        SortColumn::Reference => &[],
    }
}

/// The user's filters, then the actor's scope: every contact query goes through here.
fn push_filter(
    builder: &mut QueryBuilder<'_, Sqlite>,
    actor: &Actor,
    filter: &ContactFilter,
) -> CoreResult<()> {
    push_contact_scope(builder, actor);
    if filter.unassigned {
        push_unassigned(builder);
    }
    if let Some(contact_type) = filter.contact_type {
        builder
            .push(" AND c.contact_type = ")
            .push_bind(contact_type.as_str());
    }
    if let Some(status) = filter.status {
        builder.push(" AND c.status = ").push_bind(status.as_str());
    }
    if let Some(stage) = filter.lifecycle_stage {
        builder
            .push(" AND c.lifecycle_stage = ")
            .push_bind(stage.as_str());
    }
    if let Some(change) = filter.changed {
        push_change(builder, change);
    }
    if let Some(territory) = &filter.territory_id {
        let territory = parse_id("territory", territory)?;
        builder
            .push(
                " AND EXISTS (SELECT 1 FROM contact_sites cs JOIN sites s ON s.id = cs.site_id
                  WHERE cs.contact_id = c.id AND s.territory_id = ",
            )
            .push_bind(territory)
            .push(")");
    }
    Ok(())
}

/// Created, changed or deactivated since an instant; each reads one index range (see the
/// dashboard migration).
pub(crate) fn push_change(builder: &mut QueryBuilder<'_, Sqlite>, change: ChangeFilter) {
    let since = super::timestamp(change.since);
    match change.kind {
        ChangeKind::Created => {
            builder.push(" AND c.created_at >= ").push_bind(since);
        }
        ChangeKind::Updated => {
            builder
                .push(" AND c.updated_at >= ")
                .push_bind(since.clone())
                .push(" AND c.created_at < ")
                .push_bind(since);
        }
        ChangeKind::Deactivated => {
            builder
                .push(" AND c.status IN ('inactive', 'archived') AND c.status_changed_at >= ")
                .push_bind(since);
        }
    }
}

/// The contacts a count reads, as [`count`] reads them without a search: every contact for a
/// site administrator, else the scope's posting list joined to the contacts (through the
/// narrow `contacts_scoped`, not the wide rows); then the actor's
/// scope and `filter`. `select` names what to compute (`count(*)`, grouped columns, ...); the
/// caller may add more conditions and a GROUP BY. The dashboard counts through here so its
/// figures are the list's.
pub(crate) fn counted<'a>(
    select: &str,
    scope: Option<&str>,
    actor: &'a Actor,
    filter: &ContactFilter,
) -> CoreResult<QueryBuilder<'a, Sqlite>> {
    // A change since an instant is a short range of its index: reading that range and checking
    // the scope of each row in it beats walking the whole scope's posting list (a region holds
    // hundreds of thousands of contacts, a month's changes a few thousand).
    let scope = scope.filter(|_| filter.changed.is_none());
    let mut builder = match scope {
        None => QueryBuilder::new(format!("SELECT {select} FROM contacts c WHERE 1")),
        Some(scope) => {
            let mut b = QueryBuilder::new(format!(
                "SELECT {select} FROM contact_words
                 CROSS JOIN contacts c INDEXED BY contacts_scoped ON c.id = contact_words.rowid
                 WHERE contact_words MATCH "
            ));
            b.push_bind(scope.to_string());
            b
        }
    };
    push_filter(&mut builder, actor, filter)?;
    Ok(builder)
}

/// Checks the actor may view contacts, and may use the site administrators' unassigned view.
async fn authorize_view(db: &Database, actor: &Actor, filter: &ContactFilter) -> CoreResult<()> {
    let reach = authorize(db, actor, Action::ViewContacts).await?;
    if filter.unassigned && reach != Reach::All {
        crate::access::audit_denial(db, actor, "contact", None, "see unassigned contacts").await?;
        return Err(CoreError::Forbidden {
            action: "see contacts that have no site yet".into(),
        });
    }
    Ok(())
}

/// One page of the contact list, or of search matches when `query.search` has text, limited to
/// what `actor` may see.
pub async fn list(
    db: &Database,
    actor: &Actor,
    query: &ContactListQuery,
) -> CoreResult<ContactPage> {
    authorize_view(db, actor, &query.filter).await?;
    let pool = db.reader();
    let limit = query.limit.clamp(1, MAX_PAGE);
    let cursor = query.cursor.as_deref().map(Cursor::decode).transpose()?;
    let search = query.search.as_deref().and_then(SearchText::parse);
    match search {
        None => browse(pool, actor, query, cursor, limit).await,
        Some(search) => find(pool, actor, &search, &query.filter, cursor, limit).await,
    }
}

async fn browse(
    pool: &SqlitePool,
    actor: &Actor,
    query: &ContactListQuery,
    cursor: Option<Cursor>,
    limit: u32,
) -> CoreResult<ContactPage> {
    let keys = sort_keys(query.sort.column);
    let desc = query.sort.direction == SortDirection::Desc;
    let key_columns: String = keys
        .iter()
        .enumerate()
        .map(|(i, k)| format!(", {k} AS k{i}"))
        .collect();
    let mut builder = QueryBuilder::new(format!(
        "SELECT {ROW_COLUMNS}{key_columns} FROM contacts c WHERE 1"
    ));
    push_filter(&mut builder, actor, &query.filter)?;
    match cursor {
        Some(Cursor::B { k, id }) if k.len() == keys.len() => {
            builder.push(" AND (");
            for key in keys {
                builder.push(*key).push(", ");
            }
            builder
                .push("c.id) ")
                .push(if desc { "< (" } else { "> (" });
            for value in k {
                builder.push_bind(value).push(", ");
            }
            builder.push_bind(id).push(")");
        }
        Some(_) => {
            return Err(CoreError::invalid(
                "cursor",
                "belongs to another sort order",
            ))
        }
        None => {}
    }
    let direction = if desc { " DESC" } else { " ASC" };
    builder.push(" ORDER BY ");
    for key in keys {
        builder.push(*key).push(direction).push(", ");
    }
    builder
        .push("c.id")
        .push(direction)
        .push(" LIMIT ")
        .push_bind(i64::from(limit));

    let rows = builder.build().fetch_all(pool).await?;
    // The last row's sort keys (selected as k0, k1, ...) start the next page.
    let next_cursor = match rows.last() {
        Some(last) if rows.len() == limit as usize => {
            let k = (0..keys.len())
                .map(|i| last.try_get::<String, _>(format!("k{i}").as_str()))
                .collect::<Result<Vec<_>, _>>()?;
            Some(
                Cursor::B {
                    k,
                    id: last.try_get("id")?,
                }
                .encode(),
            )
        }
        _ => None,
    };
    let records = rows
        .iter()
        .map(RowRecord::from_row)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ContactPage {
        rows: records.into_iter().map(RowRecord::into_row).collect(),
        next_cursor,
        mode: ListMode::Browse,
    })
}

/// The FTS expression and index of a search tier; word-index tiers carry the actor's scope.
fn tier_query(
    search: &SearchText,
    tier: u8,
    scope: Option<&str>,
) -> Option<(&'static str, String)> {
    let words = |expression: String| match scope {
        Some(scope) => ("contact_words", format!("({expression}) AND {scope}")),
        None => ("contact_words", expression),
    };
    match tier {
        0 if search.is_phone => Some(words(search.prefix.clone())),
        0 => Some(words(search.name_tier())),
        1 if search.is_phone => None,
        1 => Some(words(search.other_tier())),
        2 => search.substring.clone().map(|q| ("contact_grams", q)),
        _ => None,
    }
}

async fn fetch_tier(
    pool: &SqlitePool,
    actor: &Actor,
    index: &str,
    expression: &str,
    filter: &ContactFilter,
    after: i64,
    limit: usize,
) -> CoreResult<Vec<RowRecord>> {
    // CROSS JOIN keeps the index as the outer loop, so rows come in rowid order and the
    // LIMIT stops the scan early instead of ranking every match.
    let mut builder = QueryBuilder::new(format!(
        "SELECT {ROW_COLUMNS} FROM {index} CROSS JOIN contacts c ON c.id = {index}.rowid
         WHERE {index} MATCH "
    ));
    builder.push_bind(expression.to_string());
    builder
        .push(format!(" AND {index}.rowid > "))
        .push_bind(after);
    push_filter(&mut builder, actor, filter)?;
    builder
        .push(format!(" ORDER BY {index}.rowid LIMIT "))
        .push_bind(limit as i64);
    Ok(builder.build_query_as().fetch_all(pool).await?)
}

async fn find(
    pool: &SqlitePool,
    actor: &Actor,
    search: &SearchText,
    filter: &ContactFilter,
    cursor: Option<Cursor>,
    limit: u32,
) -> CoreResult<ContactPage> {
    let fresh = cursor.is_none();
    let (mut tier, mut after) = match cursor {
        None => (0, 0),
        Some(Cursor::S { t, id }) => (t.min(2), id),
        Some(_) => {
            return Err(CoreError::invalid(
                "cursor",
                "belongs to the unfiltered list",
            ))
        }
    };
    let limit = limit as usize;
    let scope = search_scope(pool, actor).await?;
    let scope = scope.as_deref();
    let mut records = Vec::new();
    if tier < 2 {
        loop {
            if let Some((index, expression)) = tier_query(search, tier, scope) {
                let wanted = limit - records.len();
                records.extend(
                    fetch_tier(pool, actor, index, &expression, filter, after, wanted).await?,
                );
            }
            if records.len() == limit || tier == 1 {
                break;
            }
            tier += 1;
            after = 0;
        }
        // Only when no word starts with the text: look inside words.
        if fresh && records.is_empty() {
            tier = 2;
            after = 0;
        }
    }
    if tier == 2 {
        if let Some((index, expression)) = tier_query(search, 2, scope) {
            records = fetch_tier(pool, actor, index, &expression, filter, after, limit).await?;
        }
    }
    let mode = if tier == 2 {
        ListMode::Substring
    } else {
        ListMode::Prefix
    };
    let next_cursor = match records.last() {
        Some(last) if records.len() == limit => Some(
            Cursor::S {
                t: tier,
                id: last.id,
            }
            .encode(),
        ),
        _ => None,
    };
    Ok(ContactPage {
        rows: records.into_iter().map(RowRecord::into_row).collect(),
        next_cursor,
        mode,
    })
}

/// How many contacts the list (or search) would show. Search counts stop at [`COUNT_CAP`].
pub async fn count(
    db: &Database,
    actor: &Actor,
    query: &ContactCountQuery,
) -> CoreResult<ContactCount> {
    authorize_view(db, actor, &query.filter).await?;
    let pool = db.reader();
    let scope = search_scope(pool, actor).await?;
    match query.search.as_deref().and_then(SearchText::parse) {
        None => {
            // A scoped count starts from the scope's posting list, not from every contact;
            // without other filters the posting list alone is the answer (the tokens are
            // written with the contact, in the same transaction).
            let mut builder = match &scope {
                None => counted("count(*)", None, actor, &query.filter)?,
                Some(scope) if query.filter == ContactFilter::default() => {
                    let mut b = QueryBuilder::new(
                        "SELECT count(*) FROM contact_words WHERE contact_words MATCH ",
                    );
                    b.push_bind(scope.clone());
                    let n: i64 = b.build_query_scalar().fetch_one(pool).await?;
                    return Ok(ContactCount {
                        count: u32::try_from(n).unwrap_or(u32::MAX),
                        exact: true,
                    });
                }
                Some(scope) => counted("count(*)", Some(scope), actor, &query.filter)?,
            };
            let n: i64 = builder.build_query_scalar().fetch_one(pool).await?;
            Ok(ContactCount {
                count: u32::try_from(n).unwrap_or(u32::MAX),
                exact: true,
            })
        }
        Some(search) => {
            let words = match &scope {
                Some(scope) => format!("({}) AND {scope}", search.anywhere()),
                None => search.anywhere(),
            };
            let n = count_matches(pool, actor, "contact_words", &words, &query.filter).await?;
            let n = match (n, &search.substring) {
                (0, Some(substring)) => {
                    count_matches(pool, actor, "contact_grams", substring, &query.filter).await?
                }
                (n, _) => n,
            };
            Ok(ContactCount {
                count: n.min(COUNT_CAP),
                exact: n <= COUNT_CAP,
            })
        }
    }
}

async fn count_matches(
    pool: &SqlitePool,
    actor: &Actor,
    index: &str,
    expression: &str,
    filter: &ContactFilter,
) -> CoreResult<u32> {
    let mut builder = QueryBuilder::new(format!(
        "SELECT count(*) FROM (SELECT 1 FROM {index} CROSS JOIN contacts c ON c.id = {index}.rowid
         WHERE {index} MATCH "
    ));
    builder.push_bind(expression.to_string());
    push_filter(&mut builder, actor, filter)?;
    builder
        .push(" LIMIT ")
        .push_bind(i64::from(COUNT_CAP) + 1)
        .push(")");
    let n: i64 = builder.build_query_scalar().fetch_one(pool).await?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// Where the contacts of a bulk selection ("everything this query matches") are read from.
enum Selection {
    /// Every contact row: a site administrator without a search.
    Table,
    /// The rows of a full-text index that match an expression.
    Index(&'static str, String),
}

impl Selection {
    /// Chosen as [`count`] and the list choose: a search reads the word index, or the trigram
    /// index when no word starts with the text; a scoped user without a search starts from the
    /// scope's posting list.
    async fn of(
        conn: &mut sqlx::SqliteConnection,
        actor: &Actor,
        scope: Option<&str>,
        query: &ContactCountQuery,
    ) -> CoreResult<Self> {
        let Some(search) = query.search.as_deref().and_then(SearchText::parse) else {
            return Ok(match scope {
                None => Self::Table,
                Some(scope) => Self::Index("contact_words", scope.to_string()),
            });
        };
        let words = Self::Index(
            "contact_words",
            match scope {
                Some(scope) => format!("({}) AND {scope}", search.anywhere()),
                None => search.anywhere(),
            },
        );
        let Some(substring) = search.substring else {
            return Ok(words);
        };
        let mut probe = words.select("1", actor, &query.filter)?;
        probe.push(" LIMIT 1");
        let any_word = probe.build().fetch_optional(&mut *conn).await?.is_some();
        Ok(if any_word {
            words
        } else {
            Self::Index("contact_grams", substring)
        })
    }

    /// `SELECT columns` over the selected contacts `c`, within the filter and the actor's scope.
    fn select(
        &self,
        columns: &str,
        actor: &Actor,
        filter: &ContactFilter,
    ) -> CoreResult<QueryBuilder<'static, Sqlite>> {
        let mut builder = match self {
            Self::Table => QueryBuilder::new(format!("SELECT {columns} FROM contacts c WHERE 1")),
            Self::Index(index, expression) => {
                // The index is the outer loop: it walks the matches, not every contact.
                let mut b = QueryBuilder::new(format!(
                    "SELECT {columns} FROM {index} CROSS JOIN contacts c
                     ON c.id = {index}.rowid WHERE {index} MATCH "
                ));
                b.push_bind(expression.clone());
                b
            }
        };
        push_filter(&mut builder, actor, filter)?;
        Ok(builder)
    }

    /// As [`Selection::select`], but only over the contacts `ids` (a JSON array), which are
    /// looked up one by one instead of walking every match.
    fn select_among(
        &self,
        columns: &str,
        ids: String,
        actor: &Actor,
        filter: &ContactFilter,
    ) -> CoreResult<QueryBuilder<'static, Sqlite>> {
        let mut builder = QueryBuilder::new(format!(
            "SELECT {columns} FROM contacts c WHERE c.id IN (SELECT value FROM json_each("
        ));
        builder.push_bind(ids).push("))");
        if let Self::Index(index, expression) = self {
            builder
                .push(format!(
                    " AND EXISTS (SELECT 1 FROM {index} WHERE {index}.rowid = c.id AND {index} MATCH "
                ))
                .push_bind(expression.clone())
                .push(")");
        }
        push_filter(&mut builder, actor, filter)?;
        Ok(builder)
    }
}

/// Refuses a query selection the actor may not make, as the list would (audited). Call it
/// before taking the write lock: the refusal is recorded in a transaction of its own.
pub(crate) async fn authorize_selection(
    db: &Database,
    actor: &Actor,
    filter: &ContactFilter,
) -> CoreResult<()> {
    authorize_view(db, actor, filter).await
}

/// Every contact `query` matches within the actor's scope, in id order and without the cap of
/// [`count`]: a bulk action acts on all of them. It runs on the caller's connection so a bulk
/// action resolves its selection in the transaction that changes it. `scope` is
/// [`search_scope`]'s answer for the actor; check [`authorize_selection`] first.
pub(crate) async fn matching_ids(
    conn: &mut sqlx::SqliteConnection,
    actor: &Actor,
    scope: Option<&str>,
    query: &ContactCountQuery,
) -> CoreResult<Vec<i64>> {
    let selection = Selection::of(conn, actor, scope, query).await?;
    let mut ids: Vec<i64> = selection
        .select("c.id", actor, &query.filter)?
        .build_query_scalar()
        .fetch_all(&mut *conn)
        .await?;
    ids.sort_unstable();
    Ok(ids)
}

/// How many contacts `query` matches within the actor's scope, exactly (a bulk action's
/// confirmation states the number it will act on, so no cap), leaving out those in `except`.
pub(crate) async fn count_matching(
    db: &Database,
    actor: &Actor,
    query: &ContactCountQuery,
    except: &[i64],
) -> CoreResult<u32> {
    let searching = query
        .search
        .as_deref()
        .and_then(SearchText::parse)
        .is_some();
    let listed = if searching {
        authorize_view(db, actor, &query.filter).await?;
        None
    } else {
        // Without a search the list's count is exact already, and reads the scope's posting list.
        Some(i64::from(count(db, actor, query).await?.count))
    };
    if let (Some(n), true) = (listed, except.is_empty()) {
        return Ok(u32::try_from(n).unwrap_or(u32::MAX));
    }
    let pool = db.reader();
    let scope = search_scope(pool, actor).await?;
    let mut conn = pool.acquire().await?;
    let selection = Selection::of(&mut conn, actor, scope.as_deref(), query).await?;
    let total: i64 = match listed {
        Some(n) => n,
        None => {
            selection
                .select("count(*)", actor, &query.filter)?
                .build_query_scalar()
                .fetch_one(&mut *conn)
                .await?
        }
    };
    let excluded: i64 = if except.is_empty() {
        0
    } else {
        let ids = serde_json::to_string(except).unwrap_or_else(|_| "[]".into());
        selection
            .select_among("count(*)", ids, actor, &query.filter)?
            .build_query_scalar()
            .fetch_one(&mut *conn)
            .await?
    };
    Ok(u32::try_from((total - excluded).max(0)).unwrap_or(u32::MAX))
}

/// Those of `ids` the actor may see, in id order; the others are unknown to them.
pub(crate) async fn visible_among(
    conn: &mut sqlx::SqliteConnection,
    actor: &Actor,
    ids: &[i64],
) -> CoreResult<Vec<i64>> {
    let mut builder = QueryBuilder::new(
        "SELECT c.id FROM contacts c WHERE c.id IN (SELECT value FROM json_each(",
    );
    builder
        .push_bind(serde_json::to_string(ids).unwrap_or_else(|_| "[]".into()))
        .push("))");
    push_contact_scope(&mut builder, actor);
    builder.push(" ORDER BY c.id");
    Ok(builder.build_query_scalar().fetch_all(&mut *conn).await?)
}

/// Most rows [`rows_of`] returns in one call.
pub const MAX_ROWS_OF: usize = 500;

/// The list rows of `ids` the actor may see and that are not erased, in the order asked; ids
/// outside their scope are left out, as the list would leave them out.
pub async fn rows_of(db: &Database, actor: &Actor, ids: &[String]) -> CoreResult<Vec<ContactRow>> {
    authorize(db, actor, Action::ViewContacts).await?;
    if ids.len() > MAX_ROWS_OF {
        return Err(CoreError::invalid(
            "ids",
            format!("holds at most {MAX_ROWS_OF} contacts"),
        ));
    }
    // An id that is not a number names no contact, like one outside the scope.
    let numbers: Vec<i64> = ids
        .iter()
        .filter_map(|id| parse_id("contact", id).ok())
        .collect();
    let mut builder = QueryBuilder::new(format!(
        "SELECT {ROW_COLUMNS} FROM contacts c WHERE c.erased_at IS NULL
           AND c.id IN (SELECT value FROM json_each("
    ));
    builder
        .push_bind(serde_json::to_string(&numbers).unwrap_or_else(|_| "[]".into()))
        .push("))");
    push_contact_scope(&mut builder, actor);
    let found: Vec<RowRecord> = builder.build_query_as().fetch_all(db.reader()).await?;
    let mut by_id: std::collections::HashMap<i64, RowRecord> =
        found.into_iter().map(|row| (row.id, row)).collect();
    Ok(numbers
        .iter()
        .filter_map(|id| by_id.remove(id).map(RowRecord::into_row))
        .collect())
}

#[derive(sqlx::FromRow)]
struct DetailRecord {
    id: i64,
    reference: String,
    display_name: String,
    salutation: Option<String>,
    first_name: String,
    middle_name: Option<String>,
    last_name: String,
    preferred_name: Option<String>,
    suffix: Option<String>,
    job_title: Option<String>,
    department: Option<String>,
    employee_id: Option<String>,
    contact_type: ContactType,
    contact_type_other: Option<String>,
    authority_level: Option<String>,
    authority_scope: Option<String>,
    approval_limit_minor: Option<i64>,
    currency: String,
    birthday: Option<NaiveDate>,
    websites: String,
    notes: Option<String>,
    has_photo: bool,
    preferred_method: Option<ContactChannel>,
    preferred_times: Option<String>,
    time_zone: Option<String>,
    language: Option<String>,
    lifecycle_stage: LifecycleStage,
    priority: Priority,
    owner: Option<String>,
    special_instructions: Option<String>,
    status: ContactStatus,
    status_reason: Option<String>,
    verified_at: Option<DateTime<Utc>>,
    verified_by: Option<String>,
    verification_method: Option<String>,
    approval_source: Option<String>,
    approval_date: Option<NaiveDate>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    version: i64,
    status_changed_at: Option<DateTime<Utc>>,
    erased_at: Option<DateTime<Utc>>,
}

/// The id of a contact the actor may see; `not_found` (audited) for one outside their scope,
/// exactly as for one that does not exist.
pub async fn visible_id(db: &Database, actor: &Actor, id: &str, what: &str) -> CoreResult<i64> {
    authorize(db, actor, Action::ViewContacts).await?;
    let resolved = {
        let mut conn = db.reader().acquire().await?;
        resolve_id(&mut conn, id).await?
    };
    let Some(number) = resolved else {
        return Err(out_of_scope(db, actor, "contact", id, what).await);
    };
    let mut builder = QueryBuilder::new("SELECT c.id, c.status FROM contacts c WHERE c.id = ");
    builder.push_bind(number);
    push_contact_scope(&mut builder, actor);
    let found: Option<(i64, ContactStatus)> =
        builder.build_query_as().fetch_optional(db.reader()).await?;
    match found {
        None => Err(out_of_scope(db, actor, "contact", id, what).await),
        Some((id, ContactStatus::Archived)) => {
            // Only site administrators reach archived contacts, and each reading is recorded.
            audit::record_alone(
                db,
                Who::User(actor),
                chrono::Utc::now(),
                Event::new("read_archived", "contact", Some(id.to_string()))
                    .summary(serde_json::json!({ "purpose": what })),
            )
            .await?;
            Ok(id)
        }
        Some((id, _)) => Ok(id),
    }
}

/// The stored contact a wire id or a reference number (`C-000123`) names. A contact merged
/// into another resolves to the survivor (through later merges of the survivor too), so ids
/// and references kept elsewhere go on working. `None` when nothing answers to it.
pub(crate) async fn resolve_id(
    conn: &mut sqlx::SqliteConnection,
    id: &str,
) -> CoreResult<Option<i64>> {
    let text = id.trim();
    let mut number = match parse_id("contact", text) {
        Ok(number) => number,
        Err(_) => {
            let reference = text.to_uppercase();
            let found: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM contacts WHERE reference = ?1
                 UNION ALL SELECT merged_id FROM contact_aliases WHERE reference = ?1 LIMIT 1",
            )
            .bind(&reference)
            .fetch_optional(&mut *conn)
            .await?;
            match found {
                Some(number) => number,
                None => return Ok(None),
            }
        }
    };
    // A chain longer than this would need a merge of a merge of ... 64 times over.
    for _ in 0..64 {
        let exists: bool =
            sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM contacts WHERE id = ?)")
                .bind(number)
                .fetch_one(&mut *conn)
                .await?;
        if exists {
            return Ok(Some(number));
        }
        let survivor: Option<i64> =
            sqlx::query_scalar("SELECT survivor_id FROM contact_aliases WHERE merged_id = ?")
                .bind(number)
                .fetch_optional(&mut *conn)
                .await?;
        match survivor {
            Some(survivor) => number = survivor,
            None => return Ok(None),
        }
    }
    Ok(None)
}

/// Everything stored about one contact the actor may see.
pub async fn get(db: &Database, actor: &Actor, id: &str, home: &str) -> CoreResult<ContactDetail> {
    let id = visible_id(db, actor, id, "view").await?;
    let pool = db.reader();
    // One read transaction: all parts come from the same snapshot.
    let mut tx = pool.begin().await?;
    let c: DetailRecord = sqlx::query_as(
        "SELECT id, reference, display_name, salutation, first_name, middle_name, last_name,
            preferred_name, suffix, job_title, department, employee_id, contact_type,
            contact_type_other, authority_level, authority_scope, approval_limit_minor, currency,
            birthday, websites, notes, photo IS NOT NULL AS has_photo, preferred_method,
            preferred_times, time_zone, language, lifecycle_stage, priority, owner,
            special_instructions, status, status_reason, verified_at, verified_by,
            verification_method, approval_source, approval_date, created_at, updated_at, version,
            status_changed_at, erased_at
         FROM contacts WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(|| CoreError::not_found("contact", id.to_string()))?;

    let emails: Vec<(EmailKind, String, bool)> = sqlx::query_as(
        "SELECT kind, address, is_primary FROM contact_emails WHERE contact_id = ?
         ORDER BY is_primary DESC, id",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    let phones: Vec<(PhoneKind, String, Option<String>, bool)> = sqlx::query_as(
        "SELECT kind, e164, extension, is_primary FROM contact_phones WHERE contact_id = ?
         ORDER BY is_primary DESC, id",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    #[allow(clippy::type_complexity)]
    let addresses: Vec<(
        AddressKind,
        String,
        Option<String>,
        String,
        Option<String>,
        Option<String>,
        String,
    )> = sqlx::query_as(
        "SELECT kind, line1, line2, city, region, postal_code, country FROM contact_addresses
             WHERE contact_id = ? ORDER BY id",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    let tags: Vec<String> =
        sqlx::query_scalar("SELECT tag FROM contact_tags WHERE contact_id = ? ORDER BY tag")
            .bind(id)
            .fetch_all(&mut *tx)
            .await?;
    let channels: Vec<(ContactChannel, bool, bool)> = sqlx::query_as(
        "SELECT channel, notify, consent FROM contact_channel_preferences WHERE contact_id = ?
         ORDER BY CASE channel WHEN 'email' THEN 0 WHEN 'phone' THEN 1 WHEN 'sms' THEN 2 ELSE 3 END",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    let history: Vec<(LifecycleStage, DateTime<Utc>)> = sqlx::query_as(
        "SELECT stage, changed_at FROM contact_lifecycle_history WHERE contact_id = ?
         ORDER BY changed_at, id",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    #[allow(clippy::type_complexity)]
    let sites: Vec<(
        i64,
        String,
        i64,
        String,
        String,
        String,
        SiteRole,
        bool,
        Option<i64>,
    )> = sqlx::query_as(
        "SELECT s.id, s.name, a.id, a.name, t.name, r.name, cs.role, cs.is_primary,
                cs.authority_limit_minor
             FROM contact_sites cs
             JOIN sites s ON s.id = cs.site_id
             JOIN accounts a ON a.id = s.account_id
             JOIN territories t ON t.id = s.territory_id
             JOIN regions r ON r.id = t.region_id
             WHERE cs.contact_id = ? ORDER BY cs.is_primary DESC, a.name, s.name",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    #[allow(clippy::type_complexity)]
    let approvals: Vec<(String, String, String, NaiveDate, String, DateTime<Utc>)> =
        sqlx::query_as(
            "SELECT fields, justification, approved_by, approved_on, recorded_by, recorded_at
             FROM contact_approvals WHERE contact_id = ? ORDER BY recorded_at DESC, id DESC",
        )
        .bind(id)
        .fetch_all(&mut *tx)
        .await?;
    tx.commit().await?;
    let policy = crate::contact::policy::load(pool).await?;

    let currency = c.currency.clone();
    let mut detail = ContactDetail {
        id: c.id.to_string(),
        reference: c.reference,
        display_name: c.display_name,
        salutation: c.salutation,
        first_name: c.first_name,
        middle_name: c.middle_name,
        last_name: c.last_name,
        preferred_name: c.preferred_name,
        suffix: c.suffix,
        job_title: c.job_title,
        department: c.department,
        employee_id: c.employee_id,
        contact_type: c.contact_type,
        contact_type_other: c.contact_type_other,
        authority_level: c.authority_level,
        authority_scope: c.authority_scope,
        approval_limit: c
            .approval_limit_minor
            .map(|m| Money::from_minor(m, &currency)),
        emails: emails
            .into_iter()
            .map(|(kind, address, is_primary)| EmailAddress {
                kind,
                address,
                is_primary,
            })
            .collect(),
        phones: phones
            .into_iter()
            .map(|(kind, e164, extension, is_primary)| PhoneNumber {
                kind,
                display: phone::display(&e164, extension.as_deref(), home),
                tel_uri: phone::tel_uri(&e164, extension.as_deref()),
                e164,
                extension,
                is_primary,
            })
            .collect(),
        addresses: addresses
            .into_iter()
            .map(
                |(kind, line1, line2, city, region, postal_code, country)| PostalAddress {
                    kind,
                    line1,
                    line2,
                    city,
                    region,
                    postal_code,
                    country,
                },
            )
            .collect(),
        birthday: c.birthday,
        websites: serde_json::from_str(&c.websites).unwrap_or_default(),
        notes: c.notes,
        has_photo: c.has_photo,
        preferred_method: c.preferred_method,
        preferred_times: c.preferred_times,
        time_zone: c.time_zone,
        language: c.language,
        channel_preferences: channels
            .into_iter()
            .map(|(channel, notify, consent)| ChannelPreference {
                channel,
                notify,
                consent,
            })
            .collect(),
        lifecycle_stage: c.lifecycle_stage,
        lifecycle_history: history
            .into_iter()
            .map(|(stage, changed_at)| LifecycleChange { stage, changed_at })
            .collect(),
        priority: c.priority,
        tags,
        owner: c.owner,
        special_instructions: c.special_instructions,
        status: c.status,
        status_reason: c.status_reason,
        verified_at: c.verified_at,
        verified_by: c.verified_by,
        verification_method: c.verification_method,
        approval_source: c.approval_source,
        approval_date: c.approval_date,
        sites: sites
            .into_iter()
            .map(
                |(
                    site_id,
                    site_name,
                    account_id,
                    account_name,
                    territory,
                    region,
                    role,
                    is_primary,
                    limit,
                )| {
                    ContactSite {
                        site_id: site_id.to_string(),
                        site_name,
                        account_id: account_id.to_string(),
                        account_name,
                        territory,
                        region,
                        role,
                        is_primary,
                        authority_limit: limit.map(|m| Money::from_minor(m, &currency)),
                    }
                },
            )
            .collect(),
        created_at: c.created_at,
        updated_at: c.updated_at,
        version: u32::try_from(c.version).unwrap_or(u32::MAX),
        status_changed_at: c.status_changed_at,
        erased: c.erased_at.is_some(),
        approvals: approvals
            .into_iter()
            .map(
                |(fields, justification, approved_by, approved_on, recorded_by, recorded_at)| {
                    ApprovalRecord {
                        fields: serde_json::from_str(&fields).unwrap_or_default(),
                        justification,
                        approved_by,
                        approved_on,
                        recorded_by,
                        recorded_at,
                    }
                },
            )
            .collect(),
        findings: Vec::new(),
        quality_score: 100,
    };
    detail.findings = crate::contact::findings::of(&detail, &policy, Utc::now());
    detail.quality_score = crate::contact::findings::score(&detail.findings);
    Ok(detail)
}
