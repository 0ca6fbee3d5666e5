//! The header sets of the spreadsheet formats, and each contact's cells under them. Every
//! header is one the import's automatic mapping recognises (`rapport_import::mapping`), so a
//! file exported in any of these layouts imports again without a manual mapping.
//!
//! - **Rapport** (`csv`, `xlsx`): every field the import understands. Single fields by name
//!   ("Prefix", "First Name", ..., "Display Name", "Organization", "Department", "Job Title",
//!   "Birthday"), then numbered groups as many as the widest contact needs (at least one):
//!   "E-mail N - Label"/"E-mail N - Value", "Phone N - Label"/"Phone N - Value", "Address N -
//!   Label"/"Street"/"Extended Address"/"City"/"Region"/"Postal Code"/"Country", "Website N -
//!   Value", and last "Categories" and "Notes". Labels say the kind (`Work`, `Home`, `Other`;
//!   `Mobile`, `Work Fax` for phones) and mark the primary email and phone with `* `.
//! - **Google** (`csv_google`): Google Contacts' headers, the same numbered groups ("Name
//!   Prefix", "Organization Name", "Organization Title", "Labels" with tags joined by ` ::: `).
//! - **Outlook** (`csv_outlook`): Outlook's English headers, which have fixed slots: three
//!   emails (untyped), business/home/other addresses, business phone ×2, home phone ×2, mobile,
//!   other phone, business and home fax, one web page; no nickname or display name. Values that
//!   do not fit a slot are added to the notes as "Header: value" lines, so nothing is dropped.
//!
//! Dates are ISO 8601 (`1980-05-12`), or `--MM-DD` for a birthday without a year; phone
//! numbers are international (`+44 20 7946 0958 ext. 12`).

use chrono::Datelike;

use crate::model::{AddressKind, EmailKind, PhoneKind, PostalAddress, NO_YEAR};
use crate::phone;
use crate::store::export::{ExportContact, ExportPhone, ListWidths};

/// A header set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layout {
    Rapport,
    Google,
    Outlook,
}

/// A part of an address column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Street,
    Extended,
    City,
    Region,
    PostalCode,
    Country,
}

const PARTS: [(Part, &str, &str); 6] = [
    // (part, numbered header suffix, Outlook header suffix)
    (Part::Street, "Street", "Street"),
    (Part::Extended, "Extended Address", "Street 2"),
    (Part::City, "City", "City"),
    (Part::Region, "Region", "State"),
    (Part::PostalCode, "Postal Code", "Postal Code"),
    (Part::Country, "Country", "Country/Region"),
];

/// Outlook's address slots, in column order.
const OUTLOOK_ADDRESSES: [&str; 3] = ["Business", "Home", "Other"];
/// Outlook's phone slots, in column order (the first filled one is the primary on import).
const OUTLOOK_PHONES: [(&str, PhoneKind); 9] = [
    ("Business Phone", PhoneKind::Office),
    ("Business Phone 2", PhoneKind::Office),
    ("Mobile Phone", PhoneKind::Mobile),
    ("Home Phone", PhoneKind::Home),
    ("Home Phone 2", PhoneKind::Home),
    ("Other Phone", PhoneKind::Other),
    ("Pager", PhoneKind::Pager),
    ("Business Fax", PhoneKind::Fax),
    ("Home Fax", PhoneKind::Fax),
];
const OUTLOOK_EMAILS: [&str; 3] = ["E-mail Address", "E-mail 2 Address", "E-mail 3 Address"];

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Value {
    Prefix,
    Given,
    Middle,
    Family,
    Suffix,
    Nickname,
    Display,
    Organization,
    Department,
    JobTitle,
    Birthday,
    Categories,
    Notes,
    EmailLabel(usize),
    Email(usize),
    PhoneLabel(usize),
    Phone(usize),
    AddressLabel(usize),
    Address(usize, Part),
    WebsiteLabel(usize),
    Website(usize),
    /// Outlook: the n-th email, phone slot, address slot part, web page.
    SlotEmail(usize),
    SlotPhone(usize),
    SlotAddress(usize, Part),
    WebPage,
}

