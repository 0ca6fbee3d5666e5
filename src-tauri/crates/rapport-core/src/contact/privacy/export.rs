//! A person's data for a subject access request: one JSON document with everything stored about
//! them, and a vCard 4.0 (RFC 6350) card an address book can import.

use base64::Engine as _;
use calcard::common::PartialDateTime;
use calcard::vcard::{VCardEntry, VCardParameter, VCardProperty, VCardValue, VCardValueType};
use chrono::{DateTime, Timelike, Utc};
use serde::Serialize;
use serde_json::{json, Value};
use sqlx::SqlitePool;

use super::PersonExport;
use crate::access::Actor;
use crate::audit::{self, Event, Who};
use crate::error::{CoreError, CoreResult};
use crate::export::vcard::{date, text, uid, Alternates, Card};
use crate::model::{ContactDetail, ContactType};
use crate::store::export::{database_identity, ExportContact, ExportPhone};
use crate::store::{contacts, timestamp};
use crate::Database;

/// Bumped when a field of the JSON document changes meaning or disappears (adding one does not).
pub const EXPORT_FORMAT_VERSION: u32 = 1;

/// One field change from the audit payloads, with the values as they were recorded.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct HistoryEntry {
    at: String,
    username: String,
    action: String,
    field: String,
    before: Value,
    after: Value,
}

/// One audit event about the person (who did what, when; no values).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct EventEntry {
    at: String,
    username: String,
    action: String,
    summary: Value,
}

/// What `contacts::get` does not return but the export must hold.
struct Stored {
    photo: Option<Vec<u8>>,
    company: Option<String>,
    history: Vec<HistoryEntry>,
    events: Vec<EventEntry>,
    /// Tells this database's contacts from another's with the same id (see `uid`).
    database_identity: String,
    /// Interactions, follow-ups, cadence and escalations (see `engagement::privacy`).
    engagement: Value,
    /// Relationships, groups and communication flows (see `relationship::privacy`).
    relationships: Value,
}

/// Everything stored about one person the actor may see, as JSON and as a vCard. The export is
/// audited ("export_person"); a contact outside the actor's scope is `not_found`, and reading
/// an archived one is audited as such by `contacts::get`.
pub async fn export_person(
    db: &Database,
    actor: &Actor,
    id: &str,
    home: &str,
) -> CoreResult<PersonExport> {
    let detail = contacts::get(db, actor, id, home).await?;
    let contact_id: i64 = detail
        .id
        .parse()
        .map_err(|_| CoreError::not_found("contact", id))?;
    let stored = read_stored(db.reader(), contact_id).await?;
    let now = Utc::now();
    let json = person_json(&detail, &stored, actor.username(), now);
    let vcard = person_vcard(&detail, &stored);
    audit::record_alone(
        db,
        Who::User(actor),
        now,
        Event::new("export_person", "contact", Some(detail.id.clone()))
            .summary(json!({ "reference": detail.reference, "formats": ["json", "vcard"] })),
    )
    .await?;
    Ok(PersonExport {
        reference: detail.reference,
        json,
        vcard,
    })
}

async fn read_stored(pool: &SqlitePool, contact_id: i64) -> CoreResult<Stored> {
    let mut tx = pool.begin().await?;
    let (photo, company): (Option<Vec<u8>>, Option<String>) =
        sqlx::query_as("SELECT photo, company FROM contacts WHERE id = ?")
            .bind(contact_id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| CoreError::not_found("contact", contact_id.to_string()))?;
    // All of it, oldest first: the field-history screen stops at 1,000 events, a subject
    // access request may not.
    let payloads: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT e.at, e.username, e.action, p.body
         FROM audit_payloads p JOIN audit_events e ON e.seq = p.seq
         WHERE p.contact_id = ? ORDER BY p.seq",
    )
    .bind(contact_id)
    .fetch_all(&mut *tx)
    .await?;
    let events: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT at, username, action, summary FROM audit_events
         WHERE entity = 'contact' AND entity_id = ? ORDER BY seq",
    )
    .bind(contact_id.to_string())
    .fetch_all(&mut *tx)
    .await?;
    let database_identity = database_identity(&mut tx).await?;
    let engagement = crate::engagement::privacy::export(&mut tx, contact_id).await?;
    let relationships = crate::relationship::privacy::export(&mut tx, contact_id).await?;
    tx.commit().await?;

    let mut history = Vec::new();
    for (at, username, action, body) in payloads {
        let body: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
        let changes = body.get("changes").and_then(Value::as_array);
        for change in changes.into_iter().flatten() {
            history.push(HistoryEntry {
                at: at.clone(),
                username: username.clone(),
                action: action.clone(),
                field: change
                    .get("field")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
                before: change.get("before").cloned().unwrap_or(Value::Null),
                after: change.get("after").cloned().unwrap_or(Value::Null),
            });
        }
    }
    let events = events
        .into_iter()
        .map(|(at, username, action, summary)| EventEntry {
            at,
            username,
            action,
            summary: serde_json::from_str(&summary).unwrap_or(Value::String(summary)),
        })
        .collect();
    Ok(Stored {
        photo,
        company,
        history,
        events,
        database_identity,
        engagement,
        relationships,
    })
}

