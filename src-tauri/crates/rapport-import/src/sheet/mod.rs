//! Spreadsheets (XLSX, XLS, ODS), checked first so a crafted file cannot make the process
//! abort, then read lazily as a [`Table`].
//!
//! **Safety.** calamine allocates from what a workbook declares, and an allocation failure
//! aborts the process. Before any parser runs, [`guard`] opens the package with the `zip`
//! crate and refuses ([`Reason::UnsafeFile`]) archives inflating beyond
//! [`MAX_UNCOMPRESSED_BYTES`] or compressed beyond [`MAX_RATIO`]:1, parts inflating beyond
//! their declared size, shared-string tables declaring more strings than their bytes can hold,
//! and worksheets whose `dimension` or non-empty cells reach beyond [`MAX_COLUMNS`] columns,
//! [`MAX_ROWS`] rows or [`MAX_CELLS`] cells. XLSX sheets are then read with calamine's
//! streaming cell reader (never a dense range); ODS is streamed by this module (calamine
//! would expand every sheet densely at open); XLS goes through calamine's BIFF reader, which
//! builds each sheet as a dense grid in memory, so [`biff`] first walks the records calamine
//! will read and refuses sheets whose declared or used area exceeds the same limits, and
//! files over [`MAX_XLS_BYTES`].
//!
//! **Table shape.**
//! - Sheet: the one named, else the first worksheet with a non-empty cell.
//! - Header: among the first [`HEADER_SEARCH_ROWS`] non-blank rows, the first that
//!   [`mapping::looks_like_header`]; rows above it are titles and skipped. When none does, the
//!   first non-blank row is data and the headers are "Column 1", "Column 2", ... (as many as
//!   the widest of those rows).
//! - Records: numbered from 1 over the sheet rows below the header (or from the first data
//!   row), blank rows included: a blank row between data rows is yielded as a blank
//!   [`TableRow`] so the numbers match the sheet. The table ends at the last non-blank row:
//!   blank rows after it are formatting residue and never yielded. No data row is ever
//!   dropped, whatever the blank rows before it.
//! - Cells: text; numbers without a spurious `.0` (a phone stored as a number keeps its
//!   digits), dates as `YYYY-MM-DD`, date-times as `YYYY-MM-DDTHH:MM:SS`, times as
//!   `HH:MM:SS`, booleans `TRUE`/`FALSE`, formula errors (`#N/A`, ...) as empty. Rows are
//!   padded with empty cells to the header width; a row with a value right of the last
//!   header column is longer than the headers (the core rejects it `column_count_mismatch`).

mod biff;
mod cells;
mod guard;
mod ods;
mod stream;

use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufReader, Read, Seek};
use std::path::Path;

use calamine::{Reader, SheetType, Xls, XlsError, Xlsx, XlsxError};

pub use guard::{
    MAX_CELLS, MAX_COLUMNS, MAX_ENTRIES, MAX_RATIO, MAX_ROWS, MAX_ROW_BYTES,
    MAX_UNCOMPRESSED_BYTES, MAX_XLS_BYTES, RATIO_MIN_BYTES,
};

use crate::fields::{FileError, Reason};
use crate::mapping;
use crate::table::{generated_headers, is_blank, Table, TableRow};
use guard::{unsafe_file, unsupported};
use stream::{RawRow, RowAssembler, Sink, Source};

/// How many non-blank rows at the top of a sheet are searched for the header row.
pub const HEADER_SEARCH_ROWS: usize = 20;

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const ZIP_EMPTY_MAGIC: &[u8] = b"PK\x05\x06";
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetKind {
    Xlsx,
    Xls,
    Ods,
}

impl SheetKind {
    /// The table's `format`: "xlsx", "xls", "ods".
    pub fn format(self) -> &'static str {
        match self {
            Self::Xlsx => "xlsx",
            Self::Xls => "xls",
            Self::Ods => "ods",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::Xlsx => "XLSX",
            Self::Xls => "XLS",
            Self::Ods => "ODS",
        }
    }
}

