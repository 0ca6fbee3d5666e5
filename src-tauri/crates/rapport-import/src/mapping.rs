//! Which contact field each column feeds: found automatically from header names (Outlook,
//! Google, Thunderbird, Apple and localised exports), adjustable by the user, and applied to
//! each row to give its [`ContactFields`].
//!
//! Automatic mapping:
//!
//! - With a header row, each name is looked up case-, accent- and punctuation-insensitively in
//!   the vocabulary (English, German, French and Spanish Outlook; Google Contacts old and new;
//!   Thunderbird; Apple and generic names). Google's numbered columns ("E-mail 1 - Value",
//!   "Phone 2 - Label", "Address 1 - City", "Organization 1 - Name") are understood by
//!   pattern. A plain "Title" ("Titre") is the name prefix (Mr., Dr.) when the file also has a
//!   job-title column or its values look like prefixes, and the job title otherwise. Unknown
//!   columns map to [`Target::Note`].
//! - Without a header row, columns are recognised by content in the sample rows: emails, phone
//!   numbers (6 or more digits), web addresses, dates; among text columns, a column that reads
//!   "A B" for two other columns A and B is the display name of a given and a family name;
//!   otherwise a first text column of several words is the display name, or two single-word
//!   columns side by side the given and family names. Everything else is a note.
//!
//! Applying a mapping (see [`apply`]) never drops a non-empty cell: it lands in a field or in
//! the notes as "Header: value". The exceptions are values that say "nothing" in Outlook
//! exports (`0/0/00` dates, `Gender: Unspecified`, `Priority: Normal`, `Sensitivity: Normal`,
//! `Private: False`, `E-mail Type: SMTP` and their German, French and Spanish forms, and an
//! "E-mail Display Name" that repeats the row's address), and Google's "- Type"/"- Label" cells,
//! which become the usage of their pair when they name one (else they go to the notes), and
//! "Address N - Formatted" when the same address has its parts in other columns.

mod vocabulary;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::fields::{
    clean, AddressField, ContactFields, EmailField, FileError, PhoneField, PhoneUsage, Reason,
    RelatedField, Usage,
};
use crate::table::TableRow;

use vocabulary::{known, normalize, numbered};

/// A part of a postal address a column can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AddressPart {
    PoBox,
    Extended,
    Street,
    Locality,
    Region,
    PostalCode,
    Country,
}

impl AddressPart {
    pub const ALL: [AddressPart; 7] = [
        Self::PoBox,
        Self::Extended,
        Self::Street,
        Self::Locality,
        Self::Region,
        Self::PostalCode,
        Self::Country,
    ];

    pub fn key(&self) -> &'static str {
        match self {
            Self::PoBox => "po_box",
            Self::Extended => "extended",
            Self::Street => "street",
            Self::Locality => "locality",
            Self::Region => "region",
            Self::PostalCode => "postal_code",
            Self::Country => "country",
        }
    }

    fn label(&self) -> &'static str {
        match self {
            Self::PoBox => "PO box",
            Self::Extended => "address line 2",
            Self::Street => "street",
            Self::Locality => "city",
            Self::Region => "region",
            Self::PostalCode => "postal code",
            Self::Country => "country",
        }
    }

    fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }
}

const USAGES: [Usage; 3] = [Usage::Work, Usage::Home, Usage::Other];
const PHONE_USAGES: [PhoneUsage; 6] = [
    PhoneUsage::Work,
    PhoneUsage::Home,
    PhoneUsage::Mobile,
    PhoneUsage::Fax,
    PhoneUsage::Pager,
    PhoneUsage::Other,
];

fn usage_key(u: Usage) -> &'static str {
    match u {
        Usage::Work => "work",
        Usage::Home => "home",
        Usage::Other => "other",
    }
}

fn phone_usage_key(u: PhoneUsage) -> &'static str {
    match u {
        PhoneUsage::Work => "work",
        PhoneUsage::Home => "home",
        PhoneUsage::Mobile => "mobile",
        PhoneUsage::Fax => "fax",
        PhoneUsage::Pager => "pager",
        PhoneUsage::Other => "other",
    }
}

