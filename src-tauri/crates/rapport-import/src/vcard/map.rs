//! From calcard's parsed entries to the import's [`ContactFields`].

use base64::Engine as _;
use calcard::common::{IanaString, PartialDateTime};
use calcard::vcard::{
    VCard, VCardEntry, VCardParameterName, VCardParameterValue, VCardProperty, VCardSex, VCardValue,
};
use std::collections::HashMap;

use super::prepare::Line;
use crate::fields::{
    clean, AddressField, ContactFields, EmailField, PhoneField, PhoneUsage, Photo, RelatedField,
    Usage,
};

/// What the TYPE parameters (in all their spellings) and an Apple label say about a property.
#[derive(Default)]
struct Types {
    words: Vec<String>,
    pref: bool,
}

impl Types {
    fn of(entry: &VCardEntry, label: Option<&str>) -> Self {
        let mut types = Types::default();
        for param in &entry.params {
            match (&param.name, &param.value) {
                (VCardParameterName::Pref, _) => types.pref = true,
                (VCardParameterName::Type, VCardParameterValue::Type(t)) => {
                    types.words.push(t.as_str().to_ascii_lowercase());
                }
                (VCardParameterName::Type, VCardParameterValue::Text(t)) => types
                    .words
                    .extend(t.split(',').map(|w| w.trim().to_ascii_lowercase())),
                // vCard 2.1 bare parameters: `TEL;WORK;CELL`, `EMAIL;INTERNET`.
                (VCardParameterName::Other(name), VCardParameterValue::Null) => {
                    types.words.push(name.to_ascii_lowercase());
                }
                _ => {}
            }
        }
        if types.words.iter().any(|w| w == "pref") {
            types.pref = true;
        }
        if let Some(label) = label {
            types.words.push(label.to_ascii_lowercase());
        }
        types
    }

    fn has(&self, needle: &str) -> bool {
        self.words.iter().any(|w| w.contains(needle))
    }

    /// WORK → work, HOME → home, anything else (INTERNET, VOICE, PREF, custom) → other.
    fn usage(&self) -> Usage {
        if self.has("work") {
            Usage::Work
        } else if self.has("home") {
            Usage::Home
        } else {
            Usage::Other
        }
    }

    /// Whether a type says how the value is used: work, home or other (`x-other` too).
    fn names_usage(&self) -> bool {
        self.has("work") || self.has("home") || self.has("other")
    }

    /// FAX → fax, PAGER → pager, CELL/MOBILE/IPHONE → mobile, WORK → work, HOME → home;
    /// VOICE, MSG, TEXT, VIDEO and the rest alone → other. The first that applies wins, so
    /// `HOME;FAX` is a fax and `CELL;WORK` a mobile.
    fn phone_usage(&self) -> PhoneUsage {
        if self.has("fax") {
            PhoneUsage::Fax
        } else if self.has("pager") {
            PhoneUsage::Pager
        } else if self.has("cell") || self.has("mobile") || self.has("iphone") {
            PhoneUsage::Mobile
        } else if self.has("work") {
            PhoneUsage::Work
        } else if self.has("home") {
            PhoneUsage::Home
        } else {
            PhoneUsage::Other
        }
    }
}

/// Whether an Apple label names one of our types (so it is "applied" and not kept as a note).
fn label_maps(label: &str) -> bool {
    let l = label.to_ascii_lowercase();
    [
        "work", "home", "other", "cell", "mobile", "iphone", "fax", "pager", "main",
    ]
    .iter()
    .any(|w| l.contains(w))
}

/// `_$!<Work>!$_` → `Work`; a custom label stays as written.
fn apple_label(raw: &str) -> String {
    raw.trim()
        .strip_prefix("_$!<")
        .and_then(|r| r.strip_suffix(">!$_"))
        .unwrap_or(raw.trim())
        .to_string()
}

fn text_of(value: &VCardValue) -> String {
    match value {
        VCardValue::Text(t) => t.clone(),
        VCardValue::Component(parts) => parts.join(","),
        VCardValue::Integer(i) => i.to_string(),
        VCardValue::Float(f) => f.to_string(),
        VCardValue::Boolean(b) => b.to_string(),
        VCardValue::PartialDateTime(dt) => format_partial(dt),
        VCardValue::Sex(sex) => match sex {
            VCardSex::Male => "Male",
            VCardSex::Female => "Female",
            VCardSex::Other => "Other",
            VCardSex::NoneOrNotApplicable => "None",
            VCardSex::Unknown => "Unknown",
        }
        .to_string(),
        VCardValue::GramGender(g) => format!("{g:?}").to_ascii_lowercase(),
        VCardValue::Kind(k) => format!("{k:?}").to_ascii_lowercase(),
        VCardValue::Binary(_) => String::new(),
    }
}

