//! Which contact field each column feeds: found automatically from header names (Outlook,
//! Google, Thunderbird, Apple and localised exports), adjustable by the user, and applied to
//! each row to give its [`ContactFields`].
//!
//! OWNED BY THE DELIMITED-FILES WORK; this is the agreed interface with a placeholder body.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::fields::{ContactFields, FileError, PhoneUsage, Usage};
use crate::table::TableRow;

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
        unimplemented_placeholder()
    }

    pub fn parse(_key: &str) -> Option<Self> {
        None
    }
}

/// One target per column, in column order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping {
    pub targets: Vec<Target>,
}

/// The mapping found from the headers (or, for a file without a header row, from the first
/// rows' contents).
pub fn auto(headers: &[String], _has_header: bool, _sample: &[TableRow]) -> Mapping {
    Mapping {
        targets: vec![Target::Note; headers.len()],
    }
}

/// Applies a user's `{"header": "key"}` choices over a mapping. An unknown header or key is
/// refused with a message naming it.
pub fn apply_overrides(
    _mapping: &mut Mapping,
    _headers: &[String],
    _overrides: &BTreeMap<String, String>,
) -> Result<(), FileError> {
    Ok(())
}

/// The fields one row gives under a mapping.
pub fn apply(_mapping: &Mapping, _headers: &[String], _cells: &[String]) -> ContactFields {
    ContactFields::default()
}

/// Whether a row reads as a header row (most non-empty cells are known column names).
pub fn looks_like_header(cells: &[String]) -> bool {
    cells.iter().any(|c| {
        let c = c.trim().to_lowercase();
        c.contains("name") || c.contains("mail")
    })
}

fn unimplemented_placeholder() -> String {
    String::new()
}
