//! What a reader makes of one record: the contact fields of the import report, as found in the
//! file, before the core validates and stores them. Keys are snake_case because the CLI's JSON
//! report is a contract administrators script against.

use serde::{Deserialize, Serialize};

/// The longest text a single field may hold (Excel's cell limit). Photos are exempt.
pub const MAX_FIELD_CHARS: usize = 32_767;

/// One record's fields. Text is trimmed and Unicode NFC; empty values are `None` or left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactFields {
    pub prefix: Option<String>,
    pub given_name: Option<String>,
    pub middle_name: Option<String>,
    pub family_name: Option<String>,
    pub suffix: Option<String>,
    pub nickname: Option<String>,
    /// The name as the file displays it (vCard FN, "Display Name" columns).
    pub display_name: Option<String>,
    pub organization: Option<String>,
    pub department: Option<String>,
    pub job_title: Option<String>,
    pub emails: Vec<EmailField>,
    pub phones: Vec<PhoneField>,
    pub addresses: Vec<AddressField>,
    /// ISO date `YYYY-MM-DD`, or `--MM-DD` when the year is unknown.
    pub birthday: Option<String>,
    pub notes: Option<String>,
    pub categories: Vec<String>,
    pub urls: Vec<String>,
    pub related: Vec<RelatedField>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub photo: Option<Photo>,
}

/// Where an email, phone or address is used, as the file says it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Usage {
    Work,
    Home,
    #[default]
    Other,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhoneUsage {
    Work,
    Home,
    Mobile,
    Fax,
    Pager,
    #[default]
    Other,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EmailField {
    pub value: String,
    #[serde(rename = "type")]
    pub usage: Usage,
    /// Marked preferred in the file (vCard PREF / TYPE=pref, "Primary Email").
    pub pref: bool,
    /// The file types the address itself (a vCard TYPE, a Google label) instead of leaving
    /// it untyped: an address typed "other" stays an alternate address even when it comes
    /// first, where an untyped first address is taken for the business one. Not in the report.
    #[serde(skip)]
    pub typed: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PhoneField {
    /// As written in the file (a `tel:` URI is reduced to its number).
    pub value: String,
    #[serde(rename = "type")]
    pub usage: PhoneUsage,
    /// Filled in by validation: the number in E.164 when it parses.
    pub e164: Option<String>,
    pub extension: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AddressField {
    #[serde(rename = "type")]
    pub usage: Usage,
    pub po_box: Option<String>,
    /// Second address line (vCard "extended address", "Address 2" columns).
    pub extended: Option<String>,
    pub street: Option<String>,
    pub locality: Option<String>,
    pub region: Option<String>,
    pub postal_code: Option<String>,
    pub country: Option<String>,
}

impl AddressField {
    pub fn is_empty(&self) -> bool {
        [
            &self.po_box,
            &self.extended,
            &self.street,
            &self.locality,
            &self.region,
            &self.postal_code,
            &self.country,
        ]
        .iter()
        .all(|p| p.is_none())
    }
}

/// A related person (vCard RELATED, e.g. spouse): a name, a URI or text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RelatedField {
    pub value: String,
    #[serde(rename = "type")]
    pub kind: Option<String>,
}

/// An inline photo; the report shows its type and size, never the bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Photo {
    pub media_type: String,
    #[serde(skip)]
    pub data: Vec<u8>,
    pub bytes: usize,
}

impl Photo {
    pub fn new(media_type: impl Into<String>, data: Vec<u8>) -> Self {
        Self {
            media_type: media_type.into(),
            bytes: data.len(),
            data,
        }
    }
}

/// The media type of image bytes, told by their first bytes whatever a file declares.
pub fn media_type_of(data: &[u8]) -> Option<&'static str> {
    match data {
        [0xFF, 0xD8, 0xFF, ..] => Some("image/jpeg"),
        [0x89, b'P', b'N', b'G', ..] => Some("image/png"),
        [b'G', b'I', b'F', b'8', ..] => Some("image/gif"),
        [b'B', b'M', ..] => Some("image/bmp"),
        [b'R', b'I', b'F', b'F', _, _, _, _, b'W', b'E', b'B', b'P', ..] => Some("image/webp"),
        [b'I', b'I', 0x2A, 0x00, ..] | [b'M', b'M', 0x00, 0x2A, ..] => Some("image/tiff"),
        [_, _, _, _, b'f', b't', b'y', b'p', b'h', b'e', b'i', b'c', ..] => Some("image/heic"),
        _ => None,
    }
}

impl ContactFields {
    /// True when nothing at all was read (a blank row or an empty card).
    pub fn is_blank(&self) -> bool {
        *self == Self::default()
    }
}

/// Why a record or a whole file is refused. `code()` is the report's `reason`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reason {
    EmptyRecord,
    InvalidEmail,
    InvalidPhone,
    MissingRequiredField(String),
    ColumnCountMismatch,
    FieldTooLong,
    TruncatedCard,
    UnsupportedFile,
    EmptyFile,
    /// A spreadsheet refused before parsing (too large, compressed too much, crafted).
    UnsafeFile,
}

impl Reason {
    pub fn code(&self) -> String {
        match self {
            Self::EmptyRecord => "empty_record".into(),
            Self::InvalidEmail => "invalid_email".into(),
            Self::InvalidPhone => "invalid_phone".into(),
            Self::MissingRequiredField(field) => format!("missing_required_field:{field}"),
            Self::ColumnCountMismatch => "column_count_mismatch".into(),
            Self::FieldTooLong => "field_too_long".into(),
            Self::TruncatedCard => "truncated_card".into(),
            Self::UnsupportedFile => "unsupported_file".into(),
            Self::EmptyFile => "empty_file".into(),
            Self::UnsafeFile => "unsafe_file".into(),
        }
    }
}

/// A record the import will not store, with the field concerned and a sentence for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    pub reason: Reason,
    pub field: Option<String>,
    pub message: String,
}

impl Rejection {
    pub fn new(reason: Reason, message: impl Into<String>) -> Self {
        Self {
            reason,
            field: None,
            message: message.into(),
        }
    }

    pub fn field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }
}

/// A whole file that cannot be read. The report names the file and this reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct FileError {
    pub reason: Reason,
    pub message: String,
}

impl FileError {
    pub fn new(reason: Reason, message: impl Into<String>) -> Self {
        Self {
            reason,
            message: message.into(),
        }
    }

    pub fn io(err: &std::io::Error) -> Self {
        Self::new(
            Reason::UnsupportedFile,
            format!("The file cannot be read: {err}"),
        )
    }
}

/// Trims, collapses nothing, and normalises to NFC; `None` when nothing is left.
pub fn clean(text: &str) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| nfc(trimmed))
}

/// `text` in Unicode NFC. Most text already is (all ASCII, most Latin text), and the quick
/// check that says so costs far less than composing every character again: an import of a
/// million rows composes every cell.
pub fn nfc(text: &str) -> String {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        text.to_owned()
    } else {
        text.nfc().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_composed_only_where_it_is_not_already() {
        assert_eq!(nfc("Bru\u{308}ning"), "Brüning");
        assert_eq!(nfc("\u{212B}ngstro\u{308}m"), "Ångström");
        for text in ["Brüning", "Ōsaka 大阪", "Anna Schmidt", "山田 太郎"] {
            assert_eq!(nfc(text), text);
        }
        assert_eq!(clean("  e\u{301}  ").as_deref(), Some("é"));
        assert_eq!(clean(" \t "), None);
    }
}