/// What one column feeds. Written in `--mapping` files and saved mappings as its [`key`]:
/// `given_name`, `email.work`, `phone.mobile`, `address.home.street`, `note`, `ignore`, ...
///
/// [`key`]: Target::key
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Prefix,
    GivenName,
    MiddleName,
    FamilyName,
    Suffix,
    Nickname,
    DisplayName,
    Organization,
    Department,
    JobTitle,
    Email(Usage),
    Phone(PhoneUsage),
    Address(Usage, AddressPart),
    Birthday,
    BirthYear,
    BirthMonth,
    BirthDay,
    Notes,
    Categories,
    Url,
    Related,
    /// Kept in the notes as "Header: value", so nothing in the file is lost.
    Note,
    Ignore,
}

impl Target {
    /// The stable text form (see the type's documentation).
    pub fn key(&self) -> String {
        let simple = match self {
            Self::Prefix => "prefix",
            Self::GivenName => "given_name",
            Self::MiddleName => "middle_name",
            Self::FamilyName => "family_name",
            Self::Suffix => "suffix",
            Self::Nickname => "nickname",
            Self::DisplayName => "display_name",
            Self::Organization => "organization",
            Self::Department => "department",
            Self::JobTitle => "job_title",
            Self::Birthday => "birthday",
            Self::BirthYear => "birth_year",
            Self::BirthMonth => "birth_month",
            Self::BirthDay => "birth_day",
            Self::Notes => "notes",
            Self::Categories => "categories",
            Self::Url => "url",
            Self::Related => "related",
            Self::Note => "note",
            Self::Ignore => "ignore",
            Self::Email(u) => return format!("email.{}", usage_key(*u)),
            Self::Phone(u) => return format!("phone.{}", phone_usage_key(*u)),
            Self::Address(u, p) => return format!("address.{}.{}", usage_key(*u), p.key()),
        };
        simple.to_string()
    }

    /// Reads a key (case and surrounding spaces ignored). Short forms: `email` is
    /// `email.other`, `phone` is `phone.other`, `address.<part>` is `address.other.<part>`:
    /// a column that does not say how the value is used is "other".
    pub fn parse(key: &str) -> Option<Self> {
        let key = key.trim().to_ascii_lowercase();
        let parts: Vec<&str> = key.split('.').collect();
        let usage = |s: &str| USAGES.into_iter().find(|u| usage_key(*u) == s);
        match parts.as_slice() {
            ["email"] => Some(Self::Email(Usage::Other)),
            ["email", u] => usage(u).map(Self::Email),
            ["phone"] => Some(Self::Phone(PhoneUsage::Other)),
            ["phone", u] => PHONE_USAGES
                .into_iter()
                .find(|p| phone_usage_key(*p) == *u)
                .map(Self::Phone),
            ["address", p] => AddressPart::parse(p).map(|p| Self::Address(Usage::Other, p)),
            ["address", u, p] => Some(Self::Address(usage(u)?, AddressPart::parse(p)?)),
            [single] => Self::all().into_iter().find(|t| {
                !matches!(t, Self::Email(_) | Self::Phone(_) | Self::Address(..))
                    && t.key() == *single
            }),
            _ => None,
        }
    }

    /// Every target, in the order a list for people shows them.
    pub fn all() -> Vec<Target> {
        let mut all = vec![
            Self::Prefix,
            Self::GivenName,
            Self::MiddleName,
            Self::FamilyName,
            Self::Suffix,
            Self::Nickname,
            Self::DisplayName,
            Self::Organization,
            Self::Department,
            Self::JobTitle,
        ];
        all.extend(USAGES.map(Self::Email));
        all.extend(PHONE_USAGES.map(Self::Phone));
        for u in USAGES {
            all.extend(AddressPart::ALL.map(|p| Self::Address(u, p)));
        }
        all.extend([
            Self::Birthday,
            Self::BirthYear,
            Self::BirthMonth,
            Self::BirthDay,
            Self::Notes,
            Self::Categories,
            Self::Url,
            Self::Related,
            Self::Note,
            Self::Ignore,
        ]);
        all
    }

    /// A short English name for people ("Email (work)", "Address (home): city").
    pub fn label(&self) -> String {
        let simple = match self {
            Self::Prefix => "Name prefix",
            Self::GivenName => "Given name",
            Self::MiddleName => "Middle name",
            Self::FamilyName => "Family name",
            Self::Suffix => "Name suffix",
            Self::Nickname => "Nickname",
            Self::DisplayName => "Display name",
            Self::Organization => "Organization",
            Self::Department => "Department",
            Self::JobTitle => "Job title",
            Self::Birthday => "Birthday",
            Self::BirthYear => "Birth year",
            Self::BirthMonth => "Birth month",
            Self::BirthDay => "Birth day",
            Self::Notes => "Notes",
            Self::Categories => "Categories",
            Self::Url => "Web address",
            Self::Related => "Related person",
            Self::Note => "Add to notes (\"Column: value\")",
            Self::Ignore => "Do not import",
            Self::Email(u) => return format!("Email ({})", usage_key(*u)),
            Self::Phone(u) => return format!("Phone ({})", phone_usage_key(*u)),
            Self::Address(u, p) => return format!("Address ({}): {}", usage_key(*u), p.label()),
        };
        simple.to_string()
    }
}

