//! A person's data for a subject access request: one JSON document with everything stored about
//! them, and a vCard 4.0 (RFC 6350) card an address book can import.

use base64::Engine as _;
use calcard::common::PartialDateTime;
use calcard::vcard::{
    VCard, VCardEntry, VCardKind, VCardParameter, VCardParameterName, VCardProperty, VCardType,
    VCardValue, VCardValueType, VCardVersion,
};
use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use serde::Serialize;
use serde_json::{json, Value};
use sqlx::SqlitePool;

use super::PersonExport;
use crate::access::Actor;
use crate::audit::{self, Event, Who};
use crate::error::{CoreError, CoreResult};
use crate::model::{AddressKind, ContactDetail, ContactType, EmailKind, PhoneKind, NO_YEAR};
use crate::store::{contacts, timestamp};
use crate::Database;

/// Bumped when a field of the JSON document changes meaning or disappears (adding one does not).
pub const EXPORT_FORMAT_VERSION: u32 = 1;

/// The UUID v5 namespace of Rapport's vCard UIDs. Fixed forever: a new one would give every
/// person a new UID, and address books would keep both cards.
const UID_NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x6f1c_2a8e_93d4_4b7a_a3c5_0e2d_9b41_7c58);

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
    // The first event (the database's creation) is hashed over its time and never changes.
    let database_identity: String =
        sqlx::query_scalar("SELECT hash FROM audit_events ORDER BY seq LIMIT 1")
            .fetch_optional(&mut *tx)
            .await?
            .unwrap_or_default();
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
    });
    // `{:#}` is serde_json's pretty printer; formatting a `Value` cannot fail.
    format!("{document:#}\n")
}

fn text(value: &str) -> VCardValue {
    VCardValue::Text(value.to_string())
}

fn opt_text(value: Option<&str>) -> VCardValue {
    text(value.unwrap_or_default())
}