/// Every value of an entry as one text: components with `;` between them (empty trailing ones
/// dropped), the rest with `,`.
fn entry_text(entry: &VCardEntry) -> String {
    let structured = matches!(
        entry.name,
        VCardProperty::N
            | VCardProperty::Adr
            | VCardProperty::Org
            | VCardProperty::Gender
            | VCardProperty::Clientpidmap
    );
    let mut parts: Vec<String> = entry.values.iter().map(text_of).collect();
    if structured {
        while parts.last().is_some_and(|p| p.trim().is_empty()) {
            parts.pop();
        }
        parts.join("; ")
    } else {
        parts.join(",")
    }
}

fn format_partial(dt: &PartialDateTime) -> String {
    let mut out = String::new();
    match dt.year {
        Some(y) => out.push_str(&format!("{y:04}")),
        None => out.push('-'),
    }
    if let Some(m) = dt.month {
        out.push_str(&format!("-{m:02}"));
    } else if dt.day.is_some() {
        out.push('-');
    }
    if let Some(d) = dt.day {
        out.push_str(&format!("-{d:02}"));
    }
    if let (Some(h), Some(mi)) = (dt.hour, dt.minute) {
        out.push_str(&format!("T{h:02}:{mi:02}"));
        if let Some(s) = dt.second {
            out.push_str(&format!(":{s:02}"));
        }
        if let Some(th) = dt.tz_hour {
            let sign = if dt.tz_minus { '-' } else { '+' };
            out.push_str(&format!("{sign}{th:02}:{:02}", dt.tz_minute.unwrap_or(0)));
        }
    }
    out
}

/// A birthday as `YYYY-MM-DD` or `--MM-DD`; `None` when the value is something else.
fn birthday(value: &VCardValue) -> Option<String> {
    match value {
        VCardValue::PartialDateTime(dt) => match (dt.year, dt.month, dt.day) {
            (Some(y), Some(m), Some(d)) if valid_day(m, d) => Some(format!("{y:04}-{m:02}-{d:02}")),
            (None, Some(m), Some(d)) if valid_day(m, d) => Some(format!("--{m:02}-{d:02}")),
            _ => None,
        },
        VCardValue::Text(text) => birthday_text(text),
        _ => None,
    }
}

fn valid_day(month: u8, day: u8) -> bool {
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// `1980-03-22`, `19800322`, `1980-03-22T00:00:00Z`, `--0210`, `--02-10` and 3.0's odd `02-10`.
fn birthday_text(text: &str) -> Option<String> {
    let text = text.trim();
    let date = text.split(['T', 't', ' ']).next().unwrap_or(text);
    let (year, rest) = match date.strip_prefix("--") {
        Some(rest) => (None, rest),
        // Bytes, not a string slice: the text may start with a multi-byte character.
        None if date.len() >= 8 && date.as_bytes()[..4].iter().all(u8::is_ascii_digit) => {
            (Some(&date[..4]), date[4..].trim_start_matches('-'))
        }
        None => (None, date),
    };
    let digits: String = rest.chars().filter(|c| *c != '-').collect();
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) || rest.len() > 5 {
        return None;
    }
    let month: u8 = digits[..2].parse().ok()?;
    let day: u8 = digits[2..].parse().ok()?;
    if !valid_day(month, day) {
        return None;
    }
    Some(match year {
        Some(y) => format!("{y}-{month:02}-{day:02}"),
        None => format!("--{month:02}-{day:02}"),
    })
}

fn declared_media_type(entry: &VCardEntry, content_type: Option<&str>) -> String {
    if let Some(ct) = content_type.filter(|ct| ct.contains('/')) {
        return ct.to_ascii_lowercase();
    }
    let word = entry.params.iter().find_map(|p| match (&p.name, &p.value) {
        (VCardParameterName::Mediatype, VCardParameterValue::Text(t)) => Some(t.clone()),
        (VCardParameterName::Type, VCardParameterValue::Text(t)) => Some(t.clone()),
        (VCardParameterName::Other(name), VCardParameterValue::Null) => Some(name.clone()),
        _ => None,
    });
    match word {
        Some(w) if w.contains('/') => w.to_ascii_lowercase(),
        Some(w) => format!("image/{}", w.to_ascii_lowercase()),
        None => "application/octet-stream".into(),
    }
}

