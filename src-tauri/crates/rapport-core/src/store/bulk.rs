//! Bulk loading: whole organisations and many contacts at once, with multi-row statements in
//! one transaction and the search index built once at the end (keeping it in step row by row
//! is many times slower).
//!
//! The table layouts here are also what the benchmark's raw-SQLite comparison inserts, so the
//! comparison always uses the same rows and columns as the app.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::sqlite::SqliteArguments;
use sqlx::{Arguments, QueryBuilder, Sqlite, SqliteConnection};

use crate::audit::{self, Event, Who};
use crate::error::CoreResult;
use crate::model::{
    AccountKind, AddressKind, ContactChannel, ContactStatus, ContactType, EmailKind,
    LifecycleStage, PhoneKind, Priority, SiteRole,
};
use crate::phone;
use crate::store::{search_index, timestamp};
use crate::Database;

/// One bound value of a bulk row.
#[derive(Debug, Clone, PartialEq)]
pub enum SqlValue {
    Null,
    Int(i64),
    Text(String),
}

impl From<i64> for SqlValue {
    fn from(v: i64) -> Self {
        Self::Int(v)
    }
}
impl From<bool> for SqlValue {
    fn from(v: bool) -> Self {
        Self::Int(i64::from(v))
    }
}
impl From<String> for SqlValue {
    fn from(v: String) -> Self {
        Self::Text(v)
    }
}
impl From<&str> for SqlValue {
    fn from(v: &str) -> Self {
        Self::Text(v.to_string())
    }
}
impl<T: Into<SqlValue>> From<Option<T>> for SqlValue {
    fn from(v: Option<T>) -> Self {
        v.map_or(Self::Null, Into::into)
    }
}

/// A table and the columns a bulk row fills, in order.
#[derive(Debug)]
pub struct TableSpec {
    pub name: &'static str,
    pub columns: &'static [&'static str],
}

pub const REGIONS: TableSpec = TableSpec {
    name: "regions",
    columns: &["id", "code", "name"],
};
pub const TERRITORIES: TableSpec = TableSpec {
    name: "territories",
    columns: &["id", "region_id", "code", "name"],
};
pub const ACCOUNTS: TableSpec = TableSpec {
    name: "accounts",
    columns: &["id", "name", "kind", "status"],
};
pub const SITES: TableSpec = TableSpec {
    name: "sites",
    columns: &[
        "id",
        "account_id",
        "territory_id",
        "name",
        "line1",
        "city",
        "postal_code",
        "country",
    ],
};
pub const CONTACTS: TableSpec = TableSpec {
    name: "contacts",
    columns: &[
        "id",
        "reference",
        "salutation",
        "first_name",
        "middle_name",
        "last_name",
        "preferred_name",
        "suffix",
        "job_title",
        "department",
        "employee_id",
        "contact_type",
        "contact_type_other",
        "authority_level",
        "authority_scope",
        "approval_limit_minor",
        "currency",
        "birthday",
        "websites",
        "notes",
        "preferred_method",
        "preferred_times",
        "time_zone",
        "language",
        "lifecycle_stage",
        "priority",
        "owner",
        "special_instructions",
        "status",
        "status_reason",
        "status_changed_at",
        "verified_at",
        "verified_by",
        "verification_method",
        "approval_source",
        "approval_date",
        "display_name",
        "name_key",
        "company",
        "company_key",
        "title_key",
        "primary_email",
        "primary_phone",
        "primary_phone_ext",
        "primary_phone_display",
        "territory_id",
        "created_at",
        "updated_at",
        "version",
    ],
};
pub const EMAILS: TableSpec = TableSpec {
    name: "contact_emails",
    columns: &["contact_id", "kind", "address", "is_primary"],
};
pub const PHONES: TableSpec = TableSpec {
    name: "contact_phones",
    columns: &[
        "contact_id",
        "kind",
        "e164",
        "extension",
        "is_primary",
        "search_digits",
    ],
};
pub const ADDRESSES: TableSpec = TableSpec {
    name: "contact_addresses",
    columns: &[
        "contact_id",
        "kind",
        "line1",
        "line2",
        "city",
        "region",
        "postal_code",
        "country",
    ],
};
pub const TAGS: TableSpec = TableSpec {
    name: "contact_tags",
    columns: &["contact_id", "tag"],
};
pub const CHANNELS: TableSpec = TableSpec {
    name: "contact_channel_preferences",
    columns: &["contact_id", "channel", "notify", "consent"],
};
pub const LIFECYCLE: TableSpec = TableSpec {
    name: "contact_lifecycle_history",
    columns: &["contact_id", "stage", "changed_at"],
};
pub const CONTACT_SITES: TableSpec = TableSpec {
    name: "contact_sites",
    columns: &[
        "contact_id",
        "site_id",
        "role",
        "is_primary",
        "authority_limit_minor",
    ],
};