/// One target per column, in column order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping {
    pub targets: Vec<Target>,
}

/// The mapping found from the headers (or, for a file without a header row, from the first
/// rows' contents).
pub fn auto(headers: &[String], has_header: bool, sample: &[TableRow]) -> Mapping {
    if !has_header {
        return Mapping {
            targets: by_content(headers.len(), sample),
        };
    }
    let mut targets: Vec<Target> = headers
        .iter()
        .map(|h| known(h).unwrap_or(Target::Note))
        .collect();
    // A plain "Title": Outlook's name prefix next to a "Job Title" column, else a job title
    // unless its values look like prefixes.
    let plain_title = |h: &String| matches!(normalize(h).as_str(), "title" | "titre");
    let other_job_title = headers
        .iter()
        .zip(&targets)
        .any(|(h, t)| *t == Target::JobTitle && !plain_title(h));
    for (i, h) in headers.iter().enumerate() {
        if plain_title(h) && (other_job_title || column_looks_like_prefixes(i, sample)) {
            targets[i] = Target::Prefix;
        }
    }
    Mapping { targets }
}

fn column_looks_like_prefixes(column: usize, sample: &[TableRow]) -> bool {
    const PREFIXES: &[&str] = &[
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "herr", "frau", "m", "mme",
        "mlle", "sr", "sra", "srta", "don", "dona",
    ];
    let values: Vec<String> = sample
        .iter()
        .filter_map(|r| r.cells.get(column))
        .map(|c| normalize(c))
        .filter(|c| !c.is_empty())
        .collect();
    !values.is_empty() && values.iter().all(|v| PREFIXES.contains(&v.as_str()))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Content {
    Empty,
    Email,
    Phone,
    Url,
    Date,
    Words,
    Word,
    Other,
}

fn classify(values: &[&str]) -> Content {
    let values: Vec<&str> = values
        .iter()
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
        .collect();
    if values.is_empty() {
        return Content::Empty;
    }
    let all = |f: fn(&str) -> bool| values.iter().all(|v| f(v));
    if all(is_email) {
        Content::Email
    } else if all(is_phone) {
        Content::Phone
    } else if all(is_url) {
        Content::Url
    } else if all(|v| parse_date(v, false).is_some()) {
        Content::Date
    } else if all(|v| is_name_like(v) && !v.contains(char::is_whitespace)) {
        Content::Word
    } else if all(is_name_like) {
        Content::Words
    } else {
        Content::Other
    }
}

fn is_email(v: &str) -> bool {
    let Some((local, domain)) = v.rsplit_once('@') else {
        return false;
    };
    !local.is_empty() && !domain.is_empty() && !v.contains(char::is_whitespace)
}

fn is_phone(v: &str) -> bool {
    let digits = v.chars().filter(char::is_ascii_digit).count();
    digits >= 6
        && v.chars()
            .all(|c| c.is_ascii_digit() || " +-()./".contains(c) || c == 'x' || c == 'X')
}

fn is_url(v: &str) -> bool {
    let l = v.to_ascii_lowercase();
    (l.starts_with("http://") || l.starts_with("https://") || l.starts_with("www."))
        && !v.contains(char::is_whitespace)
}

fn is_name_like(v: &str) -> bool {
    v.chars().any(char::is_alphabetic)
        && v.chars()
            .all(|c| c.is_alphabetic() || c.is_whitespace() || "-'.,".contains(c))
}

fn by_content(width: usize, sample: &[TableRow]) -> Vec<Target> {
    let column = |i: usize| -> Vec<&str> {
        sample
            .iter()
            .filter(|r| !r.is_blank() && r.cells.len() == width)
            .map(|r| r.cells[i].as_str())
            .collect()
    };
    let kinds: Vec<Content> = (0..width).map(|i| classify(&column(i))).collect();
    let mut targets: Vec<Target> = kinds
        .iter()
        .map(|k| match k {
            Content::Email => Target::Email(Usage::Other),
            Content::Phone => Target::Phone(PhoneUsage::Other),
            Content::Url => Target::Url,
            Content::Date => Target::Birthday,
            _ => Target::Note,
        })
        .collect();
    let text: Vec<usize> = (0..width)
        .filter(|i| matches!(kinds[*i], Content::Word | Content::Words))
        .collect();
    // A display name made of two other columns.
    for &d in &text {
        for &g in &text {
            for &f in &text {
                if d == g || d == f || g == f {
                    continue;
                }
                let joins = sample
                    .iter()
                    .filter(|r| r.cells.len() == width && !r.cells[d].trim().is_empty())
                    .all(|r| {
                        let (dv, gv, fv) =
                            (r.cells[d].trim(), r.cells[g].trim(), r.cells[f].trim());
                        dv.eq_ignore_ascii_case(&format!("{gv} {fv}"))
                            || dv.eq_ignore_ascii_case(&format!("{fv}, {gv}"))
                    });
                let some = column(d).iter().any(|v| !v.trim().is_empty());
                if joins && some {
                    targets[d] = Target::DisplayName;
                    targets[g] = Target::GivenName;
                    targets[f] = Target::FamilyName;
                    return targets;
                }
            }
        }
    }
    if let Some(&first) = text.first() {
        if kinds[first] == Content::Words {
            targets[first] = Target::DisplayName;
        } else if text.get(1) == Some(&(first + 1)) {
            targets[first] = Target::GivenName;
            targets[first + 1] = Target::FamilyName;
        }
    }
    targets
}

/// Applies a user's `{"header": "key"}` choices over a mapping. An unknown header or key is
/// refused with a message naming it. A header is matched exactly, else ignoring case, accents
/// and punctuation; every column of that name takes the choice.
pub fn apply_overrides(
    mapping: &mut Mapping,
    headers: &[String],
    overrides: &BTreeMap<String, String>,
) -> Result<(), FileError> {
    if mapping.targets.len() < headers.len() {
        mapping.targets.resize(headers.len(), Target::Note);
    }
    for (header, key) in overrides {
        let target =
            Target::parse(key).ok_or_else(|| {
                FileError::new(
                    Reason::UnsupportedFile,
                    format!(
                    "The mapping gives the column \"{header}\" an unknown field \"{key}\". Known \
                     fields: {}.",
                    Target::all().iter().map(Target::key).collect::<Vec<_>>().join(", ")
                ),
                )
            })?;
        let mut columns: Vec<usize> = (0..headers.len())
            .filter(|i| headers[*i] == *header)
            .collect();
        if columns.is_empty() {
            let wanted = normalize(header);
            columns = (0..headers.len())
                .filter(|i| !wanted.is_empty() && normalize(&headers[*i]) == wanted)
                .collect();
        }
        if columns.is_empty() {
            return Err(FileError::new(
                Reason::UnsupportedFile,
                format!(
                    "The mapping names a column \"{header}\" that the file does not have. Its \
                     columns: {}.",
                    headers.join(", ")
                ),
            ));
        }
        for i in columns {
            mapping.targets[i] = target;
        }
    }
    Ok(())
}

/// Whether a row reads as a header row (most non-empty cells are known column names).
pub fn looks_like_header(cells: &[String]) -> bool {
    let names: Vec<&String> = cells.iter().filter(|c| !c.trim().is_empty()).collect();
    let known_names = names
        .iter()
        .filter(|c| !is_email(c.trim()) && known(c).is_some())
        .count();
    !names.is_empty() && known_names * 2 > names.len()
}

/// The usage a Google "- Type"/"- Label" value names, for the kind of its pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Usage(Usage),
    Phone(PhoneUsage),
}

