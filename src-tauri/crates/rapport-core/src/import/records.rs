//! From a checked record to the rows a contact is stored in, and the contact's fields back as
//! the report shows them.

use chrono::{DateTime, NaiveDate, Utc};
use rapport_import::fields::{ContactFields, EmailField, PhoneUsage, Usage};

use crate::model::{
    AddressKind, ContactStatus, ContactType, EmailKind, LifecycleStage, PhoneKind, Priority,
    SiteRole, NO_YEAR,
};
use crate::phone;
use crate::store::bulk::{
    AddressRecord, ContactRecord, EmailRecord, PhoneRecord, SiteAssociationRecord,
};
use crate::text::fold;

/// The site imported contacts are put at.
#[derive(Debug, Clone)]
pub struct SiteTarget {
    pub id: i64,
    pub territory_id: i64,
    pub account_name: String,
}

/// What every contact of one import shares.
#[derive(Debug, Clone)]
pub struct Defaults {
    pub contact_type: ContactType,
    pub owner: String,
    pub site: Option<SiteTarget>,
    pub now: DateTime<Utc>,
}

/// `YYYY-MM-DD`, or `--MM-DD` stored in [`NO_YEAR`].
pub fn birthday(text: &str) -> Option<NaiveDate> {
    if let Some(month_day) = text.strip_prefix("--") {
        let (m, d) = month_day.split_once('-')?;
        return NaiveDate::from_ymd_opt(NO_YEAR, m.parse().ok()?, d.parse().ok()?);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// Work and home addresses are business and personal; one typed "other" is an alternate
/// address; an untyped one is the business address when it comes first (the one a file with a
/// single "E-mail Address" column means), else an alternate.
fn email_kind(email: &EmailField, first: bool) -> EmailKind {
    match email.usage {
        Usage::Work => EmailKind::Business,
        Usage::Home => EmailKind::Personal,
        Usage::Other if first && !email.typed => EmailKind::Business,
        Usage::Other => EmailKind::Alternate,
    }
}

fn phone_kind(usage: PhoneUsage) -> PhoneKind {
    match usage {
        PhoneUsage::Mobile => PhoneKind::Mobile,
        PhoneUsage::Pager => PhoneKind::Pager,
        PhoneUsage::Home => PhoneKind::Home,
        PhoneUsage::Fax => PhoneKind::Fax,
        PhoneUsage::Work => PhoneKind::Office,
        PhoneUsage::Other => PhoneKind::Other,
    }
}

/// The contact to store for `fields` (already checked), with id `id`.
pub fn contact_record(id: i64, fields: &ContactFields, d: &Defaults) -> ContactRecord {
    let has_person_name = fields.given_name.is_some() || fields.family_name.is_some();
    // A card with only a formatted name (or nickname) keeps it whole as the first name rather
    // than guessing where the family name starts.
    let first_name = fields
        .given_name
        .clone()
        .or_else(|| {
            (!has_person_name)
                .then(|| fields.display_name.clone())
                .flatten()
        })
        .unwrap_or_default();
    let mut emails: Vec<&EmailField> = fields.emails.iter().collect();
    emails.sort_by_key(|e| !e.pref);
    let mut notes = fields.notes.clone();
    if let Some(text) = fields.birthday.as_deref().filter(|b| birthday(b).is_none()) {
        append_line(&mut notes, &format!("Birthday: {text}"));
    }
    let mut tags: Vec<String> = Vec::new();
    for category in &fields.categories {
        if !tags.iter().any(|t| fold(t) == fold(category)) {
            tags.push(category.clone());
        }
    }
    ContactRecord {
        id,
        salutation: fields.prefix.clone(),
        first_name,
        middle_name: fields.middle_name.clone(),
        last_name: fields.family_name.clone().unwrap_or_default(),
        preferred_name: fields.nickname.clone(),
        suffix: fields.suffix.clone(),
        job_title: fields.job_title.clone(),
        department: fields.department.clone(),
        employee_id: None,
        contact_type: d.contact_type,
        contact_type_other: None,
        authority_level: None,
        authority_scope: None,
        approval_limit_minor: None,
        currency: "GBP".into(),
        birthday: fields.birthday.as_deref().and_then(birthday),
        websites: fields.urls.clone(),
        notes,
        preferred_method: None,
        preferred_times: None,
        time_zone: None,
        language: None,
        lifecycle_stage: LifecycleStage::default(),
        priority: Priority::default(),
        owner: Some(d.owner.clone()),
        special_instructions: None,
        status: ContactStatus::Active,
        status_reason: None,
        status_changed_at: None,
        verified_at: None,
        verified_by: None,
        verification_method: None,
        approval_source: None,
        approval_date: None,
        company: fields
            .organization
            .clone()
            .or_else(|| d.site.as_ref().map(|s| s.account_name.clone())),
        territory_id: d.site.as_ref().map(|s| s.territory_id),
        created_at: d.now,
        updated_at: d.now,
        emails: emails
            .iter()
            .enumerate()
            .map(|(i, e)| EmailRecord {
                kind: email_kind(e, i == 0),
                address: e.value.clone(),
            })
            .collect(),
        phones: fields
            .phones
            .iter()
            .map(|p| {
                let e164 = p.e164.clone().unwrap_or_else(|| p.value.clone());
                PhoneRecord {
                    kind: phone_kind(p.usage),
                    search_digits: phone::search_digits(&e164),
                    e164,
                    extension: p.extension.clone(),
                }
            })
            .collect(),
        addresses: fields
            .addresses
            .iter()
            .filter(|a| !a.is_empty())
            .map(|a| AddressRecord {
                kind: if a.usage == Usage::Home {
                    AddressKind::Home
                } else {
                    AddressKind::Mailing
                },
                line1: a
                    .street
                    .clone()
                    .or_else(|| a.po_box.as_ref().map(|b| format!("PO Box {b}")))
                    .unwrap_or_default(),
                line2: match (&a.street, &a.po_box, &a.extended) {
                    (Some(_), Some(b), Some(x)) => Some(format!("{x}, PO Box {b}")),
                    (Some(_), Some(b), None) => Some(format!("PO Box {b}")),
                    (_, _, x) => x.clone(),
                },
                city: a.locality.clone().unwrap_or_default(),
                region: a.region.clone(),
                postal_code: a.postal_code.clone(),
                country: a.country.clone().unwrap_or_default(),
            })
            .collect(),
        tags,
        channels: Vec::new(),
        lifecycle_history: vec![(LifecycleStage::default(), d.now)],
        sites: d
            .site
            .as_ref()
            .map(|s| SiteAssociationRecord {
                site_id: s.id,
                role: SiteRole::default(),
                is_primary: false,
                authority_limit_minor: None,
            })
            .into_iter()
            .collect(),
    }
}

fn append_line(notes: &mut Option<String>, line: &str) {
    match notes {
        Some(text) => {
            text.push('\n');
            text.push_str(line);
        }
        None => *notes = Some(line.to_string()),
    }
}
