//! An import record applied to a contact already stored ("update" for a duplicate): values the
//! file has replace the stored ones, emails, phones, addresses, categories and links the
//! contact lacks are added, and nothing the contact has is removed. Audited field by field.

use rapport_import::fields::ContactFields;
use serde_json::{json, Value};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::records::{self, Defaults};
use crate::access::Actor;
use crate::audit::{self, Change, Event, Who};
use crate::error::CoreResult;
use crate::phone;
use crate::store::bulk::{self, SqlValue, ADDRESSES, EMAILS, PHONES, TAGS};
use crate::store::timestamp;
use crate::text::{display_name, fold, name_key};

#[derive(sqlx::FromRow)]
struct Stored {
    salutation: Option<String>,
    first_name: String,
    middle_name: Option<String>,
    last_name: String,
    preferred_name: Option<String>,
    suffix: Option<String>,
    job_title: Option<String>,
    department: Option<String>,
    company: Option<String>,
    notes: Option<String>,
    birthday: Option<String>,
    websites: String,
    has_photo: bool,
    primary_email: Option<String>,
    primary_phone: Option<String>,
    territory_id: Option<i64>,
}

/// Applies `fields` to contact `id`; a record that adds nothing leaves the contact untouched.
pub(crate) async fn apply(
    conn: &mut SqliteConnection,
    actor: &Actor,
    import_id: i64,
    id: i64,
    fields: &ContactFields,
    d: &Defaults,
    home: &str,
) -> CoreResult<()> {
    let stored: Stored = sqlx::query_as(
        "SELECT salutation, first_name, middle_name, last_name, preferred_name, suffix, job_title,
                department, company, notes, birthday, websites, photo IS NOT NULL AS has_photo,
                primary_email, primary_phone, territory_id
         FROM contacts WHERE id = ?",
    )
    .bind(id)
    .fetch_one(&mut *conn)
    .await?;
    let incoming = records::contact_record(id, fields, d);
    let mut changes: Vec<Change> = Vec::new();
    let mut sets: Vec<(&'static str, SqlValue)> = Vec::new();

    let mut text =
        |column: &'static str, field: &str, before: &Option<String>, after: &Option<String>| {
            if after.is_some() && after != before {
                changes.push(Change::new(field, json!(before), json!(after)));
                sets.push((column, after.clone().into()));
                after.clone()
            } else {
                before.clone()
            }
        };
    text(
        "salutation",
        "salutation",
        &stored.salutation,
        &fields.prefix,
    );
    let first = text(
        "first_name",
        "firstName",
        &Some(stored.first_name.clone()),
        &fields.given_name,
    )
    .unwrap_or_default();
    let middle = text(
        "middle_name",
        "middleName",
        &stored.middle_name,
        &fields.middle_name,
    );
    let last = text(
        "last_name",
        "lastName",
        &Some(stored.last_name.clone()),
        &fields.family_name,
    )
    .unwrap_or_default();
    let preferred = text(
        "preferred_name",
        "preferredName",
        &stored.preferred_name,
        &fields.nickname,
    );
    let suffix = text("suffix", "suffix", &stored.suffix, &fields.suffix);
    let job_title = text(
        "job_title",
        "jobTitle",
        &stored.job_title,
        &fields.job_title,
    );
    text(
        "department",
        "department",
        &stored.department,
        &fields.department,
    );
    let company = text("company", "company", &stored.company, &fields.organization);

    let notes = match (&stored.notes, &incoming.notes) {
        (Some(before), Some(new)) if !before.contains(new.as_str()) => {
            Some(format!("{before}\n\n{new}"))
        }
        (None, Some(new)) => Some(new.clone()),
        _ => None,
    };
    if let Some(notes) = notes {
        changes.push(Change::new("notes", json!(stored.notes), json!(notes)));
        sets.push(("notes", notes.into()));
    }
    if let (None, Some(birthday)) = (&stored.birthday, incoming.birthday) {
        changes.push(Change::new(
            "birthday",
            Value::Null,
            json!(birthday.to_string()),
        ));
        sets.push(("birthday", birthday.to_string().into()));
    }
    let mut websites: Vec<String> = serde_json::from_str(&stored.websites).unwrap_or_default();
    let before_websites = websites.clone();
    for url in &incoming.websites {
        if !websites.contains(url) {
            websites.push(url.clone());
        }
    }
    if websites != before_websites {
        changes.push(Change::new(
            "websites",
            json!(before_websites),
            json!(websites),
        ));
        sets.push((
            "websites",
            serde_json::to_string(&websites).unwrap_or_default().into(),
        ));
    }

    // Emails, phones and addresses the contact does not have yet.
    let emails: Vec<String> =
        sqlx::query_scalar("SELECT lower(address) FROM contact_emails WHERE contact_id = ?")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
    let new_emails: Vec<_> = incoming
        .emails
        .iter()
        .filter(|e| !emails.contains(&e.address.to_lowercase()))
        .collect();
    let rows: Vec<Vec<SqlValue>> = new_emails
        .iter()
        .enumerate()
        .map(|(i, e)| {
            vec![
                id.into(),
                e.kind.as_str().into(),
                e.address.as_str().into(),
                (stored.primary_email.is_none() && i == 0).into(),
            ]
        })
        .collect();
    if !rows.is_empty() {
        bulk::insert_rows(conn, &EMAILS, rows).await?;
        changes.push(Change::new(
            "emails",
            json!(emails),
            json!(new_emails.iter().map(|e| &e.address).collect::<Vec<_>>()),
        ));
        if stored.primary_email.is_none() {
            sets.push(("primary_email", new_emails[0].address.as_str().into()));
        }
    }
    let phones: Vec<String> =
        sqlx::query_scalar("SELECT e164 FROM contact_phones WHERE contact_id = ?")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
    let new_phones: Vec<_> = incoming
        .phones
        .iter()
        .filter(|p| !phones.contains(&p.e164))
        .collect();
    let rows: Vec<Vec<SqlValue>> = new_phones
        .iter()
        .enumerate()
        .map(|(i, p)| {
            vec![
                id.into(),
                p.kind.as_str().into(),
                p.e164.as_str().into(),
                p.extension.clone().into(),
                (stored.primary_phone.is_none() && i == 0).into(),
                p.search_digits.as_str().into(),
            ]
        })
        .collect();
    if !rows.is_empty() {
        bulk::insert_rows(conn, &PHONES, rows).await?;
        changes.push(Change::new(
            "phones",
            json!(phones),
            json!(new_phones.iter().map(|p| &p.e164).collect::<Vec<_>>()),
        ));
        if stored.primary_phone.is_none() {
            let p = new_phones[0];
            sets.push(("primary_phone", p.e164.as_str().into()));
            sets.push(("primary_phone_ext", p.extension.clone().into()));
            sets.push((
                "primary_phone_display",
                phone::display(&p.e164, p.extension.as_deref(), home).into(),
            ));
        }
    }
    let addresses: Vec<(String, String)> = sqlx::query_as(
        "SELECT lower(line1), lower(city) FROM contact_addresses WHERE contact_id = ?",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let rows: Vec<Vec<SqlValue>> = incoming
        .addresses
        .iter()
        .filter(|a| !addresses.contains(&(a.line1.to_lowercase(), a.city.to_lowercase())))
        .map(|a| {
            vec![
                id.into(),
                a.kind.as_str().into(),
                a.line1.as_str().into(),
                a.line2.clone().into(),
                a.city.as_str().into(),
                a.region.clone().into(),
                a.postal_code.clone().into(),
                a.country.as_str().into(),
            ]
        })
        .collect();
    if !rows.is_empty() {
        changes.push(Change::new("addresses", Value::Null, json!(rows.len())));
        bulk::insert_rows(conn, &ADDRESSES, rows).await?;
    }
    let tags: Vec<String> = sqlx::query_scalar("SELECT tag FROM contact_tags WHERE contact_id = ?")
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
    let new_tags: Vec<&String> = incoming
        .tags
        .iter()
        .filter(|t| !tags.iter().any(|s| fold(s) == fold(t)))
        .collect();
    if !new_tags.is_empty() {
        let rows: Vec<Vec<SqlValue>> = new_tags
            .iter()
            .map(|t| vec![id.into(), t.as_str().into()])
            .collect();
        bulk::insert_rows(conn, &TAGS, rows).await?;
        changes.push(Change::new("tags", json!(tags), json!(new_tags)));
    }
    for related in &fields.related {
        let known: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM contact_related WHERE contact_id = ? AND value = ?)",
        )
        .bind(id)
        .bind(&related.value)
        .fetch_one(&mut *conn)
        .await?;
        if !known {
            sqlx::query("INSERT INTO contact_related (contact_id, kind, value) VALUES (?, ?, ?)")
                .bind(id)
                .bind(&related.kind)
                .bind(&related.value)
                .execute(&mut *conn)
                .await?;
            changes.push(Change::new("related", Value::Null, json!(related.value)));
        }
    }
    if let (false, Some(photo)) = (stored.has_photo, &fields.photo) {
        sqlx::query("UPDATE contacts SET photo = ? WHERE id = ?")
            .bind(&photo.data)
            .bind(id)
            .execute(&mut *conn)
            .await?;
        changes.push(Change::new("photo", Value::Null, json!(photo.media_type)));
    }
    if let Some(site) = &d.site {
        let added = sqlx::query(
            "INSERT OR IGNORE INTO contact_sites (contact_id, site_id, role, is_primary) VALUES (?, ?, ?, 0)",
        )
        .bind(id)
        .bind(site.id)
        .bind(crate::model::SiteRole::default().as_str())
        .execute(&mut *conn)
        .await?
        .rows_affected();
        if added > 0 {
            changes.push(Change::new(
                "sites",
                Value::Null,
                json!(site.id.to_string()),
            ));
            if stored.territory_id.is_none() {
                sets.push(("territory_id", site.territory_id.into()));
            }
        }
    }
    if changes.is_empty() {
        return Ok(());
    }
    sets.push((
        "display_name",
        display_name(
            &first,
            middle.as_deref(),
            &last,
            preferred.as_deref(),
            suffix.as_deref(),
        )
        .into(),
    ));
    sets.push((
        "name_key",
        name_key(&first, middle.as_deref(), &last).into(),
    ));
    sets.push((
        "company_key",
        company.as_deref().map(fold).unwrap_or_default().into(),
    ));
    sets.push((
        "title_key",
        job_title.as_deref().map(fold).unwrap_or_default().into(),
    ));
    sets.push(("updated_at", timestamp(d.now).into()));
    let mut builder = QueryBuilder::<Sqlite>::new("UPDATE contacts SET version = version + 1");
    for (column, value) in &sets {
        builder.push(format!(", {column} = "));
        bulk::push_value(&mut builder, value);
    }
    builder.push(" WHERE id = ").push_bind(id);
    builder.build().execute(&mut *conn).await?;
    audit::record(
        conn,
        Who::User(actor),
        d.now,
        Event::new("import_update", "contact", Some(id.to_string()))
            .summary(json!({ "importId": import_id.to_string() }))
            .changes(changes)
            .about_contact(id),
    )
    .await?;
    Ok(())
}
