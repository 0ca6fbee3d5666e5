//! Readers for the files people import contacts from, and the mapping of their columns to
//! contact fields. Nothing here touches the database: the core validates what these readers
//! give and stores it.
//!
//! A file becomes either a [`Table`] (CSV, TSV, spreadsheets: rows of cells, given fields by a
//! column [`mapping::Mapping`]) or a [`vcard::CardFile`] (cards already read into
//! [`ContactFields`]). [`open`] tells which from the file's first bytes, not its name.

pub mod decode;
pub mod delimited;
pub mod fields;
pub mod formula;
#[doc(hidden)]
pub mod fuzzing;
pub mod mapping;
pub mod sheet;
pub mod table;
pub mod vcard;

use std::io::Read;
use std::path::Path;

pub use fields::{ContactFields, FileError, Reason, Rejection};
pub use table::{Table, TableRow};

use sheet::SheetKind;

/// A file opened for import.
pub enum Opened {
    Table(Table),
    Cards(vcard::CardFile),
}

/// vCard files are read whole; a larger one is not an address book.
const MAX_VCARD_BYTES: u64 = 512 * 1024 * 1024;

/// Opens a file as whatever it is. `sheet` picks a worksheet of a workbook by name.
pub fn open(path: &Path, sheet: Option<&str>) -> Result<Opened, FileError> {
    let mut prefix = Vec::with_capacity(8192);
    let file = std::fs::File::open(path).map_err(|e| FileError::io(&e))?;
    let size = file.metadata().map_err(|e| FileError::io(&e))?.len();
    file.take(8192)
        .read_to_end(&mut prefix)
        .map_err(|e| FileError::io(&e))?;
    if prefix.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(FileError::new(Reason::EmptyFile, "The file is empty."));
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if let Some(kind) = spreadsheet_kind(&prefix, &name) {
        return sheet::open(path, kind, sheet).map(Opened::Table);
    }
    if is_vcard(&prefix, &name) {
        if size > MAX_VCARD_BYTES {
            return Err(FileError::new(
                Reason::UnsafeFile,
                format!(
                    "The vCard file is larger than {} MB.",
                    MAX_VCARD_BYTES / 1024 / 1024
                ),
            ));
        }
        let bytes = std::fs::read(path).map_err(|e| FileError::io(&e))?;
        return vcard::read(&bytes).map(Opened::Cards);
    }
    if looks_binary(&prefix) {
        return Err(FileError::new(
            Reason::UnsupportedFile,
            "This is not a contact file Rapport can read: use CSV, TSV, vCard (.vcf), XLSX, XLS or ODS.",
        ));
    }
    delimited::open(path).map(Opened::Table)
}

/// The worksheet names of a workbook, for the user to choose; empty for other files.
pub fn sheet_names(path: &Path) -> Result<Vec<String>, FileError> {
    let mut prefix = Vec::with_capacity(8);
    std::fs::File::open(path)
        .and_then(|f| f.take(8).read_to_end(&mut prefix))
        .map_err(|e| FileError::io(&e))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match spreadsheet_kind(&prefix, &name) {
        Some(kind) => sheet::sheet_names(path, kind),
        None => Ok(Vec::new()),
    }
}

fn spreadsheet_kind(prefix: &[u8], name: &str) -> Option<SheetKind> {
    if prefix.starts_with(b"PK\x03\x04") {
        // Both are zip packages; an ODF package names its type in its first entry.
        let is_ods = name.ends_with(".ods")
            || prefix
                .windows(b"opendocument.spreadsheet".len())
                .any(|w| w == b"opendocument.spreadsheet");
        return Some(if is_ods {
            SheetKind::Ods
        } else {
            SheetKind::Xlsx
        });
    }
    prefix
        .starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        .then_some(SheetKind::Xls)
}

fn is_vcard(prefix: &[u8], name: &str) -> bool {
    if name.ends_with(".vcf") || name.ends_with(".vcard") {
        return true;
    }
    // UTF-16 text has a zero byte between ASCII letters; look at the letters alone.
    let ascii: Vec<u8> = prefix
        .iter()
        .filter(|b| **b != 0)
        .map(u8::to_ascii_uppercase)
        .collect();
    ascii
        .windows(b"BEGIN:VCARD".len())
        .any(|w| w == b"BEGIN:VCARD")
}

/// Zero bytes outside UTF-16 text, or mostly control bytes: not a text file.
fn looks_binary(prefix: &[u8]) -> bool {
    let utf16_bom = prefix.starts_with(&[0xFF, 0xFE]) || prefix.starts_with(&[0xFE, 0xFF]);
    if utf16_bom {
        return false;
    }
    let controls = prefix
        .iter()
        .filter(|b| b.is_ascii_control() && !b.is_ascii_whitespace())
        .count();
    prefix.contains(&0) || controls * 20 > prefix.len()
}
