//! vCard 4.0 (RFC 6350) cards: the parts a person's privacy export and a contact export share,
//! and the export's own card (several in one file).
//!
//! The export's card is what the import reads back: FN, N, NICKNAME, ORG (company;
//! department), TITLE, EMAIL (TYPE work/home, `other` for an alternate address, PREF=1 on the
//! primary), TEL (`tel:` URI with `;ext=`, TYPE work/cell/home/fax), ADR (the street's lines as
//! a list, the ISO country code as the country and in CC), BDAY (`--MMDD` without a year),
//! URL, NOTE, CATEGORIES, and a stable UID.

use calcard::common::PartialDateTime;
use calcard::vcard::{
    VCard, VCardEntry, VCardKind, VCardParameter, VCardParameterName, VCardProperty, VCardType,
    VCardValue, VCardValueType, VCardVersion,
};
use chrono::{Datelike, NaiveDate};

use crate::model::{AddressKind, EmailKind, PhoneKind, NO_YEAR};
use crate::phone;
use crate::store::export::ExportContact;

/// The UUID v5 namespace of Rapport's vCard UIDs. Fixed forever: a new one would give every
/// person a new UID, and address books would keep both cards.
const UID_NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x6f1c_2a8e_93d4_4b7a_a3c5_0e2d_9b41_7c58);

/// A stable UID: the same person exported twice gets the same card, and two databases that
/// both have a C-000001 give them different UIDs.
pub(crate) fn uid(database_identity: &str, contact_id: &str) -> String {
    let name = format!("{database_identity}/{contact_id}");
    uuid::Uuid::new_v5(&UID_NAMESPACE, name.as_bytes())
        .urn()
        .to_string()
}

pub(crate) fn text(value: &str) -> VCardValue {
    VCardValue::Text(value.to_string())
}

fn opt_text(value: Option<&str>) -> VCardValue {
    text(value.unwrap_or_default())
}

pub(crate) fn date(day: NaiveDate) -> PartialDateTime {
    PartialDateTime {
        year: u16::try_from(day.year()).ok(),
        month: u8::try_from(day.month()).ok(),
        day: u8::try_from(day.day()).ok(),
        ..PartialDateTime::default()
    }
}

/// How an alternate email address (neither business nor personal) is typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Alternates {
    /// No TYPE: the card does not guess (the privacy export).
    Untyped,
    /// `TYPE=other`, so the import keeps it an alternate address even when it is the primary.
    Other,
}

/// A card being built, property by property in the order it is written.
pub(crate) struct Card {
    entries: Vec<VCardEntry>,
}

impl Card {
    /// PRODID, KIND and UID.
    pub(crate) fn new(uid: &str) -> Self {
        Self {
            entries: vec![
                VCardEntry::new(VCardProperty::Prodid).with_value(text("-//Rapport//Rapport//EN")),
                VCardEntry::new(VCardProperty::Kind)
                    .with_value(VCardValue::Kind(VCardKind::Individual)),
                VCardEntry::new(VCardProperty::Uid).with_value(text(uid)),
            ],
        }
    }

    pub(crate) fn push(&mut self, entry: VCardEntry) {
        self.entries.push(entry);
    }

    /// FN, N, NICKNAME, ORG and TITLE.
    pub(crate) fn identity(&mut self, c: &ExportContact) {
        self.push(VCardEntry::new(VCardProperty::Fn).with_value(text(&c.display_name)));
        // Family; given; additional; prefixes; suffixes.
        self.push(VCardEntry::new(VCardProperty::N).with_values(vec![
            text(&c.last_name),
            text(&c.first_name),
            opt_text(c.middle_name.as_deref()),
            opt_text(c.salutation.as_deref()),
            opt_text(c.suffix.as_deref()),
        ]));
        if let Some(nickname) = &c.preferred_name {
            self.push(VCardEntry::new(VCardProperty::Nickname).with_value(text(nickname)));
        }
        if c.company.is_some() || c.department.is_some() {
            let mut org = vec![opt_text(c.company.as_deref())];
            if let Some(department) = &c.department {
                org.push(text(department));
            }
            self.push(VCardEntry::new(VCardProperty::Org).with_values(org));
        }
        if let Some(title) = &c.job_title {
            self.push(VCardEntry::new(VCardProperty::Title).with_value(text(title)));
        }
    }