/// The kind of spreadsheet a file is, from its first bytes (at least 128 are best) and its
/// name: ZIP packages are ODS when their first entry is the ODF spreadsheet mimetype, else
/// XLSX by extension or content types; OLE files are XLS (or, named `.xlsx`, an encrypted
/// XLSX). `None` for anything else.
pub fn kind_of(prefix: &[u8], file_name: &str) -> Option<SheetKind> {
    let ext = Path::new(file_name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let contains = |needle: &[u8]| prefix.windows(needle.len()).any(|w| w == needle);
    if prefix.starts_with(ZIP_MAGIC) {
        if prefix
            .get(30..)
            .is_some_and(|rest| rest.starts_with(b"mimetype"))
            && contains(b"opendocument.spreadsheet")
        {
            return Some(SheetKind::Ods);
        }
        return match ext.as_str() {
            "ods" | "ots" => Some(SheetKind::Ods),
            "xlsx" | "xlsm" | "xltx" | "xltm" => Some(SheetKind::Xlsx),
            _ if contains(b"[Content_Types].xml") => Some(SheetKind::Xlsx),
            _ => None,
        };
    }
    if prefix.starts_with(OLE_MAGIC) {
        return match ext.as_str() {
            "xls" | "xlt" => Some(SheetKind::Xls),
            "xlsx" | "xlsm" => Some(SheetKind::Xlsx),
            _ => None,
        };
    }
    None
}

/// The names of the worksheets, in workbook order.
pub fn sheet_names(path: &Path, kind: SheetKind) -> Result<Vec<String>, FileError> {
    let (file, kind) = identify(path, kind)?;
    match kind {
        SheetKind::Xlsx => {
            let file = check_xlsx(file)?;
            let workbook = open_xlsx(file)?;
            Ok(worksheet_names(workbook.sheets_metadata()))
        }
        SheetKind::Xls => {
            let workbook = open_xls(file)?;
            Ok(worksheet_names(workbook.sheets_metadata()))
        }
        SheetKind::Ods => {
            let (_, tables) = scan_ods(file)?;
            Ok(tables.into_iter().map(|t| t.name).collect())
        }
    }
}

/// Opens one worksheet (the named one, else the first with data) as a table.
pub fn open(path: &Path, kind: SheetKind, sheet: Option<&str>) -> Result<Table, FileError> {
    let (file, kind) = identify(path, kind)?;
    let wanted = sheet.map(str::to_string);
    let source = match kind {
        SheetKind::Xlsx => {
            let file = check_xlsx(file)?;
            stream::spawn(move |sink| read_xlsx(file, wanted, sink))?
        }
        SheetKind::Xls => stream::spawn(move |sink| read_xls(file, wanted, sink))?,
        SheetKind::Ods => {
            let (file, tables) = scan_ods(file)?;
            let index = match &wanted {
                Some(name) => {
                    let names: Vec<String> = tables.iter().map(|t| t.name.clone()).collect();
                    let name = pick(&names, name)?;
                    names.iter().position(|n| *n == name).unwrap_or(0)
                }
                None => tables
                    .iter()
                    .position(|t| t.cells > 0)
                    .ok_or_else(empty_workbook)?,
            };
            stream::spawn(move |sink| {
                let mut zip = zip::ZipArchive::new(BufReader::new(file))
                    .map_err(|e| unsupported(format!("The ODS package is damaged ({e}).")))?;
                ods::walk(&mut zip, Some(index), &mut |row| sink.send(row)).map(|_| ())
            })?
        }
    };
    build_table(kind.format(), source)
}

/// Opens the file once (the checks and the parser then read the same file, not a file that
/// could have been swapped in between) and finds what it really is.
fn identify(path: &Path, kind: SheetKind) -> Result<(File, SheetKind), FileError> {
    let label = kind.label();
    let mut file = File::open(path).map_err(|e| FileError::io(&e))?;
    let len = file.metadata().map_err(|e| FileError::io(&e))?.len();
    if len == 0 {
        return Err(FileError::new(Reason::EmptyFile, "The file is empty."));
    }
    let mut magic = Vec::with_capacity(8);
    (&mut file)
        .take(8)
        .read_to_end(&mut magic)
        .map_err(|e| FileError::io(&e))?;
    file.rewind().map_err(|e| FileError::io(&e))?;
    let found = if magic.starts_with(ZIP_MAGIC) || magic.starts_with(ZIP_EMPTY_MAGIC) {
        let zip = guard::check_zip(BufReader::new(&file), label)?;
        let names: Vec<String> = zip
            .file_names()
            .filter_map(Result::ok)
            .map(|n| n.into_owned())
            .collect();
        let has = |name: &str| names.iter().any(|n| n == name);
        if has("mimetype") {
            SheetKind::Ods
        } else if has("[Content_Types].xml") {
            if has("xl/workbook.bin") && !has("xl/workbook.xml") {
                return Err(unsupported(
                    "The file is an Excel binary workbook (.xlsb), which cannot be imported; save it \
                     as .xlsx and import it again.",
                ));
            }
            SheetKind::Xlsx
        } else if names.is_empty() {
            return Err(FileError::new(
                Reason::EmptyFile,
                "The file is an empty ZIP archive: there is no workbook in it.",
            ));
        } else {
            return Err(unsupported(format!(
                "The file is a ZIP archive but not an {label} workbook (it has no spreadsheet parts)."
            )));
        }
    } else if magic.starts_with(OLE_MAGIC) {
        if len > MAX_XLS_BYTES {
            return Err(unsafe_file(format!(
                "The workbook was refused: at {} MB it is larger than the {} MB allowed for Excel \
                 97–2003 files.",
                len / (1024 * 1024),
                MAX_XLS_BYTES / (1024 * 1024)
            )));
        }
        if holds_utf16(&mut file, "EncryptedPackage")? {
            return Err(password_protected(label));
        }
        SheetKind::Xls
    } else {
        return Err(unsupported(format!(
            "The file is not an {label} workbook: its content is neither a ZIP package (XLSX, ODS) \
             nor an Excel 97–2003 file."
        )));
    };
    file.rewind().map_err(|e| FileError::io(&e))?;
    Ok((file, found))
}

/// Whether an OLE file names a stream `name` (directory entries are UTF-16LE): Office writes an
/// encrypted XLSX as an OLE file with an `EncryptedPackage` stream.
fn holds_utf16(file: &mut File, name: &str) -> Result<bool, FileError> {
    let needle: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let mut reader = BufReader::new(&mut *file);
    let mut window = Vec::new();
    let mut chunk = vec![0u8; 1024 * 1024];
    loop {
        let n = reader.read(&mut chunk).map_err(|e| FileError::io(&e))?;
        if n == 0 {
            break;
        }
        window.extend_from_slice(&chunk[..n]);
        if window.windows(needle.len()).any(|w| w == needle.as_slice()) {
            return Ok(true);
        }
        let keep = window.len().min(needle.len());
        window.drain(..window.len() - keep);
    }
    file.rewind().map_err(|e| FileError::io(&e))?;
    Ok(false)
}

fn password_protected(label: &str) -> FileError {
    unsupported(format!(
        "The {label} workbook is password-protected; save it without a password and import it again."
    ))
}

fn empty_workbook() -> FileError {
    FileError::new(
        Reason::EmptyFile,
        "The workbook has no data: all its sheets are empty.",
    )
}

fn check_xlsx(mut file: File) -> Result<File, FileError> {
    {
        let mut zip = guard::check_zip(BufReader::new(&file), "XLSX")?;
        guard::check_xlsx(&mut zip)?;
    }
    file.rewind().map_err(|e| FileError::io(&e))?;
    Ok(file)
}

fn scan_ods(mut file: File) -> Result<(File, Vec<ods::TableInfo>), FileError> {
    let tables = {
        let mut zip = guard::check_zip(BufReader::new(&file), "ODS")?;
        ods::check_package(&mut zip)?;
        ods::walk(&mut zip, None, &mut |_| true)?
    };
    file.rewind().map_err(|e| FileError::io(&e))?;
    Ok((file, tables))
}

fn worksheet_names(sheets: &[calamine::Sheet]) -> Vec<String> {
    sheets
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect()
}

/// The sheet asked for: exact name, else the same name ignoring case and outer spaces.
fn pick(names: &[String], wanted: &str) -> Result<String, FileError> {
    if let Some(name) = names.iter().find(|n| *n == wanted) {
        return Ok(name.clone());
    }
    let folded = wanted.trim().to_lowercase();
    names
        .iter()
        .find(|n| n.trim().to_lowercase() == folded)
        .cloned()
        .ok_or_else(|| {
            unsupported(format!(
                "The workbook has no sheet named '{wanted}'; its sheets are: {}.",
                names.join(", ")
            ))
        })
}

fn xlsx_error(e: XlsxError) -> FileError {
    match e {
        XlsxError::Password => password_protected("XLSX"),
        e => unsupported(format!("The XLSX workbook cannot be read: {e}.")),
    }
}

fn xls_error(e: XlsError) -> FileError {
    match e {
        XlsError::Password => password_protected("XLS"),
        e => unsupported(format!(
            "The file is not a readable Excel 97–2003 workbook: {e}."
        )),
    }
}

fn open_xlsx(file: File) -> Result<Xlsx<BufReader<File>>, FileError> {
    Xlsx::new(BufReader::new(file)).map_err(xlsx_error)
}

fn open_xls(mut file: File) -> Result<Xls<BufReader<File>>, FileError> {
    biff::check_xls(BufReader::new(&file))?;
    file.rewind().map_err(|e| FileError::io(&e))?;
    Xls::new(BufReader::new(file)).map_err(xls_error)
}

/// Whether a worksheet has a non-blank cell, reading no further than the first one.
fn xlsx_has_data(workbook: &mut Xlsx<BufReader<File>>, name: &str) -> bool {
    let Ok(mut cells) = workbook.worksheet_cells_reader(name) else {
        return false;
    };
    while let Ok(Some(cell)) = cells.next_cell() {
        if !cells::data_ref_text(cell.get_value()).trim().is_empty() {
            return true;
        }
    }
    false
}

fn read_xlsx(file: File, wanted: Option<String>, sink: &Sink) -> Result<(), FileError> {
    let mut workbook = open_xlsx(file)?;
    let names = worksheet_names(workbook.sheets_metadata());
    let name = match wanted {
        Some(wanted) => pick(&names, &wanted)?,
        None => names
            .iter()
            .find(|n| xlsx_has_data(&mut workbook, n))
            .cloned()
            .ok_or_else(empty_workbook)?,
    };
    let mut cells = workbook.worksheet_cells_reader(&name).map_err(xlsx_error)?;
    let mut rows = RowAssembler::default();
    while let Some(cell) = cells.next_cell().map_err(xlsx_error)? {
        let text = cells::data_ref_text(cell.get_value());
        if text.is_empty() {
            continue;
        }
        let (row, col) = cell.get_position();
        if let Some(done) = rows.put(u64::from(row), u64::from(col), text)? {
            if !sink.send(done) {
                return Ok(());
            }
        }
    }
    if let Some(done) = rows.finish() {
        sink.send(done);
    }
    Ok(())
}

fn read_xls(file: File, wanted: Option<String>, sink: &Sink) -> Result<(), FileError> {
    let mut workbook = open_xls(file)?;
    let names = worksheet_names(workbook.sheets_metadata());
    let name = match wanted {
        Some(wanted) => pick(&names, &wanted)?,
        None => names
            .iter()
            .find(|n| {
                workbook.worksheet_range(n).is_ok_and(|range| {
                    range
                        .used_cells()
                        .any(|(_, _, v)| !cells::data_text(v).trim().is_empty())
                })
            })
            .cloned()
            .ok_or_else(empty_workbook)?,
    };
    let range = workbook.worksheet_range(&name).map_err(xls_error)?;
    drop(workbook);
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let mut rows = RowAssembler::default();
    for (i, row) in range.rows().enumerate() {
        for (j, value) in row.iter().enumerate() {
            let text = cells::data_text(value);
            if text.is_empty() {
                continue;
            }
            let (r, c) = (u64::from(row0) + i as u64, u64::from(col0) + j as u64);
            if let Some(done) = rows.put(r, c, text)? {
                if !sink.send(done) {
                    return Ok(());
                }
            }
        }
    }
    if let Some(done) = rows.finish() {
        sink.send(done);
    }
    Ok(())
}

/// Header cells as names: white space collapsed ("E-mail\nAddress" → "E-mail Address"), an
/// empty one named after its position.
fn header_names(cells: Vec<String>) -> Vec<String> {
    cells
        .into_iter()
        .enumerate()
        .map(|(i, cell)| {
            let name = cell.split_whitespace().collect::<Vec<_>>().join(" ");
            if name.is_empty() {
                format!("Column {}", i + 1)
            } else {
                name
            }
        })
        .collect()
}

/// Finds the header row among the first rows and turns the rest into numbered records.
fn build_table(format: &str, mut source: Source) -> Result<Table, FileError> {
    let mut sample: Vec<RawRow> = Vec::new();
    while sample.len() < HEADER_SEARCH_ROWS {
        match source.next() {
            Some(Ok(row)) if !is_blank(&row.cells) => sample.push(row),
            Some(Ok(_)) => {}
            Some(Err(e)) => return Err(e),
            None => break,
        }
    }
    if sample.is_empty() {
        return Err(FileError::new(
            Reason::EmptyFile,
            "The worksheet has no data to import.",
        ));
    }
    let header_at = sample
        .iter()
        .position(|row| mapping::looks_like_header(&row.cells));
    let (headers, has_header, first_row, pending) = match header_at {
        Some(at) => {
            let mut rest = sample.split_off(at);
            let header = rest.remove(0);
            (header_names(header.cells), true, header.index + 1, rest)
        }
        None => {
            let width = sample.iter().map(|r| r.cells.len()).max().unwrap_or(0);
            let first = sample.first().map_or(0, |r| r.index);
            (generated_headers(width), false, first, sample)
        }
    };
    let rows = Rows {
        pending: pending.into(),
        source,
        width: headers.len(),
        first_row,
        next_row: first_row,
        gap: 0,
        held: None,
        done: false,
    };
    Ok(Table {
        format: format.to_string(),
        encoding: "UTF-8".to_string(),
        headers,
        has_header,
        rows: Box::new(rows),
    })
}

/// The records of a sheet: data rows with the blank rows between them, numbered.
struct Rows {
    pending: VecDeque<RawRow>,
    source: Source,
    width: usize,
    /// The sheet row of record 1.
    first_row: u64,
    /// The sheet row of the next record.
    next_row: u64,
    /// Blank rows to yield before `held`.
    gap: u64,
    held: Option<RawRow>,
    done: bool,
}

impl Rows {
    fn record(&mut self, mut cells: Vec<String>) -> TableRow {
        let record = self.next_row - self.first_row + 1;
        self.next_row += 1;
        if cells.len() < self.width {
            cells.resize(self.width, String::new());
        }
        TableRow { record, cells }
    }
}

impl Iterator for Rows {
    type Item = Result<TableRow, FileError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.gap > 0 {
                self.gap -= 1;
                return Some(Ok(self.record(Vec::new())));
            }
            if let Some(row) = self.held.take() {
                return Some(Ok(self.record(row.cells)));
            }
            if self.done {
                return None;
            }
            let next = match self.pending.pop_front() {
                Some(row) => Some(Ok(row)),
                None => self.source.next(),
            };
            match next {
                None => {
                    self.done = true;
                    return None;
                }
                Some(Err(e)) => {
                    self.done = true;
                    return Some(Err(e));
                }
                // Blank rows are yielded only when data follows them (see the module notes).
                Some(Ok(row)) if is_blank(&row.cells) => {}
                Some(Ok(row)) => {
                    // A row out of order (only in a crafted file) takes the next number.
                    let index = row.index.max(self.next_row);
                    self.gap = index - self.next_row;
                    self.held = Some(row);
                }
            }
        }
    }
}
