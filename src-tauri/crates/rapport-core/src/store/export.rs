//! Reading whole contacts a batch at a time for exports: the fields a file carries (names,
//! organisation, emails, phones, addresses, birthday, notes, tags, websites), nothing else.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

use crate::error::CoreResult;
use crate::model::{AddressKind, EmailAddress, EmailKind, PhoneKind, PostalAddress};

/// One contact as an export writes it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportContact {
    pub id: i64,
    pub display_name: String,
    pub salutation: Option<String>,
    pub first_name: String,
    pub middle_name: Option<String>,
    pub last_name: String,
    pub preferred_name: Option<String>,
    pub suffix: Option<String>,
    /// The contact's organisation (its account's name when it came from a site).
    pub company: Option<String>,
    pub department: Option<String>,
    pub job_title: Option<String>,
    pub birthday: Option<NaiveDate>,
    pub notes: Option<String>,
    pub websites: Vec<String>,
    /// In name order.
    pub tags: Vec<String>,
    /// Primary first, then in the order entered; so are phones.
    pub emails: Vec<EmailAddress>,
    pub phones: Vec<ExportPhone>,
    /// In the order entered.
    pub addresses: Vec<PostalAddress>,
    pub updated_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportPhone {
    pub kind: PhoneKind,
    pub e164: String,
    pub extension: Option<String>,
    pub is_primary: bool,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    display_name: String,
    salutation: Option<String>,
    first_name: String,
    middle_name: Option<String>,
    last_name: String,
    preferred_name: Option<String>,
    suffix: Option<String>,
    company: Option<String>,
    department: Option<String>,
    job_title: Option<String>,
    birthday: Option<NaiveDate>,
    notes: Option<String>,
    websites: String,
    updated_at: DateTime<Utc>,
}

/// `ids` as a JSON array, read with `json_each` (no limit on bound values).
fn json_ids(ids: &[i64]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".into())
}

/// The contacts `ids` (already checked to be in the reader's scope), in id order. Erased
/// people are left out: only an anonymous tombstone of them is left.
pub async fn contacts_by_id(
    conn: &mut SqliteConnection,
    ids: &[i64],
) -> CoreResult<Vec<ExportContact>> {
    let ids = json_ids(ids);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, display_name, salutation, first_name, middle_name, last_name, preferred_name,
            suffix, company, department, job_title, birthday, notes, websites, updated_at
         FROM contacts WHERE id IN (SELECT value FROM json_each(?)) AND erased_at IS NULL
         ORDER BY id",
    )
    .bind(&ids)
    .fetch_all(&mut *conn)
    .await?;
    let mut out: BTreeMap<i64, ExportContact> = rows
        .into_iter()
        .map(|r| {
            let contact = ExportContact {
                id: r.id,
                display_name: r.display_name,
                salutation: r.salutation,
                first_name: r.first_name,
                middle_name: r.middle_name,
                last_name: r.last_name,
                preferred_name: r.preferred_name,
                suffix: r.suffix,
                company: r.company,
                department: r.department,
                job_title: r.job_title,
                birthday: r.birthday,
                notes: r.notes,
                websites: serde_json::from_str(&r.websites).unwrap_or_default(),
                updated_at: Some(r.updated_at),
                ..ExportContact::default()
            };
            (r.id, contact)
        })
        .collect();

    let emails: Vec<(i64, EmailKind, String, bool)> = sqlx::query_as(
        "SELECT contact_id, kind, address, is_primary FROM contact_emails
         WHERE contact_id IN (SELECT value FROM json_each(?))
         ORDER BY contact_id, is_primary DESC, id",
    )
    .bind(&ids)
    .fetch_all(&mut *conn)
    .await?;
    for (id, kind, address, is_primary) in emails {
        if let Some(c) = out.get_mut(&id) {
            c.emails.push(EmailAddress {
                kind,
                address,
                is_primary,
            });
        }
    }
    let phones: Vec<(i64, PhoneKind, String, Option<String>, bool)> = sqlx::query_as(
        "SELECT contact_id, kind, e164, extension, is_primary FROM contact_phones
         WHERE contact_id IN (SELECT value FROM json_each(?))
         ORDER BY contact_id, is_primary DESC, id",
    )
    .bind(&ids)
    .fetch_all(&mut *conn)
    .await?;
    for (id, kind, e164, extension, is_primary) in phones {
        if let Some(c) = out.get_mut(&id) {
            c.phones.push(ExportPhone {
                kind,
                e164,
                extension,
                is_primary,
            });
        }
    }
    #[allow(clippy::type_complexity)]
    let addresses: Vec<(
        i64,
        AddressKind,
        String,
        Option<String>,
        String,
        Option<String>,
        Option<String>,
        String,
    )> = sqlx::query_as(
        "SELECT contact_id, kind, line1, line2, city, region, postal_code, country
         FROM contact_addresses WHERE contact_id IN (SELECT value FROM json_each(?))
         ORDER BY contact_id, id",
    )
    .bind(&ids)
    .fetch_all(&mut *conn)
    .await?;
    for (id, kind, line1, line2, city, region, postal_code, country) in addresses {
        if let Some(c) = out.get_mut(&id) {
            c.addresses.push(PostalAddress {
                kind,
                line1,
                line2,
                city,
                region,
                postal_code,
                country,
            });
        }
    }
    let tags: Vec<(i64, String)> = sqlx::query_as(
        "SELECT contact_id, tag FROM contact_tags
         WHERE contact_id IN (SELECT value FROM json_each(?)) ORDER BY contact_id, tag",
    )
    .bind(&ids)
    .fetch_all(&mut *conn)
    .await?;
    for (id, tag) in tags {
        if let Some(c) = out.get_mut(&id) {
            c.tags.push(tag);
        }
    }
    Ok(out.into_values().collect())
}