    /// EMAIL, TEL, ADR, BDAY, URL and NOTE.
    pub(crate) fn reach(&mut self, c: &ExportContact, alternates: Alternates) {
        for email in &c.emails {
            let mut entry = VCardEntry::new(VCardProperty::Email);
            match (email.kind, alternates) {
                (EmailKind::Business, _) => entry.add_param(VCardParameter::typ(VCardType::Work)),
                (EmailKind::Personal, _) => entry.add_param(VCardParameter::typ(VCardType::Home)),
                (EmailKind::Alternate, Alternates::Other) => {
                    entry.add_param(VCardParameter::typ("other".to_string()));
                }
                (EmailKind::Alternate, Alternates::Untyped) => {}
            }
            if email.is_primary {
                entry.add_param(VCardParameter::pref(1u32));
            }
            self.push(entry.with_value(text(&email.address)));
        }
        for p in &c.phones {
            let types: &[VCardType] = match p.kind {
                PhoneKind::Office => &[VCardType::Work, VCardType::Voice],
                PhoneKind::Mobile => &[VCardType::Cell, VCardType::Voice],
                PhoneKind::Home => &[VCardType::Home, VCardType::Voice],
                PhoneKind::Fax => &[VCardType::Fax],
                PhoneKind::Pager => &[VCardType::Pager],
                PhoneKind::Other => &[VCardType::Voice],
            };
            let mut entry = VCardEntry::new(VCardProperty::Tel)
                .with_param(VCardParameter::value(VCardValueType::Uri));
            for typ in types {
                entry.add_param(VCardParameter::typ(typ.clone()));
            }
            if p.is_primary {
                entry.add_param(VCardParameter::pref(1u32));
            }
            // RFC 3966, extension included: "tel:+441314960123;ext=42".
            let uri = phone::tel_uri(&p.e164, p.extension.as_deref());
            self.push(entry.with_value(text(&uri)));
        }
        for address in &c.addresses {
            let typ = match address.kind {
                AddressKind::Mailing | AddressKind::Site => VCardType::Work,
                AddressKind::Home => VCardType::Home,
            };
            // RFC 6350 asks for an empty post-office box and extended address; both lines go
            // into the street component as a list.
            let mut street = vec![address.line1.clone()];
            street.extend(address.line2.clone());
            let mut entry =
                VCardEntry::new(VCardProperty::Adr).with_param(VCardParameter::typ(typ));
            if address.country.len() == 2
                && address.country.chars().all(|c| c.is_ascii_alphabetic())
            {
                // RFC 8605: the ISO 3166 code, so readers need not parse the country component.
                entry.add_param(VCardParameter::new(
                    VCardParameterName::Cc,
                    address.country.to_ascii_uppercase(),
                ));
            }
            self.push(entry.with_values(vec![
                text(""),
                text(""),
                VCardValue::Component(street),
                text(&address.city),
                opt_text(address.region.as_deref()),
                opt_text(address.postal_code.as_deref()),
                text(&address.country),
            ]));
        }
        if let Some(birthday) = c.birthday {
            let mut day = date(birthday);
            if birthday.year() == NO_YEAR {
                // Written "--MMDD": the year is not known.
                day.year = None;
            }
            self.push(
                VCardEntry::new(VCardProperty::Bday).with_value(VCardValue::PartialDateTime(day)),
            );
        }
        for website in &c.websites {
            self.push(VCardEntry::new(VCardProperty::Url).with_value(text(website)));
        }
        if let Some(notes) = &c.notes {
            self.push(VCardEntry::new(VCardProperty::Note).with_value(text(notes)));
        }
    }

    /// CATEGORIES, when there are tags.
    pub(crate) fn categories(&mut self, tags: &[String]) {
        if !tags.is_empty() {
            self.push(
                VCardEntry::new(VCardProperty::Categories)
                    .with_values(tags.iter().map(|t| text(t)).collect()),
            );
        }
    }

    pub(crate) fn finish(self) -> String {
        let card = VCard {
            entries: self.entries,
        };
        let mut out = String::new();
        // Writing into a String cannot fail.
        let _ = card.write_to(&mut out, VCardVersion::V4_0);
        out
    }
}

/// A contact export's card.
pub(crate) fn contact_card(c: &ExportContact, database_identity: &str) -> String {
    let mut card = Card::new(&uid(database_identity, &c.id.to_string()));
    card.identity(c);
    card.reach(c, Alternates::Other);
    card.categories(&c.tags);
    card.finish()
}