/// Properties that carry nothing for people: left out.
fn is_technical(name: &str) -> bool {
    matches!(
        name,
        "VERSION"
            | "PRODID"
            | "UID"
            | "REV"
            | "SORT-STRING"
            | "CLASS"
            | "NAME"
            | "CLIENTPIDMAP"
            | "XML"
            | "JSPROP"
            | "X-ABUID"
            | "X-ABSHOWAS"
            | "X-ABLABEL"
            | "X-ABADR"
            | "X-MS-OL-DEFAULT-POSTAL-ADDRESS"
            | "X-MS-OL-DESIGN"
            | "X-EVOLUTION-FILE-AS"
            | "X-EVOLUTION-LIST"
            | "X-EVOLUTION-LIST-SHOW-ADDRESSES"
            | "X-MOZILLA-HTML"
            | "X-ID"
            | "X-ETAG"
            | "X-FC-TAGS"
            | "X-FC-LIST-ID"
    )
}

/// The label of a note line for a property with no field of its own.
fn note_label(name: &str) -> String {
    let label = match name {
        "ANNIVERSARY" | "X-ANNIVERSARY" | "X-MS-ANNIVERSARY" | "X-EVOLUTION-ANNIVERSARY" => {
            "Anniversary"
        }
        "GENDER" | "X-GENDER" | "X-WAB-GENDER" => "Gender",
        "ROLE" => "Role",
        "TITLE" => "Title",
        "ORG" => "Organization",
        "FN" | "N" => "Name",
        "BDAY" => "Birthday",
        "PHOTO" => "Photo",
        "LOGO" => "Logo",
        "SOUND" => "Sound",
        "KEY" => "Key",
        "IMPP" | "X-MS-IMADDRESS" => "IM",
        "X-AIM" => "AIM",
        "X-ICQ" => "ICQ",
        "X-JABBER" => "Jabber",
        "X-MSN" => "MSN",
        "X-YAHOO" => "Yahoo",
        "X-SKYPE" | "X-SKYPE-USERNAME" => "Skype",
        "X-GOOGLE-TALK" | "X-GTALK" => "Google Talk",
        "X-QQ" => "QQ",
        "X-GADUGADU" => "Gadu-Gadu",
        "X-TWITTER" => "Twitter",
        "LANG" => "Language",
        "TZ" => "Time zone",
        "GEO" => "Location",
        "FBURL" => "Free/busy URL",
        "CALADRURI" => "Calendar address",
        "CALURI" => "Calendar URL",
        "SOURCE" => "Source",
        "MAILER" => "Mailer",
        "KIND" => "Kind",
        "MEMBER" => "Member",
        "EXPERTISE" => "Expertise",
        "HOBBY" => "Hobby",
        "INTEREST" => "Interest",
        "BIRTHPLACE" => "Birthplace",
        "DEATHPLACE" => "Deathplace",
        "DEATHDATE" => "Date of death",
        "PRONOUNS" => "Pronouns",
        "X-PHONETIC-FIRST-NAME" => "Phonetic first name",
        "X-PHONETIC-MIDDLE-NAME" => "Phonetic middle name",
        "X-PHONETIC-LAST-NAME" => "Phonetic last name",
        "X-MAIDENNAME" => "Maiden name",
        "X-ABDATE" => "Date",
        "NICKNAME" => "Nickname",
        _ => return name.to_string(),
    };
    label.to_string()
}

/// Properties that name a related person without being RELATED, and the relation they mean.
fn related_kind(name: &str) -> Option<&'static str> {
    Some(match name {
        "X-SPOUSE" | "X-MS-SPOUSE" | "X-EVOLUTION-SPOUSE" | "X-KADDRESSBOOK-X-SPOUSENAME" => {
            "spouse"
        }
        "X-MS-MANAGER" | "X-MANAGER" | "X-EVOLUTION-MANAGER" | "X-KADDRESSBOOK-X-MANAGERSNAME" => {
            "manager"
        }
        "X-MS-ASSISTANT"
        | "X-ASSISTANT"
        | "X-EVOLUTION-ASSISTANT"
        | "X-KADDRESSBOOK-X-ASSISTANTSNAME" => "assistant",
        "X-MS-CHILD" | "X-CHILD" => "child",
        _ => return None,
    })
}