/// How wide a column is shown in a workbook, and whether it holds phone numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Short,
    Name,
    Text,
    Mail,
    Tel,
    Date,
    Long,
}

impl Kind {
    /// Column width in Excel's character units.
    pub(crate) fn width(self) -> f64 {
        match self {
            Kind::Short => 10.0,
            Kind::Name => 16.0,
            Kind::Text => 24.0,
            Kind::Mail => 32.0,
            Kind::Tel => 22.0,
            Kind::Date => 12.0,
            Kind::Long => 60.0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Column {
    pub header: String,
    pub value: Value,
    pub kind: Kind,
}

fn column(header: impl Into<String>, value: Value, kind: Kind) -> Column {
    Column {
        header: header.into(),
        value,
        kind,
    }
}

/// The columns of `layout` for contacts whose longest lists are `widths`.
pub(crate) fn columns(layout: Layout, widths: ListWidths) -> Vec<Column> {
    use Kind::*;
    use Value::*;
    if layout == Layout::Outlook {
        let mut out = vec![
            column("Title", Prefix, Short),
            column("First Name", Given, Name),
            column("Middle Name", Middle, Name),
            column("Last Name", Family, Name),
            column("Suffix", Suffix, Short),
            column("Company", Organization, Text),
            column("Department", Department, Text),
            column("Job Title", JobTitle, Text),
        ];
        for (slot, name) in OUTLOOK_ADDRESSES.iter().enumerate() {
            for (part, _, suffix) in PARTS {
                out.push(column(
                    format!("{name} {suffix}"),
                    SlotAddress(slot, part),
                    Text,
                ));
            }
        }
        for (slot, (name, _)) in OUTLOOK_PHONES.iter().enumerate() {
            out.push(column(*name, SlotPhone(slot), Tel));
        }
        out.push(column("Birthday", Birthday, Date));
        out.push(column("Categories", Categories, Text));
        for (n, name) in OUTLOOK_EMAILS.iter().enumerate() {
            out.push(column(*name, SlotEmail(n), Mail));
        }
        out.push(column("Notes", Notes, Long));
        out.push(column("Web Page", WebPage, Mail));
        return out;
    }
    let google = layout == Layout::Google;
    let mut out = if google {
        vec![
            column("Name Prefix", Prefix, Short),
            column("First Name", Given, Name),
            column("Middle Name", Middle, Name),
            column("Last Name", Family, Name),
            column("Name Suffix", Suffix, Short),
            column("Nickname", Nickname, Name),
            column("Organization Name", Organization, Text),
            column("Organization Title", JobTitle, Text),
            column("Organization Department", Department, Text),
            column("Birthday", Birthday, Date),
        ]
    } else {
        vec![
            column("Prefix", Prefix, Short),
            column("First Name", Given, Name),
            column("Middle Name", Middle, Name),
            column("Last Name", Family, Name),
            column("Suffix", Suffix, Short),
            column("Nickname", Nickname, Name),
            column("Display Name", Display, Text),
            column("Organization", Organization, Text),
            column("Department", Department, Text),
            column("Job Title", JobTitle, Text),
            column("Birthday", Birthday, Date),
        ]
    };
    for n in 0..widths.emails.max(1) {
        out.push(column(
            format!("E-mail {} - Label", n + 1),
            EmailLabel(n),
            Short,
        ));
        out.push(column(format!("E-mail {} - Value", n + 1), Email(n), Mail));
    }
    for n in 0..widths.phones.max(1) {
        out.push(column(
            format!("Phone {} - Label", n + 1),
            PhoneLabel(n),
            Short,
        ));
        out.push(column(
            format!("Phone {} - Value", n + 1),
            Value::Phone(n),
            Tel,
        ));
    }
    for n in 0..widths.addresses.max(1) {
        out.push(column(
            format!("Address {} - Label", n + 1),
            AddressLabel(n),
            Short,
        ));
        for (part, suffix, _) in PARTS {
            out.push(column(
                format!("Address {} - {suffix}", n + 1),
                Address(n, part),
                Text,
            ));
        }
    }
    for n in 0..widths.websites.max(1) {
        if google {
            out.push(column(
                format!("Website {} - Label", n + 1),
                WebsiteLabel(n),
                Short,
            ));
        }
        out.push(column(
            format!("Website {} - Value", n + 1),
            Website(n),
            Mail,
        ));
    }
    if google {
        out.push(column("Labels", Categories, Text));
        out.push(column("Notes", Notes, Long));
    } else {
        out.push(column("Categories", Categories, Text));
        out.push(column("Notes", Notes, Long));
    }
    out
}

/// A birthday as the files write it: ISO, or `--MM-DD` without a year.
pub(crate) fn birthday_text(day: chrono::NaiveDate) -> String {
    if day.year() == NO_YEAR {
        format!("--{:02}-{:02}", day.month(), day.day())
    } else {
        day.format("%Y-%m-%d").to_string()
    }
}

/// A phone number written internationally, with its extension (`+44 20 7946 0958 ext. 12`).
pub(crate) fn phone_text(p: &ExportPhone) -> String {
    // No home country: every number in international format.
    phone::display(&p.e164, p.extension.as_deref(), "")
}

fn email_label(kind: EmailKind) -> &'static str {
    match kind {
        EmailKind::Business => "Work",
        EmailKind::Personal => "Home",
        EmailKind::Alternate => "Other",
    }
}

fn phone_label(kind: PhoneKind) -> &'static str {
    match kind {
        PhoneKind::Office => "Work",
        PhoneKind::Mobile => "Mobile",
        PhoneKind::Home => "Home",
        PhoneKind::Fax => "Work Fax",
        PhoneKind::Pager => "Pager",
        PhoneKind::Other => "Other",
    }
}

fn address_label(kind: AddressKind) -> &'static str {
    match kind {
        AddressKind::Mailing | AddressKind::Site => "Work",
        AddressKind::Home => "Home",
    }
}