/// Every table a contact writes to, in insertion order.
pub const CONTACT_TABLES: [&TableSpec; 8] = [
    &CONTACTS,
    &EMAILS,
    &PHONES,
    &ADDRESSES,
    &TAGS,
    &CHANNELS,
    &LIFECYCLE,
    &CONTACT_SITES,
];

/// `INSERT INTO table (cols) VALUES (?, ...), ...` for `rows` rows.
pub fn insert_sql(table: &TableSpec, rows: usize) -> String {
    let one = format!("({})", vec!["?"; table.columns.len()].join(", "));
    format!(
        "INSERT INTO {} ({}) VALUES {}",
        table.name,
        table.columns.join(", "),
        vec![one; rows.max(1)].join(", ")
    )
}

#[derive(Debug, Clone)]
pub struct RegionRecord {
    pub id: i64,
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct TerritoryRecord {
    pub id: i64,
    pub region_id: i64,
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct AccountRecord {
    pub id: i64,
    pub name: String,
    pub kind: AccountKind,
    pub active: bool,
}

#[derive(Debug, Clone)]
pub struct SiteRecord {
    pub id: i64,
    pub account_id: i64,
    pub territory_id: i64,
    pub name: String,
    pub line1: String,
    pub city: String,
    pub postal_code: Option<String>,
    pub country: String,
}

#[derive(Debug, Clone, Default)]
pub struct OrganisationRecords {
    pub regions: Vec<RegionRecord>,
    pub territories: Vec<TerritoryRecord>,
    pub accounts: Vec<AccountRecord>,
    pub sites: Vec<SiteRecord>,
}

#[derive(Debug, Clone)]
pub struct EmailRecord {
    pub kind: EmailKind,
    pub address: String,
}

#[derive(Debug, Clone)]
pub struct PhoneRecord {
    pub kind: PhoneKind,
    pub e164: String,
    pub extension: Option<String>,
    pub search_digits: String,
}

#[derive(Debug, Clone)]
pub struct AddressRecord {
    pub kind: AddressKind,
    pub line1: String,
    pub line2: Option<String>,
    pub city: String,
    pub region: Option<String>,
    pub postal_code: Option<String>,
    pub country: String,
}

#[derive(Debug, Clone)]
pub struct SiteAssociationRecord {
    pub site_id: i64,
    pub role: SiteRole,
    pub is_primary: bool,
    pub authority_limit_minor: Option<i64>,
}

/// A contact with everything it owns, ready to store. The first email and phone are primary.
#[derive(Debug, Clone)]
pub struct ContactRecord {
    pub id: i64,
    pub salutation: Option<String>,
    pub first_name: String,
    pub middle_name: Option<String>,
    pub last_name: String,
    pub preferred_name: Option<String>,
    pub suffix: Option<String>,
    pub job_title: Option<String>,
    pub department: Option<String>,
    pub employee_id: Option<String>,
    pub contact_type: ContactType,
    pub contact_type_other: Option<String>,
    pub authority_level: Option<String>,
    pub authority_scope: Option<String>,
    pub approval_limit_minor: Option<i64>,
    pub currency: String,
    pub birthday: Option<NaiveDate>,
    pub websites: Vec<String>,
    pub notes: Option<String>,
    pub preferred_method: Option<ContactChannel>,
    pub preferred_times: Option<String>,
    pub time_zone: Option<String>,
    pub language: Option<String>,
    pub lifecycle_stage: LifecycleStage,
    pub priority: Priority,
    pub owner: Option<String>,
    pub special_instructions: Option<String>,
    pub status: ContactStatus,
    pub status_reason: Option<String>,
    /// When an inactive or archived contact got that status (automatic archival and retention
    /// count from it).
    pub status_changed_at: Option<DateTime<Utc>>,
    pub verified_at: Option<DateTime<Utc>>,
    pub verified_by: Option<String>,
    pub verification_method: Option<String>,
    pub approval_source: Option<String>,
    pub approval_date: Option<NaiveDate>,
    /// Name of the account of the first site, shown and sorted as the contact's company.
    pub company: Option<String>,
    pub territory_id: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub emails: Vec<EmailRecord>,
    pub phones: Vec<PhoneRecord>,
    pub addresses: Vec<AddressRecord>,
    pub tags: Vec<String>,
    /// (channel, notify, consent)
    pub channels: Vec<(ContactChannel, bool, bool)>,
    pub lifecycle_history: Vec<(LifecycleStage, DateTime<Utc>)>,
    pub sites: Vec<SiteAssociationRecord>,
}

impl ContactRecord {
    pub fn display_name(&self) -> String {
        crate::text::display_name(
            &self.first_name,
            self.middle_name.as_deref(),
            &self.last_name,
            self.preferred_name.as_deref(),
            self.suffix.as_deref(),
        )
    }

    /// The rows this contact writes, table by table (in [`CONTACT_TABLES`] order); `home` is the
    /// organisation's country, whose numbers are shown in national format.
    pub fn rows(&self, home: &str) -> Vec<(&'static TableSpec, Vec<SqlValue>)> {
        let id = self.id;
        let mut rows = vec![(&CONTACTS, self.contact_row(home))];
        for (i, e) in self.emails.iter().enumerate() {
            rows.push((
                &EMAILS,
                vec![
                    id.into(),
                    e.kind.as_str().into(),
                    e.address.as_str().into(),
                    (i == 0).into(),
                ],
            ));
        }
        for (i, p) in self.phones.iter().enumerate() {
            rows.push((
                &PHONES,
                vec![
                    id.into(),
                    p.kind.as_str().into(),
                    p.e164.as_str().into(),
                    p.extension.clone().into(),
                    (i == 0).into(),
                    p.search_digits.as_str().into(),
                ],
            ));
        }
        for a in &self.addresses {
            rows.push((
                &ADDRESSES,
                vec![
                    id.into(),
                    a.kind.as_str().into(),
                    a.line1.as_str().into(),
                    a.line2.clone().into(),
                    a.city.as_str().into(),
                    a.region.clone().into(),
                    a.postal_code.clone().into(),
                    a.country.as_str().into(),
                ],
            ));
        }
        for tag in &self.tags {
            rows.push((&TAGS, vec![id.into(), tag.as_str().into()]));
        }
        for (channel, notify, consent) in &self.channels {
            rows.push((
                &CHANNELS,
                vec![
                    id.into(),
                    channel.as_str().into(),
                    (*notify).into(),
                    (*consent).into(),
                ],
            ));
        }
        for (stage, at) in &self.lifecycle_history {
            rows.push((
                &LIFECYCLE,
                vec![id.into(), stage.as_str().into(), timestamp(*at).into()],
            ));
        }
        for s in &self.sites {
            rows.push((
                &CONTACT_SITES,
                vec![
                    id.into(),
                    s.site_id.into(),
                    s.role.as_str().into(),
                    s.is_primary.into(),
                    s.authority_limit_minor.into(),
                ],
            ));
        }
        rows
    }

    fn contact_row(&self, home: &str) -> Vec<SqlValue> {
        let fold = |s: &Option<String>| s.as_deref().map(crate::text::fold).unwrap_or_default();
        let primary_phone = self.phones.first();
        vec![
            self.id.into(),
            crate::model::contact_reference(self.id).into(),
            self.salutation.clone().into(),
            self.first_name.as_str().into(),
            self.middle_name.clone().into(),
            self.last_name.as_str().into(),
            self.preferred_name.clone().into(),
            self.suffix.clone().into(),
            self.job_title.clone().into(),
            self.department.clone().into(),
            self.employee_id.clone().into(),
            self.contact_type.as_str().into(),
            self.contact_type_other.clone().into(),
            self.authority_level.clone().into(),
            self.authority_scope.clone().into(),
            self.approval_limit_minor.into(),
            self.currency.as_str().into(),
            self.birthday.map(|d| d.to_string()).into(),
            serde_json::to_string(&self.websites)
                .unwrap_or_else(|_| "[]".into())
                .into(),
            self.notes.clone().into(),
            self.preferred_method.map(ContactChannel::as_str).into(),
            self.preferred_times.clone().into(),
            self.time_zone.clone().into(),
            self.language.clone().into(),
            self.lifecycle_stage.as_str().into(),
            self.priority.as_str().into(),
            self.owner.clone().into(),
            self.special_instructions.clone().into(),
            self.status.as_str().into(),
            self.status_reason.clone().into(),
            self.status_changed_at.map(timestamp).into(),
            self.verified_at.map(timestamp).into(),
            self.verified_by.clone().into(),
            self.verification_method.clone().into(),
            self.approval_source.clone().into(),
            self.approval_date.map(|d| d.to_string()).into(),
            self.display_name().into(),
            crate::text::name_key(
                &self.first_name,
                self.middle_name.as_deref(),
                &self.last_name,
            )
            .into(),
            self.company.clone().into(),
            fold(&self.company).into(),
            fold(&self.job_title).into(),
            self.emails.first().map(|e| e.address.clone()).into(),
            primary_phone.map(|p| p.e164.clone()).into(),
            primary_phone.and_then(|p| p.extension.clone()).into(),
            primary_phone
                .map(|p| phone::display(&p.e164, p.extension.as_deref(), home))
                .into(),
            self.territory_id.into(),
            timestamp(self.created_at).into(),
            timestamp(self.updated_at).into(),
            1_i64.into(),
        ]
    }
}

/// SQLite allows 32,766 bound values per statement; stay well below.
const MAX_BINDS: usize = 30_000;

/// Binds one value in a query being built.
pub(crate) fn push_value(builder: &mut QueryBuilder<'_, Sqlite>, value: &SqlValue) {
    match value {
        SqlValue::Null => builder.push_bind(Option::<i64>::None),
        SqlValue::Int(v) => builder.push_bind(*v),
        SqlValue::Text(v) => builder.push_bind(v.clone()),
    };
}

/// One multi-row insert, built without a connection: its SQL and the values it binds.
pub(crate) struct Insert {
    sql: String,
    values: SqliteArguments<'static>,
}

/// The inserts of rows into one table: as few statements as the bind limit allows. The values
/// move into the statements' bindings rather than being copied.
fn inserts(table: &TableSpec, rows: Vec<Vec<SqlValue>>) -> Vec<Insert> {
    let mut left = rows.len();
    let mut rows = rows.into_iter();
    let mut inserts = Vec::new();
    while left > 0 {
        let size = statement_rows(left, table.columns.len());
        left -= size;
        let mut values = SqliteArguments::default();
        for value in rows.by_ref().take(size).flatten() {
            // Binding an integer, a text or a null cannot fail.
            let _ = match value {
                SqlValue::Null => values.add(Option::<i64>::None),
                SqlValue::Int(v) => values.add(v),
                SqlValue::Text(v) => values.add(v),
            };
        }
        inserts.push(Insert {
            sql: insert_sql(table, size),
            values,
        });
    }
    inserts
}

/// Runs inserts in order, each kept prepared: there are a dozen sizes per table.
pub(crate) async fn run_inserts(
    conn: &mut SqliteConnection,
    inserts: Vec<Insert>,
) -> CoreResult<()> {
    for Insert { sql, values } in inserts {
        sqlx::query_with(&sql, values)
            .persistent(true)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Inserts rows into one table with as few statements as the bind limit allows.
pub(crate) async fn insert_rows(
    conn: &mut SqliteConnection,
    table: &TableSpec,
    rows: Vec<Vec<SqlValue>>,
) -> CoreResult<()> {
    run_inserts(conn, inserts(table, rows)).await
}

/// Rows in the next statement of an insert of `left` rows: as many as the bind limit allows,
/// else the largest power of two that fits. Statements come in a dozen sizes per table, so the
/// statement cache keeps them all prepared; any other size would be parsed afresh (tens of
/// thousands of placeholders) at every batch.
fn statement_rows(left: usize, columns: usize) -> usize {
    let most = (MAX_BINDS / columns.max(1)).max(1);
    if left >= most {
        most
    } else {
        1 << left.ilog2()
    }
}

/// Stores an organisation into a database, in one transaction.
pub async fn insert_organisation(db: &Database, org: &OrganisationRecords) -> CoreResult<()> {
    let mut tx = db.write().await?;
    let regions: Vec<_> = org
        .regions
        .iter()
        .map(|r| vec![r.id.into(), r.code.as_str().into(), r.name.as_str().into()])
        .collect();
    insert_rows(&mut tx, &REGIONS, regions).await?;
    let territories: Vec<_> = org
        .territories
        .iter()
        .map(|t| {
            vec![
                t.id.into(),
                t.region_id.into(),
                t.code.as_str().into(),
                t.name.as_str().into(),
            ]
        })
        .collect();
    insert_rows(&mut tx, &TERRITORIES, territories).await?;
    let accounts: Vec<_> = org
        .accounts
        .iter()
        .map(|a| {
            let status = if a.active { "active" } else { "inactive" };
            vec![
                a.id.into(),
                a.name.as_str().into(),
                a.kind.as_str().into(),
                status.into(),
            ]
        })
        .collect();
    insert_rows(&mut tx, &ACCOUNTS, accounts).await?;
    let sites: Vec<_> = org
        .sites
        .iter()
        .map(|s| {
            vec![
                s.id.into(),
                s.account_id.into(),
                s.territory_id.into(),
                s.name.as_str().into(),
                s.line1.as_str().into(),
                s.city.as_str().into(),
                s.postal_code.clone().into(),
                s.country.as_str().into(),
            ]
        })
        .collect();
    insert_rows(&mut tx, &SITES, sites).await?;
    tx.commit().await?;
    Ok(())
}

/// Progress of a bulk load, reported after each batch.
#[derive(Debug, Clone, Copy)]
pub struct BulkProgress {
    pub stored: u64,
    pub total: u64,
}

/// Stores contacts and indexes them for search, all in one transaction: a load either lands
/// whole or not at all. Batches come from `next_batch` so a million contacts never sit in memory
/// at once; the search index is built once at the end.
pub async fn insert_contacts<B: AsRef<[ContactRecord]>>(
    db: &Database,
    home: &str,
    total: u64,
    batches: impl IntoIterator<Item = B>,
    mut progress: impl FnMut(BulkProgress),
) -> CoreResult<()> {
    let mut tx = db.write().await?;
    let dropped = drop_indexes_for_large_load(&mut tx, total).await?;
    let mut stored = 0;
    let mut first_id = None;
    for batch in batches {
        let batch = batch.as_ref();
        first_id = first_id.or(batch.first().map(|c| c.id));
        insert_records(&mut tx, batch, home).await?;
        // One audit event per batch, naming its rows as id ranges: a 100,000-row load adds
        // a few dozen events, not 100,000.
        let ranges = id_ranges(batch.iter().map(|c| c.id));
        let event = Event::new("bulk_create", "contact", None)
            .summary(serde_json::json!({ "count": batch.len(), "idRanges": ranges }));
        audit::record(&mut tx, Who::System, Utc::now(), event).await?;
        stored += batch.len() as u64;
        progress(BulkProgress { stored, total });
    }
    recreate_indexes(&mut tx, dropped).await?;
    if let Some(first_id) = first_id {
        search_index::index_from(&mut tx, first_id).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Stores contacts with everything they own: one multi-row insert per table (no search index).
pub(crate) async fn insert_records(
    conn: &mut SqliteConnection,
    records: &[ContactRecord],
    home: &str,
) -> CoreResult<()> {
    run_inserts(conn, record_inserts(records, home)).await
}

/// The inserts that store contacts with everything they own, built without a connection so
/// that an import builds one batch's while the writer runs another's.
pub(crate) fn record_inserts(records: &[ContactRecord], home: &str) -> Vec<Insert> {
    let mut per_table: Vec<Vec<Vec<SqlValue>>> = vec![Vec::new(); CONTACT_TABLES.len()];
    for contact in records {
        for (table, row) in contact.rows(home) {
            if let Some(slot) = CONTACT_TABLES.iter().position(|t| t.name == table.name) {
                per_table[slot].push(row);
            }
        }
    }
    CONTACT_TABLES
        .iter()
        .zip(per_table)
        .flat_map(|(table, rows)| inserts(table, rows))
        .collect()
}

/// Sorted ids as `[first, last]` runs of consecutive numbers.
pub(crate) fn id_ranges(ids: impl Iterator<Item = i64>) -> Vec<[i64; 2]> {
    let mut ids: Vec<i64> = ids.collect();
    ids.sort_unstable();
    let mut ranges: Vec<[i64; 2]> = Vec::new();
    for id in ids {
        match ranges.last_mut() {
            Some(last) if last[1] + 1 == id => last[1] = id,
            _ => ranges.push([id, id]),
        }
    }
    ranges
}

/// Loads of at least this many contacts into an empty database build indexes afterwards.
const LARGE_LOAD: u64 = 50_000;

/// Drops the secondary indexes of the contact tables when a large load goes into an empty
/// database, returning the statements that recreate them.
async fn drop_indexes_for_large_load(
    conn: &mut SqliteConnection,
    total: u64,
) -> CoreResult<Vec<String>> {
    let empty: bool = sqlx::query_scalar("SELECT NOT EXISTS (SELECT 1 FROM contacts)")
        .fetch_one(&mut *conn)
        .await?;
    if total < LARGE_LOAD || !empty {
        return Ok(Vec::new());
    }
    let mut names = Vec::new();
    for table in CONTACT_TABLES {
        let found: Vec<String> = sqlx::query_scalar(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
        )
        .bind(table.name)
        .fetch_all(&mut *conn)
        .await?;
        names.extend(found);
    }
    drop_indexes(conn, &names).await
}

/// The indexes of contacts that repeat most of a contact's row, so that the list reads its
/// pages in name, company, type or status order (and counts in scope) without the rows
/// themselves. They are the widest B-trees a new contact goes into: an import that creates
/// many contacts spends more on placing each new entry than on building them again at the end.
pub const LIST_INDEXES: [&str; 5] = [
    "contacts_by_name",
    "contacts_by_company",
    "contacts_by_type",
    "contacts_by_status",
    "contacts_scoped",
];

/// Drops the named indexes (those that exist), returning the statements that recreate them.
/// Both happen in the caller's transaction, so a rollback puts the indexes back as they were.
pub(crate) async fn drop_indexes(
    conn: &mut SqliteConnection,
    names: &[impl AsRef<str>],
) -> CoreResult<Vec<String>> {
    let mut recreate = Vec::new();
    for name in names {
        let name = name.as_ref();
        let sql: Option<String> = sqlx::query_scalar(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ? AND sql IS NOT NULL",
        )
        .bind(name)
        .fetch_optional(&mut *conn)
        .await?;
        if let Some(sql) = sql {
            sqlx::query(&format!("DROP INDEX \"{name}\""))
                .execute(&mut *conn)
                .await?;
            recreate.push(sql);
        }
    }
    Ok(recreate)
}

/// Builds dropped indexes again, each by sorting its table once; a unique index that no
/// longer holds fails here, and with it the caller's transaction.
pub(crate) async fn recreate_indexes(
    conn: &mut SqliteConnection,
    statements: Vec<String>,
) -> CoreResult<()> {
    for sql in statements {
        sqlx::query(&sql).execute(&mut *conn).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn index_names(conn: &mut SqliteConnection) -> Vec<String> {
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name")
            .fetch_all(conn)
            .await
            .unwrap()
    }

    #[test]
    fn inserts_of_any_size_use_a_few_statement_sizes() {
        let most = MAX_BINDS / 40;
        let mut sizes = std::collections::BTreeSet::new();
        for rows in 1..=3 * most {
            let mut left = rows;
            while left > 0 {
                let size = statement_rows(left, 40);
                assert!(
                    size >= 1 && size <= left && size <= most,
                    "{size} of {left}"
                );
                sizes.insert(size);
                left -= size;
            }
        }
        // Full statements and the powers of two below them.
        assert_eq!(sizes.len(), most.ilog2() as usize + 2, "{sizes:?}");
    }

    #[tokio::test]
    async fn a_large_load_drops_and_restores_exactly_the_secondary_indexes() {
        let dir = tempfile::tempdir().unwrap();
        let key = crate::DatabaseKey::generate();
        let db = Database::create(&dir.path().join("t.sqlite3"), &key)
            .await
            .unwrap();
        let mut tx = db.write().await.unwrap();
        let before = index_names(&mut tx).await;
        assert!(drop_indexes_for_large_load(&mut tx, LARGE_LOAD - 1)
            .await
            .unwrap()
            .is_empty());
        let recreate = drop_indexes_for_large_load(&mut tx, LARGE_LOAD)
            .await
            .unwrap();
        assert!(recreate.len() >= 10, "{recreate:?}");
        assert!(index_names(&mut tx).await.len() < before.len());
        recreate_indexes(&mut tx, recreate).await.unwrap();
        assert_eq!(index_names(&mut tx).await, before);
    }
}