fn read_label(kind: &str, text: &str) -> Option<Label> {
    let t = normalize(text);
    let usage = match t.as_str() {
        "work" | "business" | "arbeit" | "geschaftlich" | "travail" | "bureau" | "trabajo" => {
            Some(Usage::Work)
        }
        "home" | "personal" | "privat" | "domicile" | "casa" | "particular" => Some(Usage::Home),
        "other" | "main" | "" | "weitere" | "autre" | "otro" | "principal" => Some(Usage::Other),
        _ => None,
    };
    if kind == "phone" {
        let phone = match t.as_str() {
            "mobile" | "cell" | "handy" | "mobil" | "portable" | "movil" | "celular" | "iphone" => {
                Some(PhoneUsage::Mobile)
            }
            "pager" => Some(PhoneUsage::Pager),
            _ if t.contains("fax") => Some(PhoneUsage::Fax),
            _ => usage.map(|u| match u {
                Usage::Work => PhoneUsage::Work,
                Usage::Home => PhoneUsage::Home,
                Usage::Other => PhoneUsage::Other,
            }),
        };
        phone.map(Label::Phone)
    } else {
        usage.map(Label::Usage)
    }
}

/// Whether a label says how a value is used (work, home, other in any of the languages),
/// rather than nothing ("", "main").
fn names_usage(text: &str) -> bool {
    !matches!(normalize(text).as_str(), "" | "main" | "principal")
}