fn starred(label: &str, primary: bool) -> String {
    if primary {
        format!("* {label}")
    } else {
        label.to_string()
    }
}

fn part_of(a: &PostalAddress, part: Part) -> String {
    match part {
        Part::Street => a.line1.clone(),
        Part::Extended => a.line2.clone().unwrap_or_default(),
        Part::City => a.city.clone(),
        Part::Region => a.region.clone().unwrap_or_default(),
        Part::PostalCode => a.postal_code.clone().unwrap_or_default(),
        Part::Country => a.country.clone(),
    }
}

/// Which of a contact's values sit in Outlook's slots, and the notes with what does not fit.
pub(crate) struct OutlookSlots<'a> {
    addresses: [Option<&'a PostalAddress>; 3],
    phones: [Option<&'a ExportPhone>; OUTLOOK_PHONES.len()],
    notes: Option<String>,
}

impl<'a> OutlookSlots<'a> {
    fn of(c: &'a ExportContact) -> Self {
        let mut overflow: Vec<String> = Vec::new();
        let mut addresses = [None; 3];
        for a in &c.addresses {
            // Business or home first, then "Other" (read back as a mailing address).
            let first = usize::from(a.kind == AddressKind::Home);
            match [first, 2].into_iter().find(|s| addresses[*s].is_none()) {
                Some(slot) => addresses[slot] = Some(a),
                None => {
                    let parts: Vec<String> = PARTS
                        .iter()
                        .map(|(p, _, _)| part_of(a, *p))
                        .filter(|t| !t.is_empty())
                        .collect();
                    overflow.push(format!("Address: {}", parts.join(", ")));
                }
            }
        }
        let mut phones = [None; OUTLOOK_PHONES.len()];
        for p in &c.phones {
            let free = OUTLOOK_PHONES
                .iter()
                .enumerate()
                .position(|(slot, (_, kind))| *kind == p.kind && phones[slot].is_none());
            match free {
                Some(slot) => phones[slot] = Some(p),
                None => overflow.push(format!("{}: {}", phone_header(p.kind), phone_text(p))),
            }
        }
        for e in c.emails.iter().skip(OUTLOOK_EMAILS.len()) {
            overflow.push(format!("E-mail: {}", e.address));
        }
        for w in c.websites.iter().skip(1) {
            overflow.push(format!("Web Page: {w}"));
        }
        let notes = match (c.notes.clone(), overflow.is_empty()) {
            (notes, true) => notes,
            (None, false) => Some(overflow.join("\n")),
            (Some(notes), false) => Some(format!("{notes}\n{}", overflow.join("\n"))),
        };
        Self {
            addresses,
            phones,
            notes,
        }
    }
}

fn phone_header(kind: PhoneKind) -> &'static str {
    match kind {
        PhoneKind::Office => "Business Phone",
        PhoneKind::Mobile => "Mobile Phone",
        PhoneKind::Home => "Home Phone",
        PhoneKind::Fax => "Business Fax",
        PhoneKind::Pager => "Pager",
        PhoneKind::Other => "Other Phone",
    }
}

