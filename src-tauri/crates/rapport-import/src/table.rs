//! Rows of a delimited file or a spreadsheet, before mapping: what the CSV and spreadsheet
//! readers share, so the rest of the import treats both alike.

use crate::fields::FileError;

/// One data row. `record` counts data rows from 1 in file order (header and title rows
/// excluded, blank rows included), the numbering of the import report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    pub record: u64,
    pub cells: Vec<String>,
}

impl TableRow {
    /// Every cell empty or white space: skipped, never rejected.
    pub fn is_blank(&self) -> bool {
        is_blank(&self.cells)
    }
}

/// Every cell empty or white space.
pub fn is_blank(cells: &[String]) -> bool {
    cells.iter().all(|c| c.trim().is_empty())
}

/// A table read lazily, so a million-row file never sits in memory at once.
pub struct Table {
    /// "csv", "tsv", "xlsx", "xls", "ods".
    pub format: String,
    /// The character encoding the file was read in ("UTF-8", "Shift_JIS", "UTF-16LE", ...);
    /// spreadsheets report "UTF-8" (their text is Unicode by construction).
    pub encoding: String,
    /// The column names; when the file has no header row, "Column 1", "Column 2", ...
    pub headers: Vec<String>,
    pub has_header: bool,
    pub rows: Box<dyn Iterator<Item = Result<TableRow, FileError>> + Send>,
}

impl std::fmt::Debug for Table {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Table")
            .field("format", &self.format)
            .field("encoding", &self.encoding)
            .field("headers", &self.headers)
            .field("has_header", &self.has_header)
            .finish_non_exhaustive()
    }
}

/// Names for the columns of a file without a header row.
pub fn generated_headers(count: usize) -> Vec<String> {
    (1..=count).map(|i| format!("Column {i}")).collect()
}