fn param_text(entry: &VCardEntry, name: &VCardParameterName) -> Option<String> {
    entry.params.iter().find_map(|p| match &p.value {
        VCardParameterValue::Text(t) if &p.name == name => Some(t.clone()),
        VCardParameterValue::Integer(i) if &p.name == name => Some(i.to_string()),
        _ => None,
    })
}

/// The upper-case name as written (calcard keeps unknown names as written).
fn upper_name(entry: &VCardEntry) -> String {
    entry.name.as_str().to_ascii_uppercase()
}

struct Builder {
    fields: ContactFields,
    note_texts: Vec<String>,
    note_lines: Vec<String>,
}

impl Builder {
    fn note(&mut self, label: &str, value: &str) {
        if let Some(value) = clean(value) {
            let line = format!("{label}: {value}");
            if !self.note_lines.contains(&line) {
                self.note_lines.push(line);
            }
        }
    }
}

pub(super) fn to_fields(card: &VCard, lines: &[Line]) -> ContactFields {
    // `lines` pairs with the entries when calcard kept every line (it does for what we give it).
    let paired = lines.len() == card.entries.len();
    let labels: HashMap<String, String> = card
        .entries
        .iter()
        .filter(|e| upper_name(e) == "X-ABLABEL")
        .filter_map(|e| {
            let group = e.group.as_ref()?.to_ascii_lowercase();
            Some((group, apple_label(&entry_text(e))))
        })
        .collect();
    let has_title = card
        .entries
        .iter()
        .any(|e| e.name == VCardProperty::Title && !entry_text(e).trim().is_empty());

    let mut b = Builder {
        fields: ContactFields::default(),
        note_texts: Vec::new(),
        note_lines: Vec::new(),
    };
    // (property, ALTID) already seen, with the language of each FN alternate.
    let mut altids: HashMap<(String, String), ()> = HashMap::new();
    let mut fn_alt_langs: Vec<(String, Option<String>)> = Vec::new();
    let mut nicknames: Vec<String> = Vec::new();

    for (index, entry) in card.entries.iter().enumerate() {
        let name = upper_name(entry);
        let label = entry
            .group
            .as_ref()
            .and_then(|g| labels.get(&g.to_ascii_lowercase()))
            .map(String::as_str);
        let language = param_text(entry, &VCardParameterName::Language);
        let line = paired.then(|| &lines[index]);

        // ALTID alternates: the first one fills the fields, the others are the same value in
        // another language. FN alternates are kept as a note; N alternates are dropped when an
        // FN alternate of that language is kept (same name), other alternates when equal.
        if let Some(altid) = param_text(entry, &VCardParameterName::Altid) {
            let key = (name.clone(), altid.clone());
            if altids.contains_key(&key) {
                let text = entry_text(entry);
                let lang = language
                    .as_deref()
                    .map(|l| format!(" ({l})"))
                    .unwrap_or_default();
                match entry.name {
                    VCardProperty::Fn => {
                        fn_alt_langs.push((altid, language.clone()));
                        b.note(&format!("Name{lang}"), &text);
                    }
                    VCardProperty::N => {
                        if !fn_alt_langs
                            .iter()
                            .any(|(a, l)| *a == altid && *l == language)
                        {
                            let joined: Vec<&str> = entry
                                .values
                                .iter()
                                .filter_map(|v| match v {
                                    VCardValue::Text(t) if !t.trim().is_empty() => Some(t.as_str()),
                                    _ => None,
                                })
                                .collect();
                            b.note(&format!("Name{lang}"), &joined.join(" "));
                        }
                    }
                    _ => {
                        let first = card.entries[..index]
                            .iter()
                            .find(|e| {
                                upper_name(e) == name
                                    && param_text(e, &VCardParameterName::Altid).as_deref()
                                        == Some(altid.as_str())
                            })
                            .map(entry_text);
                        if first.as_deref() != Some(text.as_str())
                            && !(entry.name == VCardProperty::Bday
                                && first.as_deref().and_then(birthday_text)
                                    == entry.values.first().and_then(birthday))
                        {
                            b.note(&format!("{}{lang}", note_label(&name)), &text);
                        }
                    }
                }
                continue;
            }
            altids.insert(key, ());
        }

        match &entry.name {
            VCardProperty::Fn => {
                let text = entry_text(entry);
                if b.fields.display_name.is_none() {
                    b.fields.display_name = clean(&text);
                } else {
                    let lang = language
                        .as_deref()
                        .map(|l| format!(" ({l})"))
                        .unwrap_or_default();
                    b.note(&format!("Name{lang}"), &text);
                }
            }
            VCardProperty::N => {
                let part = |i: usize| entry.values.get(i).map(text_of).and_then(|t| clean(&t));
                if b.fields.family_name.is_none()
                    && b.fields.given_name.is_none()
                    && b.fields.middle_name.is_none()
                {
                    b.fields.family_name = part(0);
                    b.fields.given_name = part(1);
                    b.fields.middle_name = part(2);
                    b.fields.prefix = part(3);
                    b.fields.suffix = part(4);
                    for extra in 5..entry.values.len() {
                        if let Some(v) = part(extra) {
                            b.note("Name", &v);
                        }
                    }
                } else {
                    b.note("Name", &entry_text(entry));
                }
            }
            VCardProperty::Nickname => {
                nicknames.extend(entry.values.iter().filter_map(|v| clean(&text_of(v))));
            }
            VCardProperty::Org => {
                let units: Vec<String> = entry.values.iter().map(text_of).collect();
                if b.fields.organization.is_none() && b.fields.department.is_none() {
                    b.fields.organization = units.first().and_then(|u| clean(u));
                    b.fields.department = units.get(1).and_then(|u| clean(u));
                    for unit in units.iter().skip(2) {
                        b.note("Organization unit", unit);
                    }
                } else if units.first().and_then(|u| clean(u)) != b.fields.organization
                    || units.get(1).and_then(|u| clean(u)) != b.fields.department
                {
                    b.note("Organization", &entry_text(entry));
                }
            }
            VCardProperty::Title => {
                let text = entry_text(entry);
                if b.fields.job_title.is_none() {
                    b.fields.job_title = clean(&text);
                } else if clean(&text) != b.fields.job_title {
                    b.note("Title", &text);
                }
            }
            VCardProperty::Role => {
                let text = entry_text(entry);
                if !has_title && b.fields.job_title.is_none() {
                    b.fields.job_title = clean(&text);
                } else {
                    b.note("Role", &text);
                }
            }
            VCardProperty::Email => {
                let types = Types::of(entry, label);
                let text = entry_text(entry);
                let value = strip_scheme(&text, "mailto:");
                if let Some(value) = clean(value) {
                    if let Some(l) = label.filter(|l| !label_maps(l)) {
                        b.note(l, &value);
                    }
                    b.fields.emails.push(EmailField {
                        value,
                        usage: types.usage(),
                        pref: types.pref,
                        typed: types.names_usage(),
                    });
                }
            }
            VCardProperty::Tel => {
                let types = Types::of(entry, label);
                let text = entry_text(entry);
                if let Some(phone) = phone(&text, types.phone_usage()) {
                    if let Some(l) = label.filter(|l| !label_maps(l)) {
                        b.note(l, &phone.value);
                    }
                    b.fields.phones.push(phone);
                }
            }
            VCardProperty::Adr => {
                let types = Types::of(entry, label);
                let part = |i: usize| entry.values.get(i).map(text_of).and_then(|t| clean(&t));
                let (street, extended) = street_lines(entry.values.get(2), part(1));
                let address = AddressField {
                    usage: types.usage(),
                    po_box: part(0),
                    extended,
                    street,
                    locality: part(3),
                    region: part(4),
                    postal_code: part(5),
                    country: part(6),
                };
                if !address.is_empty() {
                    if let Some(l) = label.filter(|l| !label_maps(l)) {
                        b.note(l, &entry_text(entry));
                    }
                    b.fields.addresses.push(address);
                }
            }
            VCardProperty::Bday => {
                let parsed = line
                    .and_then(|l| birthday_text(&l.value))
                    .or_else(|| entry.values.first().and_then(birthday));
                match parsed {
                    Some(date) if b.fields.birthday.is_none() => b.fields.birthday = Some(date),
                    Some(date) if b.fields.birthday.as_deref() == Some(date.as_str()) => {}
                    _ => b.note("Birthday", &entry_text(entry)),
                }
            }
            VCardProperty::Note => {
                if let Some(text) = clean(&entry_text(entry)) {
                    b.note_texts.push(text);
                }
            }
            VCardProperty::Categories => {
                for value in &entry.values {
                    for category in text_of(value).split(',') {
                        if let Some(c) = clean(category) {
                            b.fields.categories.push(c);
                        }
                    }
                }
            }
            VCardProperty::Url => {
                if let Some(url) = clean(&entry_text(entry)) {
                    if let Some(l) =
                        label.filter(|l| !label_maps(l) && !l.eq_ignore_ascii_case("homepage"))
                    {
                        b.note(l, &url);
                    }
                    b.fields.urls.push(url);
                }
            }
            VCardProperty::Related => {
                let types = Types::of(entry, label);
                if let Some(value) = clean(&entry_text(entry)) {
                    let kind = types.words.iter().find(|w| *w != "pref").cloned();
                    b.fields.related.push(RelatedField { value, kind });
                }
            }
            VCardProperty::Photo => photo(&mut b, entry, line),
            VCardProperty::Logo | VCardProperty::Sound | VCardProperty::Key => {
                // Inline logos, sounds and keys (certificates) have no field; their links do.
                if !entry
                    .values
                    .iter()
                    .any(|v| matches!(v, VCardValue::Binary(_)))
                    && !line.is_some_and(|l| l.base64)
                {
                    b.note(&note_label(&name), &entry_text(entry));
                }
            }
            VCardProperty::Kind => {
                let text = entry_text(entry);
                if !text.eq_ignore_ascii_case("individual") {
                    b.note("Kind", &text);
                }
            }
            _ if is_technical(&name) => {}
            _ if name == "LABEL" => {
                let types = Types::of(entry, label);
                let kind = match types.usage() {
                    Usage::Work => " (work)",
                    Usage::Home => " (home)",
                    Usage::Other => "",
                };
                b.note(&format!("Address label{kind}"), &entry_text(entry));
            }
            _ if name == "X-ABRELATEDNAMES" => {
                if let Some(value) = clean(&entry_text(entry)) {
                    let kind = label.map(|l| l.to_ascii_lowercase());
                    b.fields.related.push(RelatedField { value, kind });
                }
            }
            _ if related_kind(&name).is_some() => {
                if let Some(value) = clean(&entry_text(entry)) {
                    let kind = related_kind(&name).map(str::to_string);
                    b.fields.related.push(RelatedField { value, kind });
                }
            }
            _ if name == "X-MS-TEL" => {
                let types = Types::of(entry, label);
                if let Some(phone) = phone(&entry_text(entry), types.phone_usage()) {
                    b.fields.phones.push(phone);
                }
            }
            _ if name.starts_with("X-FCENCODED-") => fullcontact(&mut b, &name, entry),
            _ => {
                let mut text = entry_text(entry);
                let has_time_only = entry.values.iter().any(|v| {
                    matches!(v, VCardValue::PartialDateTime(dt) if dt.year.is_none() && dt.month.is_none())
                });
                if let Some(l) = line.filter(|_| has_time_only) {
                    text = l.value.clone();
                }
                if label.is_some_and(|l| l.eq_ignore_ascii_case("anniversary"))
                    || note_label(&name) == "Anniversary"
                {
                    if let Some(date) = birthday_text(&text).filter(|_| !text.contains('T')) {
                        text = date;
                    }
                }
                let lbl = match label {
                    Some(l) => l.to_string(),
                    None => note_label(&name),
                };
                b.note(&lbl, &text);
            }
        }
    }

    if !nicknames.is_empty() {
        b.fields.nickname = clean(&nicknames.join(", "));
    }
    let mut notes = b.note_texts;
    notes.extend(b.note_lines);
    b.fields.notes = clean(&notes.join("\n"));
    b.fields
}