/// Splits Google's ":::" multi-values; one part for other cells.
fn split_multi(value: &str) -> Vec<&str> {
    value
        .split(":::")
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .collect()
}

/// A Google label part: its text without the "* " primary mark, and whether it had it.
fn label_part(part: &str) -> (&str, bool) {
    match part.trim().strip_prefix('*') {
        Some(rest) => (rest.trim(), true),
        None => (part.trim(), false),
    }
}

/// Outlook's ways of writing "no value" in a column kept as a note.
fn is_placeholder(header: &str, value: &str, row_emails: &[String]) -> bool {
    let h = normalize(header);
    let v = normalize(value);
    if is_empty_date(value) {
        return true;
    }
    let kind = |names: &[&str]| names.contains(&h.as_str());
    (kind(&["gender", "geschlecht", "sexe", "sexo"])
        && matches!(
            v.as_str(),
            "unspecified" | "nichtangegeben" | "nonspecifie" | "sinespecificar"
        ))
        || (kind(&[
            "priority",
            "prioritat",
            "priorite",
            "prioridad",
            "sensitivity",
            "vertraulichkeit",
            "criteredediffusion",
            "confidencialidad",
        ]) && matches!(v.as_str(), "normal" | "normale"))
        || (kind(&["private", "privat", "prive", "privado"])
            && matches!(
                v.as_str(),
                "false" | "falsch" | "aus" | "faux" | "falso" | "no" | "nein"
            ))
        || (is_email_type_header(&h) && matches!(v.as_str(), "smtp" | "ex"))
        || (is_email_display_header(&h)
            && row_emails
                .iter()
                .any(|e| value.to_lowercase().contains(&e.to_lowercase())))
}

fn is_email_type_header(h: &str) -> bool {
    matches!(
        h,
        "emailtype"
            | "email2type"
            | "email3type"
            | "emailtyp"
            | "email2typ"
            | "email3typ"
            | "typedemessagerie"
            | "tipodecorreoelectronico"
    )
}

fn is_email_display_header(h: &str) -> bool {
    matches!(
        h,
        "emaildisplayname"
            | "email2displayname"
            | "email3displayname"
            | "emailangezeigtername"
            | "email2angezeigtername"
            | "email3angezeigtername"
            | "nomcompletdeladressedemessagerie"
            | "nombreparamostrardelcorreoelectronico"
    )
}

fn is_empty_date(value: &str) -> bool {
    let digits: String = value.chars().filter(|c| !c.is_whitespace()).collect();
    !digits.is_empty()
        && digits.chars().all(|c| c == '0' || "/.-".contains(c))
        && digits.contains(['/', '.', '-'])
}

/// Reads a date as ISO `YYYY-MM-DD` or `--MM-DD`. Slashes are month first unless `day_first`
/// (or the first number is above 12); dots are always day first.
fn parse_date(value: &str, day_first: bool) -> Option<String> {
    let v = value.trim();
    let iso = |y: i32, m: u32, d: u32| {
        chrono::NaiveDate::from_ymd_opt(y, m, d).map(|_| format!("{y:04}-{m:02}-{d:02}"))
    };
    let no_year = |m: u32, d: u32| {
        chrono::NaiveDate::from_ymd_opt(2000, m, d).map(|_| format!("--{m:02}-{d:02}"))
    };
    if let Some(rest) = v.strip_prefix("--") {
        let (m, d) = rest.split_once('-')?;
        return no_year(num(m)?, num(d)?);
    }
    let v = v.split(['T', ' ']).next().unwrap_or(v);
    if v.len() == 8 && v.bytes().all(|b| b.is_ascii_digit()) {
        return iso(num(&v[..4])? as i32, num(&v[4..6])?, num(&v[6..])?);
    }
    for sep in ['-', '/', '.'] {
        let parts: Vec<&str> = v.split(sep).collect();
        if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || p.len() > 4) {
            continue;
        }
        let (a, b, c) = (num(parts[0])?, num(parts[1])?, num(parts[2])?);
        if parts[0].len() == 4 {
            return iso(a as i32, b, c);
        }
        if parts[2].len() != 4 {
            return None; // two-digit years are ambiguous
        }
        let year = c as i32;
        let day_first = sep == '.' || (sep != '-' && day_first) || a > 12;
        return if day_first {
            iso(year, b, a)
        } else {
            iso(year, a, b)
        };
    }
    None
}