fn date(day: NaiveDate) -> PartialDateTime {
    PartialDateTime {
        year: u16::try_from(day.year()).ok(),
        month: u8::try_from(day.month()).ok(),
        day: u8::try_from(day.day()).ok(),
        ..PartialDateTime::default()
    }
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

/// A stable UID: the same person exported twice gets the same card, and two databases that
/// both have a C-000001 give them different UIDs.
fn uid(detail: &ContactDetail, database_identity: &str) -> String {
    let name = format!("{database_identity}/{}", detail.id);
    uuid::Uuid::new_v5(&UID_NAMESPACE, name.as_bytes())
        .urn()
        .to_string()
}

fn person_vcard(detail: &ContactDetail, stored: &Stored) -> String {
    let mut entries = vec![
        VCardEntry::new(VCardProperty::Prodid).with_value(text("-//Rapport//Rapport//EN")),
        VCardEntry::new(VCardProperty::Kind).with_value(VCardValue::Kind(VCardKind::Individual)),
        VCardEntry::new(VCardProperty::Uid)
            .with_value(text(&uid(detail, &stored.database_identity))),
        VCardEntry::new(VCardProperty::Fn).with_value(text(&detail.display_name)),
        // Family; given; additional; prefixes; suffixes.
        VCardEntry::new(VCardProperty::N).with_values(vec![
            text(&detail.last_name),
            text(&detail.first_name),
            opt_text(detail.middle_name.as_deref()),
            opt_text(detail.salutation.as_deref()),
            opt_text(detail.suffix.as_deref()),
        ]),
    ];
    if let Some(nickname) = &detail.preferred_name {
        entries.push(VCardEntry::new(VCardProperty::Nickname).with_value(text(nickname)));
    }
    if stored.company.is_some() || detail.department.is_some() {
        let mut org = vec![opt_text(stored.company.as_deref())];
        if let Some(department) = &detail.department {
            org.push(text(department));
        }
        entries.push(VCardEntry::new(VCardProperty::Org).with_values(org));
    }
    if let Some(title) = &detail.job_title {
        entries.push(VCardEntry::new(VCardProperty::Title).with_value(text(title)));
    }
    entries.push(VCardEntry::new(VCardProperty::Role).with_value(text(&contact_role(detail))));
    for email in &detail.emails {
        let mut entry = VCardEntry::new(VCardProperty::Email);
        match email.kind {
            EmailKind::Business => entry.add_param(VCardParameter::typ(VCardType::Work)),
            EmailKind::Personal => entry.add_param(VCardParameter::typ(VCardType::Home)),
            // An alternate address may be either; the card does not guess.
            EmailKind::Alternate => {}
        }
        if email.is_primary {
            entry.add_param(VCardParameter::pref(1u32));
        }
        entries.push(entry.with_value(text(&email.address)));
    }
    for phone in &detail.phones {
        let types: &[VCardType] = match phone.kind {
            PhoneKind::Office => &[VCardType::Work, VCardType::Voice],
            PhoneKind::Mobile => &[VCardType::Cell, VCardType::Voice],
            PhoneKind::Home => &[VCardType::Home, VCardType::Voice],
            PhoneKind::Fax => &[VCardType::Fax],
        };
        let mut entry = VCardEntry::new(VCardProperty::Tel)
            .with_param(VCardParameter::value(VCardValueType::Uri));
        for typ in types {
            entry.add_param(VCardParameter::typ(typ.clone()));
        }
        if phone.is_primary {
            entry.add_param(VCardParameter::pref(1u32));
        }
        // RFC 3966, extension included: "tel:+441314960123;ext=42".
        entries.push(entry.with_value(text(&phone.tel_uri)));
    }
    for address in &detail.addresses {
        let typ = match address.kind {
            AddressKind::Mailing | AddressKind::Site => VCardType::Work,
            AddressKind::Home => VCardType::Home,
        };
        // RFC 6350 asks for an empty post-office box and extended address; both lines go into
        // the street component as a list.
        let mut street = vec![address.line1.clone()];
        street.extend(address.line2.clone());
        let mut entry = VCardEntry::new(VCardProperty::Adr).with_param(VCardParameter::typ(typ));
        if address.country.len() == 2 && address.country.chars().all(|c| c.is_ascii_alphabetic()) {
            // RFC 8605: the ISO 3166 code, so readers need not parse the country component.
            entry.add_param(VCardParameter::new(
                VCardParameterName::Cc,
                address.country.to_ascii_uppercase(),
            ));
        }
        entries.push(entry.with_values(vec![
            text(""),
            text(""),
            VCardValue::Component(street),
            text(&address.city),
            opt_text(address.region.as_deref()),
            opt_text(address.postal_code.as_deref()),
            text(&address.country),
        ]));
    }
    if let Some(birthday) = detail.birthday {
        let mut day = date(birthday);
        if birthday.year() == NO_YEAR {
            // Written "--MMDD": the year is not known.
            day.year = None;
        }
        entries.push(
            VCardEntry::new(VCardProperty::Bday).with_value(VCardValue::PartialDateTime(day)),
        );
    }
    for website in &detail.websites {
        entries.push(VCardEntry::new(VCardProperty::Url).with_value(text(website)));
    }
    if let Some(notes) = &detail.notes {
        entries.push(VCardEntry::new(VCardProperty::Note).with_value(text(notes)));
    }
    if let Some(language) = &detail.language {
        entries.push(
            VCardEntry::new(VCardProperty::Lang)
                .with_param(VCardParameter::pref(1u32))
                .with_value(text(language)),
        );
    }
    if let Some(zone) = &detail.time_zone {
        // TZ defaults to a UTC offset in calcard; an IANA name is a text value (RFC 6350 6.5.1).
        entries.push(
            VCardEntry::new(VCardProperty::Tz)
                .with_param(VCardParameter::value(VCardValueType::Text))
                .with_value(text(zone)),
        );
    }
    if !detail.tags.is_empty() {
        entries.push(
            VCardEntry::new(VCardProperty::Categories)
                .with_values(detail.tags.iter().map(|t| text(t)).collect()),
        );
    }
    if let Some(photo) = &stored.photo {
        // A text value with the data URI as RFC 6350 shows it: calcard's binary value writes
        // "base64\," (an escaped comma) that URI readers do not expect.
        entries
            .push(VCardEntry::new(VCardProperty::Photo).with_value(text(&photo_data_uri(photo))));
    }
    entries.push(
        VCardEntry::new(VCardProperty::Rev).with_value(VCardValue::PartialDateTime(utc_timestamp(
            detail.updated_at,
        ))),
    );
    let card = VCard { entries };
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = card.write_to(&mut out, VCardVersion::V4_0);
    out
}
