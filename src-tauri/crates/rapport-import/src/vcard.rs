//! vCard 2.1, 3.0 and 4.0 files.
//!
//! OWNED BY THE VCARD WORK; this is the agreed interface with a placeholder body.

use crate::fields::{ContactFields, FileError, Reason, Rejection};

/// One card, numbered from 1 in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub record: u64,
    pub outcome: Result<ContactFields, Rejection>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardFile {
    /// The character set the text was read in ("UTF-8" unless the file says otherwise).
    pub encoding: String,
    pub cards: Vec<Card>,
}

/// Reads every card of a file.
pub fn read(_bytes: &[u8]) -> Result<CardFile, FileError> {
    Err(FileError::new(Reason::UnsupportedFile, "not yet"))
}