fn num(s: &str) -> Option<u32> {
    let s = s.trim();
    (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// Birthday headers of languages that write dates day first.
fn day_first_header(header: &str) -> bool {
    matches!(
        normalize(header).as_str(),
        "anniversaire"
            | "datedenaissance"
            | "cumpleanos"
            | "fechadenacimiento"
            | "geburtstag"
            | "geburtsdatum"
    )
}

/// The fields one row gives under a mapping.
pub fn apply(mapping: &Mapping, headers: &[String], cells: &[String]) -> ContactFields {
    let mut row = Row::new(mapping, headers, cells);
    for (i, cell) in cells.iter().enumerate() {
        if cell.trim().is_empty() {
            continue;
        }
        let target = mapping.targets.get(i).copied().unwrap_or(Target::Note);
        row.put(i, target, cell);
    }
    row.finish()
}

/// One row being applied.
struct Row<'a> {
    mapping: &'a Mapping,
    headers: &'a [String],
    cells: &'a [String],
    fields: ContactFields,
    notes: Vec<String>,
    /// Addresses by group: Google's number, else one per usage.
    addresses: Vec<((Usage, u32), AddressField)>,
    birth: [Option<(usize, u32)>; 3],
    row_emails: Vec<String>,
}

impl<'a> Row<'a> {
    fn new(mapping: &'a Mapping, headers: &'a [String], cells: &'a [String]) -> Self {
        let row_emails = cells
            .iter()
            .enumerate()
            .filter(|(i, _)| matches!(mapping.targets.get(*i), Some(Target::Email(_))))
            .flat_map(|(_, c)| split_multi(c))
            .map(str::to_string)
            .collect();
        Self {
            mapping,
            headers,
            cells,
            fields: ContactFields::default(),
            notes: Vec::new(),
            addresses: Vec::new(),
            birth: [None; 3],
            row_emails,
        }
    }

    fn header(&self, i: usize) -> String {
        self.headers
            .get(i)
            .cloned()
            .unwrap_or_else(|| format!("Column {}", i + 1))
    }

    fn note(&mut self, i: usize, value: &str) {
        if let Some(v) = clean(value) {
            let line = format!("{}: {v}", self.header(i));
            self.notes.push(line);
        }
    }

    /// The Google label column paired with column `i` ("E-mail 1 - Value" → "E-mail 1 -
    /// Label"), and the kind of the pair.
    fn label_column(&self, i: usize) -> Option<(usize, String)> {
        let n = numbered(self.headers.get(i)?)?;
        let j = self.headers.iter().position(|h| {
            numbered(h).is_some_and(|m| {
                m.kind == n.kind && m.index == n.index && (m.part == "type" || m.part == "label")
            })
        })?;
        (self.mapping.targets.get(j) == Some(&Target::Note)).then_some((j, n.kind))
    }

    /// The value column a label column `j` describes, when mapped to a field its label can
    /// qualify and not empty in this row.
    fn labelled_value(&self, j: usize) -> Option<usize> {
        let n = numbered(self.headers.get(j)?)?;
        if n.part != "type" && n.part != "label" {
            return None;
        }
        (0..self.headers.len()).find(|&i| {
            i != j
                && numbered(&self.headers[i])
                    .is_some_and(|m| m.kind == n.kind && m.index == n.index)
                && matches!(
                    self.mapping.targets.get(i),
                    Some(
                        Target::Email(_) | Target::Phone(_) | Target::Address(..) | Target::Related
                    )
                )
                && self.cells.get(i).is_some_and(|c| !c.trim().is_empty())
        })
    }

    /// The label parts for column `i`'s values, one per ":::" part.
    fn labels(&self, i: usize) -> Option<(Vec<(String, bool)>, String)> {
        let (j, kind) = self.label_column(i)?;
        let cell = self.cells.get(j)?;
        let parts = cell
            .split(":::")
            .map(|p| {
                let (text, star) = label_part(p);
                (text.to_string(), star)
            })
            .collect();
        Some((parts, kind))
    }

    /// Whether a label cell is fully used up by its pair (every part names a usage, or the
    /// pair is a related person whose kind it gives).
    fn label_consumed(&self, j: usize) -> bool {
        let Some(i) = self.labelled_value(j) else {
            return false;
        };
        if self.mapping.targets.get(i) == Some(&Target::Related) {
            return true;
        }
        let Some(n) = numbered(&self.headers[j]) else {
            return false;
        };
        self.cells[j]
            .split(":::")
            .all(|p| read_label(&n.kind, label_part(p).0).is_some())
    }

    fn put(&mut self, i: usize, target: Target, cell: &str) {
        match target {
            Target::Ignore => {}
            Target::Note => self.put_note(i, cell),
            Target::Prefix => self.text(i, cell, |f| &mut f.prefix),
            Target::GivenName => self.text(i, cell, |f| &mut f.given_name),
            Target::MiddleName => self.text(i, cell, |f| &mut f.middle_name),
            Target::FamilyName => self.text(i, cell, |f| &mut f.family_name),
            Target::Suffix => self.text(i, cell, |f| &mut f.suffix),
            Target::Nickname => self.text(i, cell, |f| &mut f.nickname),
            Target::DisplayName => self.text(i, cell, |f| &mut f.display_name),
            Target::Organization => self.text(i, cell, |f| &mut f.organization),
            Target::Department => self.text(i, cell, |f| &mut f.department),
            Target::JobTitle => self.text(i, cell, |f| &mut f.job_title),
            Target::Email(usage) => {
                let labels = self.labels(i);
                let primary_header = normalize(&self.header(i)).starts_with("primary");
                for (k, value) in split_multi(cell).into_iter().enumerate() {
                    let Some(value) = clean(value) else { continue };
                    let (mut usage, mut pref, mut typed) = (usage, primary_header, false);
                    if let Some((parts, kind)) = &labels {
                        if let Some((text, star)) = parts.get(k) {
                            pref |= *star;
                            if let Some(Label::Usage(u)) = read_label(kind, text) {
                                usage = u;
                                typed = names_usage(text);
                            }
                        }
                    }
                    self.fields.emails.push(EmailField {
                        value,
                        usage,
                        pref,
                        typed,
                    });
                }
            }
            Target::Phone(usage) => {
                let labels = self.labels(i);
                for (k, value) in split_multi(cell).into_iter().enumerate() {
                    let Some(value) = clean(value) else { continue };
                    let mut usage = usage;
                    if let Some((parts, kind)) = &labels {
                        if let Some((text, _)) = parts.get(k) {
                            if let Some(Label::Phone(u)) = read_label(kind, text) {
                                usage = u;
                            }
                        }
                    }
                    self.fields.phones.push(PhoneField {
                        value,
                        usage,
                        e164: None,
                        extension: None,
                    });
                }
            }
            Target::Address(usage, part) => self.address(i, usage, part, cell),
            Target::Birthday => {
                if is_empty_date(cell) {
                    return;
                }
                match parse_date(cell, day_first_header(&self.header(i))) {
                    Some(date) if self.fields.birthday.is_none() => {
                        self.fields.birthday = Some(date);
                    }
                    _ => self.note(i, cell),
                }
            }
            Target::BirthYear | Target::BirthMonth | Target::BirthDay => {
                let slot = match target {
                    Target::BirthYear => 0,
                    Target::BirthMonth => 1,
                    _ => 2,
                };
                match num(cell) {
                    Some(n) if self.birth[slot].is_none() => self.birth[slot] = Some((i, n)),
                    _ => self.note(i, cell),
                }
            }
            Target::Notes => {
                if let Some(v) = clean(cell) {
                    self.notes.push(v);
                }
            }
            Target::Categories => {
                let sep = if cell.contains(":::") {
                    ":::"
                } else if cell.contains(';') {
                    ";"
                } else {
                    ","
                };
                for part in cell.split(sep) {
                    let (text, _) = label_part(part);
                    if let Some(v) = clean(text) {
                        if !self.fields.categories.contains(&v) {
                            self.fields.categories.push(v);
                        }
                    }
                }
            }
            Target::Url => {
                for value in split_multi(cell) {
                    if let Some(v) = clean(value) {
                        self.fields.urls.push(v);
                    }
                }
            }
            Target::Related => {
                let labels = self.labels(i);
                for (k, value) in split_multi(cell).into_iter().enumerate() {
                    let Some(value) = clean(value) else { continue };
                    let kind = labels
                        .as_ref()
                        .and_then(|(parts, _)| parts.get(k))
                        .and_then(|(text, _)| clean(text));
                    self.fields.related.push(RelatedField { value, kind });
                }
            }
        }
    }

    fn put_note(&mut self, i: usize, cell: &str) {
        let header = self.header(i);
        if is_placeholder(&header, cell, &self.row_emails) || self.label_consumed(i) {
            return;
        }
        if let Some(n) = numbered(&header) {
            if n.kind == "address" && n.part == "formatted" && self.address_has_parts(i, n.index) {
                return;
            }
        }
        self.note(i, cell);
    }

    /// Whether Google address number `index` has a part in another mapped, non-empty column.
    fn address_has_parts(&self, formatted: usize, index: u32) -> bool {
        (0..self.headers.len()).any(|i| {
            i != formatted
                && matches!(self.mapping.targets.get(i), Some(Target::Address(..)))
                && numbered(&self.headers[i])
                    .is_some_and(|m| m.kind == "address" && m.index == index)
                && self.cells.get(i).is_some_and(|c| !c.trim().is_empty())
        })
    }

    fn text(&mut self, i: usize, cell: &str, field: fn(&mut ContactFields) -> &mut Option<String>) {
        let Some(v) = clean(cell) else { return };
        let slot = field(&mut self.fields);
        match slot {
            None => *slot = Some(v),
            Some(existing) if *existing == v => {}
            Some(_) => self.note(i, cell),
        }
    }

    fn address(&mut self, i: usize, usage: Usage, part: AddressPart, cell: &str) {
        let Some(v) = clean(cell) else { return };
        let (mut usage, mut group) = (usage, 0);
        if let Some(n) = numbered(&self.header(i)) {
            group = n.index;
            if let Some((parts, kind)) = self.labels(i) {
                if let Some(Label::Usage(u)) =
                    parts.first().and_then(|(text, _)| read_label(&kind, text))
                {
                    usage = u;
                }
            }
        }
        let key = (usage, group);
        let index = match self.addresses.iter().position(|(k, _)| *k == key) {
            Some(index) => index,
            None => {
                let address = AddressField {
                    usage,
                    ..AddressField::default()
                };
                self.addresses.push((key, address));
                self.addresses.len() - 1
            }
        };
        let address = &mut self.addresses[index].1;
        let slot = match part {
            AddressPart::PoBox => &mut address.po_box,
            AddressPart::Extended => &mut address.extended,
            AddressPart::Street => &mut address.street,
            AddressPart::Locality => &mut address.locality,
            AddressPart::Region => &mut address.region,
            AddressPart::PostalCode => &mut address.postal_code,
            AddressPart::Country => &mut address.country,
        };
        match slot {
            None => *slot = Some(v),
            // "Street 2" and "Street 3" both feed the second line.
            Some(existing) => {
                existing.push_str(", ");
                existing.push_str(&v);
            }
        }
    }

    fn finish(mut self) -> ContactFields {
        let [year, month, day] = self.birth;
        let date = match (year, month, day) {
            (y, Some((_, m)), Some((_, d))) => match y {
                Some((_, y)) => chrono::NaiveDate::from_ymd_opt(y as i32, m, d)
                    .map(|_| format!("{y:04}-{m:02}-{d:02}")),
                None => parse_date(&format!("--{m:02}-{d:02}"), false),
            },
            _ => None,
        };
        match date {
            Some(date) if self.fields.birthday.is_none() => self.fields.birthday = Some(date),
            _ => {
                let cells = self.cells;
                for (i, _) in [year, month, day].into_iter().flatten() {
                    self.note(i, &cells[i]);
                }
            }
        }
        self.fields.addresses = self
            .addresses
            .into_iter()
            .map(|(_, a)| a)
            .filter(|a| !a.is_empty())
            .collect();
        if !self.notes.is_empty() {
            self.fields.notes = Some(self.notes.join("\n"));
        }
        self.fields
    }
}

#[cfg(test)]
mod tests;
