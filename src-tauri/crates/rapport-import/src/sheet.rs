//! Spreadsheets (XLSX, XLS, ODS) through calamine, checked first so a crafted file cannot make
//! the process abort: sheet choice, header row found below title rows, the table's end, date
//! serials as dates.
//!
//! OWNED BY THE SPREADSHEET WORK; this is the agreed interface with a placeholder body.

use std::path::Path;

use crate::fields::{FileError, Reason};
use crate::table::Table;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetKind {
    Xlsx,
    Xls,
    Ods,
}

/// The names of the worksheets, in workbook order.
pub fn sheet_names(_path: &Path, _kind: SheetKind) -> Result<Vec<String>, FileError> {
    Ok(Vec::new())
}

/// Opens one worksheet (the first when `sheet` is `None`) as a table.
pub fn open(_path: &Path, _kind: SheetKind, _sheet: Option<&str>) -> Result<Table, FileError> {
    Err(FileError::new(Reason::UnsupportedFile, "not yet"))
}