/// One contact's cells under `columns` (empty text for nothing).
pub(crate) fn row(layout: Layout, columns: &[Column], c: &ExportContact) -> Vec<String> {
    let slots = (layout == Layout::Outlook).then(|| OutlookSlots::of(c));
    columns
        .iter()
        .map(|col| cell(layout, col.value, c, slots.as_ref()))
        .collect()
}

fn cell(layout: Layout, value: Value, c: &ExportContact, slots: Option<&OutlookSlots>) -> String {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    match value {
        Value::Prefix => text(&c.salutation),
        Value::Given => c.first_name.clone(),
        Value::Middle => text(&c.middle_name),
        Value::Family => c.last_name.clone(),
        Value::Suffix => text(&c.suffix),
        Value::Nickname => text(&c.preferred_name),
        Value::Display => c.display_name.clone(),
        Value::Organization => text(&c.company),
        Value::Department => text(&c.department),
        Value::JobTitle => text(&c.job_title),
        Value::Birthday => c.birthday.map(birthday_text).unwrap_or_default(),
        Value::Categories => {
            // Outlook separates categories with ";", Google labels with " ::: ".
            let separator = if layout == Layout::Outlook {
                ";"
            } else {
                " ::: "
            };
            c.tags.join(separator)
        }
        Value::Notes => match slots {
            Some(slots) => text(&slots.notes),
            None => text(&c.notes),
        },
        Value::EmailLabel(n) => c
            .emails
            .get(n)
            .map(|e| starred(email_label(e.kind), e.is_primary))
            .unwrap_or_default(),
        Value::Email(n) | Value::SlotEmail(n) => c
            .emails
            .get(n)
            .map(|e| e.address.clone())
            .unwrap_or_default(),
        Value::PhoneLabel(n) => c
            .phones
            .get(n)
            .map(|p| starred(phone_label(p.kind), p.is_primary))
            .unwrap_or_default(),
        Value::Phone(n) => c.phones.get(n).map(phone_text).unwrap_or_default(),
        Value::AddressLabel(n) => c
            .addresses
            .get(n)
            .map(|a| address_label(a.kind).to_string())
            .unwrap_or_default(),
        Value::Address(n, part) => c
            .addresses
            .get(n)
            .map(|a| part_of(a, part))
            .unwrap_or_default(),
        Value::WebsiteLabel(_) => String::new(),
        Value::Website(n) => c.websites.get(n).cloned().unwrap_or_default(),
        Value::SlotPhone(slot) => slots
            .and_then(|s| s.phones[slot])
            .map(phone_text)
            .unwrap_or_default(),
        Value::SlotAddress(slot, part) => slots
            .and_then(|s| s.addresses[slot])
            .map(|a| part_of(a, part))
            .unwrap_or_default(),
        Value::WebPage => c.websites.first().cloned().unwrap_or_default(),
    }
}
