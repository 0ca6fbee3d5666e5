//! Readers for the files people import contacts from, and the mapping of their columns to
//! contact fields. Nothing here touches the database: the core validates what these readers
//! give and stores it.
//!
//! A file becomes either a [`Table`] (CSV, TSV, spreadsheets: rows of cells plus a column
//! [`mapping::Mapping`]) or a [`vcard::CardFile`] (cards already in [`ContactFields`]).

pub mod decode;
pub mod delimited;
pub mod fields;
pub mod mapping;
pub mod sheet;
pub mod table;
pub mod vcard;

pub use fields::{ContactFields, FileError, Reason, Rejection};
pub use table::{Table, TableRow};