/// The most emails, phones, addresses and websites one of `ids` has: how many numbered
/// columns of each a spreadsheet export needs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListWidths {
    pub emails: usize,
    pub phones: usize,
    pub addresses: usize,
    pub websites: usize,
}

impl ListWidths {
    pub fn max(self, other: Self) -> Self {
        Self {
            emails: self.emails.max(other.emails),
            phones: self.phones.max(other.phones),
            addresses: self.addresses.max(other.addresses),
            websites: self.websites.max(other.websites),
        }
    }
}

pub async fn list_widths(conn: &mut SqliteConnection, ids: &[i64]) -> CoreResult<ListWidths> {
    let ids = json_ids(ids);
    let mut counts = [0i64; 3];
    for (count, table) in
        counts
            .iter_mut()
            .zip(["contact_emails", "contact_phones", "contact_addresses"])
    {
        *count = sqlx::query_scalar(&format!(
            "SELECT ifnull(max(n), 0) FROM (SELECT count(*) AS n FROM {table}
             WHERE contact_id IN (SELECT value FROM json_each(?)) GROUP BY contact_id)"
        ))
        .bind(&ids)
        .fetch_one(&mut *conn)
        .await?;
    }
    let websites: i64 = sqlx::query_scalar(
        "SELECT ifnull(max(json_array_length(websites)), 0) FROM contacts
         WHERE id IN (SELECT value FROM json_each(?))",
    )
    .bind(&ids)
    .fetch_one(&mut *conn)
    .await?;
    let width = |n: i64| usize::try_from(n).unwrap_or(0);
    Ok(ListWidths {
        emails: width(counts[0]),
        phones: width(counts[1]),
        addresses: width(counts[2]),
        websites: width(websites),
    })
}

/// What tells this database's contacts from another's with the same id: the hash of its first
/// audit event (the database's creation, hashed over its time; it never changes).
pub async fn database_identity(conn: &mut SqliteConnection) -> CoreResult<String> {
    Ok(
        sqlx::query_scalar("SELECT hash FROM audit_events ORDER BY seq LIMIT 1")
            .fetch_optional(&mut *conn)
            .await?
            .unwrap_or_default(),
    )
}