/// The street component and the extended address. RFC 6350 asks writers to leave the extended
/// address empty and write the street's lines as a list ("1 Quay St,Unit 4"): the first line
/// is the street, the others the second line, after an extended address the card has.
fn street_lines(
    street: Option<&VCardValue>,
    extended: Option<String>,
) -> (Option<String>, Option<String>) {
    let Some(VCardValue::Component(lines)) = street else {
        return (street.map(text_of).and_then(|t| clean(&t)), extended);
    };
    let mut lines = lines.iter().filter_map(|l| clean(l));
    let first = lines.next();
    let rest: Vec<String> = extended.into_iter().chain(lines).collect();
    (first, (!rest.is_empty()).then(|| rest.join(", ")))
}

fn strip_scheme<'a>(text: &'a str, scheme: &str) -> &'a str {
    let trimmed = text.trim();
    match trimmed.get(..scheme.len()) {
        Some(head) if head.eq_ignore_ascii_case(scheme) => &trimmed[scheme.len()..],
        _ => trimmed,
    }
}

/// A phone number as written, a `tel:` URI reduced to its number and `;ext=` to the extension.
fn phone(text: &str, usage: PhoneUsage) -> Option<PhoneField> {
    let text = strip_scheme(text, "tel:");
    let mut extension = None;
    let mut kept = Vec::new();
    for (i, part) in text.split(';').enumerate() {
        match part.split_once('=') {
            Some((k, v)) if i > 0 && k.trim().eq_ignore_ascii_case("ext") => {
                extension = clean(v);
            }
            _ => kept.push(part),
        }
    }
    let value = clean(&kept.join(";"))?;
    Some(PhoneField {
        value,
        usage,
        e164: None,
        extension,
    })
}