/// The media type of a stored photo, from its first bytes (the column holds bare image bytes).
fn photo_media_type(bytes: &[u8]) -> &'static str {
    rapport_import::fields::media_type_of(bytes).unwrap_or("application/octet-stream")
}

fn photo_data_uri(bytes: &[u8]) -> String {
    format!(
        "data:{};base64,{}",
        photo_media_type(bytes),
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

fn person_json(
    detail: &ContactDetail,
    stored: &Stored,
    exported_by: &str,
    now: DateTime<Utc>,
) -> String {
    let photo = stored.photo.as_deref().map(|bytes| {
        json!({
            "mediaType": photo_media_type(bytes),
            "base64": base64::engine::general_purpose::STANDARD.encode(bytes),
        })
    });
    let document = json!({
        "header": {
            "format": "rapport-person-export",
            "formatVersion": EXPORT_FORMAT_VERSION,
            "exportedAt": timestamp(now),
            "exportedBy": exported_by,
            "reference": detail.reference,
        },
        "contact": detail,
        "company": stored.company,
        "photo": photo,
        "fieldHistory": stored.history,
        "auditEvents": stored.events,
        "engagement": stored.engagement,
        "relationships": stored.relationships,
    });
    // `{:#}` is serde_json's pretty printer; formatting a `Value` cannot fail.
    format!("{document:#}\n")
}

fn utc_timestamp(at: DateTime<Utc>) -> PartialDateTime {
    PartialDateTime {
        hour: u8::try_from(at.hour()).ok(),
        minute: u8::try_from(at.minute()).ok(),
        second: u8::try_from(at.second()).ok(),
        tz_hour: Some(0),
        tz_minute: Some(0),
        ..date(at.date_naive())
    }
}

fn contact_role(detail: &ContactDetail) -> String {
    match detail.contact_type {
        ContactType::Primary => "Primary contact".into(),
        ContactType::Billing => "Billing contact".into(),
        ContactType::Operations => "Operations contact".into(),
        ContactType::Emergency => "Emergency contact".into(),
        ContactType::Other => detail
            .contact_type_other
            .clone()
            .unwrap_or_else(|| "Other contact".into()),
    }
}

/// The fields a card shares with a contact export, as the detail holds them.
fn exported(detail: &ContactDetail, stored: &Stored) -> ExportContact {
    ExportContact {
        id: detail.id.parse().unwrap_or_default(),
        display_name: detail.display_name.clone(),
        salutation: detail.salutation.clone(),
        first_name: detail.first_name.clone(),
        middle_name: detail.middle_name.clone(),
        last_name: detail.last_name.clone(),
        preferred_name: detail.preferred_name.clone(),
        suffix: detail.suffix.clone(),
        company: stored.company.clone(),
        department: detail.department.clone(),
        job_title: detail.job_title.clone(),
        birthday: detail.birthday,
        notes: detail.notes.clone(),
        websites: detail.websites.clone(),
        tags: detail.tags.clone(),
        emails: detail.emails.clone(),
        phones: detail
            .phones
            .iter()
            .map(|p| ExportPhone {
                kind: p.kind,
                e164: p.e164.clone(),
                extension: p.extension.clone(),
                is_primary: p.is_primary,
            })
            .collect(),
        addresses: detail.addresses.clone(),
        updated_at: Some(detail.updated_at),
    }
}

fn person_vcard(detail: &ContactDetail, stored: &Stored) -> String {
    let contact = exported(detail, stored);
    let mut card = Card::new(&uid(&stored.database_identity, &detail.id));
    card.identity(&contact);
    card.push(VCardEntry::new(VCardProperty::Role).with_value(text(&contact_role(detail))));
    card.reach(&contact, Alternates::Untyped);
    if let Some(language) = &detail.language {
        card.push(
            VCardEntry::new(VCardProperty::Lang)
                .with_param(VCardParameter::pref(1u32))
                .with_value(text(language)),
        );
    }
    if let Some(zone) = &detail.time_zone {
        // TZ defaults to a UTC offset in calcard; an IANA name is a text value (RFC 6350 6.5.1).
        card.push(
            VCardEntry::new(VCardProperty::Tz)
                .with_param(VCardParameter::value(VCardValueType::Text))
                .with_value(text(zone)),
        );
    }
    card.categories(&detail.tags);
    if let Some(photo) = &stored.photo {
        // A text value with the data URI as RFC 6350 shows it: calcard's binary value writes
        // "base64\," (an escaped comma) that URI readers do not expect.
        card.push(VCardEntry::new(VCardProperty::Photo).with_value(text(&photo_data_uri(photo))));
    }
    card.push(
        VCardEntry::new(VCardProperty::Rev).with_value(VCardValue::PartialDateTime(utc_timestamp(
            detail.updated_at,
        ))),
    );
    card.finish()
}