fn photo(b: &mut Builder, entry: &VCardEntry, line: Option<&Line>) {
    for value in &entry.values {
        let (data, content_type) = match value {
            VCardValue::Binary(data) => (data.data.clone(), data.content_type.clone()),
            VCardValue::Text(text) if line.is_some_and(|l| l.base64) => {
                match base64::engine::general_purpose::STANDARD.decode(text.trim()) {
                    Ok(bytes) => (bytes, None),
                    Err(_) => continue,
                }
            }
            other => {
                b.note("Photo", &text_of(other));
                continue;
            }
        };
        if data.is_empty() {
            continue;
        }
        let media_type = crate::fields::media_type_of(&data)
            .map(str::to_string)
            .unwrap_or_else(|| declared_media_type(entry, content_type.as_deref()));
        if b.fields.photo.is_none() {
            b.fields.photo = Some(Photo::new(media_type, data));
        } else {
            let line = format!(
                "Photo: another inline picture ({media_type}, {} bytes) was not imported",
                data.len()
            );
            b.note_lines.push(line);
        }
    }
}

/// FullContact writes `X-FCENCODED-<hex of "X-FC-RelatedNames:Mother">:Jane`.
fn fullcontact(b: &mut Builder, name: &str, entry: &VCardEntry) {
    let hex = &name["X-FCENCODED-".len()..];
    let decoded: Option<Vec<u8>> = (0..hex.len() / 2)
        .map(|i| u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok())
        .collect();
    let decoded = decoded.map(|d| String::from_utf8_lossy(&d).into_owned());
    let text = entry_text(entry);
    match decoded.as_deref().and_then(|d| d.split_once(':')) {
        Some((kind, label)) if kind.eq_ignore_ascii_case("X-FC-RelatedNames") => {
            if let Some(value) = clean(&text) {
                b.fields.related.push(RelatedField {
                    value,
                    kind: clean(&label.to_ascii_lowercase()),
                });
            }
        }
        Some((_, label)) => b.note(label, &text),
        None => b.note(name, &text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn birthdays_in_every_spelling() {
        for (input, expected) in [
            ("19781229", Some("1978-12-29")),
            ("1980-03-22", Some("1980-03-22")),
            ("1953-10-15T23:10:00Z", Some("1953-10-15")),
            ("--0210", Some("--02-10")),
            ("--02-10", Some("--02-10")),
            ("02-10", Some("--02-10")),
            ("1985", None),
            ("tomorrow", None),
            ("13-45", None),
        ] {
            assert_eq!(birthday_text(input).as_deref(), expected, "{input}");
        }
    }

    #[test]
    fn tel_uri_with_extension() {
        let p = phone("tel:+1-418-656-9254;ext=102", PhoneUsage::Work).unwrap();
        assert_eq!(p.value, "+1-418-656-9254");
        assert_eq!(p.extension.as_deref(), Some("102"));
    }

    #[test]
    fn magic_numbers() {
        assert_eq!(
            crate::fields::media_type_of(b"\x89PNG\r\n"),
            Some("image/png")
        );
        assert_eq!(
            crate::fields::media_type_of(&[0xFF, 0xD8, 0xFF, 0xE0]),
            Some("image/jpeg")
        );
        assert_eq!(crate::fields::media_type_of(b"hello"), None);
    }
}
